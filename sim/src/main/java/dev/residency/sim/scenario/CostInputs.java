package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The prices a scenario gives so that a migration's cost can be compared, all in US dollars (the
 * scenario file's {@code costs} section). Every input is optional: one that is absent is <em>not
 * modelled</em>, and reports say so instead of printing a zero. Egress prices are not here but on the
 * links ({@link dev.residency.topology.Link#egressCostPerGiB()}).
 *
 * <p>Units: a gigabyte (GB) is 10<sup>9</sup> bytes and a month is {@value #MONTH_SECONDS} seconds,
 * one twelfth of a Gregorian year of 365.2425 days, so that a storage price per GB-month turns into
 * dollars per byte-second without calendar arithmetic.
 *
 * @param storageUsdPerGbMonth per site id, the price of holding one GB there for a month (live copies
 *     and backups alike); a site that is absent has no price, and its storage is not modelled
 * @param buildUsdBySite per site id, the one-off cost of building or commissioning it for the programme
 * @param staffUsdPerMonth the programme's staff cost per month of the run, if given
 * @param oneOffUsd the programme's other one-off costs, if given
 */
public record CostInputs(
        ImmutableMap<String, Double> storageUsdPerGbMonth,
        ImmutableMap<String, Double> buildUsdBySite,
        OptionalDouble staffUsdPerMonth,
        OptionalDouble oneOffUsd) {

    /** One month in seconds: 365.2425 days / 12. */
    public static final double MONTH_SECONDS = 365.2425 * 86_400 / 12;

    /** Bytes in one (decimal) gigabyte. */
    public static final double GB_BYTES = 1e9;

    /** No cost inputs at all: every cost is not modelled. */
    public static final CostInputs NONE =
            new CostInputs(ImmutableMap.of(), ImmutableMap.of(), OptionalDouble.empty(), OptionalDouble.empty());

    /**
     * Creates cost inputs.
     *
     * @throws IllegalArgumentException if a price is negative or not finite; the message names it
     */
    public CostInputs {
        storageUsdPerGbMonth = ImmutableMap.copyOf(checkNotNull(storageUsdPerGbMonth, "storageUsdPerGbMonth"));
        buildUsdBySite = ImmutableMap.copyOf(checkNotNull(buildUsdBySite, "buildUsdBySite"));
        checkNotNull(staffUsdPerMonth, "staffUsdPerMonth");
        checkNotNull(oneOffUsd, "oneOffUsd");
        for (Map.Entry<String, Double> e : storageUsdPerGbMonth.entrySet()) {
            checkPrice("storageUsdPerGbMonth[" + e.getKey() + "]", e.getValue());
        }
        for (Map.Entry<String, Double> e : buildUsdBySite.entrySet()) {
            checkPrice("buildUsdBySite[" + e.getKey() + "]", e.getValue());
        }
        staffUsdPerMonth.ifPresent(v -> checkPrice("staffUsdPerMonth", v));
        oneOffUsd.ifPresent(v -> checkPrice("oneOffUsd", v));
    }

    private static void checkPrice(String name, double value) {
        checkArgument(Double.isFinite(value) && value >= 0, "%s must be finite and not negative, was %s", name, value);
    }

    /** Returns whether any storage price is given. */
    public boolean storageModelled() {
        return !storageUsdPerGbMonth.isEmpty();
    }

    /** Returns whether any input is given. */
    public boolean any() {
        return storageModelled() || !buildUsdBySite.isEmpty() || staffUsdPerMonth.isPresent() || oneOffUsd.isPresent();
    }

    /**
     * Returns the storage price at {@code siteId} in US dollars per byte-second, or NaN if it has none.
     */
    public double storageUsdPerByteSecond(String siteId) {
        Double perGbMonth = storageUsdPerGbMonth.get(checkNotNull(siteId, "siteId"));
        return perGbMonth == null ? Double.NaN : perGbMonth / GB_BYTES / MONTH_SECONDS;
    }
}
