package dev.residency.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.residency.geo.Jurisdiction;
import dev.residency.testing.RandomInstances;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Topology} numbers sites in insertion order, turns link {@code i} into arcs {@code 2i}
 * (forward) and {@code 2i+1} (back) with their own attributes, lists each site's out-arcs in CSR form
 * exactly once, and refuses duplicate ids, unknown ends and duplicate links with a message naming the
 * value.
 */
final class TopologyTest {

    static DataCenter site(String id, Jurisdiction j) {
        return new DataCenter(
                id, j, "Oracle", DataSize.parse("1 PB"), Bandwidth.parse("100 Gbps"), Bandwidth.parse("100 Gbps"));
    }

    @Test
    void arcs_ofOneLink_carryDirectionalAttributes() {
        Topology t = Topology.builder()
                .site(site("va", Jurisdiction.US))
                .site(site("sg", Jurisdiction.SG))
                .link(new Link(
                        "va",
                        "sg",
                        Bandwidth.parse("10 Gbps"),
                        Bandwidth.parse("40 Gbps"),
                        Duration.ofMillis(120),
                        0.05))
                .build();
        assertThat(t.siteCount()).isEqualTo(2);
        assertThat(t.arcCount()).isEqualTo(2);
        assertThat(t.siteIndex("sg")).isEqualTo(1);
        assertThat(t.arcFrom(0)).isZero();
        assertThat(t.arcTo(0)).isEqualTo(1);
        assertThat(t.arcFrom(1)).isEqualTo(1);
        // 10 Gbps = 1.25 × 10^9 B/s forward; 40 Gbps = 5 × 10^9 B/s back.
        assertThat(t.arcBytesPerSecond(0)).isEqualTo(1.25e9);
        assertThat(t.arcBytesPerSecond(1)).isEqualTo(5e9);
        assertThat(t.arcLatencySeconds(1)).isEqualTo(0.12);
        // $0.05 per 2^30 bytes.
        assertThat(t.arcCostPerByte(0)).isCloseTo(0.05 / 1073741824.0, within(1e-20));
        assertThat(Topology.reverseArc(0)).isEqualTo(1);
        assertThat(t.arcLink(1).name()).isEqualTo("va-sg");
        assertThat(t.arcBetween(0, 1)).hasValue(0);
        assertThat(t.arcBetween(1, 0)).hasValue(1);
        assertThat(t.find("sg")).contains(t.site(1));
        assertThat(t.find("nope")).isEmpty();
        assertThat(t.indexOf("nope")).isEmpty();
    }

    @Test
    void of_duplicateSiteId_isRefusedNamingId() {
        assertThatThrownBy(() ->
                        Topology.of(List.of(site("va", Jurisdiction.US), site("va", Jurisdiction.CA)), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate data center id \"va\"");
    }

    @Test
    void of_linkToUnknownSite_isRefusedNamingIt() {
        Link link = Link.symmetric("va", "tx", Bandwidth.parse("1 Gbps"), Duration.ZERO, 0);
        assertThatThrownBy(() -> Topology.of(List.of(site("va", Jurisdiction.US)), List.of(link)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("va-tx")
                .hasMessageContaining("unknown data center \"tx\"");
    }

    @Test
    void of_linkFromUnknownSite_isRefusedNamingIt() {
        Link link = Link.symmetric("tx", "va", Bandwidth.parse("1 Gbps"), Duration.ZERO, 0);
        assertThatThrownBy(() -> Topology.of(List.of(site("va", Jurisdiction.US)), List.of(link)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tx-va")
                .hasMessageContaining("unknown data center \"tx\"");
    }

    @Test
    void arcBetween_unlinkedPairs_isEmptyAndListsKeepTheirOrder() {
        // Sites a(0), b(1), c(2); one link b-c gives arcs 0 (b>c) and 1 (c>b). Site a has no arcs, so
        // nothing leaves it, and nothing joins c to a.
        DataCenter a = site("a", Jurisdiction.US);
        DataCenter b = site("b", Jurisdiction.US);
        DataCenter c = site("c", Jurisdiction.US);
        Link bc = Link.symmetric("b", "c", Bandwidth.parse("1 Gbps"), Duration.ZERO, 0);
        Topology t = Topology.of(List.of(a, b, c), List.of(bc));
        assertThat(t.arcBetween(0, 2)).isEmpty();
        assertThat(t.arcBetween(0, 1)).isEmpty();
        assertThat(t.arcBetween(2, 0)).isEmpty();
        assertThat(t.arcBetween(1, 2)).hasValue(0);
        assertThat(t.arcBetween(2, 1)).hasValue(1);
        assertThat(t.sites()).containsExactly(a, b, c);
        assertThat(t.links()).containsExactly(bc);
    }

    @Test
    void of_secondLinkBetweenSamePairEitherWay_isRefusedNamingPair() {
        Link ab = Link.symmetric("a", "b", Bandwidth.parse("1 Gbps"), Duration.ZERO, 0);
        Link ba = Link.symmetric("b", "a", Bandwidth.parse("2 Gbps"), Duration.ZERO, 0);
        assertThatThrownBy(() ->
                        Topology.of(List.of(site("a", Jurisdiction.US), site("b", Jurisdiction.US)), List.of(ab, ba)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate link between \"b\" and \"a\"");
    }

    @Test
    void siteIndex_unknownId_isRefusedNamingIdAndKnown() {
        Topology t = Topology.of(List.of(site("va", Jurisdiction.US)), List.of());
        assertThatThrownBy(() -> t.siteIndex("tx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"tx\"")
                .hasMessageContaining("va");
    }

    @Test
    void outDegree_siteOutOfRange_isRefusedNamingArgument() {
        Topology t = Topology.of(List.of(site("va", Jurisdiction.US)), List.of());
        assertThatThrownBy(() -> t.outDegree(3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("site");
    }

    static LongStream seeds() {
        return RandomInstances.seeds(200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void csr_randomTopology_listsEveryArcOnceAtItsTail(long seed) {
        Topology t = RandomInstances.topology(new SplittableRandom(seed), 1 + (int) (seed % 12), 0.4);
        int[] seen = new int[t.arcCount()];
        int degreeSum = 0;
        for (int s = 0; s < t.siteCount(); s++) {
            degreeSum += t.outDegree(s);
            for (int k = 0; k < t.outDegree(s); k++) {
                int arc = t.outArc(s, k);
                seen[arc]++;
                assertThat(t.arcFrom(arc)).as("seed %d arc %d", seed, arc).isEqualTo(s);
                assertThat(t.arcBetween(s, t.arcTo(arc))).as("seed %d", seed).hasValue(arc);
            }
        }
        assertThat(degreeSum).as("seed %d", seed).isEqualTo(t.arcCount());
        assertThat(java.util.Arrays.stream(seen).allMatch(x -> x == 1))
                .as("seed %d: every arc listed once", seed)
                .isTrue();
        for (int arc = 0; arc < t.arcCount(); arc++) {
            Link link = t.arcLink(arc);
            int rev = Topology.reverseArc(arc);
            assertThat(t.arcFrom(arc)).as("seed %d", seed).isEqualTo(t.arcTo(rev));
            assertThat(t.site(t.arcFrom(arc & ~1)).id()).as("seed %d", seed).isEqualTo(link.from());
            Bandwidth expected = (arc & 1) == 0 ? link.forward() : link.backward();
            assertThat(t.arcBytesPerSecond(arc)).as("seed %d", seed).isEqualTo(expected.bytesPerSecond());
        }
    }
}
