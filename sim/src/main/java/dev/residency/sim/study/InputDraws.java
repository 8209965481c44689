package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.engine.RandomStreams;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.UncertainInput;
import dev.residency.sim.scenario.internal.Quantity;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws of uncertain inputs: a value of an input from a uniform number {@code u} in (0, 1) by its
 * distribution's quantile function, and each replication's draws from its own random streams.
 *
 * <p><b>Streams.</b> Input {@code path} of replication {@code r} under master seed {@code s} is drawn
 * from {@link RandomStreams} stream {@code ("assumption " + path, r)}: a stream of its own, so adding
 * or removing an uncertain input changes neither the other inputs' draws nor the fault streams, and
 * the draws do not depend on the thread count.
 *
 * <p><b>Quantiles.</b> Uniform {@code [a, b]}: {@code a + u (b - a)}. Triangular {@code [a, c, b]}:
 * {@code a + sqrt(u (b - a)(c - a))} for {@code u < (c - a)/(b - a)}, else {@code b - sqrt((1 - u)(b -
 * a)(b - c))}. Lognormal {@code {median m, sigma s}}: {@code m exp(s Φ⁻¹(u))}. Choice: each value with
 * equal probability. A value is written back in its unit as the file writes it (a duration in whole
 * seconds, a whole number rounded), and that text is what the replication runs and what it records.
 * Stateless.
 */
public final class InputDraws {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private InputDraws() {}

    /**
     * Returns the value of {@code input} at quantile {@code u}, as YAML text.
     *
     * @throws IllegalArgumentException if {@code u} is not strictly between 0 and 1
     */
    public static String quantile(UncertainInput input, double u) {
        return unquote(quantileText(input, u));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static String quantileText(UncertainInput input, double u) {
        checkNotNull(input, "input");
        checkArgument(u > 0 && u < 1, "u must lie strictly between 0 and 1, was %s", u);
        List<String> p = input.parameters();
        switch (input.distribution()) {
            case "uniform" -> {
                Quantity a = Quantity.parse(p.get(0));
                Quantity b = Quantity.parse(p.get(1));
                return a.format(a.value() + u * (b.value() - a.value()));
            }
            case "triangular" -> {
                Quantity a = Quantity.parse(p.get(0));
                double c = Quantity.parse(p.get(1)).value();
                double b = Quantity.parse(p.get(2)).value();
                double lo = a.value();
                double v = u < (c - lo) / (b - lo)
                        ? lo + Math.sqrt(u * (b - lo) * (c - lo))
                        : b - Math.sqrt((1 - u) * (b - lo) * (b - c));
                return a.format(v);
            }
            case "lognormal" -> {
                Quantity median = Quantity.parse(p.get(0));
                double sigma = Double.parseDouble(p.get(1).strip());
                Quantity real = new Quantity(median.kind(), median.value(), false);
                return real.format(median.value() * Math.exp(sigma * STANDARD_NORMAL.inverseCumulativeProbability(u)));
            }
            case "choice" -> {
                int i = Math.min(p.size() - 1, (int) Math.floor(u * p.size()));
                return p.get(i);
            }
            default ->
                throw new IllegalArgumentException(
                        input.path() + ": unknown distribution \"" + input.distribution() + "\"");
        }
    }

    /**
     * Returns the magnitude of a value's text in its kind's base unit (seconds, bytes, bytes per
     * second, a plain number), so drawn values can be ordered; empty for a value that is no quantity
     * (such as {@code true}).
     */
    public static java.util.OptionalDouble magnitude(String text) {
        checkNotNull(text, "text");
        try {
            return java.util.OptionalDouble.of(Quantity.parse(text).value());
        } catch (IllegalArgumentException notQuantity) {
            return java.util.OptionalDouble.empty();
        }
    }

    /** Returns a uniform number strictly between 0 and 1 from {@code rng} (53 random bits, centred). */
    static double open01(UniformRandomProvider rng) {
        return ((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
    }

    /**
     * Returns replication {@code replication}'s draw of every input, as settings in input order.
     *
     * @throws IllegalArgumentException if {@code replication} is negative
     */
    public static ImmutableList<Overrides.Setting> draw(List<UncertainInput> inputs, long seed, int replication) {
        checkNotNull(inputs, "inputs");
        RandomStreams streams = new RandomStreams(seed);
        ImmutableList.Builder<Overrides.Setting> out = ImmutableList.builder();
        for (UncertainInput input : inputs) {
            double u = open01(streams.stream("assumption " + input.path(), replication));
            out.add(new Overrides.Setting(input.path(), quantile(input, u)));
        }
        return out.build();
    }
}
