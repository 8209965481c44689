package dev.residency.sim.report;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/**
 * The milestones of every subject (jurisdiction, rule, phase, site) over independent replications:
 * days from the start to each, as {@link Estimate}s with 95% confidence intervals; runs that never
 * reached a milestone count as missing.
 *
 * @param subjects one entry per subject, in the runs' order (jurisdictions, rules, phases, sites)
 */
public record MilestoneSummary(ImmutableList<Subject> subjects) {

    private static final double DAY = 86_400;

    /**
     * One subject's milestones over replications.
     *
     * @param kind what the subject is
     * @param name its name
     * @param liveDays days until it was clean on live systems
     * @param fullDays days until it was clean with backups
     * @param receiptDays for a site, days until it began to receive data (all missing otherwise)
     */
    public record Subject(
            Milestone.Kind kind, String name, Estimate liveDays, Estimate fullDays, Estimate receiptDays) {

        /** Creates a subject's summary. */
        public Subject {
            checkNotNull(kind, "kind");
            checkNotNull(name, "name");
            checkNotNull(liveDays, "liveDays");
            checkNotNull(fullDays, "fullDays");
            checkNotNull(receiptDays, "receiptDays");
        }
    }

    /** Creates a summary, copying the list. */
    public MilestoneSummary {
        subjects = ImmutableList.copyOf(subjects);
    }

    /**
     * Summarises the milestones of {@code results}, replications of one scenario.
     *
     * @throws IllegalArgumentException if {@code results} is empty or its runs list different subjects
     */
    public static MilestoneSummary of(List<RunResult> results) {
        checkNotNull(results, "results");
        checkArgument(!results.isEmpty(), "a summary needs at least one run");
        ImmutableList<Milestone> first = results.get(0).milestones();
        for (RunResult r : results) {
            checkArgument(
                    r.milestones().size() == first.size(),
                    "replication %s has %s milestones, replication %s has %s",
                    r.replication(),
                    r.milestones().size(),
                    results.get(0).replication(),
                    first.size());
        }
        ImmutableList.Builder<Subject> subjects = ImmutableList.builder();
        int n = results.size();
        for (int g = 0; g < first.size(); g++) {
            double[] live = new double[n];
            double[] full = new double[n];
            double[] receipt = new double[n];
            for (int r = 0; r < n; r++) {
                Milestone m = results.get(r).milestones().get(g);
                checkArgument(
                        m.kind() == first.get(g).kind()
                                && m.name().equals(first.get(g).name()),
                        "replication %s lists %s where replication %s lists %s",
                        results.get(r).replication(),
                        m.name(),
                        results.get(0).replication(),
                        first.get(g).name());
                live[r] = m.liveSeconds() / DAY;
                full[r] = m.fullSeconds() / DAY;
                receipt[r] = m.firstReceiptSeconds() / DAY;
            }
            subjects.add(new Subject(
                    first.get(g).kind(),
                    first.get(g).name(),
                    Estimate.of(live),
                    Estimate.of(full),
                    Estimate.of(receipt)));
        }
        return new MilestoneSummary(subjects.build());
    }

    /** Returns the subjects of one kind, in order. */
    public ImmutableList<Subject> of(Milestone.Kind kind) {
        checkNotNull(kind, "kind");
        return subjects.stream().filter(s -> s.kind() == kind).collect(ImmutableList.toImmutableList());
    }

    /** Returns the subject of {@code kind} named {@code name}, if there is one. */
    public Optional<Subject> find(Milestone.Kind kind, String name) {
        checkNotNull(kind, "kind");
        checkNotNull(name, "name");
        return subjects.stream()
                .filter(s -> s.kind() == kind && s.name().equals(name))
                .findFirst();
    }
}
