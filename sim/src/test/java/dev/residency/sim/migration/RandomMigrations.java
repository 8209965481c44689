package dev.residency.sim.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import dev.residency.data.Category;
import dev.residency.data.PopulationGenerator;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.MigrationPlan;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.sim.network.FailurePolicy;
import dev.residency.sim.scenario.Backups;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.DistributionSpec;
import dev.residency.sim.scenario.FailureSpec;
import dev.residency.sim.scenario.Faults;
import dev.residency.sim.scenario.LiveWrites;
import dev.residency.sim.scenario.MaintenanceWindow;
import dev.residency.sim.scenario.Phase;
import dev.residency.sim.scenario.PlanningSettings;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.ScheduledOutage;
import dev.residency.testing.RandomInstances;
import dev.residency.topology.Topology;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded random migrations for property tests: a random topology of 2 to 5 sites, a generated
 * population of at most 15 users per jurisdiction (built user by user), a random policy, a random
 * planner and batch size, and random run settings scaled to the plan's makespan so that every run is
 * small: a deadline (sometimes) under either rule, live writes, backups kept or shredded, deletion
 * failures, corruption, random link and site failures and fixed outages, interrupted copies that
 * resume or restart from byte zero (restart with probability 1/4); and for the planner, each with
 * probability 1/3, approval gates, a late site, link maintenance windows and destination storage that
 * binds; and, with probability 1/3, one or two phases whose start gates their categories' batches. The
 * same seed gives the same migration.
 */
final class RandomMigrations {

    private RandomMigrations() {}

    /** A random migration and what it was made from. */
    record Case(long seed, MigrationSetup setup, String description) {

        @Override
        public String toString() {
            return "seed " + seed + " (" + description + ")";
        }
    }

