package dev.residency.plan;

import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.topology.DataCenter;
import dev.residency.topology.Link;
import dev.residency.topology.Topology;
import dev.residency.units.DataSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Seeded planning instances pushed into the hard corners, on top of {@link PlanFixtures#random}: each
 * of these is drawn with probability 1/2, independently: destination storage that binds (a site's
 * free room a random part of the bytes stored elsewhere), approval gates for every home jurisdiction,
 * one or two late sites, one to three link maintenance windows, and a hard deadline (enforce) between
 * a few seconds and a few minutes. Keep priorities (videos 10, logs 1) come from the base instance.
 * Also rebuilds a problem with its store's rows in another order, for order-invariance tests.
 */
final class HardInstances {

    private HardInstances() {}

    /** Returns the hard instance of {@code seed}. */
    static PlanningProblem of(long seed) {
        PlanningProblem base = PlanFixtures.random(seed, 6, true);
        Random rng = new Random(seed * 0x9E3779B97F4A7C15L + 12345);
        RecordStore store = base.store();
        Topology topology = store.topology();
        int sites = topology.siteCount();
        long[] used = new long[sites];
        long total = 0;
        for (int i = 0; i < store.size(); i++) {
            var replicas = store.replicaSets().sites(store.replicaSet(i));
            for (int k = 0; k < replicas.length(); k++) {
                used[replicas.get(k)] += store.bytes(i);
            }
            total += store.bytes(i);
        }
        List<DataCenter> dataCenters = new ArrayList<>();
        boolean tight = rng.nextBoolean();
        for (int v = 0; v < sites; v++) {
            DataCenter dc = topology.site(v);
            if (tight && rng.nextBoolean()) {
                // Room for a random part (0 to 1/2) of all bytes stored anywhere: binds when the site is
                // where a rule's data must go.
                long room = (long) (rng.nextDouble() * total / 2);
                dc = new DataCenter(
                        dc.id(),
                        dc.jurisdiction(),
                        dc.operator(),
                        DataSize.ofBytes(used[v] + room),
                        dc.ingest(),
                        dc.egress());
            }
            dataCenters.add(dc);
        }
        Topology tighter = Topology.of(dataCenters, topology.links());
        PlanOptions o = base.options();
        PlanOptions.Builder options = PlanOptions.builder()
                .targetBatchBytes(o.targetBatchBytes())
                .timeStep(o.timeStep())
                .cutOverTime(o.cutOverTime());
        o.verificationRate().ifPresent(options::verificationRate);
        o.usedBytesOutsideStore().forEach(options::usedBytesOutsideStore);
        o.siteReadyAt().forEach(options::siteReadyAt);
        o.approvalAt().forEach(options::approvalAt);
        o.maintenance().forEach(options::maintenance);
        if (rng.nextBoolean()) {
            for (Jurisdiction home : store.jurisdictions()) {
                options.approvalAt(home, Duration.ofSeconds(rng.nextInt(120)));
            }
        }
        if (rng.nextBoolean()) {
            for (int k = 0; k < 1 + rng.nextInt(2); k++) {
                options.siteReadyAt(topology.site(rng.nextInt(sites)).id(), Duration.ofSeconds(1 + rng.nextInt(300)));
            }
        }
        if (rng.nextBoolean()) {
            List<Link> links = topology.links();
            for (int k = 0; k < 1 + rng.nextInt(3); k++) {
                Link l = links.get(rng.nextInt(links.size()));
                int start = rng.nextInt(200);
                options.maintenance(new LinkWindow(
                        l.from(), l.to(), Duration.ofSeconds(start), Duration.ofSeconds(start + 1 + rng.nextInt(150))));
            }
        }
        if (rng.nextBoolean()) {
            options.deadline(Duration.ofSeconds(5 + rng.nextInt(400))).hardDeadline(true);
        } else {
            o.deadline().ifPresent(d -> options.deadline(d).hardDeadline(o.hardDeadline()));
        }
        return PlanningProblem.builder()
                .store(copy(store, tighter, IntStream.range(0, store.size()).toArray()))
                .policy(base.policy())
                .options(options.build())
                .build();
    }

    /** Returns {@code problem} with its store's rows in an order drawn from {@code seed}. */
    static PlanningProblem shuffled(PlanningProblem problem, long seed) {
        RecordStore store = problem.store();
        List<Integer> order =
                new ArrayList<>(IntStream.range(0, store.size()).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        return PlanningProblem.builder()
                .store(copy(
                        store,
                        store.topology(),
                        order.stream().mapToInt(Integer::intValue).toArray()))
                .policy(problem.policy())
                .options(problem.options())
                .build();
    }

    /** Copies the rows {@code order} of {@code store} into a store on {@code topology} (same site order). */
    private static RecordStore copy(RecordStore store, Topology topology, int[] order) {
        RecordStore.Builder builder = RecordStore.builder(topology, store.size());
        for (int i : order) {
            builder.add(
                    store.user(i),
                    store.jurisdictions().get(store.homeIndex(i)),
                    store.categories().get(store.categoryIndex(i)),
                    store.bytes(i),
                    store.legalHold(i),
                    store.replicaSets().sites(store.replicaSet(i)).toArray());
        }
        return builder.build();
    }
}
