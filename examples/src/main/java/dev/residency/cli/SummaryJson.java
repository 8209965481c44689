package dev.residency.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.residency.audit.Tally;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.RecordClass;
import dev.residency.sim.report.CostKind;
import dev.residency.sim.report.Estimate;
import dev.residency.sim.report.Milestone;
import dev.residency.sim.report.MilestoneSummary;
import dev.residency.sim.report.ObservedComparison;
import dev.residency.sim.report.Proportion;
import dev.residency.sim.report.ReplicationSummary;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.Phase;
import dev.residency.sim.scenario.Scenario;
import dev.residency.sim.scenario.UncertainInput;
import dev.residency.sim.study.Assumptions;
import dev.residency.sim.study.Outcome;
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
    static final int SCHEMA_VERSION = 3;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {}

    static String render(Scenario scenario, MigrationPlan plan, ReplicationSummary summary, List<RunResult> runs) {
        return render(scenario, plan, summary, runs, Overrides.NONE);
    }

    /** Renders the document; {@code scenario.overrides} lists the {@code --set} settings the run was made under. */
    static String render(
            Scenario scenario,
            MigrationPlan plan,
            ReplicationSummary summary,
            List<RunResult> runs,
            Overrides overrides) {
        return write(tree(scenario, plan, summary, runs, overrides));
    }

    /**
     * Renders the document of {@code outcome} (schema version 3): as {@link #render(Scenario,
     * MigrationPlan, ReplicationSummary, List, Overrides)}, plus {@code assumptions} (how uncertain
     * inputs were treated, each input, and the populations and plans built) and each run's {@code
     * draws} (path to the value it ran with).
     */
    static String render(Outcome outcome, Assumptions assumptions) {
        ObjectNode root = tree(
                outcome.scenario(), outcome.setup().plan(), outcome.summary(), outcome.runs(), outcome.overrides());
        ObjectNode a = root.putObject("assumptions");
        a.put("mode", assumptions.name().toLowerCase(java.util.Locale.ROOT));
        a.put("covers", outcome.uncertaintyCovered());
        ArrayNode inputs = a.putArray("inputs");
        for (UncertainInput input : outcome.drawn()) {
            ObjectNode i = inputs.addObject();
            i.put("path", input.path());
            i.put("distribution", input.distribution());
            i.put("central", input.central());
            ArrayNode parameters = i.putArray("parameters");
            input.parameters().forEach(parameters::add);
        }
        a.put("populationsBuilt", outcome.reuse().populationsBuilt());
        a.put("plansMade", outcome.reuse().plansMade());
        ArrayNode runs = (ArrayNode) root.get("runs");
        for (int r = 0; r < runs.size(); r++) {
            ObjectNode draws = ((ObjectNode) runs.get(r)).putObject("draws");
            for (Overrides.Setting d : outcome.draws().get(r)) {
                draws.put(d.path(), d.value());
            }
        }
        return write(root);
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render summary.json", e);
        }
    }

    private static ObjectNode tree(
            Scenario scenario,
            MigrationPlan plan,
            ReplicationSummary summary,
            List<RunResult> runs,
            Overrides overrides) {
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
        overrides(s.putArray("overrides"), overrides);

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
        number(p, "egressCostUsd", summary.costs().modelled(CostKind.EGRESS) ? plan.egressCostUsd() : Double.NaN);
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
        estimate(h, "forcedLossUsers", summary.forcedLossUsers().times(scenario.scale()));
        estimate(h, "forcedLostWriteBytes", summary.forcedLostWrites());
        if (summary.costs().modelled(CostKind.EGRESS)) {
            estimate(h, "egressCostUsd", summary.egressCostUsd());
        } else {
            h.putNull("egressCostUsd");
        }
        estimate(h, "copyRetries", summary.copyRetries());
        CostReport.json(root.putObject("costs"), summary.costs(), SummaryJson::fill);

        milestones(root.putObject("milestones"), scenario, MilestoneSummary.of(runs));
        ArrayNode observed = root.putArray("observed");
        for (ObservedComparison c :
                ObservedComparison.of(scenario.run().observed(), scenario.run().start(), runs)) {
            ObjectNode o = observed.addObject();
            o.put("what", c.observed().what().label());
            o.put("subject", c.observed().subject().label());
            o.put("name", c.observed().name());
            o.put("from", c.observed().from().map(Object::toString).orElse(null));
            o.put("to", c.observed().to().map(Object::toString).orElse(null));
            number(o, "toleranceDays", c.observed().tolerance().toMillis() / 86_400_000.0);
            o.put("source", c.observed().source());
            estimate(o, "simulatedDays", c.simulatedDays());
            o.put(
                    "simulatedDate",
                    c.simulatedDate().map(d -> Formats.date(d, 0)).orElse(null));
            number(o, "daysOutside", c.daysOutside());
            o.put("reproduced", c.reproduced());
            o.put("runsReproducing", c.runsReproducing());
        }

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
            number(o, "egressCostUsd", r.costs().usd(CostKind.EGRESS));
            number(o, "totalCostUsd", r.costs().totalUsd());
            o.put("linkFailures", r.linkFailures());
            o.put("siteFailures", r.siteFailures());
            o.put("events", r.events());
            o.put("fingerprint", r.fingerprint());
        }
        return root;
    }

    /**
     * Writes the per-jurisdiction, per-rule, per-phase and per-site milestones (schema version 2): days
     * since the start as estimates, and the mean's calendar date.
     */
    private static void milestones(ObjectNode parent, Scenario scenario, MilestoneSummary milestones) {
        java.time.Instant start = scenario.run().start();
        ArrayNode homes = parent.putArray("jurisdictions");
        for (MilestoneSummary.Subject s : milestones.of(Milestone.Kind.JURISDICTION)) {
            subject(homes.addObject(), start, s);
        }
        ArrayNode rules = parent.putArray("rules");
        for (MilestoneSummary.Subject s : milestones.of(Milestone.Kind.RULE)) {
            subject(rules.addObject(), start, s);
        }
        ArrayNode phases = parent.putArray("phases");
        for (Phase phase : scenario.run().phases()) {
            MilestoneSummary.Subject s = milestones
                    .find(Milestone.Kind.PHASE, phase.name())
                    .orElseThrow(() -> new IllegalStateException("no milestones for phase " + phase.name()));
            ObjectNode o = phases.addObject();
            subject(o, start, s);
            o.put("start", phase.start().toString());
            o.put("due", phase.due().toString());
            double due = MilestoneReport.daysBetween(start, phase.due());
            estimate(o, "latenessLiveDays", s.liveDays().plus(-due));
            estimate(o, "latenessWithBackupsDays", s.fullDays().plus(-due));
        }
        ArrayNode sites = parent.putArray("sites");
        for (MilestoneSummary.Subject s : milestones.of(Milestone.Kind.SITE)) {
            ObjectNode o = sites.addObject();
            subject(o, start, s);
            estimate(o, "firstReceiptDays", s.receiptDays());
            o.put(
                    "firstReceiptDate",
                    s.receiptDays().n() == 0
                            ? null
                            : Formats.date(start, s.receiptDays().mean() * Formats.DAY));
        }
    }

    private static void subject(ObjectNode o, java.time.Instant start, MilestoneSummary.Subject s) {
        o.put("name", s.name());
        estimate(o, "liveDays", s.liveDays());
        o.put(
                "liveDate",
                s.liveDays().n() == 0 ? null : Formats.date(start, s.liveDays().mean() * Formats.DAY));
        estimate(o, "withBackupsDays", s.fullDays());
        o.put(
                "withBackupsDate",
                s.fullDays().n() == 0 ? null : Formats.date(start, s.fullDays().mean() * Formats.DAY));
    }

    /** Lists the settings as {@code {"path", "value"}} objects, in the order given. */
    private static void overrides(ArrayNode list, Overrides overrides) {
        for (Overrides.Setting setting : overrides.settings()) {
            list.addObject().put("path", setting.path()).put("value", setting.value());
        }
    }

    private static void estimate(ObjectNode parent, String name, Estimate e) {
        fill(parent.putObject(name), e);
    }

    /** Writes {@code e}'s fields into {@code o}. */
    private static void fill(ObjectNode o, Estimate e) {
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
