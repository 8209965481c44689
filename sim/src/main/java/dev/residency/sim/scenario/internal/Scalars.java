package dev.residency.sim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.residency.geo.Jurisdiction;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import dev.residency.units.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Converters from YAML scalars to values, for {@link Node.Parser}: each throws {@link
 * IllegalArgumentException} with a message that quotes the value, and the caller adds the path.
 * Human units are parsed by {@code core}'s {@link DataSize}, {@link Bandwidth} and {@link Durations}.
 */
final class Scalars {

    private Scalars() {}

    /** Describes a YAML value's kind for messages, such as {@code a list} or {@code "abc"}. */
    static String describe(JsonNode v) {
        if (v.isObject()) {
            return "a mapping";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isNull() || v.isMissingNode()) {
            return "empty";
        }
        return v.isTextual() ? "\"" + v.textValue() + "\"" : v.asText();
    }

    /** Returns a scalar as text (numbers and booleans as written). */
    static String text(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        throw new IllegalArgumentException("must be a text value, was " + describe(v));
    }

    /** Returns a text value that is not blank. */
    static String nonBlank(JsonNode v) {
        String s = text(v);
        if (s.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        return s.strip();
    }

    /** Returns a whole number given as a YAML integer or as text ({@code 100_000_000} allowed). */
    static long wholeNumber(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 9e18) {
            return (long) v.asDouble();
        }
        String s = text(v).strip().replace("_", "");
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(describe(v) + " is not a whole number");
        }
    }

    /** Returns a positive whole number. */
    static long positiveLong(JsonNode v) {
        long n = wholeNumber(v);
        if (n <= 0) {
            throw new IllegalArgumentException(describe(v) + " must be positive");
        }
        return n;
    }

    /** Returns a whole number that is not negative. */
    static long nonNegativeLong(JsonNode v) {
        long n = wholeNumber(v);
        if (n < 0) {
            throw new IllegalArgumentException(describe(v) + " must not be negative");
        }
        return n;
    }

    /** Returns a positive whole number that fits an {@code int}. */
    static int positiveInt(JsonNode v) {
        long n = positiveLong(v);
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(describe(v) + " is too large (at most " + Integer.MAX_VALUE + ")");
        }
        return (int) n;
    }

    /** Returns a finite number given as a YAML number or as text ({@code 1e-15}). */
    static double number(JsonNode v) {
        double d;
        if (v.isNumber()) {
            d = v.asDouble();
        } else {
            try {
                d = Double.parseDouble(text(v).strip().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(describe(v) + " is not a number");
            }
        }
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(describe(v) + " is not a finite number");
        }
        return d;
    }

    /** Returns a positive number. */
    static double positiveNumber(JsonNode v) {
        double d = number(v);
        if (d <= 0) {
            throw new IllegalArgumentException(describe(v) + " must be positive");
        }
        return d;
    }

    /** Returns a number that is not negative. */
    static double nonNegativeNumber(JsonNode v) {
        double d = number(v);
        if (d < 0) {
            throw new IllegalArgumentException(describe(v) + " must not be negative");
        }
        return d;
    }

    /** Returns a probability, a number in [0, 1]. */
    static double probability(JsonNode v) {
        double d = number(v);
        if (d < 0 || d > 1) {
            throw new IllegalArgumentException(describe(v) + " must be a probability between 0 and 1");
        }
        return d;
    }

    /** Returns {@code true} or {@code false}. */
    static boolean bool(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        throw new IllegalArgumentException(describe(v) + " must be true or false");
    }

    /** Returns a data size such as {@code "2.5 PB"} that is not negative ({@code 0} allowed). */
    static DataSize dataSize(JsonNode v) {
        return unit(v, DataSize::parse, "a data size such as \"2.5 PB\"", false);
    }

    /** Returns a positive data size. */
    static DataSize positiveDataSize(JsonNode v) {
        DataSize size = unit(v, DataSize::parse, "a data size such as \"2.5 PB\"", true);
        if (size.isZero()) {
            throw new IllegalArgumentException(describe(v) + " must be positive");
        }
        return size;
    }

    /** Returns a positive bandwidth such as {@code "100 Gbps"}. */
    static Bandwidth positiveBandwidth(JsonNode v) {
        Bandwidth b = unit(v, Bandwidth::parse, "a rate such as \"100 Gbps\"", true);
        if (b.isZero()) {
            throw new IllegalArgumentException(describe(v) + " must be positive");
        }
        return b;
    }

    /** Returns a duration such as {@code "30d"} that is not negative. */
    static Duration duration(JsonNode v) {
        return unit(v, Durations::parse, "a duration such as \"30d\"", false);
    }

    /** Returns a positive duration. */
    static Duration positiveDuration(JsonNode v) {
        Duration d = unit(v, Durations::parse, "a duration such as \"30d\"", true);
        if (d.isZero()) {
            throw new IllegalArgumentException(describe(v) + " must be positive");
        }
        return d;
    }

    /** Returns an instant: a date {@code 2020-09-15} (midnight UTC) or an ISO instant with offset. */
    static Instant instant(JsonNode v) {
        String s = text(v).strip();
        Instant at;
        try {
            at = s.length() == 10
                    ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    describe(v) + " is not a date such as 2020-09-15 or an instant such as 2020-09-15T12:00:00Z");
        }
        // Dates are added to durations of up to a century: keep them in years 1900 to 9999 so that no
        // sum of an instant and a horizon can leave Instant's range.
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            throw new IllegalArgumentException(describe(v) + " is outside the years 1900 to 9999");
        }
        return at;
    }

    private static final Instant EARLIEST =
            LocalDate.of(1900, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LATEST =
            LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    /** Returns a jurisdiction from its ISO 3166-1 alpha-2 code. */
    static Jurisdiction jurisdiction(JsonNode v) {
        if (v.isBoolean()) {
            throw new IllegalArgumentException(
                    v.asText() + " is not a jurisdiction (quote country codes that YAML reads as booleans)");
        }
        return Jurisdiction.of(text(v));
    }

    /** Returns the lower-case name of one of {@code constants}. */
    static <E extends Enum<E>> E enumValue(JsonNode v, Class<E> type) {
        String s = text(v).strip();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(s)) {
                return constant;
            }
        }
        java.util.List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .toList();
        throw new IllegalArgumentException(
                describe(v) + " must be one of " + String.join(", ", names) + DidYouMean.hint(s, names));
    }

    /**
     * Parses a value with a unit by {@code parser}; a value written with a minus sign is refused as
     * negative rather than as malformed, since that is what the user got wrong.
     */
    private static <T> T unit(JsonNode v, Function<String, T> parser, String expected, boolean positive) {
        if (v.isNumber() && v.asDouble() == 0) {
            // A bare 0 needs no unit; each parser spells zero its own way.
            for (String zero : new String[] {"0", "0s", "0 bps"}) {
                if (parses(parser, zero)) {
                    return parser.apply(zero);
                }
            }
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(describe(v) + " must be " + expected + ", with its unit");
        }
        String s = v.textValue();
        String stripped = s.strip();
        if (stripped.startsWith("-") && parses(parser, stripped.substring(1))) {
            throw new IllegalArgumentException(
                    describe(v) + (positive ? " must be positive" : " must not be negative"));
        }
        try {
            return parser.apply(s);
        } catch (IllegalArgumentException e) {
            // A parser's range check may not quote the text (a rate of "1e999 Gbps" is refused as Infinity).
            String message = String.valueOf(e.getMessage());
            throw message.contains(stripped) ? e : new IllegalArgumentException(describe(v) + ": " + message, e);
        }
    }

    private static boolean parses(Function<String, ?> parser, String text) {
        try {
            parser.apply(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
