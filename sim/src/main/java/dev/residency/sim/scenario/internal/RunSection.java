package dev.residency.sim.scenario.internal;

import com.google.common.collect.ImmutableSet;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;
import dev.residency.sim.scenario.Backups;
import dev.residency.sim.scenario.DeadlineRule;
import dev.residency.sim.scenario.LiveWrites;
import dev.residency.sim.scenario.Phase;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.units.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the {@code run} section; faults are read by {@link FaultsSection}. */
final class RunSection {

    private static final String[] KEYS = {
        "start",
        "deadline",
        "deadlineRule",
        "replications",
        "seed",
        "horizon",
        "verificationRate",
        "deletionRate",
        "deletionFailureProbability",
        "deletionChunk",
        "catchUpThreshold",
        "writeFreeze",
        "liveWrites",
        "backups",
        "faults",
        "phases"
    };
    private static final String[] WRITES_KEYS = {"bytesPerUserPerDay", "signupsPerUserPerDay"};
    private static final String[] BACKUP_KEYS = {"retention", "cryptoShred"};
    private static final String[] PHASE_KEYS = {"name", "categories", "start", "due"};

    private RunSection() {}

    /** Returns {@code run.seed} if it is a valid whole number, else 1; errors are left to {@link #read}. */
    static long peekSeed(Node root) {
        try {
            return Scalars.wholeNumber(root.field("run").field("seed").json());
        } catch (IllegalArgumentException e) {
            return 1;
        }
    }

    /** Reads {@code run}; empty if it is missing or has errors (reported). */
    static Optional<RunSettings> read(
            Node root, Fleet fleet, Optional<Set<Jurisdiction>> homes, Map<String, Category> categories, int scale) {
        Node r = root.field("run");
        if (!r.present()) {
            r.error("required field is missing");
            return Optional.empty();
        }
        if (!r.mapping(KEYS)) {
            return Optional.empty();
        }
        int before = r.errors().count();
        Optional<Instant> start = r.required("start", Scalars::instant);
        RunSettings.Builder b = RunSettings.builder(start.orElse(Instant.EPOCH));
        Optional<Instant> deadline = r.optional("deadline", Scalars::instant);
        if (start.isPresent() && deadline.isPresent() && !deadline.get().isAfter(start.get())) {
            r.field("deadline").error("%s is not after run.start %s", format(deadline.get()), format(start.get()));
        }
        deadline.ifPresent(b::deadline);
        r.optional("deadlineRule", v -> Scalars.enumValue(v, DeadlineRule.class))
                .ifPresent(rule -> {
                    if (deadline.isEmpty() && !r.field("deadline").present()) {
                        r.field("deadlineRule").error("has no effect without run.deadline");
                    }
                    b.deadlineRule(rule);
                });
        r.optional("replications", v -> {
                    int n = Scalars.positiveInt(v);
                    if (n > RunSettings.MAX_REPLICATIONS) {
                        throw new IllegalArgumentException(String.format(
                                Locale.ROOT,
                                "%d is more than the limit of %,d replications",
                                n,
                                RunSettings.MAX_REPLICATIONS));
                    }
                    return n;
                })
                .ifPresent(b::replications);
        r.optional("seed", Scalars::wholeNumber).ifPresent(b::seed);
        Optional<Duration> horizon = r.optional("horizon", v -> {
            Duration d = Scalars.positiveDuration(v);
            if (d.compareTo(RunSettings.MAX_HORIZON) > 0) {
                throw new IllegalArgumentException(Scalars.describe(v) + " is longer than the limit of "
                        + Durations.format(RunSettings.MAX_HORIZON) + " (100 years)");
            }
            return d;
        });
        horizon.ifPresent(b::horizon);
        Duration effectiveHorizon = horizon.orElse(RunSettings.DEFAULT_HORIZON);
        if (start.isPresent()
                && deadline.isPresent()
                && deadline.get().isAfter(start.get().plus(effectiveHorizon))) {
            r.field("horizon")
                    .error(
                            "%s ends before run.deadline %s (horizon counts from run.start)",
                            Durations.format(effectiveHorizon), format(deadline.get()));
        }
        r.optional("verificationRate", Scalars::positiveBandwidth).ifPresent(b::verificationRate);
        r.optional("deletionRate", Scalars::positiveBandwidth).ifPresent(b::deletionRate);
        r.optional("deletionFailureProbability", Scalars::probability).ifPresent(b::deletionFailureProbability);
        r.optional("deletionChunk", Scalars::positiveDataSize).ifPresent(s -> b.deletionChunkBytes(s.bytes()));
        r.optional("catchUpThreshold", Scalars::positiveDataSize).ifPresent(s -> b.catchUpThresholdBytes(s.bytes()));
        r.optional("writeFreeze", Scalars::duration).ifPresent(b::writeFreeze);
        for (Map.Entry<String, Node> e : r.field("liveWrites").entries()) {
            Node n = e.getValue();
            Optional<Jurisdiction> home = PlanningSection.homeKey(e.getKey(), n, homes);
            if (!n.mapping(WRITES_KEYS)) {
                continue;
            }
            var bytes = n.required("bytesPerUserPerDay", Scalars::dataSize);
            double signups = n.orDefault("signupsPerUserPerDay", Scalars::nonNegativeNumber, 0.0);
            if (bytes.isPresent() && bytes.get().bytes() > Long.MAX_VALUE / scale) {
                n.field("bytesPerUserPerDay")
                        .error(
                                "\"%s\" times scale %d does not fit in a long of bytes",
                                n.field("bytesPerUserPerDay").json().asText(), scale);
            } else if (home.isPresent() && bytes.isPresent()) {
                b.liveWrites(home.get(), new LiveWrites(bytes.get().bytes(), signups).rescaled(scale));
            }
        }
        Node backups = r.field("backups");
        if (backups.present() && backups.mapping(BACKUP_KEYS)) {
            b.backups(new Backups(
                    backups.orDefault("retention", Scalars::duration, Backups.DEFAULT_RETENTION),
                    backups.orDefault("cryptoShred", Scalars::bool, false)));
        }
        b.faults(FaultsSection.read(r.field("faults"), fleet));
        b.phases(phases(r.field("phases"), categories, start));
        if (r.errors().count() != before || start.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(b.build());
        } catch (IllegalArgumentException e) {
            r.error("%s", e.getMessage());
            return Optional.empty();
        }
    }

