package dev.residency.sim.scenario.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the known name closest to a misspelt one, by Levenshtein edit distance. */
public final class DidYouMean {

    private DidYouMean() {}

    /**
     * Returns the candidate closest to {@code word}, if it is close enough to be a plausible typo: at
     * most a third of the word's length in edits (at least 2), ignoring case.
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String lower = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int limit = Math.max(2, word.length() / 3);
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Returns the Levenshtein distance of {@code a} and {@code b} (two-row dynamic programme). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Returns {@code " (did you mean \"x\"?)"} or {@code ""}. */
    public static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates)
                .map(c -> " (did you mean \"" + c + "\"?)")
                .orElse("");
    }
}
