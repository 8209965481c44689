package dev.residency.sim.faults;

import static com.google.common.base.Preconditions.checkArgument;

/** What a failure takes down: one arc of the network, or a whole site with all its arcs. */
public sealed interface FaultTarget permits FaultTarget.Arc, FaultTarget.Site {

    /**
     * One directed arc.
     *
     * @param arc the arc index, not negative
     */
    record Arc(int arc) implements FaultTarget {
        /**
         * Validates the index.
         *
         * @throws IllegalArgumentException if it is negative
         */
        public Arc {
            checkArgument(arc >= 0, "arc must be >= 0, got %s", arc);
        }
    }

    /**
     * A data center: every arc into or out of it carries nothing while it is down.
     *
     * @param site the site index, not negative
     */
    record Site(int site) implements FaultTarget {
        /**
         * Validates the index.
         *
         * @throws IllegalArgumentException if it is negative
         */
        public Site {
            checkArgument(site >= 0, "site must be >= 0, got %s", site);
        }
    }
}
