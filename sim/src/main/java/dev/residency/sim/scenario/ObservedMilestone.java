package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Something that happened in the real programme a scenario reproduces, tied to a milestone the
 * simulation measures, so that reports can set the simulated date beside the observed one. The
 * observation is a date or a range: {@code from} and {@code to} equal for a date, one of them absent
 * for "not before" or "not after" (for example "deletion still under way on 23 Mar 2023" is
 * {@code from: 2023-03-23} for the milestone "clean").
 *
 * @param what which milestone: clean on live systems, backups gone too, or a site receiving data
 * @param subject what it is about
 * @param name the jurisdiction code, rule name, phase name or site id; empty for {@link Subject#ALL}
 * @param from the earliest date it may have happened, if bounded below
 * @param to the latest date, if bounded above
 * @param tolerance how far the simulated date may fall outside the range and still reproduce it
 * @param source where the observation was reported, for reports and {@code docs/sources.md}
 */
public record ObservedMilestone(
        What what,
        Subject subject,
        String name,
        Optional<Instant> from,
        Optional<Instant> to,
        Duration tolerance,
        String source) {

    /** Which milestone is observed. */
    public enum What {
        /** No violating copy left on live systems. */
        CLEAN,
        /** The backups of deleted copies gone as well. */
        BACKUPS_GONE,
        /** A site began to receive migrated data (sites only). */
        RECEIVING;

        /** Returns the name a scenario file uses: {@code clean}, {@code backups-gone}, {@code receiving}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What an observed milestone is about. */
    public enum Subject {
        /** A home jurisdiction's users' data. */
        JURISDICTION,
        /** The data a policy rule governs. */
        RULE,
        /** The data of a phase's categories. */
        PHASE,
        /** A site. */
        SITE,
        /** The whole migration. */
        ALL;

        /** Returns the name a scenario file uses, in lower case. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Creates an observed milestone.
     *
     * @throws IllegalArgumentException if neither bound is given, {@code to} is before {@code from},
     *     the tolerance is negative, a site-only milestone is asked of another subject, or the name is
     *     blank for a subject other than {@link Subject#ALL}
     */
    public ObservedMilestone {
        checkNotNull(what, "what");
        checkNotNull(subject, "subject");
        checkNotNull(name, "name");
        checkNotNull(from, "from");
        checkNotNull(to, "to");
        checkNotNull(tolerance, "tolerance");
        checkNotNull(source, "source");
        checkArgument(from.isPresent() || to.isPresent(), "an observed milestone needs a date, from or to");
        checkArgument(
                from.isEmpty() || to.isEmpty() || !to.get().isBefore(from.get()),
                "observed range ends %s before it starts %s",
                to.orElse(null),
                from.orElse(null));
        checkArgument(!tolerance.isNegative(), "tolerance must not be negative, was %s", tolerance);
        checkArgument(what != What.RECEIVING || subject == Subject.SITE, "only a site can be observed receiving data");
        checkArgument(subject == Subject.ALL || !name.isBlank(), "a %s milestone needs a name", subject.label());
        checkArgument(!source.isBlank(), "an observed milestone needs its source");
    }

    /**
     * Returns how far {@code simulated} falls outside the observed range, in days: 0 inside it,
     * negative before it, positive after it.
     */
    public double daysOutside(Instant simulated) {
        checkNotNull(simulated, "simulated");
        if (from.isPresent() && simulated.isBefore(from.get())) {
            return Duration.between(from.get(), simulated).toMillis() / 86_400_000.0;
        }
        if (to.isPresent() && simulated.isAfter(to.get())) {
            return Duration.between(to.get(), simulated).toMillis() / 86_400_000.0;
        }
        return 0;
    }

    /** Returns whether {@code simulated} falls within the range widened by the tolerance on each side. */
    public boolean reproducedBy(Instant simulated) {
        return Math.abs(daysOutside(simulated)) * 86_400_000.0 <= tolerance.toMillis();
    }
}
