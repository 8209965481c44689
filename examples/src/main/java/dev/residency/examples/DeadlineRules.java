package dev.residency.examples;

import dev.residency.sim.migration.MigrationRun;
import dev.residency.sim.migration.MigrationSetup;
import dev.residency.sim.migration.ScenarioPlans;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.BuiltInScenarios;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import java.time.Duration;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Embedding example: runs the carve-out of Microsoft's 2020 TikTok proposal under both deadline rules
 * on the same plan and seed, and prints side by side what enforcing the deadline changes: whether it
 * was met, what still violated at the deadline, what enforcement deleted before a compliant copy
 * existed (real-world figures: synthetic counts times the scenario's scale), when the last violating
 * copy was gone, and the bytes deleted per reason.
 *
 * <p>Run: {@code java -cp examples/target/residency.jar dev.residency.examples.DeadlineRules [--quick]
 * [--deadline-days D]}. {@code --quick} uses the scenario's quick mode (ten times fewer synthetic
 * users, same bytes); {@code --deadline-days} moves the deadline to D days after the start (the
 * scenario's is 15 Sep 2020, 44 days in, by when everything but backups has moved).
 */
public final class DeadlineRules {

    private static final double DAY = 86_400;
    private static final double TB = 1e12;

    private DeadlineRules() {}

    /** Runs both rules and prints the comparison. */
    public static void main(String[] args) {
        boolean quick = false;
        double deadlineDays = Double.NaN;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            } else if (args[i].equals("--deadline-days") && i + 1 < args.length) {
                deadlineDays = Double.parseDouble(args[++i]);
            } else {
                System.err.println("usage: DeadlineRules [--quick] [--deadline-days D]");
                System.exit(2);
            }
        }
        Scenario scenario = BuiltInScenarios.load("microsoft-tiktok-2020");
        if (quick) {
            scenario = scenario.withQuickMode();
        }
        RunSettings base = scenario.run().toBuilder().replications(1).build();
        if (!Double.isNaN(deadlineDays)) {
            base = base.toBuilder()
                    .deadline(base.start().plus(Duration.ofSeconds(Math.round(deadlineDays * DAY))))
                    .build();
        }
        // Prepared once: population and plan are shared; only the run settings differ.
        long t0 = System.nanoTime();
        MigrationSetup setup = ScenarioPlans.prepare(scenario.withRun(
                base.toBuilder().deadlineRule(DeadlineRule.CONTINUE).build()));
        long t1 = System.nanoTime();
        RunResult keepGoing = MigrationRun.execute(setup, 0);
        RunResult enforce = MigrationRun.execute(
                setup.withRun(
                        base.toBuilder().deadlineRule(DeadlineRule.ENFORCE).build()),
                0);
        long t2 = System.nanoTime();
        int scale = scenario.scale();

        System.out.printf(
                Locale.ROOT,
                "%s%s: %,d synthetic records (1 stands for %,d), %d batches, seed %d, replication 0;"
                        + " deadline %s (day %.1f).%n"
                        + "Prepared in %.1f s, both runs in %.1f s.%n%n",
                scenario.name(),
                quick ? " (quick)" : "",
                setup.store().size(),
                scale,
                setup.plan().batches().size(),
                base.seed(),
                base.deadline().map(Object::toString).orElse("none"),
                setup.deadlineSeconds() / DAY,
                (t1 - t0) / 1e9,
                (t2 - t1) / 1e9);
        System.out.printf(Locale.ROOT, "%-42s %20s %20s%n", "", "continue", "enforce");
        row("deadline met", keepGoing, enforce, r -> r.metDeadline() ? "yes" : "no");
        row("violating at deadline, TB (incl. backups)", keepGoing, enforce, r -> tb(r.violatingAtDeadline()));
        row("  of which blocked (legal hold), TB", keepGoing, enforce, r -> tb(r.blockedBytes()));
        row("forced loss, TB", keepGoing, enforce, r -> tb(r.forcedLoss().bytes()));
        row(
                "forced loss, records (real)",
                keepGoing,
                enforce,
                r -> count(r.forcedLoss().records() * scale));
        row(
                "forced loss, users (real)",
                keepGoing,
                enforce,
                r -> count(r.forcedLoss().users() * scale));
        TreeSet<String> categories =
                new TreeSet<>(keepGoing.forcedLoss().bytesByCategory().keySet());
        categories.addAll(enforce.forcedLoss().bytesByCategory().keySet());
        for (String c : categories) {
            row(
                    "  forced loss " + c + ", TB",
                    keepGoing,
                    enforce,
                    r -> tb(r.forcedLoss().bytesByCategory().getOrDefault(c, 0L)));
        }
        row("live compliance, day", keepGoing, enforce, r -> day(r.liveComplianceSeconds()));
        row("full compliance (backups gone), day", keepGoing, enforce, r -> day(r.fullComplianceSeconds()));
        row("bytes moved, TB", keepGoing, enforce, r -> tb(r.bytesMoved()));
        TreeSet<String> reasons = new TreeSet<>(keepGoing.deletedByReason().keySet());
        reasons.addAll(enforce.deletedByReason().keySet());
        for (String reason : reasons) {
            row(
                    "deleted " + reason + ", TB",
                    keepGoing,
                    enforce,
                    r -> tb(r.deletedByReason().getOrDefault(reason, 0L)));
        }
        row("deleted, all reasons, TB", keepGoing, enforce, r -> tb(r.bytesDeleted()));
        System.out.printf(
                Locale.ROOT,
                "%nAt the deadline, enforcement deleted as FORCED %s TB of copies whose batches were not verified,"
                        + " of which %s TB (%s users' records) had no compliant copy yet, and shredded %s TB of backups"
                        + " that would otherwise have aged out by day %s.%n",
                tb(enforce.deletedByReason().getOrDefault("FORCED", 0L)),
                tb(enforce.forcedLoss().bytes()),
                count(enforce.forcedLoss().users() * scale),
                tb(backupsAt(enforce, setup.deadlineSeconds())),
                day(keepGoing.fullComplianceSeconds()));
    }

    /** Returns the violating bytes left only in backups at the last sample before {@code seconds}. */
    private static long backupsAt(RunResult r, double seconds) {
        long backups = 0;
        for (int i = 0; i < r.series().size() && r.series().seconds(i) < seconds; i++) {
            backups = r.series().backup(i);
        }
        return backups;
    }

    private static void row(String label, RunResult a, RunResult b, Function<RunResult, String> figure) {
        System.out.printf(Locale.ROOT, "%-42s %20s %20s%n", label, figure.apply(a), figure.apply(b));
    }

    private static String tb(long bytes) {
        return String.format(Locale.ROOT, "%,.1f", bytes / TB);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String day(double seconds) {
        return Double.isNaN(seconds) ? "never" : String.format(Locale.ROOT, "%.1f", seconds / DAY);
    }
}
