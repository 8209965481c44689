package dev.residency.sim.study;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.RunResult;
import java.util.List;

/** The headline answer as one bit, and a fingerprint of a set of runs. */
final class Answers {

    private Answers() {}

    /** Returns whether at least half of the replications met the deadline. */
    static boolean mostlyMet(ReplicationSummary summary) {
        return 2L * summary.metDeadline().successes() >= summary.runs();
    }

    /** Returns a SHA-256 over the runs' fingerprints, in order. */
    static String fingerprint(List<RunResult> runs) {
        Hasher h = Hashing.sha256().newHasher();
        for (RunResult r : runs) {
            h.putUnencodedChars(r.fingerprint());
        }
        return h.hash().toString();
    }
}
