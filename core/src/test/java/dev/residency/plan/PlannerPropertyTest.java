package dev.residency.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of every planner over seeded random topologies, populations, policies and options
 * (static and time-varying capacities, soft and hard deadlines): the verifier accepts every plan, and
 * its makespan is never below its lower bound. The seed is in every failure; replay one with {@code
 * PlanFixtures.random(seed, 7, timeVarying)}.
 */
final class PlannerPropertyTest {

    static Stream<Arguments> instances() {
        return Planners.names().stream()
                .flatMap(name -> LongStream.range(0, 120).mapToObj(seed -> Arguments.of(name, seed, seed % 2 == 1)));
    }

    @ParameterizedTest(name = "{0} seed={1} timeVarying={2}")
    @MethodSource("instances")
    void plan_randomInstance_passesVerifierAndBound(String planner, long seed, boolean timeVarying) {
        PlanningProblem problem = PlanFixtures.random(seed, 7, timeVarying);

        MigrationPlan plan = Planners.byName(planner).plan(problem);

        VerificationResult result = PlanVerifier.verify(plan, problem);
        assertThat(result.isValid())
                .as("planner %s seed %s timeVarying %s: %s", planner, seed, timeVarying, result)
                .isTrue();
        assertThat(plan.makespanSeconds())
                .as("planner %s seed %s: makespan vs bound", planner, seed)
                .isGreaterThanOrEqualTo(plan.lowerBoundSeconds() * (1 - 1e-9));
    }
}
