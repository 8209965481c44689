package dev.residency.cli;

import dev.residency.sim.scenario.DistributionSpec;
import dev.residency.sim.scenario.FailureSpec;
import dev.residency.sim.scenario.LiveWrites;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import dev.residency.units.Durations;
import java.time.Duration;
import java.util.Locale;

/**
 * Writes a scenario's inputs back in the words and units of its file, for reports read by people:
 * distributions as {@code "exponential, mean 30d"} rather than a record's {@code toString}, byte
 * rates as {@code "20 GB/s"}, live writes per real user rather than per simulated user.
 */
final class ReportText {

    private ReportText() {}

    /** Describes a distribution of durations in the scenario file's terms, e.g. "lognormal, median 4h, sigma 1.0". */
    static String distribution(DistributionSpec spec) {
        if (spec instanceof DistributionSpec.Exponential e) {
            return "exponential, mean " + duration(e.mean());
        } else if (spec instanceof DistributionSpec.Weibull w) {
            return "Weibull, shape " + trim(w.shape()) + ", scale " + duration(w.scale());
        } else if (spec instanceof DistributionSpec.LogNormal l) {
            return "lognormal, median " + duration(l.median()) + ", sigma " + trim(l.sigma());
        } else if (spec instanceof DistributionSpec.Fixed f) {
            return "fixed " + duration(f.value());
        }
        // A kind added later reads as its mean, never as a record's toString.
        return "mean " + duration(spec.mean());
    }

    /** Describes failures of one kind of component: "fail after (…), repaired after (…)". */
    static String failures(FailureSpec spec) {
        return "fail after " + distribution(spec.timeToFailure()) + "; repaired after "
                + distribution(spec.timeToRepair());
    }

    /** Formats a byte rate as the file writes one, e.g. "20 GB/s". */
    static String byteRate(Bandwidth rate) {
        return DataSize.format(Math.round(rate.bytesPerSecond())) + "/s";
    }

    /**
     * Describes the live writes of one jurisdiction's users per real user: the stored figure is per
     * simulated user (the file's figure times {@code scale}), so it is divided back.
     */
    static String liveWrites(LiveWrites writes, int scale) {
        return String.format(
                Locale.ROOT,
                "%s per user per day, sign-ups %s of the users per day",
                DataSize.format(Math.round((double) writes.bytesPerUserPerDay() / scale)),
                trim(writes.signupsPerUserPerDay()));
    }

    /** Formats a duration in the file's short form ("30d", "4h"), or with millisecond precision. */
    static String duration(Duration d) {
        return Durations.format(d);
    }

    private static String trim(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
