package dev.residency.plan;

import static dev.residency.plan.PlanFixtures.link;
import static dev.residency.plan.PlanFixtures.site;
import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.verify.PlanVerifier;
import dev.residency.plan.verify.VerificationResult;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.policy.SiteConstraint;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two corners of holdover that {@code PlannerPropertyTest}'s instances with legs found, as small
 * instances: US records at {@code sg} (30) and {@code sg2} (10), a staging site {@code jp}, US destinations beyond it, links of
 * 1,000 B/s (10 ms latency), a time step of 10 s. The link {@code sg-jp} closes at 100 s and {@code jp}'s
 * links onwards open at 200 s, so data that crosses {@code sg-jp} early waits at {@code jp}.
 */
final class HoldoverCornersTest {

    private static final long STORAGE = 10_000_000L;

    /** Sites sg, sg2 (SG), jp (JP) and the US sites {@code us}; links sg-jp, sg2-jp and jp to each US site. */
    private static Topology topology(String... us) {
        List<DataCenter> sites = new ArrayList<>(
                List.of(site("sg", "SG", STORAGE), site("jp", "JP", STORAGE), site("sg2", "SG", STORAGE)));
        List<Link> links = new ArrayList<>(List.of(link("sg", "jp", 1_000, 0.01), link("sg2", "jp", 1_000, 0.01)));
        for (String id : us) {
            sites.add(site(id, "US", STORAGE));
            links.add(link("jp", id, 1_000, 0.01));
        }
        return Topology.of(sites, links);
    }

    private static PlanningProblem problem(Topology topology, ResidencyPolicy policy, List<LinkWindow> windows) {
        return problem(topology, policy, windows, 10);
    }

    private static PlanningProblem problem(
            Topology topology, ResidencyPolicy policy, List<LinkWindow> windows, long stepSeconds) {
        RecordStore.Builder store = RecordStore.builder(topology, 40);
        for (int i = 0; i < 40; i++) {
            store.add(i, Jurisdiction.US, Category.VIDEOS, 1_000 + 37L * i, false, i < 30 ? 0 : 2);
        }
        PlanOptions.Builder options =
                PlanOptions.builder().targetBatchBytes(5_000).timeStep(Duration.ofSeconds(stepSeconds));
        windows.forEach(options::maintenance);
        return PlanningProblem.builder()
                .store(store.build())
                .policy(policy.withStaging(List.of("jp")))
                .options(options.build())
                .build();
    }

    private static LinkWindow window(String from, String to, long startSeconds, long endSeconds) {
        return new LinkWindow(from, to, Duration.ofSeconds(startSeconds), Duration.ofSeconds(endSeconds));
    }

    /**
     * Records that need two compliant copies ({@code us1} and {@code us2}, both beyond {@code jp}): the
     * copies go to disjoint destinations, and both could wait at {@code jp}, where they would be one
     * staging copy, deleted when the first chain lands while the second still needs it. Only a record's
     * first copy may be staged, so no record has two staging copies at once and the verifier accepts the
     * plan (before, it reported batches copying a record "to a site that already holds it").
     */
    @Test
    void plan_recordNeedingTwoCopies_stagesAtMostOneOfThem() {
        Topology topology = topology("us1", "us2");
        ResidencyPolicy policy = ResidencyPolicy.of(
                "us",
                Rule.move("us", List.of(Jurisdiction.US), SiteConstraint.in(Jurisdiction.US))
                        .withMinCompliantReplicas(2));
        PlanningProblem problem = problem(
                topology,
                policy,
                List.of(window("sg", "jp", 100, 100_000), window("jp", "us1", 0, 200), window("jp", "us2", 0, 200)));

        MigrationPlan plan = Planners.byName("flow").plan(problem);

        VerificationResult result = PlanVerifier.verify(plan, problem);
        assertThat(result.isValid()).as("%s", result).isTrue();
        Set<Integer> staged = new HashSet<>();
        for (TransferBatch batch : plan.batches()) {
            if (batch.staging()) {
                batch.records()
                        .forEach(r -> assertThat(staged.add(r))
                                .as("record %s staged twice", r)
                                .isTrue());
            }
        }
        assertThat(plan.bytesToMove()).isPositive();
    }

    /**
     * The last legs of waiting data run in the last wave with streams that are re-timed there (whole
     * records overshoot their quotas): data staged at {@code jp} and data from {@code sg2} through {@code
     * jp} share {@code jp>us} from 200 s. The re-timing counts the staged streams' bytes too, so {@code
     * jp>us} carries at most its 1,000 B/s (before, the re-timed streams took the whole link beside the
     * staged ones and the verifier found the arc above its bandwidth).
     */
    @Test
    void plan_stagedAndThroughStreamsInTheLastWave_shareTheLinkWithinItsBandwidth() {
        Topology topology = topology("us");
        ResidencyPolicy policy = PlanFixtures.keepIn(Jurisdiction.US, Jurisdiction.US);
        PlanningProblem problem =
                problem(topology, policy, List.of(window("sg", "jp", 100, 200), window("jp", "us", 0, 200)));

        MigrationPlan plan = Planners.byName("flow").plan(problem);

        VerificationResult result = PlanVerifier.verify(plan, problem);
        assertThat(result.isValid()).as("%s", result).isTrue();
        assertThat(plan.batches()).anyMatch(TransferBatch::staging);
    }

    /**
     * The time step decides whether a link open for a short while before its maintenance can be used:
     * windows are widened outward to the step grid ({@link PlanOptions#timeStep()}), so {@code sg-jp}, in
     * maintenance from 100 s, is down from 0 s at a 300 s step (the window starts at floor(100 / 300) x
     * 300 = 0) and carries nothing before the window ends at 100,000 s: no data from {@code sg} crosses it
     * early, so none of it waits at {@code jp} (the data of {@code sg2}, whose link stays open, still may).
     * At a 10 s step it is open over [0, 100) s and data from {@code sg} waits there.
     */
    @Test
    void plan_linkOpenLessThanOneStepBeforeItsWindow_carriesNothingThenSoNothingWaits() {
        List<LinkWindow> windows = List.of(window("sg", "jp", 100, 100_000), window("jp", "us", 0, 200));
        ResidencyPolicy policy = PlanFixtures.keepIn(Jurisdiction.US, Jurisdiction.US);

        MigrationPlan fine = Planners.byName("flow").plan(problem(topology("us"), policy, windows, 10));
        MigrationPlan coarse = Planners.byName("flow").plan(problem(topology("us"), policy, windows, 300));

        int sg = 0;
        assertThat(fine.batches()).anyMatch(b -> b.staging() && b.source() == sg);
        assertThat(coarse.batches()).noneMatch(b -> b.staging() && b.source() == sg);
        int sgJp = 0; // the first link's forward arc
        assertThat(coarse.batches())
                .filteredOn(b -> b.route().arcs().contains(sgJp))
                .allMatch(b -> b.plannedStartSeconds() >= 100_000);
    }
}
