package dev.residency.sim.report;

/** The kinds of cost a run adds up, in the order reports list them. */
public enum CostKind {
    /** Holding bytes at sites over the run, live copies and backups, at each site's price per GB-month. */
    STORAGE("storage"),
    /** Sending bytes over priced links (first copies, retries after corruption, catch-up rounds). */
    EGRESS("egress"),
    /** Building or commissioning sites for the programme, once per site. */
    BUILD("build"),
    /** The programme's staff, per month of the run. */
    STAFF("staff"),
    /** The programme's other one-off costs. */
    ONE_OFF("one-off");

    private final String label;

    CostKind(String label) {
        this.label = label;
    }

    /** Returns the kind's name for reports and files, such as {@code one-off}. */
    public String label() {
        return label;
    }
}
