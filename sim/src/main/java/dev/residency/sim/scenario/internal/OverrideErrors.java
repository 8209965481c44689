package dev.residency.sim.scenario.internal;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.ScenarioError;
import java.util.List;

/** Marks the errors of a load that an override caused, so that the user knows to fix the flag, not the file. */
final class OverrideErrors {

    private static final String MARK = "(in --set ";

    private OverrideErrors() {}

    /** Returns {@code errors} with {@code (in --set PATH=VALUE)} added to each that concerns a setting. */
    static ImmutableList<ScenarioError> annotate(List<ScenarioError> errors, Overrides overrides) {
        ImmutableList.Builder<ScenarioError> out = ImmutableList.builder();
        for (ScenarioError error : errors) {
            String message = error.message();
            if (!message.contains(MARK)) {
                // The last setting of a path is the one in force.
                for (Overrides.Setting setting : overrides.settings().reverse()) {
                    if (OverrideApplier.concerns(setting.path(), error.path())) {
                        message = message + " " + MARK + setting + ")";
                        break;
                    }
                }
            }
            out.add(new ScenarioError(error.path(), message));
        }
        return out.build();
    }
}
