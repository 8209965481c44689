package dev.residency.sim.scenario.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.google.common.collect.ImmutableList;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.PopulationSource;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioError;
import dev.residency.sim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.Arrays;
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
        "name", "description", "assumptions", "categories", "sites", "links", "population", "policy", "planning", "run"
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
        Errors errors = new Errors();
        JsonNode tree = parse(text, errors);
        if (tree == null) {
            throw new ScenarioException(source, errors.all());
        }
        Node root = new Node(tree, "", errors);
        if (!root.mapping(KEYS)) {
            throw new ScenarioException(source, errors.all());
        }
        String name = root.required("name", Scalars::nonBlank).orElse("unnamed");
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
        Optional<ResidencyPolicy> policy = PolicySection.read(root, categories, name);
        PlanningSettings planning = PlanningSection.read(root, fleet, homes);
        Optional<RunSettings> run = RunSection.read(
                root,
                fleet,
                homes,
                categories,
                population.map(PopulationSection.Result::scale).orElse(1));

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

    /** Parses YAML into a tree, or reports why it cannot and returns null. */
    private static JsonNode parse(String text, Errors errors) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            errors.add("", "not valid YAML%s: %s", where, summary(e.getOriginalMessage()));
            return null;
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            errors.add("", "the document is empty");
            return null;
        }
        return tree;
    }

    /** Keeps the explanatory lines of a SnakeYAML message, dropping its snippet and caret lines. */
    private static String summary(String message) {
        if (message == null) {
            return "unreadable";
        }
        return Arrays.stream(message.split("\\R"))
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining(": "));
    }
}
