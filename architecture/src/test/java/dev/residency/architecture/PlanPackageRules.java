package dev.residency.architecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * Rules inside one module that keep a package family's internals behind its API: the planner's
 * solver ({@code dev.residency.plan.internal..}) is used only from {@code dev.residency.plan..}, and
 * the verifier and the writer use no internal package at all. See {@code docs/embedding.md}, "What is
 * API".
 */
final class PlanPackageRules {

    private PlanPackageRules() {}

    /** No class outside {@code root..} depends on a class in {@code root.internal..}. */
    static ArchRule internalsUsedOnlyUnder(String root) {
        return ArchRuleDefinition.noClasses()
                .that()
                .resideOutsideOfPackage(root + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".internal..")
                .because("the internals of " + root + " are reached only through its API");
    }

    /** No class in {@code packages} (ArchUnit package patterns) depends on a class of an internal package. */
    static ArchRule useNoInternals(String... packages) {
        return ArchRuleDefinition.noClasses()
                .that()
                .resideInAnyPackage(packages)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..internal..")
                .because("they check and write plans without knowing how they were solved");
    }
}
