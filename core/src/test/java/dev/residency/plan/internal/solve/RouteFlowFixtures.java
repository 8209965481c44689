package dev.residency.plan.internal.solve;

/** Hand-made one-leg streams for the tests of record assignment and plan assembly. */
final class RouteFlowFixtures {

    private RouteFlowFixtures() {}

    /** Returns the demand (part) that copy {@code copy} of record {@code record} belongs to. */
    static int part(AggregatedProblem p, int record, int copy) {
        return p.partsOfDemand[p.demandOfGroup[p.triage.groups.groupOf(record)]][copy];
    }

    /** Returns a one-leg stream of demand {@code part} over the link from site {@code from} to {@code to}. */
    static RouteFlow stream(
            AggregatedProblem p,
            int part,
            int wave,
            double start,
            int from,
            int to,
            long quota,
            double rate,
            boolean strict) {
        int[] route = {p.topology.arcBetween(from, to).getAsInt()};
        return new RouteFlow(part, wave, start, from, to, route, quota, rate, strict);
    }
}
