package dev.residency.units;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations in the short human form of scenario files: a sequence of a number and
 * a unit, {@code w} (7 days), {@code d} (24 hours), {@code h}, {@code m}, {@code s} or {@code ms},
 * such as {@code "30d"}, {@code "12h"}, {@code "1d 12h"} or {@code "1.5h"}. Days are exactly 24
 * hours: calendar effects belong to the simulation clock, not to durations.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|w|d|h|m|s)");

    private Durations() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException if the text is empty, has a part that is not a number followed
     *     by one of {@code w d h m s ms}, or is longer than a {@link Duration} of nanoseconds holds
     *     (about 292 years); the message quotes the text
     */
    public static Duration parse(String text) {
        checkNotNull(text, "text");
        String compact = text.strip();
        checkArgument(!compact.isEmpty(), "duration \"%s\" is empty (use e.g. 30d, 12h, 90m)", text);
        Matcher m = PART.matcher(compact);
        double nanos = 0;
        int end = 0;
        while (m.find()) {
            checkArgument(
                    compact.substring(end, m.start()).isBlank(),
                    "duration \"%s\" is not a sequence of number and unit (w, d, h, m, s, ms)",
                    text);
            nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
            end = m.end();
        }
        checkArgument(
                end > 0 && end == compact.length(),
                "duration \"%s\" is not a sequence of number and unit (w, d, h, m, s, ms)",
                text);
        // Math.round saturates at Long.MAX_VALUE: refuse rather than silently clamp to ~292 years.
        checkArgument(nanos < 0x1p63, "duration \"%s\" is too long (at most about 292 years)", text);
        return Duration.ofNanos(Math.round(nanos));
    }

    /** Returns {@code duration} in seconds as a {@code double}. */
    public static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    /**
     * Returns a duration of {@code seconds} seconds, rounded to the nanosecond.
     *
     * @throws IllegalArgumentException if {@code seconds} is not finite or beyond about 292 years
     */
    public static Duration ofSeconds(double seconds) {
        checkArgument(Double.isFinite(seconds), "seconds must be finite: %s", seconds);
        // Math.round saturates at Long.MAX_VALUE nanoseconds (about 292 years): refuse instead of clamping.
        checkArgument(
                Math.abs(seconds) < Long.MAX_VALUE / 1e9,
                "seconds must be within about 292 years (Long.MAX_VALUE nanoseconds): %s",
                seconds);
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /**
     * Formats {@code duration} in the short form, largest units first, e.g. {@code "1d 12h"} or
     * {@code "1s 500ms"}; zero is {@code "0s"}. Whole milliseconds print exactly, so {@link #parse}
     * reads the text back to the same duration; finer parts are dropped.
     *
     * @throws IllegalArgumentException if {@code duration} is negative (the short form has no sign)
     */
    public static String format(Duration duration) {
        checkNotNull(duration, "duration");
        checkArgument(!duration.isNegative(), "duration must not be negative: %s", duration);
        long totalSeconds = duration.getSeconds();
        if (totalSeconds == 0) {
            return duration.toMillis() == 0 ? "0s" : duration.toMillis() + "ms";
        }
        StringBuilder sb = new StringBuilder();
        long days = totalSeconds / 86_400;
        long hours = totalSeconds % 86_400 / 3600;
        long minutes = totalSeconds % 3600 / 60;
        long secs = totalSeconds % 60;
        append(sb, days, "d");
        append(sb, hours, "h");
        append(sb, minutes, "m");
        append(sb, secs, "s");
        append(sb, duration.getNano() / 1_000_000, "ms");
        return sb.toString();
    }

    private static void append(StringBuilder sb, long value, String unit) {
        if (value != 0) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(value).append(unit);
        }
    }

    private static double unitNanos(String unit) {
        return switch (unit) {
            case "w" -> 7 * 86_400e9;
            case "d" -> 86_400e9;
            case "h" -> 3_600e9;
            case "m" -> 60e9;
            case "s" -> 1e9;
            case "ms" -> 1e6;
            default -> throw new AssertionError(unit);
        };
    }
}