    private static List<Phase> phases(Node list, Map<String, Category> categories, Optional<Instant> runStart) {
        List<Phase> out = new ArrayList<>();
        for (Node n : list.elements()) {
            if (!n.mapping(PHASE_KEYS)) {
                continue;
            }
            Optional<String> name = n.required("name", Scalars::nonBlank);
            Set<String> covered = new LinkedHashSet<>();
            if (!n.field("categories").present()) {
                n.field("categories").error("required field is missing");
            }
            for (Node c : n.field("categories").elements()) {
                c.as(PopulationSection.categoryRef(categories)).ifPresent(covered::add);
            }
            Optional<Instant> start = n.required("start", Scalars::instant);
            Optional<Instant> due = n.required("due", Scalars::instant);
            // A phase may start after its due date (a slipped phase is late by construction), but a
            // promise due before the run even starts is a mistake.
            if (runStart.isPresent() && due.isPresent() && !due.get().isAfter(runStart.get())) {
                n.field("due").error("%s is not after run.start %s", format(due.get()), format(runStart.get()));
                continue;
            }
            if (name.isPresent() && !covered.isEmpty() && start.isPresent() && due.isPresent()) {
                out.add(new Phase(name.get(), ImmutableSet.copyOf(covered), start.get(), due.get()));
            }
        }
        return out;
    }

    /** Formats an instant as a file would give it: a date if it is midnight UTC, else ISO. */
    static String format(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay() == 0 && instant.getNano() == 0
                ? instant.atOffset(ZoneOffset.UTC).toLocalDate().toString()
                : instant.toString();
    }
}
