package dev.residency.cli;

import dev.residency.sim.migration.Replications;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import picocli.CommandLine.Option;

/**
 * The options of the commands that run a study of many scenario variants ({@code sweep},
 * {@code sensitivity}, {@code compare}): replications and seed per variant, worker threads, quick mode and
 * the progress bar.
 */
final class StudyOptions {

    @Option(
            names = "--replications",
            paramLabel = "N",
            description = "replications per point or variant (default: the scenario's)")
    private Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "master seed (default: the scenario's)")
    private Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "worker threads (default: one per processor)")
    private Integer threads;

    @Option(names = "--quick", description = "quick mode: 2 replications, 10x fewer synthetic users (for smoke tests)")
    private boolean quick;

    @Option(names = "--quiet", description = "no progress bar")
    private boolean quiet;

    /**
     * Checks the numbers given, before any work.
     *
     * @throws BadInputException naming the option and its value
     */
    void check() {
        if (replications != null && (replications < 1 || replications > RunSettings.MAX_REPLICATIONS)) {
            throw new BadInputException(
                    "--replications: \"" + replications + "\" must be between 1 and " + RunSettings.MAX_REPLICATIONS);
        }
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads: \"" + threads + "\" must be at least 1");
        }
    }

    /** Returns the worker threads: as given, or one per processor. */
    int threads() {
        return threads != null ? threads : Replications.defaultThreads();
    }

    /** Returns a progress bar for the terminal, silent under {@code --quiet}. */
    ProgressBar progress() {
        return ProgressBar.forTerminal(quiet);
    }

    /** Returns {@code scenario} in quick mode if asked, with the replications and seed given. */
    Scenario adjust(Scenario scenario) {
        Scenario s = quick ? scenario.withQuickMode() : scenario;
        if (replications == null && seed == null) {
            return s;
        }
        RunSettings.Builder run = s.run().toBuilder();
        if (replications != null) {
            run.replications(replications);
        }
        if (seed != null) {
            run.seed(seed);
        }
        return s.withRun(run.build());
    }
}
