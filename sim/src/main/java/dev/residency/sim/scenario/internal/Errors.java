package dev.residency.sim.scenario.internal;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.ScenarioError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects the errors of one load, in the order found. Not thread-safe. */
final class Errors {

    private final List<ScenarioError> list = new ArrayList<>();
    private final java.util.Set<String> silenced = new java.util.HashSet<>();

    /** Records an error at {@code path}; {@code format} is a {@link String#format} pattern. */
    void add(String path, String format, Object... args) {
        if (silenced.contains(path)) {
            return;
        }
        list.add(new ScenarioError(
                path.isEmpty() ? ScenarioError.DOCUMENT : path,
                args.length == 0 ? format : String.format(Locale.ROOT, format, args)));
    }

    /** Records an error at {@code path} and ignores any later one there (a value already refused, reported once). */
    void addFinal(String path, String format, Object... args) {
        add(path, format, args);
        silenced.add(path);
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
