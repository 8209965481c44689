package dev.residency.sim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.math.LongMath;
import dev.residency.data.Category;
import dev.residency.data.CategoryShare;
import dev.residency.data.PopulationSpec;
import dev.residency.geo.Jurisdiction;
import dev.residency.sim.scenario.AggregateRow;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.units.DataSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the top-level {@code categories} and the {@code population} section: generator parameters,
 * or aggregated rows inline ({@code rows}) or in a CSV file ({@code csv}). Applies the scale: users
 * and record counts are divided by it, record sizes multiplied, bytes kept real.
 */
final class PopulationSection {

    private static final String[] KEYS = {
        "scale",
        "seed",
        "users",
        "recordsPerUser",
        "legalHoldFraction",
        "categories",
        "placements",
        "defaultPlacement",
        "csv",
        "rows",
        "inventory"
    };
    /** The keys that describe synthetic records, refused beside {@code inventory}. */
    static final List<String> NOT_WITH_INVENTORY = List.of(
            "seed",
            "users",
            "recordsPerUser",
            "legalHoldFraction",
            "categories",
            "placements",
            "defaultPlacement",
            "csv",
            "rows");

    private static final List<String> GENERATOR_ONLY =
            List.of("users", "recordsPerUser", "legalHoldFraction", "categories", "placements", "defaultPlacement");
    private static final String[] CATEGORY_KEYS = {"name", "movable", "deletable", "exceptable"};
    private static final String[] SHARE_KEYS = {"name", "weight", "medianSize", "sigma"};
    private static final String[] ROW_KEYS = {"home", "category", "sites", "records", "bytes", "users", "legalHold"};
    private static final String[] REQUIRED_COLUMNS = {"home", "category", "sites", "records", "bytes"};
    private static final double DEFAULT_SIGMA = 1.0;

    /** The population read, with its scale. */
    record Result(PopulationSource source, int scale) {}

    private PopulationSection() {}

    /** Returns the built-in categories, replaced or extended by the file's {@code categories}. */
    static Map<String, Category> categories(Node root) {
        Map<String, Category> known = new LinkedHashMap<>();
        Category.BUILT_IN.forEach(c -> known.put(c.name(), c));
        for (Node n : root.field("categories").elements()) {
            if (!n.mapping(CATEGORY_KEYS)) {
                continue;
            }
            Optional<String> name =
                    n.required("name", v -> new Category(Scalars.nonBlank(v), true, true, false).name());
            boolean movable = n.orDefault("movable", Scalars::bool, true);
            boolean deletable = n.orDefault("deletable", Scalars::bool, true);
            boolean exceptable = n.orDefault("exceptable", Scalars::bool, false);
            name.ifPresent(s -> known.put(s, new Category(s, movable, deletable, exceptable)));
        }
        return known;
    }

    /** Parses a category name that must be known. */
    static Node.Parser<String> categoryRef(Map<String, Category> known) {
        return v -> {
            String name = Scalars.nonBlank(v);
            if (!known.containsKey(name)) {
                throw new IllegalArgumentException(
                        "\"" + name + "\" is not a category" + DidYouMean.hint(name, known.keySet()));
            }
            return name;
        };
    }

    /** Reads {@code population}; empty if it is missing or has errors (reported). */
    static Optional<Result> read(
            Node root, Fleet fleet, Map<String, Category> categories, long defaultSeed, Optional<Path> baseDir) {
        Node p = root.field("population");
        if (!p.requiredMapping(KEYS)) {
            return Optional.empty();
        }
        int before = p.errors().count();
        if (p.field("inventory").present()) {
            Optional<PopulationSource> inventory = InventorySection.read(p, categories, baseDir);
            return p.errors().count() == before ? inventory.map(s -> new Result(s, 1)) : Optional.empty();
        }
        int scale = p.orDefault("scale", Scalars::positiveInt, 1);
        boolean aggregated = p.field("csv").present() || p.field("rows").present();
        Optional<PopulationSource> source;
        if (aggregated) {
            for (String key : GENERATOR_ONLY) {
                if (p.field(key).present()) {
                    p.field(key)
                            .error(
                                    "not allowed with population.%s: an aggregated population gives its records"
                                            + " directly",
                                    p.field("csv").present() ? "csv" : "rows");
                }
            }
            source = aggregated(p, fleet, categories, scale, baseDir);
        } else {
            source = generated(p, fleet, categories, scale, p.orDefault("seed", Scalars::wholeNumber, defaultSeed));
        }
        return p.errors().count() == before ? source.map(s -> new Result(s, scale)) : Optional.empty();
    }

