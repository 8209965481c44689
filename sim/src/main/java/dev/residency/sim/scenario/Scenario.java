package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.topology.Topology;
import java.util.Map;

/**
 * A whole study, as a scenario file describes it: the fleet, the users' records, the residency
 * policy, the planner's options and how the migration is run.
 *
 * <p><b>Scale.</b> One synthetic user (and each of their records) stands for {@code scale} real ones.
 * The file gives real user counts and real per-record sizes; the loader divides the users by the
 * scale and multiplies record sizes (and live writes per user) by it, so that bytes, and therefore
 * transfer times, stay real-world while the simulation handles {@code scale} times fewer records.
 * Reports multiply record and user counts by {@code scale}.
 *
 * @param name the scenario's name, such as {@code microsoft-tiktok-2020}
 * @param description a one-paragraph description for reports
 * @param topology the sites and links
 * @param population where the records come from, already scaled
 * @param scale how many real users one synthetic user stands for, at least 1
 * @param policy the residency policy to meet
 * @param planning the planner's options and constraints
 * @param run how the migration is run
 * @param assumptions the file's stated assumptions and estimates, one line each, for the report
 */
public record Scenario(
        String name,
        String description,
        Topology topology,
        PopulationSource population,
        int scale,
        ResidencyPolicy policy,
        PlanningSettings planning,
        RunSettings run,
        ImmutableList<String> assumptions) {

    /** How many times fewer users {@link #withQuickMode()} keeps. */
    public static final int QUICK_SCALE_FACTOR = 10;
    /** How many replications {@link #withQuickMode()} keeps. */
    public static final int QUICK_REPLICATIONS = 2;

    /**
     * Creates a scenario.
     *
     * @throws IllegalArgumentException if the name is blank or the scale below 1
     */
    public Scenario {
        checkNotNull(name, "name");
        checkNotNull(description, "description");
        checkNotNull(topology, "topology");
        checkNotNull(population, "population");
        checkNotNull(policy, "policy");
        checkNotNull(planning, "planning");
        checkNotNull(run, "run");
        assumptions = ImmutableList.copyOf(assumptions);
        checkArgument(!name.isBlank(), "scenario name must not be blank");
        checkArgument(scale >= 1, "scale must be at least 1, was %s", scale);
    }

    /**
     * Returns a quick variant for smoke tests and CI: {@value #QUICK_REPLICATIONS} replications and
     * {@value #QUICK_SCALE_FACTOR} times fewer synthetic users and records (the scale multiplied by
     * {@value #QUICK_SCALE_FACTOR}, record sizes and live writes per user likewise), so bytes and
     * durations stay comparable with the full scenario while the run is about ten times cheaper.
     */
    public Scenario withQuickMode() {
        RunSettings.Builder quickRun = run.toBuilder().replications(Math.min(run.replications(), QUICK_REPLICATIONS));
        for (Map.Entry<dev.residency.geo.Jurisdiction, LiveWrites> e :
                run.liveWrites().entrySet()) {
            quickRun.liveWrites(e.getKey(), e.getValue().rescaled(QUICK_SCALE_FACTOR));
        }
        return new Scenario(
                name,
                description,
                topology,
                population.rescaled(QUICK_SCALE_FACTOR),
                Math.multiplyExact(scale, QUICK_SCALE_FACTOR),
                policy,
                planning,
                quickRun.build(),
                assumptions);
    }

    /** Returns this scenario with other run settings (another seed, more replications, another deadline rule). */
    public Scenario withRun(RunSettings newRun) {
        return new Scenario(name, description, topology, population, scale, policy, planning, newRun, assumptions);
    }
}
