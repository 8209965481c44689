package dev.residency.sim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import dev.residency.sim.network.FailurePolicy;
import dev.residency.sim.scenario.DistributionSpec;
import dev.residency.sim.scenario.FailureSpec;
import dev.residency.sim.scenario.Faults;
import dev.residency.sim.scenario.ScheduledOutage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code run.faults}: random failures of links and sites, corruption, fixed outages, and what an
 * interrupted copy does.
 */
final class FaultsSection {

    private static final String[] KEYS = {"links", "sites", "corruptionPerByte", "outages", "interruptedTransfers"};
    private static final String[] FAILURE_KEYS = {"timeToFailure", "timeToRepair"};
    private static final String[] OUTAGE_KEYS = {"target", "start", "end"};
    /** The failure policies a migration's copies may follow, as the file spells them. */
    private static final ImmutableList<String> TRANSFER_POLICIES = ImmutableList.of("resume", "restart");

    private static final ImmutableList<String> DISTRIBUTIONS =
            ImmutableList.of("exponential", "weibull", "lognormal", "fixed");

    private FaultsSection() {}

    /** Reads the faults at {@code f}; {@link Faults#NONE} if absent or invalid (reported). */
    static Faults read(Node f, Fleet fleet) {
        if (!f.present() || !f.mapping(KEYS)) {
            return Faults.NONE;
        }
        Optional<FailureSpec> links = failures(f.field("links"));
        Optional<FailureSpec> sites = failures(f.field("sites"));
        double corruption = f.orDefault("corruptionPerByte", Scalars::probability, 0.0);
        List<ScheduledOutage> outages = new ArrayList<>();
        for (Node n : f.field("outages").elements()) {
            if (!n.mapping(OUTAGE_KEYS)) {
                continue;
            }
            Optional<String> target = n.required("target", v -> {
                String text = Scalars.nonBlank(v);
                return fleet.target(text)
                        .orElseThrow(() -> new IllegalArgumentException("\"" + text
                                + "\" is neither a site id nor a link written from-to"
                                + DidYouMean.hint(text, fleet.targets())));
            });
            Optional<Instant> start = n.required("start", Scalars::instant);
            Optional<Instant> end = n.required("end", Scalars::instant);
            if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
                n.field("end")
                        .error(
                                "%s is not after start %s",
                                RunSection.format(end.get()), RunSection.format(start.get()));
                continue;
            }
            if (target.isPresent() && start.isPresent() && end.isPresent()) {
                outages.add(new ScheduledOutage(target.get(), start.get(), end.get()));
            }
        }
        FailurePolicy interrupted =
                f.orDefault("interruptedTransfers", FaultsSection::transferPolicy, FailurePolicy.RESUME);
        return new Faults(links, sites, corruption, ImmutableList.copyOf(outages), interrupted);
    }

    /** Parses {@code resume} or {@code restart} (any case); {@code abort} and the rest are refused. */
    private static FailurePolicy transferPolicy(JsonNode v) {
        String name = Scalars.nonBlank(v).toLowerCase(Locale.ROOT);
        if (!TRANSFER_POLICIES.contains(name)) {
            throw new IllegalArgumentException(Scalars.describe(v) + " must be one of "
                    + String.join(", ", TRANSFER_POLICIES) + DidYouMean.hint(name, TRANSFER_POLICIES));
        }
        return FailurePolicy.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static Optional<FailureSpec> failures(Node n) {
        if (!n.present() || !n.mapping(FAILURE_KEYS)) {
            return Optional.empty();
        }
        Optional<DistributionSpec> ttf = distribution(n.field("timeToFailure"));
        Optional<DistributionSpec> ttr = distribution(n.field("timeToRepair"));
        return ttf.isPresent() && ttr.isPresent()
                ? Optional.of(new FailureSpec(ttf.get(), ttr.get()))
                : Optional.empty();
    }

    private static Optional<DistributionSpec> distribution(Node n) {
        if (!n.present()) {
            n.error("required field is missing");
            return Optional.empty();
        }
        if (!n.json().isObject()) {
            n.error(
                    "must be a mapping such as {distribution: exponential, mean: 30d}, was %s",
                    Scalars.describe(n.json()));
            return Optional.empty();
        }
        Optional<String> kind = n.required("distribution", v -> {
            String name = Scalars.nonBlank(v).toLowerCase(java.util.Locale.ROOT);
            if (!DISTRIBUTIONS.contains(name)) {
                throw new IllegalArgumentException("\"" + name + "\" must be one of " + String.join(", ", DISTRIBUTIONS)
                        + DidYouMean.hint(name, DISTRIBUTIONS));
            }
            return name;
        });
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        try {
            switch (kind.get()) {
                case "exponential" -> {
                    n.mapping("distribution", "mean");
                    return n.required("mean", Scalars::positiveDuration).map(DistributionSpec.Exponential::new);
                }
                case "weibull" -> {
                    n.mapping("distribution", "shape", "scale");
                    Optional<Double> shape = n.required("shape", Scalars::positiveNumber);
                    Optional<Duration> scale = n.required("scale", Scalars::positiveDuration);
                    return shape.isPresent() && scale.isPresent()
                            ? Optional.of(new DistributionSpec.Weibull(shape.get(), scale.get()))
                            : Optional.empty();
                }
                case "lognormal" -> {
                    n.mapping("distribution", "median", "sigma");
                    Optional<Duration> median = n.required("median", Scalars::positiveDuration);
                    Optional<Double> sigma = n.required("sigma", Scalars::nonNegativeNumber);
                    return median.isPresent() && sigma.isPresent()
                            ? Optional.of(new DistributionSpec.LogNormal(median.get(), sigma.get()))
                            : Optional.empty();
                }
                default -> {
                    n.mapping("distribution", "value");
                    return n.required("value", Scalars::positiveDuration).map(DistributionSpec.Fixed::new);
                }
            }
        } catch (IllegalArgumentException e) {
            n.error("%s", e.getMessage());
            return Optional.empty();
        }
    }
}
