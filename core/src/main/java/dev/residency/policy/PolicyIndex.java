package dev.residency.policy;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.data.ReplicaSets;
import dev.residency.geo.Jurisdiction;
import dev.residency.topology.Topology;

/**
 * A policy resolved against one record store's tables and topology, for fast per-record and
 * per-group questions: which rule governs (home index, category index), with what effective action,
 * and which sites each rule allows. Immutable and thread-safe.
 */
public final class PolicyIndex {

    /** Sentinel rule index of records that no rule selects. */
    public static final int NO_RULE = -1;

    private final ResidencyPolicy policy;
    private final RecordStore store;
    private final int[][] ruleOf;
    private final Action[][] actionOf;
    private final boolean[][] allowed;
    private final boolean[] transit;
    private final boolean[] staging;

    private PolicyIndex(ResidencyPolicy policy, RecordStore store) {
        this.policy = policy;
        this.store = store;
        Topology topology = store.topology();
        int homes = store.jurisdictions().size();
        int categories = store.categories().size();
        ruleOf = new int[homes][categories];
        actionOf = new Action[homes][categories];
        for (int h = 0; h < homes; h++) {
            Jurisdiction home = store.jurisdictions().get(h);
            for (int c = 0; c < categories; c++) {
                Category category = store.categories().get(c);
                ruleOf[h][c] = NO_RULE;
                actionOf[h][c] = Action.EXEMPT;
                for (int r = 0; r < policy.rules().size(); r++) {
                    Rule rule = policy.rules().get(r);
                    if (rule.selects(home, category)) {
                        ruleOf[h][c] = r;
                        actionOf[h][c] = rule.actionFor(category);
                        break;
                    }
                }
            }
        }
        allowed = new boolean[policy.rules().size()][topology.siteCount()];
        for (int r = 0; r < policy.rules().size(); r++) {
            for (int s = 0; s < topology.siteCount(); s++) {
                allowed[r][s] = policy.rules().get(r).allowed().allows(topology.site(s));
            }
        }
        transit = new boolean[topology.siteCount()];
        for (int s = 0; s < topology.siteCount(); s++) {
            transit[s] = policy.transit().allows(topology.site(s));
        }
        staging = new boolean[topology.siteCount()];
        for (int s = 0; s < topology.siteCount(); s++) {
            staging[s] = policy.staging().contains(topology.site(s).id());
        }
    }

    /** Resolves {@code policy} against {@code store}. */
    public static PolicyIndex of(ResidencyPolicy policy, RecordStore store) {
        return new PolicyIndex(checkNotNull(policy, "policy"), checkNotNull(store, "store"));
    }

    /** Returns the policy. */
    public ResidencyPolicy policy() {
        return policy;
    }

    /** Returns the store the indices refer to. */
    public RecordStore store() {
        return store;
    }

    /** Returns the index of the rule governing (home, category), or {@link #NO_RULE}. */
    public int ruleOf(int homeIndex, int categoryIndex) {
        return ruleOf[homeIndex][categoryIndex];
    }

    /** Returns the effective action for (home, category): {@link Action#EXEMPT} when no rule or an exception applies. */
    public Action actionOf(int homeIndex, int categoryIndex) {
        return actionOf[homeIndex][categoryIndex];
    }

    /** Returns the rule at {@code ruleIndex}. */
    public Rule rule(int ruleIndex) {
        return policy.rules().get(ruleIndex);
    }

    /** Returns whether rule {@code ruleIndex} allows copies at {@code site}. */
    public boolean allows(int ruleIndex, int site) {
        return allowed[ruleIndex][site];
    }

    /** Returns whether data governed by rule {@code ruleIndex} may pass through {@code site}. */
    public boolean transitAllowed(int ruleIndex, int site) {
        return transit[site] || allowed[ruleIndex][site];
    }

    /**
     * Returns whether data governed by rule {@code ruleIndex} may be stored at {@code site} while it
     * waits there in transit (a staging copy): the site is usable for transit and either the rule allows
     * copies there or the policy lists it as a staging site.
     */
    public boolean stagingAllowed(int ruleIndex, int site) {
        return transitAllowed(ruleIndex, site) && (staging[site] || allowed[ruleIndex][site]);
    }

    /** Returns how many sites of replica set {@code replicaSet} rule {@code ruleIndex} allows. */
    public int compliantReplicas(int ruleIndex, int replicaSet) {
        ImmutableIntArray sites = store.replicaSets().sites(replicaSet);
        int n = 0;
        for (int i = 0; i < sites.length(); i++) {
            if (allowed[ruleIndex][sites.get(i)]) {
                n++;
            }
        }
        return n;
    }

    /**
     * Returns whether records of (home, category) on {@code replicaSet} violate the policy: their
     * effective action is not exempt and some copy is at a site their rule does not allow.
     */
    public boolean violates(int homeIndex, int categoryIndex, int replicaSet) {
        int rule = ruleOf[homeIndex][categoryIndex];
        if (rule == NO_RULE || actionOf[homeIndex][categoryIndex] == Action.EXEMPT) {
            return false;
        }
        ReplicaSets sets = store.replicaSets();
        ImmutableIntArray sites = sets.sites(replicaSet);
        for (int i = 0; i < sites.length(); i++) {
            if (!allowed[rule][sites.get(i)]) {
                return true;
            }
        }
        return false;
    }
}
