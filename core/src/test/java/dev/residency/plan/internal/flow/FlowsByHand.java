package dev.residency.plan.internal.flow;

/** Flows written by hand onto a network, for tests of code that reads a given flow (decomposition). */
final class FlowsByHand {

    /** Puts {@code flow} units on added arc {@code a} by its residuals (the package's raw access). */
    static void setFlow(ResidualNetwork net, int a, long flow) {
        net.residuals()[a] = net.capacity(a) - flow;
        net.residuals()[a ^ 1] = flow;
    }

    private FlowsByHand() {}
}
