package dev.residency.sim.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seeded generator of mutated scenario files for fuzzing the loader: each call applies one to three
 * mutations drawn from byte flips, key swaps, unit and number mutations, structure splices (line
 * moves, deletions, duplications, indentation changes) and YAML features the loader must refuse or
 * read exactly (aliases, anchors, tags, extra documents, flow collections). The same seed and base
 * give the same file.
 */
final class ScenarioMutator {

    /** Values that stress number parsing and range checks. */
    private static final String[] NUMBERS = {
        "0",
        "-1",
        "1",
        "-0",
        "0.5",
        "1.5",
        "2147483647",
        "2147483648",
        "-2147483648",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "99999999999999999999",
        "1e308",
        "1e309",
        "-1e308",
        "4.9e-324",
        ".inf",
        "-.inf",
        ".nan",
        ".NaN",
        "1_000_000_000",
        "0x10",
        "0o17",
        "1e18",
        "NaN",
        "Infinity",
        "1e-400",
        "00012",
        "+5",
        "1.0e+3",
        "~",
        "null",
        "\"\"",
        "[]",
        "{}"
    };

    /** Units and broken units. */
    private static final String[] UNITS = {
        "B", "kB", "KB", "KiB", "MB", "MiB", "GB", "GiB", "TB", "TiB", "PB", "PiB", "EB", "EiB", "ZB", "YB", "Pb", "Gb",
        "bps", "Kbps", "Mbps", "Gbps", "Tbps", "Pbps", "GB/s", "MiB/s", "B/s", "d", "h", "m", "s", "ms", "w", "y", "ns",
        "us", "", " ", "µs", "PB PB", "Gbps/s", "%"
    };

