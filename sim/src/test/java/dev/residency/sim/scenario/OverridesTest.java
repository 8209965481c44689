package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.residency.units.DataSize;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Overrides go into the file's tree before it is read: a good one changes exactly the value at its
 * path, a bad one is refused with the validator's error at its path (all errors at once, the flag
 * named), exactly as the same value written in the file would be.
 */
final class OverridesTest {

    private static final ScenarioSource TIKTOK = ScenarioSource.builtIn("microsoft-tiktok-2020");

    private static Scenario load(String... settings) {
        return TIKTOK.load(Overrides.parse(List.of(settings)));
    }

    private static ScenarioException refused(String... settings) {
        return catchThrowableOfType(ScenarioException.class, () -> load(settings));
    }

    @Test
    void load_retentionOverride_changesRetentionOnly() {
        Scenario base = TIKTOK.load();
        Scenario changed = load("run.backups.retention=30d");

        assertThat(base.run().backups().retention()).isEqualTo(Duration.ofDays(180));
        assertThat(changed.run().backups().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(changed.run().backups().cryptoShred()).isFalse();
        assertThat(changed.run().seed()).isEqualTo(base.run().seed());
        assertThat(changed.topology().sites()).isEqualTo(base.topology().sites());
    }

    @Test
    void load_siteStorageOverride_setsThatSiteOnly() {
        Scenario s = load("sites[2].storage=\"50 PB\"");

        // sites[2] is azure-eastus (third in the file), 100 PB there.
        assertThat(s.topology().site(2).id()).isEqualTo("azure-eastus");
        assertThat(s.topology().site(2).storage()).isEqualTo(DataSize.parse("50 PB"));
        assertThat(s.topology().site(3).storage()).isEqualTo(DataSize.parse("100 PB"));
    }

    @Test
    void load_emptyOperatorList_allowsAnyOperator() {
        Scenario s = load("policy.rules[0].allowed.operators=[]");

        assertThat(s.policy().rules().get(0).allowed().operators()).isEmpty();
        assertThat(s.policy().rules().get(1).allowed().operators()).containsExactly("Microsoft Azure");
    }

    @Test
    void load_keyAbsentFromFileButInSchema_isAdded() {
        Scenario s = load("planning.approvals.US=2020-08-20");

        assertThat(s.planning().approvalAt())
                .containsEntry(dev.residency.geo.Jurisdiction.US, Instant.parse("2020-08-20T00:00:00Z"));
    }

    @Test
    void load_samePathTwice_lastWins() {
        assertThat(load("run.replications=3", "run.replications=5").run().replications())
                .isEqualTo(5);
    }

    @Test
    void load_crypto_shredFlowMapping_replacesBackups() {
        Scenario s = load("run.backups={retention: 0, cryptoShred: true}");

        assertThat(s.run().backups()).isEqualTo(new Backups(Duration.ZERO, true));
    }

    @Test
    void load_misspeltLeafKey_namesPathWithDidYouMeanAndFlag() {
        ScenarioException e = refused("run.backups.retentoin=30d");

        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).path()).isEqualTo("run.backups.retentoin");
        assertThat(e.errors().get(0).message())
                .contains("did you mean \"retention\"")
                .contains("(in --set run.backups.retentoin=30d)");
    }

    @Test
    void load_misspeltSection_namesSectionWithDidYouMean() {
        ScenarioException e = refused("run.backup.retention=30d");

        assertThat(e.errors()).extracting(ScenarioError::path).containsExactly("run.backup");
        assertThat(e.errors().get(0).message())
                .contains("did you mean \"backups\"")
                .contains("--set");
    }

    @Test
    void load_indexOutOfRange_namesIndexAndSize() {
        ScenarioException e = refused("sites[9].storage=\"50 PB\"");

        assertThat(e.errors()).extracting(ScenarioError::path).containsExactly("sites[9]");
        assertThat(e.errors().get(0).message()).contains("out of range").contains("sites has 7 elements");
    }

    @Test
    void load_wrongUnit_refusedAtPathQuotingValue() {
        ScenarioException e = refused("run.backups.retention=5 PB");

        assertThat(e.errors()).extracting(ScenarioError::path).containsExactly("run.backups.retention");
        assertThat(e.errors().get(0).message()).contains("\"5 PB\"").contains("duration");
    }

    @Test
    void load_deadlineBeforeStart_refusedAsInvalidScenario() {
        ScenarioException e = refused("run.deadline=2020-07-01");

        assertThat(e.errors()).extracting(ScenarioError::path).containsExactly("run.deadline");
        assertThat(e.errors().get(0).message()).contains("not after run.start");
    }

    @Test
    void load_operatorRunningNoSite_refusedByCrossCheck() {
        ScenarioException e = refused("policy.rules[0].allowed.operators=[Microsft Azure]");

        assertThat(e.getMessage()).contains("policy.rules[0]").contains("did you mean \"Microsoft Azure\"");
    }

    @Test
    void load_threeBadOverrides_reportsAllAtOnce() {
        ScenarioException e = refused("run.backups.retention=-3d", "sites[1].ingest=fast", "run.replications=0");

        assertThat(e.errors())
                .extracting(ScenarioError::path)
                .containsExactlyInAnyOrder("run.backups.retention", "sites[1].ingest", "run.replications");
        assertThat(e.errors()).allSatisfy(err -> assertThat(err.message()).contains("(in --set "));
    }

    @Test
    void load_keyIntoScalar_refused() {
        ScenarioException e = refused("run.deadline.day=3");

        assertThat(e.errors().get(0).path()).isEqualTo("run.deadline");
        assertThat(e.errors().get(0).message()).contains("not a mapping");
    }

    @Test
    void load_indexIntoMapping_refused() {
        ScenarioException e = refused("run[0]=3");

        assertThat(e.errors().get(0).path()).isEqualTo("run");
        assertThat(e.errors().get(0).message()).contains("not a list");
    }

    @Test
    void load_unknownTopLevelKey_didYouMean() {
        ScenarioException e = refused("plannig.timeStep=2d");

        assertThat(e.errors().get(0).path()).isEqualTo("plannig");
        assertThat(e.errors().get(0).message()).contains("did you mean \"planning\"");
    }

    @Test
    void load_malformedPath_refused() {
        ScenarioException e = refused("sites[x].storage=1 PB");

        assertThat(e.errors().get(0).message()).contains("is not a path");
    }

    @Test
    void load_unclosedFlowValue_refused() {
        ScenarioException e = refused("policy.rules[0].homes=[US");

        assertThat(e.errors().get(0).path()).isEqualTo("policy.rules[0].homes");
        assertThat(e.errors().get(0).message()).contains("not YAML");
    }

    @Test
    void parse_textWithoutEquals_refusedQuotingIt() {
        assertThatThrownBy(() -> Overrides.parse(List.of("run.seed", "=3", "run.seed=")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"run.seed\" is not PATH=VALUE")
                .hasMessageContaining("\"=3\" has no path")
                .hasMessageContaining("\"run.seed=\" has no value");
    }

    @Test
    void parse_valueWithEquals_splitsAtFirst() {
        Overrides.Setting s = Overrides.Setting.parse("description=a=b");

        assertThat(s.path()).isEqualTo("description");
        assertThat(s.value()).isEqualTo("a=b");
    }
}
