package dev.residency.sim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.UncertainInput;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the estimates written as distributions ({@code {uniform: [a, b]}}, {@code {triangular: [a,
 * mode, b]}}, {@code {lognormal: {median, sigma}}}, {@code {choice: [v1, v2]}}) in a scenario's tree,
 * checks them (ends of one unit kind, low below high), and puts each one's central value in its place,
 * so that the walk then validates the central value like any value of the field. Problems are
 * reported at the field's path.
 */
final class Uncertainty {

    static final Set<String> DISTRIBUTIONS = Set.of("uniform", "triangular", "lognormal", "choice");
    /** The standard normal's 95th percentile: a lognormal's plausible range is its 5th to 95th percentile. */
    private static final double Z95 = 1.6448536269514722;

    private Uncertainty() {}

    /** Replaces every distribution in {@code root} by its central value; returns them in document order. */
    static ImmutableList<UncertainInput> centralise(JsonNode root, Errors errors) {
        List<UncertainInput> found = new ArrayList<>();
        walk(root, "", errors, found);
        return ImmutableList.copyOf(found);
    }

    private static void walk(JsonNode node, String path, Errors errors, List<UncertainInput> found) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String childPath = path.isEmpty() ? name : path + "." + name;
                JsonNode child = object.get(name);
                JsonNode replaced = replacement(child, childPath, errors, found);
                if (replaced != null) {
                    object.set(name, replaced);
                } else {
                    walk(child, childPath, errors, found);
                }
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                String childPath = path + "[" + i + "]";
                JsonNode replaced = replacement(array.get(i), childPath, errors, found);
                if (replaced != null) {
                    array.set(i, replaced);
                } else {
                    walk(array.get(i), childPath, errors, found);
                }
            }
        }
    }

    /** Returns the central value if {@code node} is a distribution (an empty text after an error), else null. */
    private static JsonNode replacement(JsonNode node, String path, Errors errors, List<UncertainInput> found) {
        if (!node.isObject() || node.size() != 1) {
            return null;
        }
        Map.Entry<String, JsonNode> only = node.fields().next();
        String kind = only.getKey();
        if (!DISTRIBUTIONS.contains(kind)) {
            if ((only.getValue().isArray() || only.getValue().isObject())
                    && DidYouMean.closest(kind, DISTRIBUTIONS).isPresent()) {
                errors.addFinal(path, "unknown distribution \"%s\"%s", kind, DidYouMean.hint(kind, DISTRIBUTIONS));
                return TextNode.valueOf("");
            }
            return null;
        }
        try {
            UncertainInput input = read(path, kind, only.getValue());
            found.add(input);
            return central(input, only.getValue());
        } catch (IllegalArgumentException e) {
            errors.addFinal(path, "%s: %s", kind, e.getMessage());
            return TextNode.valueOf("");
        }
    }

    private static JsonNode central(UncertainInput input, JsonNode spec) {
        if (input.distribution().equals("choice")) {
            return spec.get(0);
        }
        return TextNode.valueOf(unquote(input.central()));
    }

    private static UncertainInput read(String path, String kind, JsonNode spec) {
        switch (kind) {
            case "uniform" -> {
                List<Quantity> q = quantities(spec, 2, "[LOW, HIGH]");
                ordered(q.get(0), q.get(1), "LOW", "HIGH");
                Quantity lo = q.get(0);
                return new UncertainInput(
                        path,
                        kind,
                        lo.format((lo.value() + q.get(1).value()) / 2),
                        ImmutableList.of(text(spec.get(0)), text(spec.get(1))),
                        true);
            }
            case "triangular" -> {
                List<Quantity> q = quantities(spec, 3, "[LOW, MODE, HIGH]");
                ordered(q.get(0), q.get(2), "LOW", "HIGH");
                if (q.get(1).value() < q.get(0).value()
                        || q.get(1).value() > q.get(2).value()) {
                    throw new IllegalArgumentException("MODE " + text(spec.get(1)) + " must lie between LOW and HIGH");
                }
                return new UncertainInput(
                        path,
                        kind,
                        text(spec.get(1)),
                        ImmutableList.of(text(spec.get(0)), text(spec.get(2))),
                        true,
                        ImmutableList.of(text(spec.get(0)), text(spec.get(1)), text(spec.get(2))));
            }
            case "lognormal" -> {
                if (!spec.isObject() || !spec.has("median") || !spec.has("sigma") || spec.size() != 2) {
                    throw new IllegalArgumentException(
                            "must be {median: VALUE, sigma: NUMBER}, was " + Scalars.describe(spec));
                }
                Quantity median = Quantity.parse(text(spec.get("median")));
                double sigma = Scalars.number(spec.get("sigma"));
                if (median.value() <= 0 || sigma <= 0) {
                    throw new IllegalArgumentException("median and sigma must be positive, were "
                            + text(spec.get("median")) + " and " + text(spec.get("sigma")));
                }
                Quantity real = new Quantity(median.kind(), median.value(), false);
                return new UncertainInput(
                        path,
                        kind,
                        text(spec.get("median")),
                        ImmutableList.of(
                                real.format(median.value() * Math.exp(-Z95 * sigma)),
                                real.format(median.value() * Math.exp(Z95 * sigma))),
                        true,
                        ImmutableList.of(text(spec.get("median")), text(spec.get("sigma"))));
            }
            default -> {
                if (!spec.isArray() || spec.size() < 2) {
                    throw new IllegalArgumentException(
                            "must be a list of at least two values, was " + Scalars.describe(spec));
                }
                List<String> values = new ArrayList<>();
                for (JsonNode v : spec) {
                    String t = v.isValueNode() ? text(v) : v.toString();
                    if (values.contains(t)) {
                        throw new IllegalArgumentException("lists " + t + " twice");
                    }
                    values.add(t);
                }
                return new UncertainInput(path, kind, values.get(0), ImmutableList.copyOf(values), false);
            }
        }
    }

    private static List<Quantity> quantities(JsonNode spec, int n, String shape) {
        if (!spec.isArray() || spec.size() != n) {
            throw new IllegalArgumentException("must be " + shape + ", was " + Scalars.describe(spec));
        }
        List<Quantity> out = new ArrayList<>();
        Iterator<JsonNode> it = spec.elements();
        while (it.hasNext()) {
            out.add(Quantity.parse(text(it.next())));
        }
        for (Quantity q : out) {
            if (q.kind() != out.get(0).kind()) {
                throw new IllegalArgumentException("values of different kinds ("
                        + out.get(0).kind().description() + " and " + q.kind().description() + ") in " + spec);
            }
        }
        return out;
    }

    private static void ordered(Quantity low, Quantity high, String lowName, String highName) {
        if (!(low.value() < high.value())) {
            throw new IllegalArgumentException(lowName + " must be below " + highName
                    + (low.value() == high.value() ? " (an empty range)" : " (low > high)"));
        }
    }

    private static String text(JsonNode v) {
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
