package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Collection;

/**
 * What a scenario input can change, judged from its path, so that a study rebuilds only what a
 * varied input can affect. The classification is conservative: an input is {@link #RUN} only if
 * neither the population nor the planner reads it.
 */
public enum InputKind {
    /** Shapes the records (sites, links, categories, the population, and {@code run.seed}, its default seed). */
    POPULATION,
    /**
     * Leaves the records alone but changes the plan: the policy, the planner's options, and the run's
     * start, deadline and deadline rule (the planner plans against the deadline).
     */
    PLAN,
    /** Read only by the simulation: every other {@code run.*} input (backups, rates, faults, writes, phases). */
    RUN;

    /** Returns the kind of the input at {@code path}, such as {@code run.backups.retention}. */
    public static InputKind of(String path) {
        checkNotNull(path, "path");
        String top = first(path);
        switch (top) {
            case "name", "description", "assumptions":
                return RUN;
            case "policy", "planning":
                return PLAN;
            case "run":
                String second = first(path.substring(Math.min(path.length(), "run.".length())));
                return switch (second) {
                    case "start", "deadline", "deadlineRule" -> PLAN;
                    case "seed" -> POPULATION;
                    default -> path.equals("run") ? POPULATION : RUN;
                };
            default:
                return POPULATION;
        }
    }

    /** Returns the most far-reaching kind among {@code paths}' ({@link #RUN} for none). */
    public static InputKind widest(Collection<String> paths) {
        InputKind widest = RUN;
        for (String path : paths) {
            InputKind kind = of(path);
            if (kind.ordinal() < widest.ordinal()) {
                widest = kind;
            }
        }
        return widest;
    }

    private static String first(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }
}
