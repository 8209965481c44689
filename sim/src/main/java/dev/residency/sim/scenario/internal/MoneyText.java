package dev.residency.sim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a price written with its currency and unit: {@code "5e8 USD"}, {@code "2_000_000 USD/month"}
 * or {@code "0.021 USD/GB-month"} (also per GiB, TB, TiB or PB-month, converted to per GB, 10^9
 * bytes). Only US dollars are accepted, the currency of every report; a bare number is refused, since
 * its unit would be a guess. Messages quote the value.
 */
final class MoneyText {

    /** What a price is per. */
    enum Per {
        /** A one-off amount: {@code USD}. */
        NOTHING("USD", "\"5e8 USD\""),
        /** Per month: {@code USD/month}. */
        MONTH("USD/month", "\"2e6 USD/month\""),
        /** Per GB held for a month: {@code USD/GB-month}. */
        GB_MONTH("USD/GB-month", "\"0.021 USD/GB-month\"");

        private final String unit;
        private final String example;

        Per(String unit, String example) {
            this.unit = unit;
            this.example = example;
        }
    }

    private static final Pattern PRICE = Pattern.compile(
            "([-+]?[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?)\\s*([A-Za-z$]+)\\s*(?:/\\s*(\\S+))?");

    private MoneyText() {}

    /**
     * Returns the amount of {@code v} in US dollars per {@code per} (per GB-month for {@link
     * Per#GB_MONTH}).
     *
     * @throws IllegalArgumentException if {@code v} is no such price, is in another currency or unit,
     *     or is negative; the message quotes it
     */
    static double parse(JsonNode v, Per per) {
        if (v.isNumber()) {
            throw new IllegalArgumentException(
                    v.asText() + " must be a price with its currency and unit, such as " + per.example);
        }
        String text = Scalars.text(v).strip();
        Matcher m = PRICE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(Scalars.describe(v) + " is not a price such as " + per.example);
        }
        double amount = Double.parseDouble(m.group(1).replace("_", ""));
        String currency = m.group(2);
        if (!currency.equals("USD")) {
            throw new IllegalArgumentException(Scalars.describe(v) + ": prices must be in USD (the currency of the"
                    + " reports), was " + currency);
        }
        double factor = factor(m.group(3), per);
        if (Double.isNaN(factor)) {
            throw new IllegalArgumentException(
                    Scalars.describe(v) + " must be in " + per.unit + ", such as " + per.example);
        }
        if (amount < 0) {
            throw new IllegalArgumentException(Scalars.describe(v) + " must not be negative");
        }
        double usd = amount * factor;
        if (!Double.isFinite(usd)) {
            throw new IllegalArgumentException(Scalars.describe(v) + " is too large");
        }
        return usd;
    }

    /** Returns what one unit written as {@code unit} is in {@code per}'s unit, or NaN if it is another unit. */
    private static double factor(String unit, Per per) {
        if (unit == null) {
            return per == Per.NOTHING ? 1 : Double.NaN;
        }
        String u = unit.toLowerCase(Locale.ROOT);
        return switch (per) {
            case NOTHING -> Double.NaN;
            case MONTH -> u.equals("month") ? 1 : Double.NaN;
            case GB_MONTH ->
                switch (u) {
                    // A price per larger unit is a smaller price per GB.
                    case "gb-month" -> 1;
                    case "gib-month" -> 1e9 / (1L << 30);
                    case "tb-month" -> 1e-3;
                    case "tib-month" -> 1e9 / (1L << 40);
                    case "pb-month" -> 1e-6;
                    default -> Double.NaN;
                };
        };
    }
}
