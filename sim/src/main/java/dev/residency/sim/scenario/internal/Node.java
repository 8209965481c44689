package dev.residency.sim.scenario.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A position in the YAML tree together with its path and the load's error sink. Reading a field
 * through a {@link Parser} turns any {@link IllegalArgumentException} into an error at the field's
 * path and carries on, so that one pass finds every problem.
 */
final class Node {

    /** Converts a present YAML value; throws {@link IllegalArgumentException} with a message naming the value. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(JsonNode value);
    }

    private final JsonNode json;
    private final String path;
    private final Errors errors;

    Node(JsonNode json, String path, Errors errors) {
        this.json = json;
        this.path = path;
        this.errors = errors;
    }

    String path() {
        return path;
    }

    JsonNode json() {
        return json;
    }

    Errors errors() {
        return errors;
    }

    /** Returns whether a value is given here (absent keys and YAML nulls count as absent). */
    boolean present() {
        return !json.isMissingNode() && !json.isNull();
    }

    /** Records an error at this node's path. */
    void error(String format, Object... args) {
        errors.add(path, format, args);
    }

    /** Returns the child at {@code key} (absent if this is not a mapping). */
    Node field(String key) {
        JsonNode child = json.isObject() ? json.path(key) : MissingNode.getInstance();
        return new Node(child, path.isEmpty() ? key : path + "." + key, errors);
    }

    /**
     * Checks that this required node is present and a mapping of {@code known} keys, reporting
     * "required field is missing" or what {@link #mapping} reports; returns whether it is usable.
     */
    boolean requiredMapping(String... known) {
        if (!present()) {
            error("required field is missing");
            return false;
        }
        return mapping(known);
    }

    /**
     * Checks that this node is a mapping whose keys are all among {@code known}; reports each other key
     * with the closest known one. Returns false (having reported it) if this is not a mapping.
     */
    boolean mapping(String... known) {
        if (!json.isObject()) {
            error("must be a mapping of %s, was %s", String.join(", ", known), Scalars.describe(json));
            return false;
        }
        ImmutableSet<String> keys = ImmutableSet.copyOf(known);
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!keys.contains(name)) {
                String hint = DidYouMean.hint(name, keys);
                field(name)
                        .error(
                                hint.isEmpty() ? "unknown key (known keys: %s)" : "unknown key%s",
                                hint.isEmpty() ? String.join(", ", known) : hint);
            }
        }
        return true;
    }

    /** Returns the entries of a mapping with free keys (jurisdiction codes, category names), or reports. */
    List<Map.Entry<String, Node>> entries() {
        List<Map.Entry<String, Node>> out = new ArrayList<>();
        if (!present()) {
            return out;
        }
        if (!json.isObject()) {
            error("must be a mapping, was %s", Scalars.describe(json));
            return out;
        }
        // Keys are compared as the sections normalise them (jurisdiction codes ignore case and
        // surrounding blanks), so that "US" and "us" are one key given twice, not two.
        Map<String, String> seen = new HashMap<>();
        json.fieldNames().forEachRemaining(name -> {
            String earlier = seen.putIfAbsent(name.strip().toUpperCase(Locale.ROOT), name);
            if (earlier != null) {
                field(name)
                        .error(
                                "key \"%s\" repeats \"%s\" (keys are compared ignoring case and blanks);"
                                        + " give each once",
                                name, earlier);
            } else {
                out.add(Map.entry(name, field(name)));
            }
        });
        return out;
    }

    /** Returns the elements of a sequence (none if absent), or reports that this is not one. */
    ImmutableList<Node> elements() {
        if (!present()) {
            return ImmutableList.of();
        }
        if (!json.isArray()) {
            error("must be a list, was %s", Scalars.describe(json));
            return ImmutableList.of();
        }
        ImmutableList.Builder<Node> out = ImmutableList.builder();
        for (int i = 0; i < json.size(); i++) {
            out.add(new Node(json.get(i), path + "[" + i + "]", errors));
        }
        return out.build();
    }

    /** Parses this node's own value, reporting a failure at its path. */
    <T> Optional<T> as(Parser<T> parser) {
        if (!present()) {
            error("must have a value");
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parse(json));
        } catch (IllegalArgumentException e) {
            error("%s", e.getMessage());
            return Optional.empty();
        }
    }

    /** Parses the field {@code key} if given; a missing field is no error. */
    <T> Optional<T> optional(String key, Parser<T> parser) {
        Node child = field(key);
        return child.present() ? child.as(parser) : Optional.empty();
    }

    /** Parses the field {@code key}, reporting it if missing. */
    <T> Optional<T> required(String key, Parser<T> parser) {
        Node child = field(key);
        if (!child.present()) {
            child.error("required field is missing");
            return Optional.empty();
        }
        return child.as(parser);
    }

    /** Parses the field {@code key}, or returns {@code fallback} if it is missing or invalid (invalid is reported). */
    <T> T orDefault(String key, Parser<T> parser, T fallback) {
        return optional(key, parser).orElse(fallback);
    }
}
