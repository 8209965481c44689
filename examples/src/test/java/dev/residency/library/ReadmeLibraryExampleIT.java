package dev.residency.library;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.Scenario;
import dev.residency.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's library example compiles and runs against the built jars, on the class path and, as
 * a named module, on the module path (where {@code dev.residency.core} and {@code dev.residency.sim}
 * are the jars' {@code Automatic-Module-Name}s), and prints exactly the output the README shows.
 * It runs in {@code verify}, after {@code package} has made the jars.
 */
final class ReadmeLibraryExampleIT {

    /**
     * One class from each jar the example needs at run time: Residency's two library jars and their
     * compile and runtime dependencies (Jackson is left out: the example reads no scenario file).
     */
    private static final ImmutableList<String> ANCHORS = ImmutableList.of(
            Topology.class.getName(),
            Scenario.class.getName(),
            "com.google.common.collect.ImmutableList",
            "com.google.common.util.concurrent.internal.InternalFutureFailureAccess",
            "org.apache.commons.math3.util.FastMath",
            "org.apache.commons.rng.UniformRandomProvider",
            "org.apache.commons.rng.core.source64.SplitMix64",
            "org.apache.commons.rng.simple.RandomSource",
            "org.apache.commons.rng.sampling.distribution.ZigguratSampler",
            "org.slf4j.LoggerFactory");

    @TempDir
    Path work;

    @Test
    void libraryJars_haveTheirModuleNames() throws Exception {
        assertThat(moduleName(jarOf(Topology.class.getName()))).isEqualTo("dev.residency.core");
        assertThat(moduleName(jarOf(Scenario.class.getName()))).isEqualTo("dev.residency.sim");
    }

    @Test
    void example_onClassPath_compilesRunsAndPrintsWhatTheReadmeShows() throws Exception {
        Path source = write(work.resolve("src"), ReadmeLibraryExample.source());
        Path classes = work.resolve("classes");
        compile(List.of("-cp", path(jars()), "-d", classes.toString()), List.of(source));

        String out;
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass(mainClass()).getMethod("main", String[].class);
            out = capture(main);
        }

        assertThat(out).as(readmeOutputAdvice()).isEqualTo(readmeOutput());
    }

    @Test
    void example_asNamedModuleOnModulePath_compilesRunsAndPrintsWhatTheReadmeShows() throws Exception {
        Path sources = work.resolve("src");
        Path source = write(sources, ReadmeLibraryExample.source());
        Path moduleInfo = sources.resolve("module-info.java");
        Files.writeString(
                moduleInfo,
                "module " + ReadmeLibraryExample.PACKAGE + " {\n"
                        + "    requires dev.residency.core;\n"
                        + "    requires dev.residency.sim;\n"
                        + "    requires com.google.common;\n"
                        + "}\n");
        Path classes = work.resolve("module");
        compile(List.of("--module-path", path(jars()), "-d", classes.toString()), List.of(moduleInfo, source));

        List<Path> modulePath = new ArrayList<>(jars());
        modulePath.add(0, classes);
        Process java = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--module-path",
                        path(modulePath),
                        // Automatic modules declare no requires: the explicit modules they use (SLF4J's
                        // API here) join the graph only when named, as docs/embedding.md says.
                        "--add-modules",
                        "ALL-MODULE-PATH",
                        "-m",
                        ReadmeLibraryExample.PACKAGE + "/" + mainClass())
                .redirectError(work.resolve("stderr.txt").toFile())
                .start();
        java.getOutputStream().close();
        byte[] out = java.getInputStream().readAllBytes();
        assertThat(java.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(work.resolve("stderr.txt"));

        assertThat(java.exitValue()).as("exit status; stderr:%n%s", err).isZero();
        assertThat(new String(out, UTF_8).replace(System.lineSeparator(), "\n"))
                .as(readmeOutputAdvice())
                .isEqualTo(readmeOutput());
    }

    /** Returns the block right after the example: the output the README says it prints. */
    private static String readmeOutput() throws IOException {
        String readme = Files.readString(ReadmeLibraryExample.readme());
        int example = readme.indexOf(ReadmeLibraryExample.source());
        int start = readme.indexOf("```\n", readme.indexOf("\n```\n", example) + 5);
        int end = readme.indexOf("\n```\n", start + 4);
        return readme.substring(start + 4, end + 1);
    }

    private static String readmeOutputAdvice() {
        return "the output printed under the example in README.md (same seed, same output: update the"
                + " README if the planner or simulator changed on purpose)";
    }

    private static String mainClass() {
        return ReadmeLibraryExample.PACKAGE + "." + ReadmeLibraryExample.CLASS;
    }

    private static Path write(Path sourceRoot, String source) throws IOException {
        Path file = sourceRoot
                .resolve(ReadmeLibraryExample.PACKAGE.replace('.', '/'))
                .resolve(ReadmeLibraryExample.CLASS + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return file;
    }

    private static void compile(List<String> options, List<Path> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(options);
        sources.forEach(s -> arguments.add(s.toString()));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
        assertThat(status)
                .as("javac %s%n%s", arguments, diagnostics.toString(UTF_8))
                .isZero();
    }

    private static String capture(Method main) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, UTF_8));
        try {
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return buffer.toString(UTF_8).replace(System.lineSeparator(), "\n");
    }

    private static List<Path> jars() throws Exception {
        List<Path> jars = new ArrayList<>();
        for (String anchor : ANCHORS) {
            Path jar = jarOf(anchor);
            if (!jars.contains(jar)) {
                jars.add(jar);
            }
        }
        return jars;
    }

    private static Path jarOf(String className) throws ClassNotFoundException, URISyntaxException {
        URL location =
                Class.forName(className).getProtectionDomain().getCodeSource().getLocation();
        Path jar = Path.of(location.toURI());
        assertThat(jar.toString())
                .as("%s must come from a jar (run this test in verify, after package), was %s", className, jar)
                .endsWith(".jar");
        return jar;
    }

    private static String moduleName(Path jar) {
        Optional<ModuleReference> module =
                ModuleFinder.of(jar).findAll().stream().findFirst();
        assertThat(module).as("a module in %s", jar).isPresent();
        ModuleDescriptor descriptor = module.get().descriptor();
        assertThat(descriptor.isAutomatic())
                .as("%s is an automatic module", jar)
                .isTrue();
        return descriptor.name();
    }

    private static String path(List<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }
}