    /**
     * Returns the random migration made from {@code seed}. Nine seeds in ten must move something: a
     * draw whose plan has no batch is replaced by the next draw of the seed's stream. Every seed still
     * gives one migration, always the same.
     */
    static Case of(long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int attempt = 0; ; attempt++) {
            long draw = attempt == 0 ? seed : seeds.nextLong();
            Case c = draw(seed, draw, attempt);
            // Nine seeds in ten get a migration that moves something; the tenth may move nothing.
            if (!c.setup().plan().batches().isEmpty() || seed % 10 == 0) {
                return c;
            }
            if (attempt >= 200) {
                throw new AssertionError("seed " + seed + ": no usable draw in 200");
            }
        }
    }

    private static MigrationPlan plan(Scenario scenario, RecordStore store) {
        return ScenarioPlans.plan(scenario, store);
    }

    private static Case draw(long seed, long drawSeed, int attempt) {
        SplittableRandom rng = new SplittableRandom(drawSeed);
        Topology topology = RandomInstances.topology(rng, 2 + rng.nextInt(4), 0.3);
        RecordStore store = PopulationGenerator.generate(RandomInstances.populationSpec(rng, topology, 15), topology);
        ResidencyPolicy policy = RandomInstances.policy(rng, topology, Category.BUILT_IN);
        String planner = rng.nextInt(4) == 0 ? "greedy" : "flow";
        long targetBatchBytes = (long) Math.pow(10, 6 + rng.nextDouble() * 3);
        PlanningSettings planning = new PlanningSettings(
                planner,
                targetBatchBytes,
                Duration.ofSeconds(1 + rng.nextInt(30)),
                ImmutableMap.of(),
                ImmutableMap.of(),
                ImmutableList.of(),
                ImmutableMap.of());
        RunSettings.Builder run =
                RunSettings.builder(MigrationFixtures.START).replications(1).seed(rng.nextLong());
        // Plan once without a deadline to learn the time scale of this migration.
        MigrationPlan probe = plan(MigrationFixtures.scenario("probe", topology, policy, planning, run.build()), store);
        double makespan = Math.max(1, probe.makespanSeconds());
        planning = gated(rng, topology, store, planning, makespan);
        double deadline = Double.NaN;
        DeadlineRule rule = rng.nextBoolean() ? DeadlineRule.ENFORCE : DeadlineRule.CONTINUE;
        if (rng.nextInt(4) != 0) {
            deadline = Math.max(1, makespan * (0.1 + 1.4 * rng.nextDouble()));
            run.deadline(MigrationFixtures.START.plus(millis(deadline))).deadlineRule(rule);
        }
        run.verificationRate(new Bandwidth(Math.pow(10, 7 + 3 * rng.nextDouble())))
                .deletionRate(new Bandwidth(Math.pow(10, 7 + 3 * rng.nextDouble())))
                .deletionFailureProbability(new double[] {0, 0.05, 0.3}[rng.nextInt(3)])
                .catchUpThresholdBytes((long) Math.pow(10, 4 + 4 * rng.nextDouble()))
                .writeFreeze(millis(rng.nextDouble() * makespan / 10));
        for (Jurisdiction home : RandomInstances.JURISDICTIONS) {
            if (rng.nextInt(3) == 0) {
                run.liveWrites(
                        home,
                        new LiveWrites(
                                (long) Math.pow(10, 6 + 4 * rng.nextDouble()),
                                rng.nextBoolean() ? 0 : rng.nextDouble() * 0.5));
            }
        }
        double retention = 0;
        if (rng.nextInt(3) == 0) {
            run.backups(new Backups(Duration.ZERO, true));
        } else {
            retention = rng.nextDouble() * 2 * makespan;
            run.backups(new Backups(millis(retention), false));
        }
        Optional<FailureSpec> links = rng.nextBoolean() ? Optional.of(failures(rng, makespan)) : Optional.empty();
        Optional<FailureSpec> sites = rng.nextInt(3) == 0 ? Optional.of(failures(rng, makespan)) : Optional.empty();
        double corruption = rng.nextBoolean() ? rng.nextDouble() * 0.6 / targetBatchBytes : 0;
        ImmutableList.Builder<ScheduledOutage> outages = ImmutableList.builder();
        if (rng.nextInt(5) == 0) {
            String target = rng.nextBoolean() || topology.links().isEmpty()
                    ? topology.site(rng.nextInt(topology.siteCount())).id()
                    : topology.links().get(rng.nextInt(topology.links().size())).name();
            double from = rng.nextDouble() * makespan;
            outages.add(new ScheduledOutage(
                    target,
                    MigrationFixtures.START.plus(millis(from)),
                    MigrationFixtures.START.plus(millis(from + 0.001 + rng.nextDouble() * makespan))));
        }
        run.phases(phases(rng, store, makespan));
        // Drawn last, so that the draws above stay those of the seeds before the policy was drawn. One in
        // four: a restarting copy under frequent random failures may never finish and runs to the
        // horizon, and one in two doubled the class's time (2,000 cases: 167 s before, 321 s after).
        FailurePolicy interrupted = rng.nextInt(4) == 0 ? FailurePolicy.RESTART : FailurePolicy.RESUME;
        run.faults(new Faults(links, sites, corruption, outages.build(), interrupted));
        double horizon = 30 * Math.max(makespan, Double.isNaN(deadline) ? 0 : deadline) + 2 * retention + 600;
        run.horizon(millis(horizon));
        Scenario scenario = MigrationFixtures.scenario("random-" + seed, topology, policy, planning, run.build());
        // Plan again with the run's settings: under ENFORCE the deadline is a hard one for the planner.
        MigrationPlan plan = plan(scenario, store);
        String description = String.format(
                "draw %d, %d sites, %d records, %d batches, %d deletions, planner %s, makespan %.3fs, deadline %s %s,"
                        + " interrupted copies %s",
                attempt,
                topology.siteCount(),
                store.size(),
                plan.batches().size(),
                plan.deletions().size(),
                planner,
                plan.makespanSeconds(),
                Double.isNaN(deadline) ? "none" : String.format("%.3fs", deadline),
                Double.isNaN(deadline) ? "" : rule,
                interrupted);
        return new Case(seed, MigrationSetup.prepare(scenario, store, plan), description);
    }

    /**
     * Returns {@code planning} with the hard corners drawn on the time scale of the probe's makespan,
     * each with probability 1/3: approval gates for some home jurisdictions, a late site, one or two
     * link maintenance windows, and destination storage that binds (a site's room cut to a random
     * part of the bytes stored elsewhere, by data stored outside the population).
     */
    private static PlanningSettings gated(
            SplittableRandom rng, Topology topology, RecordStore store, PlanningSettings planning, double makespan) {
        ImmutableMap.Builder<Jurisdiction, java.time.Instant> approvals = ImmutableMap.builder();
        if (rng.nextInt(3) == 0) {
            for (Jurisdiction home : store.jurisdictions()) {
                if (rng.nextBoolean()) {
                    approvals.put(home, MigrationFixtures.START.plus(millis(rng.nextDouble() * makespan / 2)));
                }
            }
        }
        ImmutableMap.Builder<String, java.time.Instant> ready = ImmutableMap.builder();
        if (rng.nextInt(3) == 0) {
            ready.put(
                    topology.site(rng.nextInt(topology.siteCount())).id(),
                    MigrationFixtures.START.plus(millis(rng.nextDouble() * makespan / 2)));
        }
        ImmutableList.Builder<MaintenanceWindow> maintenance = ImmutableList.builder();
        if (rng.nextInt(3) == 0 && !topology.links().isEmpty()) {
            for (int k = 0; k < 1 + rng.nextInt(2); k++) {
                var link = topology.links().get(rng.nextInt(topology.links().size()));
                double from = rng.nextDouble() * makespan;
                maintenance.add(new MaintenanceWindow(
                        link.from(),
                        link.to(),
                        MigrationFixtures.START.plus(millis(from)),
                        MigrationFixtures.START.plus(millis(from + 0.001 + rng.nextDouble() * makespan / 3))));
            }
        }
        ImmutableMap.Builder<String, Long> used = ImmutableMap.builder();
        if (rng.nextInt(3) == 0) {
            int site = rng.nextInt(topology.siteCount());
            long stored = 0;
            long total = 0;
            for (int i = 0; i < store.size(); i++) {
                var replicas = store.replicaSets().sites(store.replicaSet(i));
                for (int k = 0; k < replicas.length(); k++) {
                    stored += replicas.get(k) == site ? store.bytes(i) : 0;
                }
                total += store.bytes(i);
            }
            long room = (long) (rng.nextDouble() * total / 2);
            long capacity = topology.site(site).storage().bytes();
            used.put(topology.site(site).id(), Math.max(0, capacity - stored - room));
        }
        return new PlanningSettings(
                planning.planner(),
                planning.targetBatchBytes(),
                planning.timeStep(),
                ready.buildOrThrow(),
                approvals.buildOrThrow(),
                maintenance.build(),
                used.buildOrThrow());
    }

    /**
     * Returns, with probability 1/3, one or two phases over random non-empty sets of the population's
     * categories (they may overlap), each starting within half the probe's makespan and due at a random
     * moment that may come before its start (a phase late by construction); otherwise none.
     */
    private static List<Phase> phases(SplittableRandom rng, RecordStore store, double makespan) {
        List<Phase> phases = new ArrayList<>();
        if (rng.nextInt(3) != 0) {
            return phases;
        }
        int count = 1 + rng.nextInt(2);
        for (int p = 0; p < count; p++) {
            Set<String> categories = new LinkedHashSet<>();
            for (Category category : store.categories()) {
                if (rng.nextBoolean()) {
                    categories.add(category.name());
                }
            }
            if (categories.isEmpty()) {
                categories.add(store.categories()
                        .get(rng.nextInt(store.categories().size()))
                        .name());
            }
            double start = rng.nextDouble() * makespan / 2;
            double due = rng.nextDouble() * makespan;
            phases.add(new Phase(
                    "phase-" + p,
                    ImmutableSet.copyOf(categories),
                    MigrationFixtures.START.plus(millis(start)),
                    MigrationFixtures.START.plus(millis(due))));
        }
        return phases;
    }

    private static FailureSpec failures(SplittableRandom rng, double makespan) {
        return new FailureSpec(
                distribution(rng, makespan * (0.3 + 3 * rng.nextDouble())),
                distribution(rng, makespan * (0.02 + 0.3 * rng.nextDouble())));
    }

    private static DistributionSpec distribution(SplittableRandom rng, double meanSeconds) {
        Duration mean = millis(meanSeconds);
        return switch (rng.nextInt(4)) {
            case 0 -> new DistributionSpec.Exponential(mean);
            case 1 -> new DistributionSpec.Weibull(0.5 + rng.nextDouble() * 2, mean);
            case 2 -> new DistributionSpec.LogNormal(mean, rng.nextDouble());
            default -> new DistributionSpec.Fixed(mean);
        };
    }

    /** Returns {@code seconds} as a duration of whole milliseconds, at least one. */
    static Duration millis(double seconds) {
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }
}