    /** Fragments that YAML gives a meaning the loader must refuse or read as written. */
    private static final String[] YAML_FRAGMENTS = {
        "*a",
        "&a ",
        "&a x",
        "!!str ",
        "!!int ",
        "!!binary ",
        "!!java.io.File ",
        "<<: *a",
        "---\n",
        "...\n",
        "--- !!map\n",
        "? ",
        "[",
        "]",
        "{",
        "}",
        "|\n  x\n",
        ">\n  x\n",
        "'",
        "\"",
        "\"\\u0000\"",
        "\\t",
        "#",
        "@",
        "`",
        "%YAML 1.1\n",
        "%TAG ! tag:x,2000:\n",
        ": ",
        "- ",
        ",",
        "\uFEFF",
        "\u0085",
        "\u2028",
        "\t"
    };

    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z_])-?\\d[\\d_]*(\\.\\d+)?(e[-+]?\\d+)?");
    private static final Pattern UNIT =
            Pattern.compile("(?<=\\d ?)(EiB|PiB|TiB|GiB|MiB|KiB|[kKMGTPEZ]?B(/s)?|[KMGTP]?bps|ms|[dhmsw])\\b");
    private static final Pattern KEY = Pattern.compile("(?m)^(\\s*-?\\s*)([A-Za-z][A-Za-z0-9_]*):");

    /** The bases whose matches are cached (a fuzz campaign mutates a few bases many times). */
    private static final int MAX_CACHED_BASES = 64;

    private final SplittableRandom random;

    /** The matches of each pattern in each base, by the base's identity. */
    private final Map<String, Map<Pattern, List<int[]>>> baseMatches = new IdentityHashMap<>();

    ScenarioMutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Returns {@code base} with one to three random mutations applied. */
    String mutate(String base) {
        String text = base;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            text = once(text, i == 0 ? base : null);
        }
        return text;
    }

    /** The kinds of mutation, for counting coverage. */
    enum Kind {
        BYTE_FLIP,
        KEY_SWAP,
        KEY_RENAME,
        NUMBER,
        UNIT,
        LINE_DELETE,
        LINE_DUPLICATE,
        LINE_MOVE,
        SPLICE_BLOCK,
        INDENT,
        YAML_FRAGMENT,
        TRUNCATE
    }

    /**
     * Applies one mutation to {@code text}; {@code base} is {@code text} itself when it is a base passed
     * to {@link #mutate} (its regular-expression matches are then reused from earlier calls), else null.
     */
    private String once(String text, String base) {
        if (text.isEmpty()) {
            return YAML_FRAGMENTS[random.nextInt(YAML_FRAGMENTS.length)];
        }
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        // Split only for the kinds that work on lines (the others would throw the split away).
        List<String> lines = switch (kind) {
            case LINE_DELETE, LINE_DUPLICATE, LINE_MOVE, SPLICE_BLOCK, INDENT ->
                new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            default -> List.of();
        };
        switch (kind) {
            case BYTE_FLIP -> {
                char[] chars = text.toCharArray();
                int at = random.nextInt(chars.length);
                chars[at] = (char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x3000));
                return new String(chars);
            }
            case KEY_SWAP -> {
                List<int[]> keys = matches(KEY, text, 2, base);
                if (keys.size() < 2) {
                    return text;
                }
                int[] a = keys.get(random.nextInt(keys.size()));
                int[] b = keys.get(random.nextInt(keys.size()));
                String ka = text.substring(a[0], a[1]);
                String kb = text.substring(b[0], b[1]);
                if (a[0] == b[0]) {
                    return text;
                }
                int[] first = a[0] < b[0] ? a : b;
                int[] second = a[0] < b[0] ? b : a;
                String fs = first == a ? kb : ka;
                String ss = first == a ? ka : kb;
                return text.substring(0, first[0])
                        + fs
                        + text.substring(first[1], second[0])
                        + ss
                        + text.substring(second[1]);
            }
            case KEY_RENAME -> {
                List<int[]> keys = matches(KEY, text, 2, base);
                if (keys.isEmpty()) {
                    return text;
                }
                int[] k = keys.get(random.nextInt(keys.size()));
                String key = text.substring(k[0], k[1]);
                String renamed = switch (random.nextInt(4)) {
                    case 0 -> key.toUpperCase(java.util.Locale.ROOT);
                    case 1 -> key.substring(0, Math.max(1, key.length() - 1));
                    case 2 -> key + key.charAt(key.length() - 1);
                    default -> " " + key;
                };
                return text.substring(0, k[0]) + renamed + text.substring(k[1]);
            }
            case NUMBER -> {
                List<int[]> numbers = matches(NUMBER, text, 0, base);
                if (numbers.isEmpty()) {
                    return text;
                }
                int[] n = numbers.get(random.nextInt(numbers.size()));
                return text.substring(0, n[0]) + NUMBERS[random.nextInt(NUMBERS.length)] + text.substring(n[1]);
            }
            case UNIT -> {
                List<int[]> units = matches(UNIT, text, 0, base);
                if (units.isEmpty()) {
                    return text;
                }
                int[] u = units.get(random.nextInt(units.size()));
                return text.substring(0, u[0]) + UNITS[random.nextInt(UNITS.length)] + text.substring(u[1]);
            }
            case LINE_DELETE -> {
                int from = random.nextInt(lines.size());
                int to = Math.min(lines.size(), from + 1 + random.nextInt(3));
                lines.subList(from, to).clear();
            }
            case LINE_DUPLICATE -> {
                int at = random.nextInt(lines.size());
                lines.add(at, lines.get(at));
            }
            case LINE_MOVE -> {
                String line = lines.remove(random.nextInt(lines.size()));
                lines.add(random.nextInt(lines.size() + 1), line);
            }
            case SPLICE_BLOCK -> {
                int from = random.nextInt(lines.size());
                int to = Math.min(lines.size(), from + 1 + random.nextInt(8));
                List<String> block = new ArrayList<>(lines.subList(from, to));
                lines.addAll(random.nextInt(lines.size() + 1), block);
            }
            case INDENT -> {
                int at = random.nextInt(lines.size());
                String line = lines.get(at);
                lines.set(at, random.nextBoolean() ? "  " + line : line.replaceFirst("^ {1,2}", ""));
            }
            case YAML_FRAGMENT -> {
                int at = random.nextInt(text.length() + 1);
                return text.substring(0, at)
                        + YAML_FRAGMENTS[random.nextInt(YAML_FRAGMENTS.length)]
                        + text.substring(at);
            }
            case TRUNCATE -> {
                return text.substring(0, random.nextInt(text.length()));
            }
        }
        return String.join("\n", lines);
    }

    /**
     * Returns the [start, end) of each match's {@code group}, from the cache when {@code base} (the text
     * itself, a base of {@link #mutate}) is not null. The lists are only read.
     */
    private List<int[]> matches(Pattern pattern, String text, int group, String base) {
        if (base == null) {
            return matches(pattern, text, group);
        }
        Map<Pattern, List<int[]>> byPattern = baseMatches.get(base);
        if (byPattern == null) {
            if (baseMatches.size() >= MAX_CACHED_BASES) {
                return matches(pattern, text, group);
            }
            byPattern = new HashMap<>();
            baseMatches.put(base, byPattern);
        }
        return byPattern.computeIfAbsent(pattern, p -> matches(p, text, group));
    }

    /** Returns the [start, end) of each match's {@code group}. */
    private static List<int[]> matches(Pattern pattern, String text, int group) {
        List<int[]> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(group), m.end(group)});
        }
        return out;
    }
}
