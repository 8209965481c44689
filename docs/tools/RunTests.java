import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs the test classes named on the command line with the JUnit Platform launcher, outside Maven, and
 * prints the summary, the failures and the process's CPU time (all threads, JIT and GC included), so
 * that the CPU of one class can be compared before and after a change (docs/testing.md, "2026-11-30
 * evening: verify time"). Not part of the build: compile it against a module's test class path with
 * {@code junit-platform-launcher} 1.14.4 added, e.g.
 * {@code javac -d /tmp/tools -cp LAUNCHER:TESTCP docs/tools/RunTests.java}, then
 * {@code java -cp /tmp/tools:LAUNCHER:TESTCP RunTests dev.residency.SomeTest ...}.
 */
public final class RunTests {

    private RunTests() {}

    /** Runs the classes {@code args} names and prints their summary and the process's CPU time. */
    public static void main(String[] args) throws ClassNotFoundException {
        long start = System.nanoTime();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (String name : args) {
            request.selectors(selectClass(Class.forName(name)));
        }
        LauncherDiscoveryRequest built = request.build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(built, listener);
        PrintWriter out = new PrintWriter(System.out, true);
        listener.getSummary().printTo(out);
        listener.getSummary().printFailuresTo(out, 20);
        long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        System.out.printf(
                "RESULT tests %d failed %d wall %.1f s cpu %.1f s%n",
                listener.getSummary().getTestsSucceededCount(),
                listener.getSummary().getTotalFailureCount(),
                (System.nanoTime() - start) / 1e9,
                cpuNanos / 1e9);
    }
}
