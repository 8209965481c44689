package dev.residency.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every embedding example runs to completion and prints what its Javadoc promises. */
final class ExamplesIT {

    @Test
    void auditBuiltInFleet_printsAuditTable() {
        assertThat(capture(() -> AuditBuiltInFleet.main(new String[0])))
                .contains("Violating records by home jurisdiction")
                .contains("tiktok-singapore");
    }

    @Test
    void planBuiltInFleet_printsBothPlannersSound() {
        String out = capture(() -> PlanBuiltInFleet.main(new String[0]));
        // One line per planner, each ending in the verifier's verdict: "sound", or the violations (a
        // VerificationResult prints them, not its class name, so only the positive word can be checked).
        assertThat(out.lines().filter(l -> l.startsWith("flow ") || l.startsWith("greedy ")))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("quality ratio").endsWith("verifier: sound"));
    }

    @Test
    void runOneReplication_printsFingerprint() {
        assertThat(capture(() -> RunOneReplication.main(new String[0])))
                .contains("events processed")
                .contains("fingerprint");
    }

    @Test
    void replicateScenario_printsIntervals() {
        assertThat(capture(() -> ReplicateScenario.main(new String[] {"project-texas-2022", "4"})))
                .contains("95% CI")
                .contains("deadline met");
    }

    @Test
    void deadlineRules_printsBothRulesSideBySide() {
        assertThat(capture(() -> DeadlineRules.main(new String[] {"--quick", "--deadline-days", "1"})))
                .contains("continue")
                .contains("enforce")
                .contains("forced loss")
                .contains("FORCED");
    }

    @Test
    void sweepRetention_printsSweepReuseAndThreshold() {
        assertThat(capture(() -> SweepRetention.main(new String[] {"microsoft-tiktok-2020", "3", "1", "--quick"})))
                .contains("3-point sweep x 1 replications")
                .contains("1 population built, reused 2 times; 1 plan made, reused 2 times")
                .contains("met iff run.backups.retention <=");
    }

    @Test
    void sensitivityOfAssumptions_printsDrawnAndCentralRunsAndRanking() {
        assertThat(capture(() ->
                        SensitivityOfAssumptions.main(new String[] {"microsoft-tiktok-2020", "1", "2", "--quick"})))
                .contains("assumptions drawn: met in")
                .contains("drawing faults and 5 uncertain inputs")
                .contains("assumptions central: met in")
                .contains("run.backups.retention")
                .contains("Saltelli (2010) estimator of run.backups.retention for days to clean");
    }

    private static String capture(Runnable program) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
