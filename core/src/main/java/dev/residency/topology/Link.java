package dev.residency.topology;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.units.Bandwidth;
import java.time.Duration;

/**
 * A wide-area path between two data centers, usable in both directions with its own bandwidth each
 * way.
 *
 * @param from the id of one end
 * @param to the id of the other end
 * @param forward bandwidth from {@code from} to {@code to}, positive
 * @param backward bandwidth from {@code to} to {@code from}, positive
 * @param latency one-way latency, not negative
 * @param egressCostPerGiB the price of sending one GiB (2^30 bytes) over the link in either
 *     direction, in US dollars, not negative
 */
public record Link(
        String from, String to, Bandwidth forward, Bandwidth backward, Duration latency, double egressCostPerGiB) {

    /**
     * Creates a link.
     *
     * @throws IllegalArgumentException if the ends are the same site, a bandwidth is not positive, or
     *     latency or cost negative; the message names the link and the value
     */
    public Link {
        checkNotNull(from, "from");
        checkNotNull(to, "to");
        checkNotNull(forward, "forward");
        checkNotNull(backward, "backward");
        checkNotNull(latency, "latency");
        checkArgument(!from.equals(to), "link %s-%s: a link must join two different sites", from, to);
        checkArgument(
                forward.bytesPerSecond() > 0, "link %s-%s: bandwidth must be positive, was %s", from, to, forward);
        checkArgument(
                backward.bytesPerSecond() > 0,
                "link %s-%s: backward bandwidth must be positive, was %s",
                to,
                from,
                backward);
        checkArgument(!latency.isNegative(), "link %s-%s: latency must not be negative, was %s", from, to, latency);
        checkArgument(
                Double.isFinite(egressCostPerGiB) && egressCostPerGiB >= 0,
                "link %s-%s: egress cost must be finite and not negative, was %s",
                from,
                to,
                egressCostPerGiB);
    }

    /** Returns a link with the same bandwidth both ways. */
    public static Link symmetric(
            String from, String to, Bandwidth bandwidth, Duration latency, double egressCostPerGiB) {
        return new Link(from, to, bandwidth, bandwidth, latency, egressCostPerGiB);
    }

    /** Returns "from-to", the link's name in messages. */
    public String name() {
        return from + "-" + to;
    }
}
