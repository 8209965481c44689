package dev.residency.plan.io;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.audit.BlockReason;
import dev.residency.audit.Tally;
import dev.residency.plan.BlockedGroup;
import dev.residency.plan.Deletion;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.MigrationPlan;
import dev.residency.plan.RecordClass;
import dev.residency.plan.TransferBatch;
import dev.residency.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link MigrationPlan} as JSON (summary, classification, batches, deletions, blocked) and as
 * three CSV tables (summary, batches, deletions ordered by reason), with plain string building. Record
 * indices are not written, only counts, so the output stays small for 10^8 records; sites are named
 * by id and routes as "a&gt;b&gt;c". Times are in seconds, sizes in bytes, costs in US dollars. A
 * batch of data that waits at a transit site shows its leg: the batch whose staging copy it continues
 * ({@code previous_leg}, {@code previousLeg}) and whether it makes a staging copy ({@code staging}).
 * Stateless and thread-safe.
 */
public final class PlanWriter {

    private PlanWriter() {}

    /** Returns the plan as one JSON object. */
    public static String json(MigrationPlan plan, Topology topology) {
        checkNotNull(plan, "plan");
        checkNotNull(topology, "topology");
        StringBuilder out = new StringBuilder();
        try {
            build(plan, topology, out);
        } catch (IOException e) {
            throw new AssertionError("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    /**
     * Appends the plan as one JSON object to {@code out}.
     *
     * @throws UncheckedIOException if {@code out} fails
     */
    public static void writeJson(MigrationPlan plan, Topology topology, Appendable out) {
        checkNotNull(out, "out");
        try {
            out.append(json(plan, topology));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void build(MigrationPlan plan, Topology topology, StringBuilder out) throws IOException {
        {
            out.append("{\n  \"summary\": {");
            summaryFields(plan, (key, value, numeric) -> {
                out.append("\n    ").append(quote(key)).append(": ");
                out.append(numeric ? value : quote(value)).append(',');
            });
            trimComma(out);
            out.append("\n  },\n  \"classification\": {");
            for (Map.Entry<RecordClass, Tally> e :
                    plan.classification().byClass().entrySet()) {
                out.append("\n    ")
                        .append(quote(e.getKey().name()))
                        .append(": ")
                        .append(tally(e.getValue()));
                out.append(',');
            }
            for (Map.Entry<DeletionReason, Tally> e :
                    plan.classification().deletedByReason().entrySet()) {
                out.append("\n    ")
                        .append(quote("DELETE/" + e.getKey().name()))
                        .append(": ");
                out.append(tally(e.getValue())).append(',');
            }
            for (Map.Entry<BlockReason, Tally> e :
                    plan.classification().blockedByReason().entrySet()) {
                out.append("\n    ")
                        .append(quote("BLOCKED/" + e.getKey().name()))
                        .append(": ");
                out.append(tally(e.getValue())).append(',');
            }
            trimComma(out);
            out.append("\n  },\n  \"batches\": [");
            for (TransferBatch b : plan.batches()) {
                out.append(String.format(
                        Locale.ROOT,
                        "%n    {\"id\": %d, \"wave\": %d, \"source\": %s, \"destination\": %s, \"route\": %s,"
                                + " \"records\": %d, \"bytes\": %d, \"startSeconds\": %s, \"endSeconds\": %s%s},",
                        b.id(),
                        b.wave(),
                        quote(topology.site(b.source()).id()),
                        quote(topology.site(b.destination()).id()),
                        quote(b.route().describe(topology)),
                        b.records().length(),
                        b.bytes(),
                        number(b.plannedStartSeconds()),
                        number(b.plannedEndSeconds()),
                        legJson(b)));
            }
            trimComma(out);
            out.append("\n  ],\n  \"deletions\": [");
            for (Deletion d : plan.deletions()) {
                out.append(String.format(
                        Locale.ROOT,
                        "%n    {\"site\": %s, \"reason\": %s, \"records\": %d, \"bytes\": %d, \"afterBatch\": %s,"
                                + " \"earliestSeconds\": %s},",
                        quote(topology.site(d.site()).id()),
                        quote(d.reason().name()),
                        d.records().length(),
                        d.bytes(),
                        d.afterBatch().isPresent()
                                ? String.valueOf(d.afterBatch().getAsInt())
                                : "null",
                        number(d.earliestSeconds())));
            }
            trimComma(out);
            out.append("\n  ],\n  \"blocked\": [");
            for (BlockedGroup g : plan.blocked()) {
                out.append(String.format(
                        Locale.ROOT,
                        "%n    {\"rule\": %s, \"reason\": %s, \"home\": %s, \"category\": %s, \"records\": %d,"
                                + " \"bytes\": %d},",
                        quote(g.rule()),
                        quote(g.reason().name()),
                        quote(g.home().code()),
                        quote(g.category()),
                        g.records().length(),
                        g.bytes()));
            }
            trimComma(out);
            out.append("\n  ]\n}\n");
        }
    }

    /** Returns the summary as CSV rows {@code key,value}, with a header. */
    public static String summaryCsv(MigrationPlan plan) {
        StringBuilder out = new StringBuilder("key,value\n");
        try {
            summaryFields(
                    plan,
                    (key, value, numeric) ->
                            out.append(key).append(',').append(csv(value)).append('\n'));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    /** Returns one CSV row per batch, with a header. */
    public static String batchesCsv(MigrationPlan plan, Topology topology) {
        StringBuilder out = new StringBuilder(
                "id,wave,source,destination,route,records,bytes,start_s,end_s,rate_bytes_per_s,previous_leg,staging\n");
        for (TransferBatch b : plan.batches()) {
            out.append(String.format(
                    Locale.ROOT,
                    "%d,%d,%s,%s,%s,%d,%d,%s,%s,%s,%s,%s%n",
                    b.id(),
                    b.wave(),
                    csv(topology.site(b.source()).id()),
                    csv(topology.site(b.destination()).id()),
                    csv(b.route().describe(topology)),
                    b.records().length(),
                    b.bytes(),
                    number(b.plannedStartSeconds()),
                    number(b.plannedEndSeconds()),
                    number(b.bytesPerSecond(topology)),
                    b.continuesLeg() ? String.valueOf(b.previousLeg()) : "",
                    b.staging()));
        }
        return out.toString();
    }

    /**
     * Returns a batch's leg fields for JSON: none for a one-leg batch, else {@code "previousLeg"} (the
     * batch whose staging copy it continues, if any) and {@code "staging"}.
     */
    private static String legJson(TransferBatch b) {
        if (!b.continuesLeg() && !b.staging()) {
            return "";
        }
        return (b.continuesLeg() ? ", \"previousLeg\": " + b.previousLeg() : "") + ", \"staging\": " + b.staging();
    }

    /** Returns one CSV row per deletion, ordered by reason (then as in the plan), with a header. */
    public static String deletionsCsv(MigrationPlan plan, Topology topology) {
        StringBuilder out = new StringBuilder("reason,site,records,bytes,after_batch,earliest_s\n");
        for (DeletionReason reason : DeletionReason.values()) {
            for (Deletion d : plan.deletions()) {
                if (d.reason() == reason) {
                    out.append(String.format(
                            Locale.ROOT,
                            "%s,%s,%d,%d,%s,%s%n",
                            reason.name(),
                            csv(topology.site(d.site()).id()),
                            d.records().length(),
                            d.bytes(),
                            d.afterBatch().isPresent()
                                    ? String.valueOf(d.afterBatch().getAsInt())
                                    : "",
                            number(d.earliestSeconds())));
                }
            }
        }
        return out.toString();
    }

    private interface Field {
        void accept(String key, String value, boolean numeric) throws IOException;
    }

    private static void summaryFields(MigrationPlan plan, Field field) throws IOException {
        field.accept("planner", plan.planner(), false);
        field.accept("method", plan.method(), false);
        field.accept(
                "violatingRecords",
                String.valueOf(plan.classification().violating().records()),
                true);
        field.accept(
                "violatingBytes",
                String.valueOf(plan.classification().violating().bytes()),
                true);
        field.accept("batches", String.valueOf(plan.batches().size()), true);
        field.accept("waves", String.valueOf(plan.waveCount()), true);
        field.accept("bytesToMove", String.valueOf(plan.bytesToMove()), true);
        field.accept("bytesToDelete", String.valueOf(plan.bytesToDelete()), true);
        for (Map.Entry<DeletionReason, Long> e : plan.bytesToDeleteByReason().entrySet()) {
            field.accept("bytesToDelete." + e.getKey().name(), String.valueOf(e.getValue()), true);
        }
        field.accept("makespanSeconds", number(plan.makespanSeconds()), true);
        field.accept("lowerBoundSeconds", number(plan.lowerBoundSeconds()), true);
        field.accept("qualityRatio", number(plan.qualityRatio()), true);
        field.accept("egressCostUsd", number(plan.egressCostUsd()), true);
        field.accept("violatingBytesAtDeadline", String.valueOf(plan.violatingBytesAtDeadline()), true);
    }

    private static String tally(Tally t) {
        return "{\"records\": " + t.records() + ", \"bytes\": " + t.bytes() + "}";
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.valueOf(value) : "null";
    }

    private static void trimComma(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) == ',') {
            out.setLength(out.length() - 1);
        }
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
