package dev.residency.sim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.ScenarioException;
import dev.residency.sim.scenario.ScenarioSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Variants of one scenario run side by side ({@link Comparison}) and the variant text ({@link
 * Variant#parse}): each variant's outcome is exactly the run a study of that variant alone makes, the
 * count and name checks sit on their edges (2 and 16 variants), and every invalid variant's errors come
 * at once, each prefixed with its variant's name, before anything runs.
 */
final class ComparisonTest {

    private static final ScenarioSource TINY = StudyTest.tiny();

    private static final String REPLICATIONS = "run.replications=2";

    private static Variant variant(String name, String... settings) {
        List<String> all = new ArrayList<>(List.of(REPLICATIONS));
        all.addAll(List.of(settings));
        return new Variant(name, TINY, Overrides.parse(all));
    }

    @Test
    void run_eachVariantIsTheRunOfItsStudyAlone() {
        Variant shortRetention = variant("short", "run.backups.retention=10d");
        Variant longRetention = variant("long", "run.backups.retention=60d");

        List<Comparison.Compared> compared = Comparison.run(
                List.of(shortRetention, longRetention),
                UnaryOperator.identity(),
                Assumptions.CENTRAL,
                1,
                Progress.NONE);

        assertThat(compared).extracting(c -> c.variant().name()).containsExactly("short", "long");
        for (Comparison.Compared c : compared) {
            Outcome alone = Study.of(TINY, c.variant().overrides()).run(Assumptions.CENTRAL, 1, Progress.NONE);
            assertThat(Answers.fingerprint(c.outcome().runs()))
                    .as("variant %s", c.variant().name())
                    .isEqualTo(Answers.fingerprint(alone.runs()));
        }
        // 10 days of retention end within the 44 days to the deadline, 60 days do not.
        assertThat(compared.get(0).outcome().mostlyMet()).isTrue();
        assertThat(compared.get(1).outcome().mostlyMet()).isFalse();
    }

    @Test
    void run_adjustmentIsAppliedToEveryVariant() {
        AtomicInteger adjusted = new AtomicInteger();
        UnaryOperator<dev.residency.sim.scenario.Scenario> oneReplication = s -> {
            adjusted.incrementAndGet();
            return s.withRun(s.run().toBuilder().replications(1).build());
        };

        List<Comparison.Compared> compared = Comparison.run(
                List.of(variant("a"), variant("b", "run.backups.retention=5d")),
                oneReplication,
                Assumptions.CENTRAL,
                1,
                Progress.NONE);

        assertThat(compared).allSatisfy(c -> assertThat(c.outcome().runs()).hasSize(1));
        assertThat(adjusted).hasPositiveValue();
    }

    @Test
    void run_variantCountOutsideTwoToSixteen_refused() {
        List<Variant> sixteen = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            sixteen.add(variant("v" + i));
        }
        List<Variant> seventeen = new ArrayList<>(sixteen);
        seventeen.add(variant("v16"));

        assertThatThrownBy(() -> Comparison.run(
                        List.of(variant("only")), UnaryOperator.identity(), Assumptions.CENTRAL, 1, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a comparison needs 2 to 16 variants, had 1");
        assertThatThrownBy(() ->
                        Comparison.run(seventeen, UnaryOperator.identity(), Assumptions.CENTRAL, 1, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a comparison needs 2 to 16 variants, had 17");
        // 16 are accepted: checked through the first refusal that follows the count check.
        sixteen.set(15, variant("v0"));
        assertThatThrownBy(
                        () -> Comparison.run(sixteen, UnaryOperator.identity(), Assumptions.CENTRAL, 1, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two variants are named \"v0\"");
    }

    @Test
    void run_invalidVariants_everyErrorNamedByVariantBeforeAnythingRuns() {
        AtomicInteger updates = new AtomicInteger();
        List<Variant> variants = List.of(
                variant("fine"),
                variant("early deadline", "run.deadline=2020-07-01"),
                variant("typo", "run.backups.retension=1d"));

        ScenarioException e = catchThrowableOfType(
                ScenarioException.class,
                () -> Comparison.run(
                        variants,
                        UnaryOperator.identity(),
                        Assumptions.CENTRAL,
                        1,
                        (done, total) -> updates.incrementAndGet()));

        assertThat(e.errors()).hasSize(2);
        assertThat(e.errors().get(0).path()).isEqualTo("run.deadline");
        assertThat(e.errors().get(0).message()).startsWith("variant \"early deadline\": ");
        assertThat(e.errors().get(1).message()).startsWith("variant \"typo\": ");
        assertThat(updates).hasValue(0);
    }

    @Test
    void variantParse_namedAndUnnamed() {
        Variant named = Variant.parse(" retention 14d : run.backups.retention=14d; run.seed=3 ", TINY);
        assertThat(named.name()).isEqualTo("retention 14d");
        assertThat(named.overrides().settings())
                .containsExactly(
                        new Overrides.Setting("run.backups.retention", "14d"), new Overrides.Setting("run.seed", "3"));

        // A colon after the first '=' belongs to the value: the variant is named after its settings.
        Variant unnamed = Variant.parse("run.start=2020-08-02T10:00:00Z", TINY);
        assertThat(unnamed.name()).isEqualTo("run.start=2020-08-02T10:00:00Z");
        assertThat(unnamed.overrides().settings())
                .containsExactly(new Overrides.Setting("run.start", "2020-08-02T10:00:00Z"));

        // A name with no '=' anywhere after it is still a name.
        assertThatThrownBy(() -> Variant.parse("nothing: ", TINY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("variant \"nothing: \" is empty: give NAME: PATH=VALUE; PATH=VALUE");
    }

    @Test
    void variantParse_badTexts_refusedNamingTheText() {
        assertThatThrownBy(() -> Variant.parse(" : run.seed=3", TINY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variant \" : run.seed=3\" has a blank name before ':'");
        assertThatThrownBy(() -> Variant.parse("a: run.seed=3;;run.backups.retention=1d", TINY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variant \"a: run.seed=3;;run.backups.retention=1d\" has an empty setting between ';'");
        assertThatThrownBy(() -> Variant.parse("run.seed=3;", TINY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variant \"run.seed=3;\" has an empty setting between ';'");
        assertThatThrownBy(() -> new Variant("  ", TINY, Overrides.parse(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a variant's name must not be blank (source ");
    }

    @Test
    void inputKindWidest_theMostFarReachingOfThePaths() {
        assertThat(InputKind.widest(List.of())).isEqualTo(InputKind.RUN);
        assertThat(InputKind.widest(List.of("run.backups.retention"))).isEqualTo(InputKind.RUN);
        assertThat(InputKind.widest(List.of("run.backups.retention", "planning.targetBatchSize", "run.seed")))
                .isEqualTo(InputKind.POPULATION);
        assertThat(InputKind.widest(List.of("run.deadline", "run.backups.retention")))
                .isEqualTo(InputKind.PLAN);
        assertThat(InputKind.widest(ImmutableList.of("links[0].bandwidth"))).isEqualTo(InputKind.POPULATION);
    }
}
