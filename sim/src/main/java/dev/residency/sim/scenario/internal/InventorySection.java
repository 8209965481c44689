package dev.residency.sim.scenario.internal;

import com.google.common.collect.ImmutableMap;
import dev.residency.data.Category;
import dev.residency.inventory.InventoryColumns;
import dev.residency.inventory.InventoryFormat;
import dev.residency.inventory.InventorySource;
import dev.residency.inventory.ObjectShards;
import dev.residency.sim.scenario.PopulationSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code population.inventory}: where an object inventory is (a file or glob, relative to the
 * scenario file's folder), its format, which column holds which attribute (when {@code columns} is
 * given it names id, home, category, sites and bytes, and legalHold if the inventory has one; when
 * absent, the generator's names are used), the shards per group and
 * whether ids are promised unique. The files themselves are read by an inventory engine, which checks
 * every row before planning.
 */
final class InventorySection {

    private static final String[] KEYS = {"path", "format", "columns", "shards", "uniqueIds"};
    private static final String[] COLUMN_KEYS = {
        InventoryColumns.ID,
        InventoryColumns.HOME,
        InventoryColumns.CATEGORY,
        InventoryColumns.SITES,
        InventoryColumns.BYTES,
        InventoryColumns.LEGAL_HOLD
    };

    private InventorySection() {}

    /** Reads {@code population.inventory} of {@code p}; empty if it has errors (reported). */
    static Optional<PopulationSource> read(Node p, Map<String, Category> categories, Optional<Path> baseDir) {
        Node n = p.field("inventory");
        int before = n.errors().count();
        for (String key : PopulationSection.NOT_WITH_INVENTORY) {
            if (p.field(key).present()) {
                p.field(key).error("not allowed with population.inventory: the inventory lists the objects");
            }
        }
        if (p.field("scale").present()) {
            p.field("scale")
                    .as(Scalars::positiveInt)
                    .filter(s -> s != 1)
                    .ifPresent(s -> p.field("scale")
                            .error("must be 1 (or absent) with population.inventory: its objects are real, was %s", s));
        }
        if (!n.mapping(KEYS)) {
            return Optional.empty();
        }
        Optional<String> path = n.required("path", Scalars::nonBlank)
                .map(text -> baseDir.filter(d -> !Path.of(text).isAbsolute())
                        .map(d -> d.resolve(text).toString())
                        .orElse(text));
        InventoryFormat format = n.orDefault(
                "format",
                v -> InventoryFormat.byName(Scalars.nonBlank(v))
                        .orElseThrow(() -> new IllegalArgumentException(
                                Scalars.describe(v) + " is not a format (use parquet or csv)")),
                InventoryFormat.PARQUET);
        int shards = n.orDefault(
                "shards",
                v -> {
                    int s = Scalars.positiveInt(v);
                    if (s > ObjectShards.MAX_SHARDS) {
                        throw new IllegalArgumentException(Scalars.describe(v) + " is more than the "
                                + ObjectShards.MAX_SHARDS + " shards allowed");
                    }
                    return s;
                },
                InventorySource.DEFAULT_SHARDS);
        boolean unique = n.orDefault("uniqueIds", Scalars::bool, false);
        Optional<InventoryColumns> columns = columns(n.field("columns"));
        if (n.errors().count() != before || path.isEmpty() || columns.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PopulationSource.Inventory(
                new InventorySource(path.get(), format, columns.get(), shards, unique),
                ImmutableMap.copyOf(categories),
                Optional.empty()));
    }

    private static Optional<InventoryColumns> columns(Node c) {
        if (!c.present()) {
            return Optional.of(InventoryColumns.DEFAULT);
        }
        if (!c.mapping(COLUMN_KEYS)) {
            return Optional.empty();
        }
        Node.Parser<String> name = v -> {
            String s = Scalars.nonBlank(v);
            if (s.contains("\"")) {
                throw new IllegalArgumentException(Scalars.describe(v) + " must not contain '\"'");
            }
            return s;
        };
        int before = c.errors().count();
        Optional<String> id = c.required(InventoryColumns.ID, name);
        Optional<String> home = c.required(InventoryColumns.HOME, name);
        Optional<String> category = c.required(InventoryColumns.CATEGORY, name);
        Optional<String> sites = c.required(InventoryColumns.SITES, name);
        Optional<String> bytes = c.required(InventoryColumns.BYTES, name);
        Optional<String> hold = c.optional(InventoryColumns.LEGAL_HOLD, name);
        if (c.errors().count() != before) {
            return Optional.empty();
        }
        return Optional.of(new InventoryColumns(
                id.orElseThrow(),
                home.orElseThrow(),
                category.orElseThrow(),
                sites.orElseThrow(),
                bytes.orElseThrow(),
                hold));
    }
}
