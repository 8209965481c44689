package dev.residency.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.geo.Jurisdiction;
import dev.residency.topology.DataCenter;
import dev.residency.units.Bandwidth;
import dev.residency.units.DataSize;
import org.junit.jupiter.api.Test;

/** {@link SiteConstraint} allows a site when its jurisdiction <em>and</em> its operator are allowed, an empty set allowing any. */
final class SiteConstraintTest {

    private static DataCenter dc(String id, Jurisdiction j, String operator) {
        return new DataCenter(
                id, j, operator, DataSize.parse("1 PB"), Bandwidth.parse("1 Gbps"), Bandwidth.parse("1 Gbps"));
    }

    private static final DataCenter TX_ORACLE = dc("tx", Jurisdiction.US, "Oracle");
    private static final DataCenter VA_BYTEDANCE = dc("va", Jurisdiction.US, "ByteDance");
    private static final DataCenter SG_ORACLE = dc("sg", Jurisdiction.SG, "Oracle");

    @Test
    void any_allowsEverything() {
        assertThat(SiteConstraint.ANY.allows(SG_ORACLE)).isTrue();
        assertThat(SiteConstraint.ANY).hasToString("anywhere");
    }

    @Test
    void in_jurisdictionOnly_ignoresOperator() {
        SiteConstraint us = SiteConstraint.in(Jurisdiction.US);
        assertThat(us.allows(TX_ORACLE)).isTrue();
        assertThat(us.allows(VA_BYTEDANCE)).isTrue();
        assertThat(us.allows(SG_ORACLE)).isFalse();
        assertThat(us).hasToString("in US");
    }

    @Test
    void operatedBy_projectTexas_needsBothJurisdictionAndOperator() {
        SiteConstraint texas = SiteConstraint.in(Jurisdiction.US).operatedBy("Oracle");
        assertThat(texas.allows(TX_ORACLE)).isTrue();
        assertThat(texas.allows(VA_BYTEDANCE)).isFalse();
        assertThat(texas.allows(SG_ORACLE)).isFalse();
        assertThat(texas).hasToString("in US run by Oracle");
    }

    @Test
    void operatorOnly_anyJurisdiction() {
        SiteConstraint oracle = SiteConstraint.ANY.operatedBy("Oracle");
        assertThat(oracle.allows(SG_ORACLE)).isTrue();
        assertThat(oracle.allows(VA_BYTEDANCE)).isFalse();
        assertThat(oracle).hasToString("any jurisdiction run by Oracle");
    }
}
