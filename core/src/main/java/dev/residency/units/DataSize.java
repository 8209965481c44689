package dev.residency.units;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of stored data, held as a whole number of bytes.
 *
 * <p>Text forms follow the SI and IEC conventions: decimal prefixes are powers of 1000
 * ({@code kB}, {@code MB}, {@code GB}, {@code TB}, {@code PB}, {@code EB}; {@code KB} is read as
 * {@code kB}), binary prefixes are powers of 1024 ({@code KiB}, {@code MiB}, {@code GiB}, {@code
 * TiB}, {@code PiB}, {@code EiB}), and the unit is always bytes ({@code B}): a data size written in
 * bits ({@code "5 Gb"}) is refused, since bits only make sense for rates (see {@link Bandwidth}).
 * Fractional values are rounded to the nearest byte. Instances are immutable and thread-safe.
 *
 * @param bytes the size in bytes, never negative
 */
public record DataSize(long bytes) implements Comparable<DataSize> {

    /** No data. */
    public static final DataSize ZERO = new DataSize(0);

    private static final Pattern FORM = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][0-9]+)?)\\s*([A-Za-z]*)\\s*");

    private static final Map<String, Long> FACTORS = Map.ofEntries(
            Map.entry("B", 1L),
            Map.entry("kB", 1_000L),
            Map.entry("KB", 1_000L),
            Map.entry("MB", 1_000_000L),
            Map.entry("GB", 1_000_000_000L),
            Map.entry("TB", 1_000_000_000_000L),
            Map.entry("PB", 1_000_000_000_000_000L),
            Map.entry("EB", 1_000_000_000_000_000_000L),
            Map.entry("KiB", 1L << 10),
            Map.entry("MiB", 1L << 20),
            Map.entry("GiB", 1L << 30),
            Map.entry("TiB", 1L << 40),
            Map.entry("PiB", 1L << 50),
            Map.entry("EiB", 1L << 60));

    private static final String[] DECIMAL_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    /**
     * Creates a data size.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public DataSize {
        checkArgument(bytes >= 0, "bytes must not be negative: %s", bytes);
    }

    /** Returns a data size of {@code bytes} bytes. */
    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    /** Returns a data size of {@code gigabytes} decimal gigabytes (10^9 bytes each). */
    public static DataSize ofGigabytes(double gigabytes) {
        return ofBytes(Math.round(gigabytes * 1e9));
    }

    /** Returns a data size of {@code terabytes} decimal terabytes (10^12 bytes each). */
    public static DataSize ofTerabytes(double terabytes) {
        return ofBytes(Math.round(terabytes * 1e12));
    }

    /** Returns a data size of {@code petabytes} decimal petabytes (10^15 bytes each). */
    public static DataSize ofPetabytes(double petabytes) {
        return ofBytes(Math.round(petabytes * 1e15));
    }

    /**
     * Parses a size such as {@code "2.5 PB"}, {@code "750 TiB"}, {@code "512B"} or {@code "0"}.
     *
     * @throws IllegalArgumentException if the text is not a number followed by a known byte unit,
     *     or the value does not fit in a {@code long} of bytes; the message quotes the text
     */
    public static DataSize parse(String text) {
        checkNotNull(text, "text");
        Matcher m = FORM.matcher(text);
        checkArgument(m.matches(), "data size \"%s\" is not a number followed by a unit such as GB or TiB", text);
        String unit = m.group(2).isEmpty() ? "B" : m.group(2);
        Long factor = FACTORS.get(unit);
        if (factor == null) {
            boolean bits = unit.endsWith("b") || unit.toLowerCase(Locale.ROOT).endsWith("bit");
            throw new IllegalArgumentException(String.format(
                    "data size \"%s\" has unknown unit \"%s\"%s",
                    text,
                    unit,
                    bits
                            ? " (data sizes are in bytes: use B, not b)"
                            : " (use B, kB, MB, GB, TB, PB, EB or KiB … EiB)"));
        }
        BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor));
        checkArgument(value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0, "data size \"%s\" is too large", text);
        return ofBytes(value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    /** Returns the sum of this size and {@code other}. */
    public DataSize plus(DataSize other) {
        return ofBytes(Math.addExact(bytes, other.bytes));
    }

    /**
     * Returns this size less {@code other}.
     *
     * @throws IllegalArgumentException if {@code other} is larger than this size
     */
    public DataSize minus(DataSize other) {
        checkNotNull(other, "other");
        checkArgument(
                other.bytes <= bytes, "cannot subtract %s (other) from %s: the result would be negative", other, this);
        return ofBytes(bytes - other.bytes);
    }

    /** Returns whether this size is zero bytes. */
    public boolean isZero() {
        return bytes == 0;
    }

    @Override
    public int compareTo(DataSize other) {
        return Long.compare(bytes, other.bytes);
    }

    /** Returns the size in the largest decimal unit that keeps the value at least 1, e.g. {@code "2.5 PB"}. */
    @Override
    public String toString() {
        return format(bytes);
    }

    /** Formats {@code bytes} like {@link #toString()}, for callers holding a primitive. */
    public static String format(double bytes) {
        int unit = 0;
        double value = bytes;
        while (Math.abs(value) >= 1000 && unit < DECIMAL_UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0f B", value) : trim(value) + " " + DECIMAL_UNITS[unit];
    }

    static String trim(double value) {
        String s = String.format(Locale.ROOT, "%.3f", value);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
