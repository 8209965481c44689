package dev.residency.plan.internal.solve;

import static dev.residency.plan.PlanFixtures.keepIn;
import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanningProblem;
import dev.residency.topology.Topology;
import java.util.List;

/** Small hand-made problems shared by the solver's tests. */
final class SolverFixtures {

    private SolverFixtures() {}

    /**
     * One record of US users' videos, {@code bytes} long, at site {@code a} (Singapore, {@code
     * sourceStorage} bytes), which must move to site {@code us} (US, {@code usStorage} bytes) over one
     * link of {@code bytesPerSecond} without latency; the policy keeps US data in the US.
     */
    static AggregatedProblem oneUsRecord(long bytes, double bytesPerSecond, long sourceStorage, long usStorage) {
        Topology topology = Topology.of(
                List.of(site("a", "SG", sourceStorage), site("us", "US", usStorage)),
                List.of(link("a", "us", bytesPerSecond, 0.0)));
        RecordStore.Builder store = RecordStore.builder(topology, 1);
        store.add(0, Jurisdiction.US, Category.VIDEOS, bytes, false, 0);
        return AggregatedProblem.of(PlanningProblem.builder()
                .store(store.build())
                .policy(keepIn(Jurisdiction.US, Jurisdiction.US))
                .build());
    }
}