    private static Optional<PopulationSource> generated(
            Node p, Fleet fleet, Map<String, Category> categories, int scale, long seed) {
        int before = p.errors().count();
        Node usersNode = p.field("users");
        if (!usersNode.present()) {
            usersNode.error("required field is missing (or give population.csv or population.rows)");
        }
        Map<Jurisdiction, Integer> users = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : usersNode.entries()) {
            Optional<Jurisdiction> home = keyJurisdiction(e);
            Optional<Long> real = e.getValue().as(Scalars::nonNegativeLong);
            if (home.isPresent() && real.isPresent()) {
                long synthetic = real.get() == 0 ? 0 : Math.max(1, Math.round((double) real.get() / scale));
                if (synthetic > Integer.MAX_VALUE) {
                    e.getValue()
                            .error(
                                    "%s users at scale %s is too many synthetic users (at most %s): raise"
                                            + " population.scale",
                                    real.get(), scale, Integer.MAX_VALUE);
                } else {
                    users.put(home.get(), (int) synthetic);
                }
            }
        }
        if (usersNode.present()
                && usersNode.json().isObject()
                && usersNode.json().isEmpty()) {
            usersNode.error("must give at least one jurisdiction's users");
        }
        double recordsPerUser = p.orDefault(
                "recordsPerUser",
                v -> {
                    double d = Scalars.number(v);
                    if (d < 1) {
                        throw new IllegalArgumentException(Scalars.describe(v) + " must be at least 1");
                    }
                    return d;
                },
                1.0);
        double legalHold = p.orDefault("legalHoldFraction", Scalars::probability, 0.0);

        List<CategoryShare> shares = new ArrayList<>();
        Node sharesNode = p.field("categories");
        if (!sharesNode.present()) {
            sharesNode.error("required field is missing");
        }
        List<String> seen = new ArrayList<>();
        for (Node n : sharesNode.elements()) {
            if (!n.mapping(SHARE_KEYS)) {
                continue;
            }
            Optional<String> name = n.required("name", categoryRef(categories));
            double weight = n.orDefault("weight", Scalars::positiveNumber, 1.0);
            Optional<DataSize> median = n.required("medianSize", Scalars::positiveDataSize);
            double sigma = n.orDefault(
                    "sigma",
                    v -> {
                        double d = Scalars.nonNegativeNumber(v);
                        if (d > ScenarioLimits.MAX_SIGMA) {
                            throw new IllegalArgumentException(
                                    Scalars.describe(v) + " is more than the limit of " + ScenarioLimits.MAX_SIGMA);
                        }
                        return d;
                    },
                    DEFAULT_SIGMA);
            if (name.isPresent() && seen.contains(name.get())) {
                n.field("name").error("category \"%s\" is listed twice", name.get());
                continue;
            }
            name.ifPresent(seen::add);
            if (name.isPresent() && median.isPresent()) {
                long bytes = median.get().bytes();
                if (bytes > Long.MAX_VALUE / scale) {
                    n.field("medianSize")
                            .error(
                                    "\"%s\" times scale %s does not fit in a long of bytes",
                                    n.field("medianSize").json().asText(), scale);
                    continue;
                }
                shares.add(
                        new CategoryShare(categories.get(name.get()), weight, DataSize.ofBytes(bytes * scale), sigma));
            }
        }
        if (sharesNode.json().isArray() && sharesNode.json().isEmpty()) {
            sharesNode.error("must list at least one category");
        }

