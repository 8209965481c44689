package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.sim.scenario.internal.DidYouMean;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The scenarios shipped in the jar, as classpath resources {@code
 * dev/residency/sim/scenario/builtin/<name>.yaml}. Every figure in them comes from the project's
 * public-facts sheet with its source in a comment, or is marked {@code # estimate:} with its
 * reasoning. Stateless and thread-safe.
 */
public final class BuiltInScenarios {

    private static final String RESOURCE_DIR = "dev/residency/sim/scenario/builtin/";

    private static final ImmutableMap<String, String> DESCRIPTIONS = ImmutableMap.<String, String>builder()
            .put(
                    "microsoft-tiktok-2020",
                    "Microsoft's 2 Aug 2020 proposal, read as jurisdiction and operator: US users' data from"
                            + " TikTok's Virginia and Singapore sites to Microsoft's US regions once the deal could"
                            + " close (15 Sep 2020), by the 12 Nov 2020 divestment deadline")
            .put(
                    "microsoft-tiktok-2020-jurisdiction-only",
                    "The 2020 proposal read as Microsoft's words say, jurisdiction only: US data in the US,"
                            + " whoever runs the servers")
            .put(
                    "microsoft-tiktok-2020-in-country",
                    "The 2020 proposal with each Canadian, Australian and New Zealand user's data kept in-country")
            .put(
                    "india-europe-what-if",
                    "The 2020 deal extended to India and Europe: approval gates, destinations built first, Indian"
                            + " data stranded by the 29 Jun 2020 ban")
            .put(
                    "project-texas-2022",
                    "TikTok's Project Texas: US data to Oracle by June 2022, legacy copies and backups in Virginia"
                            + " and Singapore deleted through 2023")
            .put(
                    "project-clover-2024",
                    "TikTok's Project Clover: European data to two Dublin sites from Sep 2023, then a Norway site"
                            + " delayed to Nov 2024")
            .put(
                    "eu-data-boundary",
                    "Microsoft's EU Data Boundary: three phases (Jan 2023, Jan 2024, Feb 2025), the last two late")
            .put(
                    "stress-hard-deadline",
                    "Stress case: hard deadline, failing links, a scheduled outage and a destination short of"
                            + " storage")
            .build();

    private BuiltInScenarios() {}

    /** Returns the names of the built-in scenarios, in a stable order. */
    public static ImmutableList<String> names() {
        return DESCRIPTIONS.keySet().asList();
    }

    /** Returns the one-line description of the built-in scenario {@code name}, if there is one. */
    public static Optional<String> description(String name) {
        return Optional.ofNullable(DESCRIPTIONS.get(checkNotNull(name, "name")));
    }

    /**
     * Returns the YAML text of the built-in scenario {@code name}.
     *
     * @throws IllegalArgumentException if there is no such built-in scenario
     * @throws UncheckedIOException if the resource cannot be read (a broken jar)
     */
    public static String source(String name) {
        checkNotNull(name, "name");
        checkArgument(
                DESCRIPTIONS.containsKey(name),
                "no built-in scenario \"%s\"%s (known: %s)",
                name,
                DidYouMean.hint(name, DESCRIPTIONS.keySet()),
                String.join(", ", DESCRIPTIONS.keySet()));
        String resource = RESOURCE_DIR + name + ".yaml";
        try (InputStream in = BuiltInScenarios.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing resource " + resource));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads the built-in scenario {@code name}.
     *
     * @throws IllegalArgumentException if there is no such built-in scenario
     * @throws ScenarioException if it does not validate on this JVM (for instance, too small a heap)
     */
    public static Scenario load(String name) {
        return ScenarioLoader.load(source(name), "builtin:" + name);
    }
}
