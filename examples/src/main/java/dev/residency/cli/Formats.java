package dev.residency.cli;

import dev.residency.sim.report.Estimate;
import dev.residency.units.DataSize;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/** Number, size, day and date formats shared by the text report, the Markdown report and the console. */
final class Formats {

    static final double DAY = 86_400;

    private Formats() {}

    /** Formats bytes in decimal units, "n/a" for NaN. */
    static String bytes(double bytes) {
        return Double.isNaN(bytes) ? "n/a" : DataSize.format(Math.round(bytes));
    }

    /** Formats an estimate of bytes as "mean (95% CI low–high)". */
    static String bytes(Estimate e) {
        if (e.n() == 0) {
            return "never";
        }
        return e.n() < 2 || e.ciLow() == e.ciHigh()
                ? bytes(e.mean())
                : bytes(e.mean()) + " (95% CI " + bytes(Math.max(0, e.ciLow())) + " – " + bytes(e.ciHigh()) + ")";
    }

    /** Formats an estimate of days as "mean d (95% CI low–high)", noting runs that never got there. */
    static String days(Estimate e) {
        if (e.n() == 0) {
            return "never (within the horizon)";
        }
        String s = e.n() < 2 || e.ciLow() == e.ciHigh()
                ? String.format(Locale.ROOT, "%.1f days", e.mean())
                : String.format(Locale.ROOT, "%.1f days (95%% CI %.1f – %.1f)", e.mean(), e.ciLow(), e.ciHigh());
        return e.missing() > 0 ? s + ", not reached in " + e.missing() + " runs" : s;
    }

    /** Formats an estimate of a plain number with {@code decimals} decimals. */
    static String number(Estimate e, int decimals) {
        if (e.n() == 0) {
            return "n/a";
        }
        String f = "%,." + decimals + "f";
        return e.n() < 2 || e.ciLow() == e.ciHigh()
                ? String.format(Locale.ROOT, f, e.mean())
                : String.format(Locale.ROOT, f + " (95%% CI " + f + " – " + f + ")", e.mean(), e.ciLow(), e.ciHigh());
    }

    /** Returns the calendar date {@code seconds} after {@code start}, e.g. "2020-09-15". */
    static String date(Instant start, double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            return "n/a";
        }
        return start.plusMillis(Math.round(seconds * 1000))
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .toString();
    }

    /** Formats a count with thousands separators. */
    static String count(double n) {
        return String.format(Locale.ROOT, "%,.0f", n);
    }

    /** Formats a probability as a percentage with one decimal. */
    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }
}
