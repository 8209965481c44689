package dev.residency.inventory.spark;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScenarioSource;
import dev.residency.sim.study.Study;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything an executor needs to rebuild a study exactly as the driver made it: the scenario file's
 * text (broadcast once, so executors need not see the driver's files), the {@code --set} overrides as
 * written, and the adjustment {@code residency sweep} makes after loading (quick mode, then the
 * replications and seed given).
 *
 * @param text the scenario file's text
 * @param name the scenario file's name, for messages
 * @param baseDir the folder relative paths in the file resolve against, empty for none
 * @param settings the {@code --set} overrides, as written
 * @param quick whether quick mode applies
 * @param replications the replications per point, 0 for the scenario's own
 * @param seeded whether {@code seed} replaces the scenario's seed
 * @param seed the master seed, when {@code seeded}
 */
record StudySpec(
        String text,
        String name,
        String baseDir,
        ImmutableList<String> settings,
        boolean quick,
        int replications,
        boolean seeded,
        long seed)
        implements Serializable {

    /** Creates a spec, copying the settings. */
    StudySpec {
        checkNotNull(text, "text");
        checkNotNull(name, "name");
        checkNotNull(baseDir, "baseDir");
        settings = ImmutableList.copyOf(settings);
        checkArgument(
                replications >= 0 && replications <= RunSettings.MAX_REPLICATIONS,
                "replications must be between 0 (the scenario's) and %s, was %s",
                RunSettings.MAX_REPLICATIONS,
                replications);
    }

    /** Returns the spec of {@code source} under {@code arguments}' overrides and adjustment. */
    static StudySpec of(ScenarioSource source, StudyArguments arguments) {
        return new StudySpec(
                source.text(),
                source.name(),
                source.baseDir().map(Path::toString).orElse(""),
                arguments.settings(),
                arguments.quick(),
                arguments.replications(),
                arguments.seed().isPresent(),
                arguments.seed().orElse(0L));
    }

    /** Returns the scenario file. */
    ScenarioSource source() {
        return new ScenarioSource(text, name, baseDir.isEmpty() ? Optional.empty() : Optional.of(Path.of(baseDir)));
    }

    /**
     * Returns the study: the file under the overrides, every scenario adjusted.
     *
     * @throws dev.residency.sim.scenario.ScenarioException listing every problem of the file and the
     *     overrides
     * @throws IllegalArgumentException if an override is not {@code PATH=VALUE}
     */
    Study study() {
        return Study.of(source(), Overrides.parse(settings), this::adjust);
    }

    /** Returns {@code scenario} in quick mode if asked, with the replications and seed given (as {@code residency sweep}). */
    Scenario adjust(Scenario scenario) {
        Scenario s = quick ? scenario.withQuickMode() : scenario;
        if (replications == 0 && !seeded) {
            return s;
        }
        RunSettings.Builder run = s.run().toBuilder();
        if (replications > 0) {
            run.replications(replications);
        }
        if (seeded) {
            run.seed(seed);
        }
        return s.withRun(run.build());
    }
}
