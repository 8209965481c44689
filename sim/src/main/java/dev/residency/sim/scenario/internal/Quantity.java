package dev.residency.sim.scenario.internal;

import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import dev.residency.units.Durations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A value of a range's end in a scenario's units (a number, a duration, a data size, a rate or a
 * date), reduced to one double so that a range can be cut into steps and printed back in the same
 * unit. Public for {@code dev.residency.sim.study}'s ranges; not API.
 *
 * @param kind what the value measures
 * @param value the value in the kind's base unit (seconds, bytes, bytes per second, epoch seconds)
 * @param integer whether the text was a whole number (its steps are rounded)
 */
public record Quantity(Kind kind, double value, boolean integer) {

    /** What a quantity measures. */
    public enum Kind {
        /** A plain number. */
        NUMBER("a number"),
        /** A duration such as {@code 30d}. */
        DURATION("a duration"),
        /** A data size such as {@code 50 PB}. */
        DATA_SIZE("a data size"),
        /** A rate such as {@code 10 GB/s}. */
        RATE("a rate"),
        /** A calendar date or instant. */
        DATE("a date");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** Returns the kind as a phrase for messages, such as {@code a duration}. */
        public String description() {
            return description;
        }
    }

    /**
     * Parses a number ({@code 0.5}, {@code 100_000}), a duration ({@code 30d}), a data size ({@code 50
     * PB}), a rate ({@code 100 Gbps}) or a date ({@code 2020-09-15}).
     *
     * @throws IllegalArgumentException if the text is none of these; the message quotes it
     */
    public static Quantity parse(String text) {
        String s = unquote(text.strip());
        if (s.matches("[-+]?[0-9][0-9_]*")) {
            return new Quantity(Kind.NUMBER, Double.parseDouble(s.replace("_", "")), true);
        }
        if (s.matches("[-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?")) {
            return new Quantity(Kind.NUMBER, Double.parseDouble(s.replace("_", "")), false);
        }
        if (s.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}.*")) {
            try {
                Instant at = s.length() == 10
                        ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : OffsetDateTime.parse(s).toInstant();
                return new Quantity(Kind.DATE, at.getEpochSecond(), false);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"" + text + "\" is not a date such as 2020-09-15");
            }
        }
        try {
            return new Quantity(Kind.DURATION, Durations.seconds(Durations.parse(s)), false);
        } catch (IllegalArgumentException notDuration) {
            // try the next kind
        }
        try {
            return new Quantity(Kind.DATA_SIZE, DataSize.parse(s).bytes(), false);
        } catch (IllegalArgumentException notSize) {
            // try the next kind
        }
        try {
            return new Quantity(Kind.RATE, Bandwidth.parse(s).bytesPerSecond(), false);
        } catch (IllegalArgumentException notRate) {
            throw new IllegalArgumentException("\"" + text
                    + "\" is not a number, a duration (30d), a data size (50 PB), a rate (100 Gbps) or a date"
                    + " (2020-09-15)");
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** Returns the YAML text of {@code v} in this quantity's kind, rounded as the kind is written. */
    public String format(double v) {
        return switch (kind) {
            case NUMBER -> integer ? Long.toString(Math.round(v)) : stripZeros(String.format(Locale.ROOT, "%.6f", v));
            case DURATION -> Durations.format(Durations.ofSeconds(Math.max(0, Math.round(v))));
            case DATA_SIZE -> "\"" + DataSize.format(Math.max(0, Math.round(v))) + "\"";
            case RATE -> "\"" + Bandwidth.ofBytesPerSecond(Math.max(0, v)) + "\"";
            case DATE -> {
                Instant at = Instant.ofEpochSecond(Math.round(v));
                yield at.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay() == 0
                        ? at.atOffset(ZoneOffset.UTC).toLocalDate().toString()
                        : at.toString();
            }
        };
    }

    private static String stripZeros(String s) {
        String t = s.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
