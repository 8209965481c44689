package dev.residency.sim.migration;

import com.google.common.collect.ImmutableList;
import dev.residency.data.RecordStore;
import dev.residency.plan.Deletion;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.TransferBatch;
import dev.residency.policy.PolicyIndex;
import dev.residency.policy.Rule;
import dev.residency.sim.report.Milestone;
import dev.residency.sim.scenario.Phase;
import dev.residency.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The subjects whose milestones a run reports (every home jurisdiction, policy rule, phase and site)
 * and, precomputed once, which transfer batches and deletion jobs touch each: a batch or deletion job
 * touches a jurisdiction, rule or phase when it carries one of its records, and a deletion job
 * touches the site it runs at. Read-only and shared by all
 * replications.
 */
final class Subjects {

    private final ImmutableList<Milestone.Kind> kinds;
    private final ImmutableList<String> names;
    private final int[][] ofBatch;
    private final int[][] ofDeletion;
    private final int[] batchCount;
    private final int[] deletionCount;
    private final int[] siteSubject;

    private Subjects(
            List<Milestone.Kind> kinds,
            List<String> names,
            BitSet[] batchSubjects,
            BitSet[] deletionSubjects,
            int[] siteSubject) {
        this.kinds = ImmutableList.copyOf(kinds);
        this.names = ImmutableList.copyOf(names);
        int n = names.size();
        batchCount = new int[n];
        deletionCount = new int[n];
        ofBatch = new int[batchSubjects.length][];
        for (int b = 0; b < ofBatch.length; b++) {
            ofBatch[b] = batchSubjects[b].stream().toArray();
            for (int g : ofBatch[b]) {
                batchCount[g]++;
            }
        }
        ofDeletion = new int[deletionSubjects.length][];
        for (int d = 0; d < ofDeletion.length; d++) {
            ofDeletion[d] = deletionSubjects[d].stream().toArray();
            for (int g : ofDeletion[d]) {
                deletionCount[g]++;
            }
        }
        this.siteSubject = siteSubject;
    }

    /** Finds the subjects of {@code scenario} and what each batch and deletion of {@code plan} touches. */
    static Subjects of(Scenario scenario, RecordStore store, MigrationPlan plan) {
        List<Milestone.Kind> kinds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int homes = store.jurisdictions().size();
        for (int h = 0; h < homes; h++) {
            kinds.add(Milestone.Kind.JURISDICTION);
            names.add(store.jurisdictions().get(h).code());
        }
        int firstRule = names.size();
        for (Rule rule : scenario.policy().rules()) {
            kinds.add(Milestone.Kind.RULE);
            names.add(rule.name());
        }
        int firstPhase = names.size();
        ImmutableList<Phase> phases = scenario.run().phases();
        for (Phase phase : phases) {
            kinds.add(Milestone.Kind.PHASE);
            names.add(phase.name());
        }
        int firstSite = names.size();
        int[] siteSubject = new int[store.topology().siteCount()];
        for (int s = 0; s < siteSubject.length; s++) {
            siteSubject[s] = names.size();
            kinds.add(Milestone.Kind.SITE);
            names.add(store.topology().site(s).id());
        }
        // Per category index, the phases covering it.
        int[][] phasesOf = new int[store.categories().size()][];
        for (int c = 0; c < phasesOf.length; c++) {
            String category = store.categories().get(c).name();
            List<Integer> covering = new ArrayList<>();
            for (int p = 0; p < phases.size(); p++) {
                if (phases.get(p).categories().contains(category)) {
                    covering.add(firstPhase + p);
                }
            }
            phasesOf[c] = covering.stream().mapToInt(Integer::intValue).toArray();
        }
        PolicyIndex index = PolicyIndex.of(scenario.policy(), store);
        BitSet[] batchSubjects = new BitSet[plan.batches().size()];
        for (TransferBatch batch : plan.batches()) {
            // A site's subject counts deletion jobs only: copies into it are its receipt, not its violations.
            batchSubjects[batch.id()] = touched(store, index, batch.records(), firstRule, phasesOf);
        }
        BitSet[] deletionSubjects = new BitSet[plan.deletions().size()];
        for (int d = 0; d < deletionSubjects.length; d++) {
            Deletion deletion = plan.deletions().get(d);
            BitSet touched = touched(store, index, deletion.records(), firstRule, phasesOf);
            touched.set(firstSite + deletion.site());
            deletionSubjects[d] = touched;
        }
        return new Subjects(kinds, names, batchSubjects, deletionSubjects, siteSubject);
    }

    private static BitSet touched(
            RecordStore store,
            PolicyIndex index,
            com.google.common.primitives.ImmutableIntArray records,
            int firstRule,
            int[][] phasesOf) {
        BitSet touched = new BitSet();
        for (int k = 0; k < records.length(); k++) {
            int i = records.get(k);
            int h = store.homeIndex(i);
            int c = store.categoryIndex(i);
            touched.set(h);
            int rule = index.ruleOf(h, c);
            if (rule != PolicyIndex.NO_RULE) {
                touched.set(firstRule + rule);
            }
            for (int p : phasesOf[c]) {
                touched.set(p);
            }
        }
        return touched;
    }

    int size() {
        return names.size();
    }

    Milestone.Kind kind(int g) {
        return kinds.get(g);
    }

    String name(int g) {
        return names.get(g);
    }

    /** Returns the subjects batch {@code b} touches. */
    int[] ofBatch(int b) {
        return ofBatch[b];
    }

    /** Returns the subjects deletion job {@code d} touches. */
    int[] ofDeletion(int d) {
        return ofDeletion[d];
    }

    int batchCount(int g) {
        return batchCount[g];
    }

    int deletionCount(int g) {
        return deletionCount[g];
    }

    /** Returns the subject index of site {@code s}. */
    int site(int s) {
        return siteSubject[s];
    }
}
