package dev.residency.cli;

import dev.residency.geo.Jurisdiction;
import dev.residency.sim.report.BatchOutcome;
import dev.residency.sim.report.RunResult;
import dev.residency.sim.report.TimeSeries;
import dev.residency.topology.Topology;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Renders {@code timeseries.csv} and {@code batches.csv}: one row per sample or batch, per replication. */
final class CsvReports {

    private CsvReports() {}

    /**
     * Returns the time series of every replication. Columns: replication, seconds, day, date, violating
     * bytes (live copies, all homes), backup bytes, violating including backups, in-flight bytes,
     * backlog bytes, mean link utilisation, then violating live bytes per home jurisdiction.
     */
    static String timeSeries(List<RunResult> results, Instant start) {
        StringBuilder csv = new StringBuilder(
                "replication,seconds,day,date,violating_bytes,backup_bytes,violating_with_backups_bytes,"
                        + "in_flight_bytes,backlog_bytes,link_utilisation");
        List<Jurisdiction> homes = results.get(0).series().jurisdictions();
        for (Jurisdiction home : homes) {
            csv.append(",violating_").append(home.code()).append("_bytes");
        }
        csv.append('\n');
        for (RunResult r : results) {
            TimeSeries s = r.series();
            for (int i = 0; i < s.size(); i++) {
                csv.append(r.replication())
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.0f", s.seconds(i)))
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.4f", s.seconds(i) / Formats.DAY))
                        .append(',')
                        .append(Formats.date(start, s.seconds(i)))
                        .append(',')
                        .append(s.violatingTotal(i))
                        .append(',')
                        .append(s.backup(i))
                        .append(',')
                        .append(s.violatingWithBackups(i))
                        .append(',')
                        .append(s.inFlight(i))
                        .append(',')
                        .append(s.backlog(i))
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.4f", s.linkUtilisation(i)));
                for (int j = 0; j < homes.size(); j++) {
                    csv.append(',').append(s.violating(j, i));
                }
                csv.append('\n');
            }
        }
        return csv.toString();
    }

    /** Returns every replication's batch outcomes next to the plan's times (seconds since start; empty when never reached). */
    static String batches(List<RunResult> results, Topology topology) {
        StringBuilder csv = new StringBuilder(
                "replication,batch,source,destination,bytes,planned_start_s,planned_end_s,copy_start_s,copy_end_s,"
                        + "verified_s,cut_over_s,copy_attempts,catch_up_bytes,forced\n");
        for (RunResult r : results) {
            for (BatchOutcome b : r.batches()) {
                csv.append(r.replication())
                        .append(',')
                        .append(b.batch())
                        .append(',')
                        .append(topology.site(b.source()).id())
                        .append(',')
                        .append(topology.site(b.destination()).id())
                        .append(',')
                        .append(b.bytes())
                        .append(',')
                        .append(seconds(b.plannedStart()))
                        .append(',')
                        .append(seconds(b.plannedEnd()))
                        .append(',')
                        .append(seconds(b.copyStart()))
                        .append(',')
                        .append(seconds(b.copyEnd()))
                        .append(',')
                        .append(seconds(b.verifiedAt()))
                        .append(',')
                        .append(seconds(b.cutOverAt()))
                        .append(',')
                        .append(b.copyAttempts())
                        .append(',')
                        .append(b.catchUpBytes())
                        .append(',')
                        .append(b.forced())
                        .append('\n');
            }
        }
        return csv.toString();
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? "" : String.format(Locale.ROOT, "%.3f", s);
    }
}