        Map<Jurisdiction, ImmutableList<String>> placements = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : p.field("placements").entries()) {
            Optional<Jurisdiction> home = keyJurisdiction(e);
            Optional<ImmutableList<String>> sites = siteList(e.getValue(), fleet);
            if (home.isPresent() && sites.isPresent()) {
                placements.put(home.get(), sites.get());
            }
        }
        Optional<ImmutableList<String>> fallback =
                p.field("defaultPlacement").present() ? siteList(p.field("defaultPlacement"), fleet) : Optional.empty();
        for (Map.Entry<Jurisdiction, Integer> e : users.entrySet()) {
            boolean given = placements.containsKey(e.getKey())
                    || p.field("placements").field(e.getKey().code()).present();
            if (e.getValue() > 0 && !given && !p.field("defaultPlacement").present()) {
                p.field("placements")
                        .error(
                                "users of %s have no placement (add placements.%s or defaultPlacement)",
                                e.getKey(), e.getKey());
            }
        }
        try {
            return Optional.of(new PopulationSource.Generated(new PopulationSpec(
                    seed,
                    ImmutableMap.copyOf(users),
                    recordsPerUser,
                    ImmutableList.copyOf(shares),
                    ImmutableMap.copyOf(placements),
                    fallback,
                    legalHold)));
        } catch (IllegalArgumentException e) {
            if (p.errors().count() == before) {
                p.error("%s", e.getMessage());
            }
            return Optional.empty();
        }
    }

    private static Optional<Jurisdiction> keyJurisdiction(Map.Entry<String, Node> e) {
        try {
            return Optional.of(Jurisdiction.of(e.getKey()));
        } catch (IllegalArgumentException ex) {
            e.getValue().error("%s", ex.getMessage());
            return Optional.empty();
        }
    }

    /** Reads a list of site ids, given as a YAML list or as text separated by ';' (as in CSV cells). */
    static Optional<ImmutableList<String>> siteList(Node n, Fleet fleet) {
        int before = n.errors().count();
        List<String> ids = new ArrayList<>();
        if (n.json().isTextual()) {
            for (String part : n.json().textValue().split("[;|]")) {
                try {
                    ids.add(Fleet.knownSite(JsonNodeFactory.instance.textNode(part.strip()), fleet.siteIds));
                } catch (IllegalArgumentException e) {
                    n.error("%s", e.getMessage());
                }
            }
        } else {
            for (Node item : n.elements()) {
                item.as(fleet.siteRef()).ifPresent(ids::add);
            }
        }
        if (ids.isEmpty() && n.errors().count() == before) {
            n.error("must name at least one site");
        }
        return n.errors().count() == before ? Optional.of(ImmutableList.copyOf(ids)) : Optional.empty();
    }

    private static Optional<PopulationSource> aggregated(
            Node p, Fleet fleet, Map<String, Category> categories, int scale, Optional<Path> baseDir) {
        int before = p.errors().count();
        List<Node> rowNodes = new ArrayList<>();
        if (p.field("csv").present() && p.field("rows").present()) {
            p.field("rows").error("give either population.csv or population.rows, not both");
            return Optional.empty();
        }
        if (p.field("rows").present()) {
            rowNodes.addAll(p.field("rows").elements());
        } else {
            p.optional("csv", Scalars::nonBlank)
                    .ifPresent(file -> rowNodes.addAll(csvRows(p.field("csv"), file, baseDir)));
        }
        List<AggregateRow> rows = new ArrayList<>();
        for (Node n : rowNodes) {
            if (!n.mapping(ROW_KEYS)) {
                continue;
            }
            var home = n.required("home", Scalars::jurisdiction);
            var category = n.required("category", categoryRef(categories));
            var sites = n.field("sites").present()
                    ? siteList(n.field("sites"), fleet)
                    : Optional.<ImmutableList<String>>empty();
            if (!n.field("sites").present()) {
                n.field("sites").error("required field is missing");
            }
            var records = n.required("records", Scalars::positiveLong);
            var bytes = n.required("bytes", Scalars::dataSize);
            var users = n.optional("users", Scalars::positiveLong);
            boolean hold = n.orDefault("legalHold", Scalars::bool, false);
            if (records.isPresent() && users.isPresent() && users.get() > records.get()) {
                n.field("users").error("%s is more than the row's %s records", users.get(), records.get());
                continue;
            }
            if (home.isPresent()
                    && category.isPresent()
                    && sites.isPresent()
                    && records.isPresent()
                    && bytes.isPresent()) {
                rows.add(new AggregateRow(
                                home.get(),
                                categories.get(category.get()),
                                sites.get(),
                                records.get(),
                                bytes.get().bytes(),
                                users.orElse(records.get()),
                                hold)
                        .rescaled(scale));
            }
        }
        if (rowNodes.isEmpty() && p.errors().count() == before) {
            p.field(p.field("rows").present() ? "rows" : "csv").error("has no rows");
        }
        long total = 0;
        for (AggregateRow row : rows) {
            total = LongMath.saturatedAdd(total, row.records());
        }
        if (total > PopulationSource.Aggregated.MAX_RECORDS) {
            p.field(p.field("rows").present() ? "rows" : "csv")
                    .error(
                            "%s synthetic records at scale %d are more than one record store holds (%s);"
                                    + " raise population.scale to at least %d",
                            total == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : String.valueOf(total),
                            scale,
                            PopulationSource.Aggregated.MAX_RECORDS,
                            (long) Math.min(
                                    Long.MAX_VALUE,
                                    Math.ceil((double) scale * total / PopulationSource.Aggregated.MAX_RECORDS)));
            return Optional.empty();
        }
        return p.errors().count() == before && !rows.isEmpty()
                ? Optional.of(new PopulationSource.Aggregated(ImmutableList.copyOf(rows)))
                : Optional.empty();
    }

    /**
     * Reads a CSV file of aggregated rows into YAML-like nodes, so that its cells are checked like
     * inline rows: a header naming the columns (those of a row), then one row per line; no quoting,
     * site lists separated by ';'; blank lines and lines starting with '#' are skipped.
     */
    private static List<Node> csvRows(Node csvNode, String file, Optional<Path> baseDir) {
        Optional<List<String>> read = CsvFile.readLines(csvNode, file, baseDir);
        if (read.isEmpty()) {
            return List.of();
        }
        List<String> lines = read.get();
        List<Node> out = new ArrayList<>();
        String[] header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells =
                    Arrays.stream(line.split(",", -1)).map(String::strip).toArray(String[]::new);
            if (header == null) {
                header = cells;
                List<String> columns = Arrays.asList(header);
                if (!Arrays.stream(REQUIRED_COLUMNS).allMatch(columns::contains)
                        || !List.of(ROW_KEYS).containsAll(columns)) {
                    // Not our format: say so without quoting the file, which may be anything.
                    csvNode.error(
                            "\"%s\" line %d is not a header naming the columns %s (and optionally %s)",
                            file, i + 1, String.join(", ", REQUIRED_COLUMNS), "users, legalHold");
                    return List.of();
                }
                continue;
            }
            Node row = new Node(
                    JsonNodeFactory.instance.objectNode(), csvNode.path() + "[line " + (i + 1) + "]", csvNode.errors());
            if (cells.length != header.length) {
                row.error("has %d cells, the header has %d", cells.length, header.length);
                continue;
            }
            ObjectNode object = (ObjectNode) row.json();
            for (int c = 0; c < cells.length; c++) {
                if (!cells[c].isEmpty()) {
                    object.set(header[c], cell(cells[c]));
                }
            }
            out.add(row);
        }
        return out;
    }

    private static JsonNode cell(String text) {
        if (text.equals("true") || text.equals("false")) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text));
        }
        return JsonNodeFactory.instance.textNode(text);
    }
}
