package dev.residency.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.topology.Topology;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A planning problem refuses options that name a data center or link its topology lacks, each with the
 * option's path, and accepts the same options naming sites and links that exist.
 */
final class PlanningProblemTest {

    /** Sites va (US), sg (SG) and ie (IE); links va-sg and sg-ie only. */
    private static final Topology TOPOLOGY = Topology.builder()
            .site(PlanFixtures.site("va", "US", 1L << 40))
            .site(PlanFixtures.site("sg", "SG", 1L << 40))
            .site(PlanFixtures.site("ie", "IE", 1L << 40))
            .link(PlanFixtures.link("va", "sg", 1e9, 0))
            .link(PlanFixtures.link("sg", "ie", 1e9, 0))
            .build();

    private static final RecordStore STORE = RecordStore.builder(TOPOLOGY, 1)
            .add(0, Jurisdiction.US, Category.PROFILE, 10, false, 1)
            .build();
    private static final ResidencyPolicy POLICY = PlanFixtures.keepIn(Jurisdiction.US, Jurisdiction.US);

    private static PlanningProblem with(PlanOptions.Builder options) {
        return PlanningProblem.builder()
                .store(STORE)
                .policy(POLICY)
                .options(options.build())
                .build();
    }

    private static LinkWindow window(String from, String to) {
        return new LinkWindow(from, to, Duration.ZERO, Duration.ofSeconds(1));
    }

    @Test
    void build_knownSitesAndLinks_accepted() {
        PlanningProblem p = with(PlanOptions.builder()
                .siteReadyAt("ie", Duration.ZERO)
                .usedBytesOutsideStore("va", 1)
                .maintenance(window("va", "sg"))
                .maintenance(window("ie", "sg")));
        assertThat(p.topology()).isSameAs(TOPOLOGY);
        assertThat(p.options().maintenance()).hasSize(2);
        assertThat(PlanningProblem.builder().store(STORE).policy(POLICY).build().options())
                .isEqualTo(PlanOptions.defaults());
    }

    @Test
    void build_unknownSiteOrLink_refusedNamingTheOption() {
        assertThatThrownBy(() -> with(PlanOptions.builder().siteReadyAt("no", Duration.ZERO)))
                .hasMessage("options.siteReadyAt: unknown data center \"no\"");
        assertThatThrownBy(() -> with(PlanOptions.builder().usedBytesOutsideStore("no", 0)))
                .hasMessage("options.usedBytesOutsideStore: unknown data center \"no\"");
        assertThatThrownBy(() -> with(
                        PlanOptions.builder().maintenance(window("va", "sg")).maintenance(window("no", "sg"))))
                .hasMessage("options.maintenance[1]: unknown data center in no-sg");
        assertThatThrownBy(() -> with(PlanOptions.builder().maintenance(window("sg", "no"))))
                .hasMessage("options.maintenance[0]: unknown data center in sg-no");
        assertThatThrownBy(() -> with(PlanOptions.builder().maintenance(window("va", "ie"))))
                .hasMessage("options.maintenance[0]: no link between va and ie");
    }

    @Test
    void build_storeOrPolicyMissing_refused() {
        assertThatThrownBy(() -> PlanningProblem.builder().policy(POLICY).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("store was not set");
        assertThatThrownBy(() -> PlanningProblem.builder().store(STORE).build())
                .isInstanceOf(NullPointerException.class)
                .hasMessage("policy was not set");
    }
}
