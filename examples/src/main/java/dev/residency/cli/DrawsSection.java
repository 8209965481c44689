package dev.residency.cli;

import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.UncertainInput;
import dev.residency.sim.study.Assumptions;
import dev.residency.sim.study.InputDraws;
import dev.residency.sim.study.Outcome;
import dev.residency.units.Durations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in {@code report.md} what the headline's probability covers (faults, and which uncertain
 * inputs were drawn per replication) and lists the draws: one row per uncertain input with the
 * smallest, median and largest value drawn, and how many populations and plans the draws needed.
 */
final class DrawsSection {

    private static final Pattern RUNS = Pattern.compile("(\\d+) of (\\d+) replications");

    private DrawsSection() {}

    /** Returns the phrase the headline's count gets, such as {@code drawing faults and 2 uncertain inputs}. */
    static String covering(Outcome outcome, Assumptions assumptions, int uncertainInputs) {
        if (!outcome.drawn().isEmpty()) {
            return "drawing " + outcome.uncertaintyCovered();
        }
        if (assumptions == Assumptions.CENTRAL && uncertainInputs > 0) {
            return "drawing faults only, " + uncertainInputs + " uncertain input" + (uncertainInputs == 1 ? "" : "s")
                    + " at central values";
        }
        return "drawing faults";
    }

    /**
     * Returns {@code report} with the phrase after the headline's first {@code K of N replications} and,
     * if inputs were drawn, the draws section before the report's first section.
     */
    static String insert(String report, Outcome outcome, Assumptions assumptions, int uncertainInputs) {
        Matcher m = RUNS.matcher(report);
        String out = report;
        if (m.find()) {
            out = report.substring(0, m.end()) + ", " + covering(outcome, assumptions, uncertainInputs)
                    + report.substring(m.end());
        }
        if (outcome.drawn().isEmpty()) {
            return out;
        }
        StringBuilder section = new StringBuilder("\n## Uncertain inputs drawn per replication\n\n");
        section.append(String.format(
                Locale.ROOT,
                "Each replication drew every estimate the scenario file writes as a distribution from its own"
                        + " seeded stream (independent of the fault streams); the probability above covers faults and"
                        + " these inputs. `--assumptions central` runs them at their central values instead. %s"
                        + " (one per distinct value of the drawn inputs that shape them). Each run's values are in"
                        + " `summary.json`.%n%n",
                outcome.reuse()));
        section.append("| input | distribution | central | smallest drawn | median drawn | largest drawn |"
                + " met in runs drawing at most the median |\n");
        section.append("|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < outcome.drawn().size(); i++) {
            UncertainInput input = outcome.drawn().get(i);
            List<Drawn> values = new ArrayList<>();
            for (int r = 0; r < outcome.runs().size(); r++) {
                Overrides.Setting s = outcome.draws().get(r).get(i);
                values.add(
                        new Drawn(s.value(), order(s.value(), r), outcome.runs().get(r)));
            }
            values.sort(Comparator.comparingDouble(Drawn::order));
            int half = (values.size() + 1) / 2;
            long metLow = values.subList(0, half).stream()
                    .filter(d -> d.run().metDeadline())
                    .count();
            section.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %s | %s | %s | %s | %s | %d of %d |%n",
                    input.path(),
                    input.distribution(),
                    input.central(),
                    values.get(0).text(),
                    values.get(half - 1).text(),
                    values.get(values.size() - 1).text(),
                    metLow,
                    half));
        }
        int end = out.indexOf("\n## ");
        return end < 0 ? out + section : out.substring(0, end) + "\n" + section + out.substring(end);
    }

    private record Drawn(String text, double order, RunResult run) {}

    /** The path of the backup retention, the one drawn input the report's sentences name. */
    static final String RETENTION = "run.backups.retention";

    /**
     * Returns how the report names the backup retention: the scenario's value when it was not drawn,
     * else the smallest and largest value the replications drew (such as {@code 21d to 262d (drawn per
     * replication)}), or the one value if all drew the same.
     */
    static String retention(Outcome outcome) {
        int index = -1;
        for (int i = 0; i < outcome.drawn().size(); i++) {
            if (outcome.drawn().get(i).path().equals(RETENTION)) {
                index = i;
            }
        }
        List<String> values = new ArrayList<>();
        for (int r = 0; index >= 0 && r < outcome.draws().size(); r++) {
            values.add(outcome.draws().get(r).get(index).value());
        }
        return retention(Durations.format(outcome.scenario().run().backups().retention()), values);
    }

    /**
     * Returns {@code central} if {@code drawn} is empty, else the range of the drawn values, ordered
     * by their quantity: {@code LOW to HIGH (drawn per replication)}, or {@code VALUE (drawn per
     * replication)} when they are all equal.
     */
    static String retention(String central, List<String> drawn) {
        if (drawn.isEmpty()) {
            return central;
        }
        List<Drawn> values = new ArrayList<>();
        for (int r = 0; r < drawn.size(); r++) {
            values.add(new Drawn(drawn.get(r), order(drawn.get(r), r), null));
        }
        values.sort(Comparator.comparingDouble(Drawn::order));
        String low = values.get(0).text();
        String high = values.get(values.size() - 1).text();
        return (low.equals(high) ? low : low + " to " + high) + " (drawn per replication)";
    }

    /** Orders a drawn value by its quantity (a choice's values, which are no quantities, by run order). */
    private static double order(String text, int replication) {
        return InputDraws.magnitude(text).orElse(replication);
    }
}
