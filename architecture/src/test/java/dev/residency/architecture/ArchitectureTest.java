package dev.residency.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.residency.architecture.ModuleRules.Module;
import dev.residency.examples.BuiltInFleet;
import dev.residency.inventory.duckdb.DuckDbInventoryEngine;
import dev.residency.inventory.spark.SparkInventoryEngine;
import dev.residency.sim.scenario.Scenario;
import dev.residency.topology.Topology;
import java.net.URL;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reactor's layering ({@code core} ← {@code sim} ← {@code examples}; inventory modules beside
 * {@code sim}, on {@code core} only, except the Spark module whose job for {@code spark-submit} loads
 * scenarios from {@code sim}; no module uses the Spark module) and its API-surface convention hold for the classes of the
 * built modules; and each rule reports a hand-made violation in a fixture, so none holds vacuously.
 *
 * <p>A module's classes are those of the jar or folder one of its classes was loaded from, so a
 * package added to a module is covered without editing this test. {@code benchmarks} may use
 * everything, internals included, and is not checked. A new library module (an inventory engine)
 * joins {@link #MODULES} with {@code mayUse} {@code core}, and {@code examples} may use it.
 */
final class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .importUrls(List.of(
                    location(Topology.class),
                    location(Scenario.class),
                    location(DuckDbInventoryEngine.class),
                    location(SparkInventoryEngine.class),
                    location(BuiltInFleet.class)));

    private static final ImmutableList<Module> MODULES = ImmutableList.of(
            module("core", Topology.class, Set.of()),
            module("sim", Scenario.class, Set.of("core")),
            module("inventory-duckdb", DuckDbInventoryEngine.class, Set.of("core")),
            // The Spark module also holds the spark-submit job, which loads scenarios and plans them
            // as `residency plan` does: it may use sim. Nothing may use it (the launcher must not see Spark).
            module("inventory-spark", SparkInventoryEngine.class, Set.of("core", "sim")),
            module("examples", BuiltInFleet.class, Set.of("core", "sim", "inventory-duckdb")));

    private static final ModuleRules RULES = new ModuleRules(MODULES);

    @Test
    void modules_builtJars_holdTheirKnownPackages() {
        assertThat(MODULES.get(0).packages()).contains("dev.residency.plan", "dev.residency.topology");
        assertThat(MODULES.get(1).packages()).contains("dev.residency.sim.migration", "dev.residency.sim.scenario");
        assertThat(MODULES.get(2).packages()).contains("dev.residency.inventory.duckdb");
        assertThat(MODULES.get(3).packages()).contains("dev.residency.inventory.spark");
        assertThat(MODULES.get(4).packages()).contains("dev.residency.cli", "dev.residency.examples");
    }

    @Test
    void layering_builtModules_holds() {
        RULES.layering().check(CLASSES);
    }

    @Test
    void internals_builtModules_noModuleUsesAnotherModulesInternalPackages() {
        RULES.noUseOfOtherModulesInternals().check(CLASSES);
    }

    @Test
    void apiSurface_builtModules_noApiTypeExposesAnInternalType() {
        RULES.apiExposesNoInternalType().check(CLASSES);
    }

    @Test
    void planInternals_builtModules_usedOnlyFromThePlanPackages() {
        PlanPackageRules.internalsUsedOnlyUnder("dev.residency.plan").check(CLASSES);
    }

    @Test
    void planVerifierAndWriter_builtModules_useNoInternalPackage() {
        PlanPackageRules.useNoInternals("dev.residency.plan.verify..", "dev.residency.plan.io..")
                .check(CLASSES);
    }

    @Test
    void planInternals_fixtureClassOutsideTheFamilyUsingThem_isReportedAndNothingElse() {
        EvaluationResult result = PlanPackageRules.internalsUsedOnlyUnder("dev.residency.architecture.planfixture.plan")
                .evaluate(planFixture());

        assertThat(result.getFailureReport().getDetails())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("planfixture.outside.Caller"));
    }

    @Test
    void planVerifierAndWriter_fixtureVerifierUsingTheSolver_isReportedAndNothingElse() {
        EvaluationResult result = PlanPackageRules.useNoInternals(
                        "dev.residency.architecture.planfixture.plan.verify..")
                .evaluate(planFixture());

        assertThat(result.getFailureReport().getDetails())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).contains("planfixture.plan.verify.Checker"));
    }

    @Test
    void layering_fixtureModuleUsingAModuleNotBelowIt_isReported() {
        EvaluationResult result = fixtureRules(Set.of()).layering().evaluate(fixture());

        assertThat(result.getFailureReport().getDetails())
                .singleElement()
                .asString()
                .contains("module b must not use module a")
                .contains("User");
    }

    @Test
    void internals_fixtureModuleUsingAnotherModulesInternalType_isReported() {
        ModuleRules rules = fixtureRules(Set.of("a"));

        assertThat(rules.layering().evaluate(fixture()).hasViolation()).isFalse();
        assertThat(rules.noUseOfOtherModulesInternals()
                        .evaluate(fixture())
                        .getFailureReport()
                        .getDetails())
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line)
                        .contains("fixture.other.User")
                        .contains("internal package dev.residency.architecture.fixture.internal"));
    }

    @Test
    void apiSurface_fixtureMethodReturningInternalTypeArgument_isReportedAndNothingElse() {
        EvaluationResult result =
                fixtureRules(Set.of("a")).apiExposesNoInternalType().evaluate(fixture());

        assertThat(result.getFailureReport().getDetails())
                .singleElement()
                .asString()
                .contains("Leaky exposes internal type dev.residency.architecture.fixture.internal.Hidden")
                .contains("hidden()");
    }

    @Test
    void isInternal_segmentNamedInternalOnly() {
        assertThat(ModuleRules.isInternal("dev.residency.plan.internal")).isTrue();
        assertThat(ModuleRules.isInternal("dev.residency.plan.internal.flow")).isTrue();
        assertThat(ModuleRules.isInternal("dev.residency.internalaudit")).isFalse();
        assertThat(ModuleRules.isInternal("dev.residency.plan")).isFalse();
    }

    @Test
    void rules_splitPackage_refused() {
        Module a = new Module("a", ImmutableSet.of("p"), ImmutableSet.of());
        Module b = new Module("b", ImmutableSet.of("p", "q"), ImmutableSet.of());

        assertThatThrownBy(() -> new ModuleRules(List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("package p is split");
    }

    private static JavaClasses planFixture() {
        return new ClassFileImporter().importPackages("dev.residency.architecture.planfixture");
    }

    private static JavaClasses fixture() {
        return new ClassFileImporter().importPackages("dev.residency.architecture.fixture");
    }

    private static ModuleRules fixtureRules(Set<String> bMayUse) {
        String root = "dev.residency.architecture.fixture";
        return new ModuleRules(List.of(
                new Module("a", ImmutableSet.of(root, root + ".internal"), ImmutableSet.of()),
                new Module("b", ImmutableSet.of(root + ".other"), ImmutableSet.copyOf(bMayUse))));
    }

    /** Returns the module whose classes are those of {@link #CLASSES} loaded from {@code anchor}'s jar or folder. */
    private static Module module(String name, Class<?> anchor, Set<String> mayUse) {
        String where = location(anchor).getPath();
        Set<String> packages = CLASSES.stream()
                .filter(c -> c.getSource()
                        .map(s -> s.getUri().toString().contains(where))
                        .orElse(false))
                .map(JavaClass::getPackageName)
                .collect(Collectors.toSet());
        return new Module(name, ImmutableSet.copyOf(packages), ImmutableSet.copyOf(mayUse));
    }

    private static URL location(Class<?> anchor) {
        return anchor.getProtectionDomain().getCodeSource().getLocation();
    }
}
