package dev.residency.sim.scenario.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.Overrides;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts {@link Overrides} into a scenario's YAML tree before it is walked, so that an override is
 * validated exactly like the file. A missing mapping key along the path is created (the walk then
 * reports a key the schema does not know, with the closest known one); a list index must exist.
 * Problems with the path or the value are reported at the override's path.
 */
final class OverrideApplier {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]=]+)((?:\\[[0-9]+\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)\\]");

    private OverrideApplier() {}

    /** One step along a path: a mapping key, or a list index when {@code key} is null. */
    private record Step(String key, int index) {
        boolean isIndex() {
            return key == null;
        }
    }

    /**
     * Returns whether an error at {@code errorPath} concerns {@code settingPath}: the same field, a
     * field inside the set value, or a mapping key the path created.
     */
    static boolean concerns(String settingPath, String errorPath) {
        return within(errorPath, settingPath) || within(settingPath, errorPath);
    }

    private static boolean within(String inner, String outer) {
        return inner.equals(outer)
                || (inner.startsWith(outer)
                        && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '['));
    }

    /** Applies every setting to {@code root} (a mapping), reporting each problem to {@code errors}. */
    static void apply(JsonNode root, Overrides overrides, YAMLMapper mapper, Errors errors) {
        for (Overrides.Setting setting : overrides.settings()) {
            apply(root, setting, mapper, errors);
        }
    }

    private static void apply(JsonNode root, Overrides.Setting setting, YAMLMapper mapper, Errors errors) {
        String where = setting.path();
        List<Step> steps = steps(setting.path());
        if (steps.isEmpty()) {
            errors.add(where, "is not a path such as run.backups.retention or sites[2].storage (in --set %s)", setting);
            return;
        }
        JsonNode value;
        try {
            value = mapper.readTree(setting.value());
        } catch (JsonProcessingException e) {
            errors.add(where, "value \"%s\" is not YAML flow text (in --set %s)", setting.value(), setting);
            return;
        }
        if (value == null || value.isMissingNode() || value.isNull()) {
            errors.add(where, "value \"%s\" is empty (in --set %s)", setting.value(), setting);
            return;
        }
        if (!root.isObject()) {
            return; // the walk reports a document that is not a mapping
        }
        JsonNode at = root;
        StringBuilder walked = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step.isIndex()) {
                if (!at.isArray()) {
                    errors.add(
                            walked.toString(),
                            "is %s, not a list, so [%d] does not apply (in --set %s)",
                            Scalars.describe(at),
                            step.index(),
                            setting);
                    return;
                }
                ArrayNode list = (ArrayNode) at;
                if (step.index() >= list.size()) {
                    errors.add(
                            walked + "[" + step.index() + "]",
                            "index %d is out of range: %s has %d element%s (in --set %s)",
                            step.index(),
                            walked,
                            list.size(),
                            list.size() == 1 ? "" : "s",
                            setting);
                    return;
                }
                walked.append('[').append(step.index()).append(']');
                if (last) {
                    list.set(step.index(), value);
                } else {
                    at = list.get(step.index());
                }
            } else {
                if (!at.isObject()) {
                    errors.add(
                            walked.toString(),
                            "is %s, not a mapping, so key \"%s\" does not apply (in --set %s)",
                            Scalars.describe(at),
                            step.key(),
                            setting);
                    return;
                }
                ObjectNode mapping = (ObjectNode) at;
                walked.append(walked.length() == 0 ? "" : ".").append(step.key());
                if (last) {
                    mapping.set(step.key(), value);
                } else {
                    JsonNode next = mapping.get(step.key());
                    if (next == null || next.isNull()) {
                        next = steps.get(i + 1).isIndex()
                                ? mapping.putArray(step.key())
                                : mapping.putObject(step.key());
                    }
                    at = next;
                }
            }
        }
    }

    /** Splits {@code a.b[2].c} into steps; empty if the path is malformed. */
    private static ImmutableList<Step> steps(String path) {
        List<Step> out = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                return ImmutableList.of();
            }
            out.add(new Step(m.group(1), -1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                try {
                    out.add(new Step(null, Integer.parseInt(index.group(1))));
                } catch (NumberFormatException e) {
                    return ImmutableList.of();
                }
            }
        }
        return ImmutableList.copyOf(out);
    }
}
