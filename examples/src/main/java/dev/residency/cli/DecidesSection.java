package dev.residency.cli;

import dev.residency.sim.study.Influence;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders what decides the answer in {@code report.md}: one sentence in the answer block (the inputs
 * whose plausible range flips it, with the thresholds found) and a section with every uncertain input,
 * its range and what moving it across the range did.
 */
final class DecidesSection {

    private DecidesSection() {}

    /**
     * Returns {@code report} with the sentence added at the end of its answer block (before its first
     * section) and the section right after it; {@code report} itself if there are no uncertain inputs.
     */
    static String insert(String report, List<Influence> influences, int replications) {
        if (influences.isEmpty()) {
            return report;
        }
        List<Influence> flipping = influences.stream().filter(Influence::flips).toList();
        StringBuilder sentence = new StringBuilder("**What decides it:** ");
        if (flipping.isEmpty()) {
            sentence.append("no uncertain input flips the answer across its plausible range (")
                    .append(influences.stream().map(i -> i.input().path()).collect(Collectors.joining(", ")))
                    .append(").");
        } else {
            sentence.append(flipping.stream().map(Influence::finding).collect(Collectors.joining("; ")))
                    .append('.');
            List<String> steady = influences.stream()
                    .filter(i -> !i.flips())
                    .map(i -> i.input().path())
                    .toList();
            if (!steady.isEmpty()) {
                sentence.append(" Across their plausible ranges these do not flip it: ")
                        .append(String.join(", ", steady))
                        .append('.');
            }
        }
        sentence.append(" (See *What decides the answer*.)\n");

        StringBuilder section = new StringBuilder("\n## What decides the answer\n\n");
        section.append(String.format(
                Locale.ROOT,
                "Every estimate the scenario file writes as a distribution was moved across its plausible range"
                        + " with every other input at its central value (the value this run used); a range is"
                        + " bisected for the value where the answer flips (both ends first, then halving; one-day"
                        + " steps for durations), a choice runs each value. %d replications per point; the answer"
                        + " at a point is the majority's.%n%n",
                replications));
        section.append("| input | distribution | central | plausible range | flips? | finding | points run |\n");
        section.append("|---|---|---|---|---|---|---|\n");
        for (Influence i : influences) {
            section.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %s | %s | %s | %s | %s | %d |%n",
                    i.input().path(),
                    i.input().distribution(),
                    i.input().central(),
                    String.join(i.input().range() ? " to " : ", ", i.input().values()),
                    i.flips() ? "**yes**" : "no",
                    i.finding(),
                    i.evaluations().size()));
        }
        int end = report.indexOf("\n## ");
        if (end < 0) {
            return report + "\n" + sentence + section;
        }
        return report.substring(0, end) + "\n" + sentence + section + report.substring(end);
    }
}
