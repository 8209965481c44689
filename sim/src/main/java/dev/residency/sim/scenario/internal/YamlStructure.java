package dev.residency.sim.scenario.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the YAML tree in one pass while checking the parts that Jackson's tree reader would misread or
 * report without a field path: a second document ({@code ---}), which it ignores even when broken; an
 * alias ({@code *ms}), which it reads as the anchor's <em>name</em>; {@code .inf} and {@code .nan},
 * which it fails to convert without a path; and syntax errors. Scenario files hold one document and no
 * aliases (an anchor alone changes nothing and is allowed; see {@code docs/scenario-schema.md}); each
 * problem is reported with the field path where it occurs and its line.
 */
final class YamlStructure {

    private static final Pattern NOT_FINITE = Pattern.compile("[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)");

    private YamlStructure() {}

    /**
     * Returns the tree of {@code text}, or null having reported why it cannot be used: a syntax error,
     * an alias, a non-finite number, a second document, or no content at all.
     */
    static JsonNode read(YAMLMapper mapper, String text, Errors errors) {
        int before = errors.count();
        JsonNode tree;
        try (Checking parser = new Checking((YAMLParser) mapper.getFactory().createParser(text), errors)) {
            try {
                tree = mapper.readTree(parser);
            } catch (JsonProcessingException e) {
                if (errors.count() == before) {
                    JsonLocation at = e.getLocation();
                    errors.add(
                            path(parser.getParsingContext(), JsonToken.VALUE_NULL),
                            "not valid YAML%s: %s",
                            at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr(),
                            summary(e.getOriginalMessage()));
                }
                return null;
            }
            if (errors.count() != before) {
                return null;
            }
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                errors.add("", "the document is empty");
                return null;
            }
            int line = parser.currentLocation().getLineNr();
            try {
                if (parser.nextToken() != null) {
                    errors.add(
                            "",
                            "holds a second YAML document (starting near line %d); a scenario file holds exactly"
                                    + " one document (remove the '---' and what follows)",
                            parser.currentTokenLocation().getLineNr());
                    return null;
                }
            } catch (JsonProcessingException e) {
                errors.add(
                        "",
                        "holds a second YAML document after line %d, and it is not even valid YAML; a scenario"
                                + " file holds exactly one document (remove the '---' and what follows)",
                        line);
                return null;
            }
            return tree;
        } catch (IOException e) {
            // Reading a String cannot fail on I/O.
            errors.add("", "unreadable: %s", e.getClass().getSimpleName());
            return null;
        }
    }

    /** A parser that reports aliases and non-finite numbers at their path as it hands tokens on. */
    private static final class Checking extends JsonParserDelegate {
        private final YAMLParser yaml;
        private final Errors errors;

        Checking(YAMLParser yaml, Errors errors) {
            super(yaml);
            this.yaml = yaml;
            this.errors = errors;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = yaml.nextToken();
            if (token == null) {
                return null;
            }
            if (yaml.isCurrentAlias()) {
                errors.add(
                        path(yaml.getParsingContext(), token),
                        "the YAML alias *%s (line %d) is not supported: write the value out (scenario files refuse"
                                + " aliases, so that a value is never read as an anchor's name; an anchor alone is"
                                + " allowed)",
                        yaml.getText(),
                        yaml.currentTokenLocation().getLineNr());
            } else if (token == JsonToken.VALUE_NUMBER_FLOAT
                    && NOT_FINITE.matcher(yaml.getText()).matches()) {
                errors.add(
                        path(yaml.getParsingContext(), token),
                        "%s (line %d) is not a finite number",
                        yaml.getText(),
                        yaml.currentTokenLocation().getLineNr());
                // Hand on a value the tree can hold; the error above refuses the file.
                return JsonToken.VALUE_NULL;
            }
            return token;
        }
    }

    /** Keeps the explanatory lines of a SnakeYAML message, dropping its snippet and caret lines. */
    static String summary(String message) {
        if (message == null) {
            return "unreadable";
        }
        return Arrays.stream(message.split("\\R"))
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining(": "));
    }

    /** Returns the loader's dotted path ({@code sites[0].operator}) of the current token. */
    static String path(JsonStreamContext context, JsonToken token) {
        Deque<String> parts = new ArrayDeque<>();
        JsonStreamContext c = context;
        // A structure start is reported in its own new context; name it by its parent's position.
        if (token.isStructStart() && c.getParent() != null) {
            c = c.getParent();
        }
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }
}
