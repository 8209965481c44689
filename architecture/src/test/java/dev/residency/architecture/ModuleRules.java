package dev.residency.architecture;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The API-surface and layering rules of the reactor, as ArchUnit rules over named modules. A module
 * is a set of packages; a package whose name has an {@code internal} segment
 * ({@code dev.residency.plan.internal.flow}) is internal to its module: other modules must not use
 * it, and no public signature of the module's API types may mention it. See {@code
 * docs/embedding.md}, "What is API".
 */
final class ModuleRules {

    /**
     * One module of the reactor.
     *
     * @param name the module's name, for messages
     * @param packages the packages of its classes
     * @param mayUse the names of the other modules its classes may depend on
     */
    record Module(String name, ImmutableSet<String> packages, ImmutableSet<String> mayUse) {
        Module {
            packages = ImmutableSet.copyOf(packages);
            mayUse = ImmutableSet.copyOf(mayUse);
        }
    }

    private final ImmutableList<Module> modules;

    /**
     * Creates the rules of {@code modules}.
     *
     * @throws IllegalArgumentException if a package belongs to two modules (a split package, which
     *     the module path refuses)
     */
    ModuleRules(List<Module> modules) {
        this.modules = ImmutableList.copyOf(modules);
        Set<String> seen = new LinkedHashSet<>();
        for (Module module : modules) {
            for (String pkg : module.packages()) {
                checkArgument(seen.add(pkg), "package %s is split: it is in module %s and another", pkg, module.name());
            }
        }
    }

    /** Whether {@code packageName} is internal: one of its segments is {@code internal}. */
    static boolean isInternal(String packageName) {
        return Arrays.asList(packageName.split("\\.")).contains("internal");
    }

    /** Each module's classes depend only on its own packages, its allowed modules', and outside libraries. */
    ArchRule layering() {
        return ArchRuleDefinition.classes()
                .that(inSomeModule())
                .should(new ArchCondition<JavaClass>("depend only on the modules below them") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        Module from = moduleOf(item.getPackageName()).orElseThrow();
                        for (Dependency d : item.getDirectDependenciesFromSelf()) {
                            Optional<Module> to = moduleOf(target(d).getPackageName());
                            if (to.isPresent()
                                    && !to.get().equals(from)
                                    && !from.mayUse().contains(to.get().name())) {
                                events.add(SimpleConditionEvent.violated(
                                        item,
                                        "module " + from.name() + " must not use module "
                                                + to.get().name() + ": " + d.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(false);
    }

    /** No class uses an {@code internal} package of another module. */
    ArchRule noUseOfOtherModulesInternals() {
        return ArchRuleDefinition.classes()
                .that(inSomeModule())
                .should(new ArchCondition<JavaClass>("not depend on another module's internal packages") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        Module from = moduleOf(item.getPackageName()).orElseThrow();
                        for (Dependency d : item.getDirectDependenciesFromSelf()) {
                            String target = target(d).getPackageName();
                            if (isInternal(target) && !from.packages().contains(target)) {
                                events.add(SimpleConditionEvent.violated(
                                        item,
                                        "uses another module's internal package " + target + ": "
                                                + d.getDescription()));
                            }
                        }
                    }
                });
    }

    /**
     * No API type (a public type, in public enclosing types, outside internal packages) exposes an
     * internal type in its public or protected signatures: supertypes, fields, constructors and
     * methods (parameters, return types, type arguments, thrown exceptions).
     */
    ArchRule apiExposesNoInternalType() {
        return ArchRuleDefinition.classes()
                .that(inSomeModule())
                .and(DescribedPredicate.describe("are API types", ModuleRules::isApiType))
                .should(new ArchCondition<JavaClass>("expose no internal type in their public signatures") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        item.getSuperclass().ifPresent(t -> report(item, "supertype", t, events));
                        item.getInterfaces().forEach(t -> report(item, "supertype", t, events));
                        for (JavaField field : item.getFields()) {
                            if (visible(field)) {
                                report(item, "field " + field.getName(), field.getType(), events);
                            }
                        }
                        for (JavaCodeUnit unit : item.getCodeUnits()) {
                            if (!visible(unit) || unit.getName().equals("<clinit>")) {
                                continue;
                            }
                            String where =
                                    unit.getFullName().substring(item.getName().length() + 1);
                            report(item, where + " return type", unit.getReturnType(), events);
                            unit.getParameterTypes().forEach(t -> report(item, where + " parameter", t, events));
                            unit.getThrowsClause().getTypes().forEach(t -> report(item, where + " throws", t, events));
                        }
                    }
                });
    }

    private void report(JavaClass owner, String where, JavaType type, ConditionEvents events) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            String pkg = raw.getBaseComponentType().getPackageName();
            if (isInternal(pkg)) {
                events.add(SimpleConditionEvent.violated(
                        owner, owner.getName() + " exposes internal type " + raw.getName() + " in its " + where));
            }
        }
    }

    private static boolean isApiType(JavaClass type) {
        if (isInternal(type.getPackageName()) || type.isAnonymousClass()) {
            return false;
        }
        for (Optional<JavaClass> c = Optional.of(type);
                c.isPresent();
                c = c.get().getEnclosingClass()) {
            if (!c.get().getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(JavaMember member) {
        return member.getModifiers().contains(JavaModifier.PUBLIC)
                || member.getModifiers().contains(JavaModifier.PROTECTED);
    }

    private static JavaClass target(Dependency d) {
        return d.getTargetClass().getBaseComponentType();
    }

    private DescribedPredicate<JavaClass> inSomeModule() {
        return DescribedPredicate.describe(
                "are in modules " + modules.stream().map(Module::name).toList(),
                c -> moduleOf(c.getPackageName()).isPresent());
    }

    private Optional<Module> moduleOf(String packageName) {
        return modules.stream().filter(m -> m.packages().contains(packageName)).findFirst();
    }
}
