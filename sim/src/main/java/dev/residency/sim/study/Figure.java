package dev.residency.sim.study;

import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.RunResult;

/** A headline figure that a sensitivity study reports for each setting of the inputs. */
public enum Figure {
    /** The probability that the commitment is met by the deadline (for one run: 1 if met, else 0). */
    PROBABILITY_MET("P(met)"),
    /** Mean days until no violating copy is left on live systems (blocked data aside). */
    LIVE_CLEAN_DAYS("days to live-clean"),
    /** Mean days until every violating copy that may be removed is gone, backups included. */
    CLEAN_DAYS("days to clean incl. backups"),
    /** Mean movable bytes deleted by the deadline rule (forced loss). */
    FORCED_LOSS_BYTES("forced loss, bytes");

    private final String label;

    Figure(String label) {
        this.label = label;
    }

    /** Returns the figure's name for tables and charts, such as {@code days to live-clean}. */
    public String label() {
        return label;
    }

    /** Returns the figure over {@code summary}'s replications (a mean; NaN if no run reached it). */
    public double of(ReplicationSummary summary) {
        return switch (this) {
            case PROBABILITY_MET -> summary.metDeadline().estimate();
            case LIVE_CLEAN_DAYS -> summary.liveComplianceDays().mean();
            case CLEAN_DAYS -> summary.fullComplianceDays().mean();
            case FORCED_LOSS_BYTES -> summary.forcedLossBytes().mean();
        };
    }

    /** Returns the figure of one run (NaN if the run never reached it). */
    public double of(RunResult run) {
        return switch (this) {
            case PROBABILITY_MET -> run.metDeadline() ? 1 : 0;
            case LIVE_CLEAN_DAYS -> run.liveComplianceSeconds() / 86_400;
            case CLEAN_DAYS -> run.fullComplianceSeconds() / 86_400;
            case FORCED_LOSS_BYTES -> run.forcedLoss().bytes();
        };
    }
}
