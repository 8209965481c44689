package dev.residency.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.residency.audit.Tally;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.RecordClass;
import dev.residency.sim.report.Estimate;
import dev.residency.sim.report.Proportion;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Scenario;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code summary.json}, also what {@code residency run --format json} prints: the scenario,
 * the plan, the headline estimates with their 95% intervals, and one line per replication. The
 * schema is documented in {@code docs/cli.md}. Fields appear in a fixed order; a NaN (never reached)
 * is written as {@code null}.
 */
final class SummaryJson {

    /** The version of the document's schema; raised when a field changes meaning or disappears. */
    static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {}

    static String render(Scenario scenario, MigrationPlan plan, ReplicationSummary summary, List<RunResult> runs) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode s = root.putObject("scenario");
        s.put("name", scenario.name());
        s.put("start", scenario.run().start().toString());
        s.put("deadline", scenario.run().deadline().map(Object::toString).orElse(null));
        s.put("deadlineRule", scenario.run().deadlineRule().name().toLowerCase(java.util.Locale.ROOT));
        s.put("seed", summary.seed());
        s.put("replications", summary.runs());
        s.put("scale", scenario.scale());

        ObjectNode p = root.putObject("plan");
        p.put("planner", plan.planner());
        p.put("method", plan.method());
        p.put("batches", plan.batches().size());
        p.put("waves", plan.waveCount());
        p.put("deletions", plan.deletions().size());
        number(p, "makespanDays", plan.makespanSeconds() / Formats.DAY);
        number(p, "lowerBoundDays", plan.lowerBoundSeconds() / Formats.DAY);
        number(p, "qualityRatio", plan.qualityRatio());
        number(p, "areaRatio", plan.areaRatio());
        number(p, "egressCostUsd", plan.egressCostUsd());
        p.put("bytesToMove", plan.bytesToMove());
        ObjectNode classes = p.putObject("classes");
        for (Map.Entry<RecordClass, Tally> e : plan.classification().byClass().entrySet()) {
            ObjectNode c = classes.putObject(e.getKey().name());
            c.put("records", e.getValue().records() * scenario.scale());
            c.put("bytes", e.getValue().bytes());
        }

        ObjectNode h = root.putObject("headline");
        Proportion met = summary.metDeadline();
        ObjectNode m = h.putObject("metDeadline");
        m.put("successes", met.successes());
        m.put("runs", met.n());
        number(m, "probability", met.estimate());
        number(m, "ciLow", met.ciLow());
        number(m, "ciHigh", met.ciHigh());
        estimate(h, "fullComplianceDays", summary.fullComplianceDays());
        estimate(h, "liveComplianceDays", summary.liveComplianceDays());
        estimate(h, "latenessDays", summary.latenessDays());
        estimate(h, "violatingBytesAtDeadline", summary.violatingAtDeadline());
        estimate(h, "bytesMoved", summary.bytesMoved());
        estimate(h, "bytesDeleted", summary.bytesDeleted());
        ObjectNode reasons = h.putObject("bytesDeletedByReason");
        summary.deletedByReason().forEach((reason, e) -> estimate(reasons, reason, e));
        estimate(h, "forcedLossBytes", summary.forcedLossBytes());
        estimate(h, "forcedLossSimulatedUsers", summary.forcedLossUsers());
        estimate(h, "forcedLostWriteBytes", summary.forcedLostWrites());
        estimate(h, "egressCostUsd", summary.egressCostUsd());
        estimate(h, "copyRetries", summary.copyRetries());

        ArrayNode list = root.putArray("runs");
        for (RunResult r : runs) {
            ObjectNode o = list.addObject();
            o.put("replication", r.replication());
            o.put("metDeadline", r.metDeadline());
            number(o, "fullComplianceDays", r.fullComplianceSeconds() / Formats.DAY);
            number(o, "liveComplianceDays", r.liveComplianceSeconds() / Formats.DAY);
            o.put("violatingBytesAtDeadline", r.violatingAtDeadline());
            o.put("bytesMoved", r.bytesMoved());
            o.put("bytesDeleted", r.bytesDeleted());
            o.put("forcedLossBytes", r.forcedLoss().bytes());
            o.put("forcedLostWriteBytes", r.forcedLoss().lostWriteBytes());
            number(o, "egressCostUsd", r.egressCostUsd());
            o.put("linkFailures", r.linkFailures());
            o.put("siteFailures", r.siteFailures());
            o.put("events", r.events());
            o.put("fingerprint", r.fingerprint());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render summary.json", e);
        }
    }

    private static void estimate(ObjectNode parent, String name, Estimate e) {
        ObjectNode o = parent.putObject(name);
        number(o, "mean", e.mean());
        number(o, "median", e.median());
        number(o, "ciLow", e.ciLow());
        number(o, "ciHigh", e.ciHigh());
        number(o, "min", e.min());
        number(o, "max", e.max());
        o.put("n", e.n());
        o.put("missing", e.missing());
    }

    private static void number(ObjectNode o, String name, double value) {
        if (Double.isFinite(value)) {
            o.put(name, value);
        } else {
            o.putNull(name);
        }
    }
}
