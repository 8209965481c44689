package dev.residency.units;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data rate, held as bytes per second.
 *
 * <p>Text forms: a lower-case {@code b} means <em>bits</em> and an upper-case {@code B} means
 * <em>bytes</em>, as in networking practice. Bit rates use decimal prefixes ({@code bps}, {@code
 * kbps}, {@code Mbps}, {@code Gbps}, {@code Tbps}, {@code Pbps}, also written {@code Gb/s}); byte rates use
 * decimal ({@code B/s}, {@code kB/s}, {@code MB/s}, {@code GB/s}, {@code TB/s}, also {@code GBps})
 * or binary prefixes ({@code KiB/s}, {@code MiB/s}, {@code GiB/s}, {@code TiB/s}). So {@code "100
 * Gbps"} is 12.5 × 10^9 bytes per second and {@code "1.2 GB/s"} is 1.2 × 10^9 bytes per second.
 * Instances are immutable and thread-safe.
 *
 * @param bytesPerSecond the rate in bytes per second, finite and never negative
 */
public record Bandwidth(double bytesPerSecond) implements Comparable<Bandwidth> {

    /** No bandwidth at all. */
    public static final Bandwidth ZERO = new Bandwidth(0);

    private static final Pattern FORM =
            Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][0-9]+)?)\\s*([A-Za-z/]+)\\s*");

    private static final Map<String, Double> BYTES_PER_SECOND = Map.ofEntries(
            Map.entry("bps", 1 / 8.0),
            Map.entry("kbps", 1e3 / 8),
            Map.entry("Kbps", 1e3 / 8),
            Map.entry("Mbps", 1e6 / 8),
            Map.entry("Gbps", 1e9 / 8),
            Map.entry("Tbps", 1e12 / 8),
            Map.entry("Pbps", 1e15 / 8),
            Map.entry("b/s", 1 / 8.0),
            Map.entry("kb/s", 1e3 / 8),
            Map.entry("Mb/s", 1e6 / 8),
            Map.entry("Gb/s", 1e9 / 8),
            Map.entry("Tb/s", 1e12 / 8),
            Map.entry("Pb/s", 1e15 / 8),
            Map.entry("B/s", 1.0),
            Map.entry("Bps", 1.0),
            Map.entry("kB/s", 1e3),
            Map.entry("KB/s", 1e3),
            Map.entry("MB/s", 1e6),
            Map.entry("GB/s", 1e9),
            Map.entry("TB/s", 1e12),
            Map.entry("kBps", 1e3),
            Map.entry("MBps", 1e6),
            Map.entry("GBps", 1e9),
            Map.entry("TBps", 1e12),
            Map.entry("KiB/s", 1024.0),
            Map.entry("MiB/s", 1024.0 * 1024),
            Map.entry("GiB/s", 1024.0 * 1024 * 1024),
            Map.entry("TiB/s", 1024.0 * 1024 * 1024 * 1024));

    private static final String[] BIT_UNITS = {"bps", "kbps", "Mbps", "Gbps", "Tbps", "Pbps"};

    /**
     * Creates a bandwidth.
     *
     * @throws IllegalArgumentException if {@code bytesPerSecond} is negative, NaN or infinite
     */
    public Bandwidth {
        checkArgument(
                Double.isFinite(bytesPerSecond) && bytesPerSecond >= 0,
                "bytesPerSecond must be finite and not negative: %s",
                bytesPerSecond);
    }

    /** Returns a bandwidth of {@code gigabits} × 10^9 bits per second. */
    public static Bandwidth ofGigabitsPerSecond(double gigabits) {
        return new Bandwidth(gigabits * 1e9 / 8);
    }

    /** Returns a bandwidth of {@code bytesPerSecond} bytes per second. */
    public static Bandwidth ofBytesPerSecond(double bytesPerSecond) {
        return new Bandwidth(bytesPerSecond);
    }

    /**
     * Parses a rate such as {@code "100 Gbps"}, {@code "1.2 GB/s"} or {@code "400 MiB/s"}.
     *
     * @throws IllegalArgumentException if the text is not a number followed by a known rate unit; the
     *     message quotes the text
     */
    public static Bandwidth parse(String text) {
        checkNotNull(text, "text");
        Matcher m = FORM.matcher(text);
        checkArgument(m.matches(), "bandwidth \"%s\" is not a number followed by a unit such as Gbps or GB/s", text);
        Double factor = BYTES_PER_SECOND.get(m.group(2));
        checkArgument(
                factor != null,
                "bandwidth \"%s\" has unknown unit \"%s\" (use bps … Pbps for bits, B/s … TB/s or KiB/s … TiB/s for"
                        + " bytes)",
                text,
                m.group(2));
        return new Bandwidth(Double.parseDouble(m.group(1)) * factor);
    }

    /** Returns the rate in bits per second. */
    public double bitsPerSecond() {
        return bytesPerSecond * 8;
    }

    /** Returns whether the rate is zero. */
    public boolean isZero() {
        return bytesPerSecond == 0;
    }

    /** Returns the seconds needed to carry {@code size} at this rate ({@code +Infinity} at zero rate). */
    public double secondsFor(DataSize size) {
        return size.bytes() / bytesPerSecond;
    }

    @Override
    public int compareTo(Bandwidth other) {
        return Double.compare(bytesPerSecond, other.bytesPerSecond);
    }

    /** Returns the rate in bits per second with the largest fitting decimal prefix, e.g. {@code "100 Gbps"}. */
    @Override
    public String toString() {
        double value = bitsPerSecond();
        int unit = 0;
        while (value >= 1000 && unit < BIT_UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return DataSize.trim(value) + " " + BIT_UNITS[unit];
    }
}
