package dev.residency.sim.scenario.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks the parts of YAML that Jackson's tree reader would misread or report without a field path,
 * before the tree is read: a second document ({@code ---}), which it ignores even when broken; an alias
 * ({@code *ms}), which it reads as the anchor's <em>name</em>; {@code .inf} and {@code .nan}; and
 * syntax errors. Scenario files hold one document and no aliases (an anchor alone changes nothing and
 * is allowed; see {@code docs/scenario-schema.md}); each problem is reported with the field path where
 * it occurs and its line.
 */
final class YamlStructure {

    private static final Pattern NOT_FINITE = Pattern.compile("[-+]?\\.(inf|Inf|INF|nan|NaN|NAN)");

    private YamlStructure() {}

    /** Reports every alias, non-finite number, extra document and the first syntax error in {@code text}. */
    static void check(YAMLFactory factory, String text, Errors errors) {
        try (YAMLParser parser = (YAMLParser) factory.createParser(text)) {
            int depth = 0;
            boolean rootDone = false;
            JsonToken token;
            while (true) {
                try {
                    token = parser.nextToken();
                } catch (JsonProcessingException e) {
                    if (rootDone) {
                        errors.add(
                                "",
                                "holds a second YAML document after line %d, and it is not even valid YAML;"
                                        + " a scenario file holds exactly one document (remove the '---' and what"
                                        + " follows)",
                                lastLine(parser));
                    } else {
                        JsonLocation at = e.getLocation();
                        errors.add(
                                path(parser.getParsingContext(), JsonToken.VALUE_NULL),
                                "not valid YAML%s: %s",
                                at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr(),
                                summary(e.getOriginalMessage()));
                    }
                    return;
                }
                if (token == null) {
                    return;
                }
                if (rootDone) {
                    errors.add(
                            "",
                            "holds a second YAML document (starting near line %d); a scenario file holds exactly"
                                    + " one document (remove the '---' and what follows)",
                            line(parser.currentTokenLocation()));
                    return;
                }
                if (parser.isCurrentAlias()) {
                    errors.add(
                            path(parser.getParsingContext(), token),
                            "the YAML alias *%s (line %d) is not supported: write the value out (scenario files"
                                    + " refuse anchors and aliases, so that a value is never read as an anchor's name)",
                            parser.getText(),
                            line(parser.currentTokenLocation()));
                } else if (token == JsonToken.VALUE_NUMBER_FLOAT
                        && NOT_FINITE.matcher(parser.getText()).matches()) {
                    // Jackson tokenises .inf and .nan as floats but fails to convert them, without a path.
                    errors.add(
                            path(parser.getParsingContext(), token),
                            "%s (line %d) is not a finite number",
                            parser.getText(),
                            line(parser.currentTokenLocation()));
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                if (depth == 0 && token != JsonToken.FIELD_NAME) {
                    rootDone = true;
                }
            }
        } catch (IOException e) {
            // Reading a String cannot fail on I/O; the tree reader reports anything else.
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

    private static int lastLine(YAMLParser parser) {
        return line(parser.currentLocation());
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : at.getLineNr();
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
