package dev.residency.sim.scenario.internal;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.ScenarioError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the errors of one load, in the order found. Not thread-safe. */
final class Errors {

    private final List<ScenarioError> list = new ArrayList<>();

    /** Records an error at {@code path}; {@code format} is a {@link String#format} pattern. */
    void add(String path, String format, Object... args) {
        list.add(new ScenarioError(
                path.isEmpty() ? ScenarioError.DOCUMENT : path,
                args.length == 0 ? format : String.format(Locale.ROOT, format, args)));
    }

    /** Returns the number of errors so far, to tell whether a step added any. */
    int count() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    ImmutableList<ScenarioError> all() {
        return ImmutableList.copyOf(list);
    }
}
