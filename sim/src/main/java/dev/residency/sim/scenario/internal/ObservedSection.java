package dev.residency.sim.scenario.internal;

import com.google.common.collect.ImmutableList;
import dev.residency.geo.Jurisdiction;
import dev.residency.policy.ResidencyPolicy;
import dev.residency.policy.Rule;
import dev.residency.sim.scenario.ObservedMilestone;
import dev.residency.sim.scenario.ObservedMilestone.Subject;
import dev.residency.sim.scenario.ObservedMilestone.What;
import dev.residency.sim.scenario.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the top-level {@code observed} list: what happened in the real programme, each entry
 * {@code {what, of, date | from/to, tolerance, source}}, where {@code of} is {@code all} or a mapping
 * with one key naming the subject ({@code {jurisdiction: US}}, {@code {rule: r}}, {@code {phase: p}},
 * {@code {site: s}}), checked against the scenario's jurisdictions with users, rules, phases and sites.
 */
final class ObservedSection {

    private static final String[] KEYS = {"what", "of", "date", "from", "to", "tolerance", "source"};
    private static final String[] SUBJECT_KEYS = {"jurisdiction", "rule", "phase", "site"};

    private ObservedSection() {}

    /** Reads {@code observed}; entries with errors are reported and left out. */
    static ImmutableList<ObservedMilestone> read(
            Node root,
            Set<String> siteIds,
            Optional<Set<Jurisdiction>> homes,
            Optional<ResidencyPolicy> policy,
            List<Phase> phases) {
        ImmutableList.Builder<ObservedMilestone> out = ImmutableList.builder();
        for (Node n : root.field("observed").elements()) {
            if (!n.mapping(KEYS)) {
                continue;
            }
            int before = n.errors().count();
            Optional<What> what = n.required("what", ObservedSection::what);
            Optional<Subject> subject = Optional.empty();
            String name = "";
            Node of = n.field("of");
            if (!of.present()) {
                of.error("required field is missing");
            } else if (of.json().isTextual() && of.json().asText().equals("all")) {
                subject = Optional.of(Subject.ALL);
            } else if (of.mapping(SUBJECT_KEYS)) {
                var entries = of.entries();
                if (entries.size() != 1) {
                    of.error("must name one subject: all, or one of jurisdiction, rule, phase, site");
                } else {
                    String key = entries.get(0).getKey();
                    Node value = entries.get(0).getValue();
                    // An unknown key has been reported by mapping(); only a known one names a subject.
                    if (Arrays.asList(SUBJECT_KEYS).contains(key)) {
                        subject = Optional.of(Subject.valueOf(key.toUpperCase(Locale.ROOT)));
                        name = check(key, value, siteIds, homes, policy, phases).orElse("");
                    }
                }
            }
            Optional<Instant> date = n.optional("date", Scalars::instant);
            Optional<Instant> from = n.optional("from", Scalars::instant);
            Optional<Instant> to = n.optional("to", Scalars::instant);
            if (date.isPresent() && (n.field("from").present() || n.field("to").present())) {
                n.field("date").error("give either date or from/to, not both");
            }
            if (!n.field("date").present()
                    && !n.field("from").present()
                    && !n.field("to").present()) {
                n.error("needs date, or from and/or to");
            }
            if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
                n.field("to").error("%s is before from %s", RunSection.format(to.get()), RunSection.format(from.get()));
            }
            Duration tolerance = n.orDefault("tolerance", Scalars::duration, Duration.ZERO);
            Optional<String> source = n.required("source", Scalars::nonBlank);
            if (what.isPresent()
                    && subject.isPresent()
                    && what.get() == What.RECEIVING
                    && subject.get() != Subject.SITE) {
                n.field("what").error("\"receiving\" applies to a site only");
            }
            if (n.errors().count() > before || what.isEmpty() || subject.isEmpty() || source.isEmpty()) {
                continue;
            }
            out.add(new ObservedMilestone(
                    what.get(),
                    subject.get(),
                    name,
                    date.isPresent() ? date : from,
                    date.isPresent() ? date : to,
                    tolerance,
                    source.get()));
        }
        return out.build();
    }

    /** Parses {@code clean}, {@code backups-gone} or {@code receiving}. */
    private static What what(com.fasterxml.jackson.databind.JsonNode v) {
        String text = Scalars.text(v).strip();
        for (What w : What.values()) {
            if (w.label().equals(text)) {
                return w;
            }
        }
        throw new IllegalArgumentException(Scalars.describe(v) + " must be one of clean, backups-gone, receiving");
    }

    private static Optional<String> check(
            String key,
            Node value,
            Set<String> siteIds,
            Optional<Set<Jurisdiction>> homes,
            Optional<ResidencyPolicy> policy,
            List<Phase> phases) {
        Optional<String> text = value.as(Scalars::nonBlank);
        if (text.isEmpty()) {
            return text;
        }
        String name = text.get();
        boolean known;
        switch (key) {
            case "jurisdiction" -> {
                Optional<Jurisdiction> j = value.as(Scalars::jurisdiction);
                if (j.isEmpty()) {
                    return Optional.empty();
                }
                name = j.get().code();
                known = homes.isEmpty() || homes.get().contains(j.get());
            }
            case "rule" ->
                known = policy.isEmpty()
                        || policy.get().rules().stream().map(Rule::name).anyMatch(name::equals);
            case "phase" -> known = phases.stream().map(Phase::name).anyMatch(name::equals);
            case "site" -> known = siteIds.contains(name);
            default -> throw new AssertionError(key);
        }
        if (!known) {
            value.error(
                    "\"%s\" is no %s of this scenario",
                    name, key.equals("jurisdiction") ? "jurisdiction with users" : key);
            return Optional.empty();
        }
        return Optional.of(name);
    }
}
