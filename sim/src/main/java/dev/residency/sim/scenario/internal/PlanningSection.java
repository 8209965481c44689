package dev.residency.sim.scenario.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.residency.geo.Jurisdiction;
import dev.residency.sim.scenario.MaintenanceWindow;
import dev.residency.sim.scenario.PlanningSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code planning} section; site readiness and used storage come from {@code sites}. */
final class PlanningSection {

    private static final String[] KEYS = {"planner", "targetBatchSize", "timeStep", "approvals", "maintenance"};
    private static final String[] WINDOW_KEYS = {"from", "to", "start", "end"};

    private PlanningSection() {}

    /** Reads {@code planning} (all optional); {@code homes} are the jurisdictions with users, if known. */
    static PlanningSettings read(Node root, Fleet fleet, Optional<Set<Jurisdiction>> homes) {
        Node p = root.field("planning");
        if (p.present() && !p.mapping(KEYS)) {
            return defaults(fleet);
        }
        String planner = p.orDefault(
                "planner",
                v -> {
                    String name = Scalars.nonBlank(v);
                    if (!PlanningSettings.PLANNERS.contains(name)) {
                        throw new IllegalArgumentException("\"" + name + "\" is not a planner (known: "
                                + String.join(", ", PlanningSettings.PLANNERS) + ")"
                                + DidYouMean.hint(name, PlanningSettings.PLANNERS));
                    }
                    return name;
                },
                PlanningSettings.DEFAULT_PLANNER);
        long batch = p.optional("targetBatchSize", Scalars::positiveDataSize)
                .map(s -> s.bytes())
                .orElse(PlanningSettings.DEFAULT_TARGET_BATCH_BYTES);
        Duration step = p.orDefault("timeStep", Scalars::positiveDuration, PlanningSettings.DEFAULT_TIME_STEP);
        Map<Jurisdiction, Instant> approvals = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : p.field("approvals").entries()) {
            Optional<Jurisdiction> home = homeKey(e.getKey(), e.getValue(), homes);
            Optional<Instant> at = e.getValue().as(Scalars::instant);
            if (home.isPresent() && at.isPresent()) {
                approvals.put(home.get(), at.get());
            }
        }
        List<MaintenanceWindow> windows = new ArrayList<>();
        for (Node n : p.field("maintenance").elements()) {
            if (!n.mapping(WINDOW_KEYS)) {
                continue;
            }
            Optional<String> from = n.required("from", fleet.siteRef());
            Optional<String> to = n.required("to", fleet.siteRef());
            Optional<Instant> start = n.required("start", Scalars::instant);
            Optional<Instant> end = n.required("end", Scalars::instant);
            if (from.isPresent()
                    && to.isPresent()
                    && fleet.linkBetween(from.get(), to.get()).isEmpty()) {
                n.error("no link joins \"%s\" and \"%s\"", from.get(), to.get());
                continue;
            }
            if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
                n.field("end")
                        .error(
                                "%s is not after start %s",
                                RunSection.format(end.get()), RunSection.format(start.get()));
                continue;
            }
            if (from.isPresent() && to.isPresent() && start.isPresent() && end.isPresent()) {
                windows.add(new MaintenanceWindow(from.get(), to.get(), start.get(), end.get()));
            }
        }
        return new PlanningSettings(
                planner,
                batch,
                step,
                fleet.readyAt,
                ImmutableMap.copyOf(approvals),
                ImmutableList.copyOf(windows),
                fleet.used);
    }

    private static PlanningSettings defaults(Fleet fleet) {
        PlanningSettings d = PlanningSettings.defaults();
        return new PlanningSettings(
                d.planner(),
                d.targetBatchBytes(),
                d.timeStep(),
                fleet.readyAt,
                d.approvalAt(),
                d.maintenance(),
                fleet.used);
    }

    /** Parses a mapping key as a jurisdiction that has users (when the users are known). */
    static Optional<Jurisdiction> homeKey(String key, Node at, Optional<Set<Jurisdiction>> homes) {
        Jurisdiction home;
        try {
            home = Jurisdiction.of(key);
        } catch (IllegalArgumentException e) {
            at.error("%s", e.getMessage());
            return Optional.empty();
        }
        if (homes.isPresent() && !homes.get().contains(home)) {
            at.error("refers to %s, which has no users in the population (users of: %s)", home, homes.get());
            return Optional.empty();
        }
        return Optional.of(home);
    }
}
