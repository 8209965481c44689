package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.PlanOptions;
import dev.residency.plan.Planners;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The planner's options and the constraints it must respect besides the topology.
 *
 * @param planner the planner's registry name: {@code "flow"} (default) or {@code "greedy"}
 * @param targetBatchBytes the size the planner aims at when it splits flows into batches, positive
 * @param timeStep the length of one step of the time-expanded network, positive
 * @param siteReadyAt per site id, the instant before which the site cannot receive data (sites that
 *     must be built first); sites absent are ready from the start
 * @param approvalAt per home jurisdiction, the instant before which none of its users' data may move
 *     (a regulator's approval gate); jurisdictions absent need no approval
 * @param maintenance windows during which a link carries no migration traffic
 * @param usedBytesOutsideStore per site id, storage already taken by data outside the simulated
 *     population (other tenants, other products), in bytes; absent sites use none
 */
public record PlanningSettings(
        String planner,
        long targetBatchBytes,
        Duration timeStep,
        ImmutableMap<String, Instant> siteReadyAt,
        ImmutableMap<Jurisdiction, Instant> approvalAt,
        ImmutableList<MaintenanceWindow> maintenance,
        ImmutableMap<String, Long> usedBytesOutsideStore) {

    /** The default planner's name, {@link Planners#DEFAULT_NAME}. */
    public static final String DEFAULT_PLANNER = Planners.DEFAULT_NAME;
    /** The planners a scenario may name: those of the registry {@link Planners#names()}, sorted. */
    public static final ImmutableList<String> PLANNERS = ImmutableList.copyOf(Planners.names());
    /**
     * The default target batch size of a scenario, {@link PlanOptions#SCENARIO_TARGET_BATCH_BYTES} (50
     * TB; a library caller's default, {@link PlanOptions#DEFAULT_TARGET_BATCH_BYTES}, is smaller; the
     * reasons are given there).
     */
    public static final long DEFAULT_TARGET_BATCH_BYTES = PlanOptions.SCENARIO_TARGET_BATCH_BYTES;
    /**
     * The default step of a scenario's time-expanded network, {@link PlanOptions#SCENARIO_TIME_STEP} (1
     * day; a library caller's default, {@link PlanOptions#DEFAULT_TIME_STEP}, is 1 hour).
     */
    public static final Duration DEFAULT_TIME_STEP = PlanOptions.SCENARIO_TIME_STEP;

    /**
     * Creates planning settings.
     *
     * @throws IllegalArgumentException if the planner is unknown or a size, step or byte count is not
     *     positive (used bytes may be zero)
     */
    public PlanningSettings {
        checkNotNull(planner, "planner");
        checkNotNull(timeStep, "timeStep");
        siteReadyAt = ImmutableMap.copyOf(siteReadyAt);
        approvalAt = ImmutableMap.copyOf(approvalAt);
        maintenance = ImmutableList.copyOf(maintenance);
        usedBytesOutsideStore = ImmutableMap.copyOf(usedBytesOutsideStore);
        checkArgument(PLANNERS.contains(planner), "planner must be one of %s, was \"%s\"", PLANNERS, planner);
        checkArgument(targetBatchBytes > 0, "targetBatchBytes must be positive, was %s", targetBatchBytes);
        checkArgument(!timeStep.isNegative() && !timeStep.isZero(), "timeStep must be positive, was %s", timeStep);
        for (Map.Entry<String, Long> e : usedBytesOutsideStore.entrySet()) {
            checkArgument(e.getValue() >= 0, "used bytes of %s must not be negative, was %s", e.getKey(), e.getValue());
        }
    }

    /** Returns the defaults: flow planner, 50 TB batches, 1-day steps, no gates, no windows. */
    public static PlanningSettings defaults() {
        return new PlanningSettings(
                DEFAULT_PLANNER,
                DEFAULT_TARGET_BATCH_BYTES,
                DEFAULT_TIME_STEP,
                ImmutableMap.of(),
                ImmutableMap.of(),
                ImmutableList.of(),
                ImmutableMap.of());
    }
}
