package dev.residency.sim.scenario.internal;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.google.common.collect.ImmutableList;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.sim.scenario.CostInputs;
import dev.residency.sim.scenario.ObservedMilestone;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioError;
import dev.residency.sim.scenario.ScenarioException;
import dev.residency.sim.scenario.UncertainInput;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The YAML scenario reader behind {@link dev.residency.sim.scenario.ScenarioLoader} (schema: {@code
 * docs/scenario-schema.md}).
 *
 * <p>The YAML is read into a Jackson tree only ({@code readTree}): no data binding, no polymorphic
 * typing, no class names from the file, and YAML tags are ignored. Unquoted {@code yes/no/on/off} stay
 * text (so Norway's {@code NO} is a country code) and a key given twice is an error. The tree is then
 * walked section by section, collecting every error with its path, and cross-checked (references,
 * the policy against the fleet, the population against the heap) before anything is built. Stateless
 * and thread-safe. Internal: call {@code ScenarioLoader}.
 */
public final class ScenarioReader {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final String[] KEYS = {
        "name",
        "description",
        "assumptions",
        "categories",
        "sites",
        "links",
        "population",
        "policy",
        "planning",
        "run",
        "observed",
        "costs"
    };

    private ScenarioReader() {}

    /**
     * Reads and validates a scenario from YAML text.
     *
     * @param text the file's content
     * @param source the file or resource name, for the exception's message
     * @param baseDir the directory a CSV population is resolved against, if any
     * @param maxHeapBytes the heap the population must fit in
     * @return the scenario
     * @throws ScenarioException listing every problem
     */
    public static Scenario read(String text, String source, Optional<Path> baseDir, long maxHeapBytes) {
        return read(text, source, baseDir, maxHeapBytes, Overrides.NONE);
    }

    /**
     * Reads and validates a scenario from YAML text with {@code overrides} put into its tree first, so
     * that they are validated like the file; errors that concern an override say so.
     *
     * @throws ScenarioException listing every problem of the file and the overrides
     */
    public static Scenario read(
            String text, String source, Optional<Path> baseDir, long maxHeapBytes, Overrides overrides) {
        try {
            return readTree(text, source, baseDir, maxHeapBytes, overrides);
        } catch (ScenarioException e) {
            if (overrides.isEmpty()) {
                throw e;
            }
            throw new ScenarioException(source, OverrideErrors.annotate(e.errors(), overrides));
        }
    }

    /**
     * Returns the estimates written as distributions in the text (after {@code overrides}), in document
     * order, with their central values and plausible ranges.
     *
     * @throws ScenarioException if the text is not YAML, or an override or a distribution is malformed
     */
    public static ImmutableList<UncertainInput> uncertainInputs(String text, String source, Overrides overrides) {
        Errors errors = new Errors();
        JsonNode tree = parse(text, errors);
        ImmutableList<UncertainInput> found = ImmutableList.of();
        if (tree != null) {
            OverrideApplier.apply(tree, overrides, MAPPER, errors);
            found = Uncertainty.centralise(tree, errors);
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(source, OverrideErrors.annotate(errors.all(), overrides));
        }
        return found;
    }

    private static Scenario readTree(
            String text, String source, Optional<Path> baseDir, long maxHeapBytes, Overrides overrides) {
        Errors errors = new Errors();
        JsonNode tree = parse(text, errors);
        if (tree == null) {
            throw new ScenarioException(source, errors.all());
        }
        OverrideApplier.apply(tree, overrides, MAPPER, errors);
        Uncertainty.centralise(tree, errors);
        Node root = new Node(tree, "", errors);
        if (!root.mapping(KEYS)) {
            throw new ScenarioException(source, errors.all());
        }
        String name = root.required("name", ScenarioReader::scenarioName).orElse("unnamed");
        String description = root.orDefault("description", Scalars::text, "");
        ImmutableList<String> assumptions = root.field("assumptions").elements().stream()
                .map(n -> n.as(Scalars::nonBlank))
                .flatMap(Optional::stream)
                .collect(ImmutableList.toImmutableList());
        Map<String, Category> categories = PopulationSection.categories(root);
        Fleet fleet = Fleet.read(root);
        Optional<PopulationSection.Result> population =
                PopulationSection.read(root, fleet, categories, RunSection.peekSeed(root), baseDir);
        // An inventory's homes are known only once an engine has scanned it (after loading).
        Optional<Set<Jurisdiction>> homes = population
                .filter(p -> !(p.source() instanceof PopulationSource.Inventory))
                .map(p -> p.source().users().entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toCollection(java.util.TreeSet::new)));
        Optional<ResidencyPolicy> policy = PolicySection.read(root, categories, name, fleet);
        PlanningSettings planning = PlanningSection.read(root, fleet, homes);
        Optional<RunSettings> read = RunSection.read(
                root,
                fleet,
                homes,
                categories,
                population.map(PopulationSection.Result::scale).orElse(1));
        ImmutableList<ObservedMilestone> observed = ObservedSection.read(
                root,
                fleet.siteIds,
                homes,
                policy,
                read.map(RunSettings::phases).orElse(ImmutableList.of()));
        CostInputs costs = CostsSection.read(root, fleet);
        Optional<RunSettings> run =
                read.map(r -> r.toBuilder().observed(observed).costs(costs).build());

        if (policy.isPresent() && fleet.topology.isPresent() && homes.isPresent()) {
            ScenarioChecks.policyAllowsSomeSite(
                    root,
                    policy.get(),
                    fleet.topology.get(),
                    homes.orElseThrow(),
                    categories,
                    population.get().source().categoryNames());
        }
        population.ifPresent(p -> ScenarioChecks.populationFitsHeap(root, p.source(), p.scale(), maxHeapBytes));
        fleet.topology.ifPresent(t -> ScenarioLimits.storage(root, t));
        population.ifPresent(p -> ScenarioLimits.batches(
                root, ScenarioLimits.populationBytes(root, p.source(), p.scale()), planning.targetBatchBytes()));
        run.ifPresent(r -> ScenarioLimits.replications(root, r, maxHeapBytes));
        if (run.isPresent() && population.isPresent()) {
            ScenarioLimits.liveWrites(root, run.get(), population.get().source());
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(source, errors.all());
        }
        try {
            return new Scenario(
                    name,
                    description,
                    fleet.topology.orElseThrow(),
                    population.orElseThrow().source(),
                    population.orElseThrow().scale(),
                    policy.orElseThrow(),
                    planning,
                    run.orElseThrow(),
                    assumptions);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(source, List.of(new ScenarioError(ScenarioError.DOCUMENT, e.getMessage())));
        }
    }

    /** The longest scenario name: it heads the report and names the default output folder. */
    public static final int MAX_NAME_LENGTH = 100;

    /** Parses the scenario's name: one line of at most {@link #MAX_NAME_LENGTH} printable characters. */
    private static String scenarioName(JsonNode v) {
        String name = Scalars.nonBlank(v);
        if (name.contains("\n") || name.contains("\r")) {
            throw new IllegalArgumentException("must be one line (it heads the report)");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("must not contain control characters");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(String.format(
                    "has %d characters, more than the limit of %d (it names the report folder)",
                    name.length(), MAX_NAME_LENGTH));
        }
        return name;
    }

    /** Parses YAML into a tree, or reports why it cannot and returns null. */
    private static JsonNode parse(String text, Errors errors) {
        return YamlStructure.read(MAPPER, text, errors);
    }
}
