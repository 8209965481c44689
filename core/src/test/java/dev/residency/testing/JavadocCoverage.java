package dev.residency.testing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds the public API elements of Java sources that have no Javadoc comment: public (or protected)
 * types whose enclosing types are visible too, their public and protected constructors, methods and
 * fields, interface members, and enum constants.
 *
 * <p>It complements the Javadoc tool run in {@code verify} with {@code -Xdoclint:all,-missing}:
 * doclint's {@code missing} group would also demand an {@code @param} and {@code @return} tag on
 * every member, which the house style (Guava's: "Returns the ...") does not; this check demands only
 * the comment itself. A method annotated {@code @Override} inherits its comment and is not reported.
 * It only parses, so it takes well under a second for a module.
 */
public final class JavadocCoverage {

    private JavadocCoverage() {}

    /**
     * Returns one line per undocumented public API element of the {@code .java} files under {@code
     * sourceRoot}, as {@code path:line: kind name}, in file order.
     *
     * @throws IllegalArgumentException if {@code sourceRoot} is not a directory
     */
    public static ImmutableList<String> undocumented(Path sourceRoot) {
        checkNotNull(sourceRoot, "sourceRoot");
        checkArgument(Files.isDirectory(sourceRoot), "sourceRoot is not a directory: %s", sourceRoot);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fileManager =
                javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            return undocumented(javac, fileManager.getJavaFileObjectsFromPaths(files));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns one line per undocumented public API element of {@code sources}, as {@link #undocumented(Path)}. */
    public static ImmutableList<String> undocumented(JavaCompiler javac, Iterable<? extends JavaFileObject> sources) {
        JavacTask task = (JavacTask) javac.getTask(null, null, null, List.of("-proc:none"), null, sources);
        DocTrees docTrees = DocTrees.instance(task);
        ImmutableList.Builder<String> missing = ImmutableList.builder();
        try {
            for (CompilationUnitTree unit : task.parse()) {
                new Scanner(docTrees, unit, missing).scan(new TreePath(unit), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return missing.build();
    }

    /** Walks the visible types of one file, never into method bodies. */
    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final DocTrees docTrees;
        private final CompilationUnitTree unit;
        private final LineMap lines;
        private final ImmutableList.Builder<String> missing;

        Scanner(DocTrees docTrees, CompilationUnitTree unit, ImmutableList.Builder<String> missing) {
            this.docTrees = docTrees;
            this.unit = unit;
            this.lines = unit.getLineMap();
            this.missing = missing;
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            if (!visible(type.getModifiers(), getCurrentPath().getParentPath())) {
                return null;
            }
            TreePath here = getCurrentPath();
            requireAt(here, kindOf(type), type.getSimpleName().toString());
            for (Tree member : type.getMembers()) {
                TreePath path = new TreePath(here, member);
                if (member instanceof ClassTree) {
                    scan(member, null);
                } else if (member instanceof MethodTree method) {
                    checkMethod(type, method, path);
                } else if (member instanceof VariableTree field) {
                    checkField(type, field, path);
                }
            }
            return null;
        }

        private void checkMethod(ClassTree owner, MethodTree method, TreePath path) {
            if (!memberVisible(owner, method.getModifiers())) {
                return;
            }
            boolean overrides = method.getModifiers().getAnnotations().stream()
                    .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
            if (overrides) {
                return;
            }
            boolean constructor = method.getName().contentEquals("<init>");
            String name = constructor
                    ? owner.getSimpleName().toString()
                    : method.getName().toString();
            requireAt(path, constructor ? "constructor" : "method", owner.getSimpleName() + "." + name);
        }

        /** Checks a field; the parser marks enum constants public, so they are checked here too. */
        private void checkField(ClassTree owner, VariableTree field, TreePath path) {
            if (memberVisible(owner, field.getModifiers())) {
                requireAt(path, "field", owner.getSimpleName() + "." + field.getName());
            }
        }

        private void requireAt(TreePath path, String kind, String name) {
            if (docTrees.getDocCommentTree(path) == null) {
                long line = lines.getLineNumber(docTrees.getSourcePositions().getStartPosition(unit, path.getLeaf()));
                missing.add(unit.getSourceFile().getName() + ":" + line + ": " + kind + " " + name);
            }
        }

        /** Whether a type is visible outside its package: public or protected, in visible types. */
        private static boolean visible(ModifiersTree modifiers, TreePath parent) {
            boolean inInterface = parent.getLeaf() instanceof ClassTree enclosing && isInterface(enclosing);
            boolean declared = modifiers.getFlags().contains(Modifier.PUBLIC)
                    || modifiers.getFlags().contains(Modifier.PROTECTED)
                    || (inInterface && !modifiers.getFlags().contains(Modifier.PRIVATE));
            if (!declared) {
                return false;
            }
            return !(parent.getLeaf() instanceof ClassTree enclosing)
                    || visible(enclosing.getModifiers(), parent.getParentPath());
        }

        private static boolean memberVisible(ClassTree owner, ModifiersTree modifiers) {
            if (modifiers.getFlags().contains(Modifier.PRIVATE)) {
                return false;
            }
            return isInterface(owner)
                    || modifiers.getFlags().contains(Modifier.PUBLIC)
                    || modifiers.getFlags().contains(Modifier.PROTECTED);
        }

        private static boolean isInterface(ClassTree type) {
            return type.getKind() == Tree.Kind.INTERFACE || type.getKind() == Tree.Kind.ANNOTATION_TYPE;
        }

        private static String kindOf(ClassTree type) {
            return type.getKind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }
}
