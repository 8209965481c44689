package dev.residency.sim.study;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.Overrides;
import dev.residency.sim.scenario.internal.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One varied input of a study: a scenario path and the values it takes, in order. Written {@code
 * PATH=LOW..HIGH:POINTS} (a range cut into {@code POINTS} evenly spaced values, ends included, in the
 * ends' unit: {@code run.backups.retention=14d..180d:10}) or {@code PATH=A,B,C} (a list of YAML flow
 * values: {@code run.backups.cryptoShred=true,false}).
 *
 * @param path the scenario path, as {@code --set} takes it
 * @param values the YAML text of each value, at least one, no duplicates
 * @param range whether the values are a range's evenly spaced points (so a bisection may use them)
 */
public record Axis(String path, ImmutableList<String> values, boolean range) {

    /** The most points one axis may have. */
    public static final int MAX_POINTS = 1_000;

    /** Points of a {@code --find} range written without {@code :POINTS}. */
    public static final int DEFAULT_FIND_POINTS = 33;

    /**
     * Creates an axis.
     *
     * @throws IllegalArgumentException if the path is blank, or there are no values or duplicates
     */
    public Axis {
        checkNotNull(path, "path");
        values = ImmutableList.copyOf(values);
        checkArgument(!path.isBlank(), "axis path must not be blank");
        checkArgument(!values.isEmpty(), "axis %s has no values", path);
        checkArgument(Set.copyOf(values).size() == values.size(), "axis %s repeats a value: %s", path, values);
    }

    /**
     * Parses the axes of a sweep (the {@code --vary} texts, {@code find} false) or the one range of a
     * bisection (the {@code --find} text), as {@code residency sweep} takes them, finding every problem
     * before reporting: a text {@link #parse} refuses (a {@code --find} range without {@code :POINTS}
     * gets {@value #DEFAULT_FIND_POINTS} points), a {@code --find} that is not a range, a path varied
     * twice, a grid of more than {@value #MAX_POINTS} points.
     *
     * @throws IllegalArgumentException with one line per problem, each starting with the flag
     */
    public static ImmutableList<Axis> parseFlags(List<String> texts, boolean find) {
        checkNotNull(texts, "texts");
        List<Axis> axes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String flag = find ? "--find" : "--vary";
        for (String text : texts) {
            try {
                Axis axis = parse(text, find ? OptionalInt.of(DEFAULT_FIND_POINTS) : OptionalInt.empty());
                if (find && !axis.range()) {
                    problems.add(flag + ": \"" + text + "\" must be a range PATH=LOW..HIGH[:POINTS]");
                } else if (axes.stream().anyMatch(a -> a.path().equals(axis.path()))) {
                    problems.add(flag + ": " + axis.path() + " is varied twice");
                } else {
                    axes.add(axis);
                }
            } catch (IllegalArgumentException e) {
                problems.add(flag + ": " + e.getMessage());
            }
        }
        long size = 1;
        for (Axis axis : axes) {
            size *= axis.values().size();
        }
        if (size > MAX_POINTS) {
            problems.add(flag + ": the grid has " + size + " points, more than " + MAX_POINTS);
        }
        checkArgument(problems.isEmpty(), "%s", String.join("\n", problems));
        return ImmutableList.copyOf(axes);
    }

    /**
     * Parses {@code PATH=LOW..HIGH:POINTS} or {@code PATH=A,B,C}.
     *
     * @param defaultPoints the number of points of a range written without {@code :POINTS}, if allowed
     * @throws IllegalArgumentException naming the text: no {@code =}, a blank path, an empty list or
     *     value, ends of different kinds or with a value that is no quantity, LOW not below HIGH, fewer
     *     than 2 or more than {@value #MAX_POINTS} points, or a range too narrow for its points
     */
    public static Axis parse(String text, OptionalInt defaultPoints) {
        checkNotNull(text, "text");
        int eq = text.indexOf('=');
        checkArgument(
                eq > 0 && !text.substring(0, eq).isBlank(), "\"%s\" is not PATH=LOW..HIGH:POINTS or PATH=A,B,C", text);
        String path = text.substring(0, eq).strip();
        String spec = text.substring(eq + 1).strip();
        checkArgument(!spec.isEmpty(), "\"%s\" has no values after '=' (an empty range)", text);
        if (spec.contains("..")) {
            return range(text, path, spec, defaultPoints);
        }
        List<String> values = splitTopLevel(spec);
        for (String v : values) {
            checkArgument(!v.isBlank(), "\"%s\" has an empty value in its list", text);
        }
        checkArgument(Set.copyOf(values).size() == values.size(), "\"%s\" lists a value twice", text);
        return new Axis(path, ImmutableList.copyOf(values), false);
    }

    private static Axis range(String text, String path, String spec, OptionalInt defaultPoints) {
        int dots = spec.indexOf("..");
        String low = spec.substring(0, dots).strip();
        String rest = spec.substring(dots + 2).strip();
        int colon = rest.lastIndexOf(':');
        String high = colon < 0 ? rest : rest.substring(0, colon).strip();
        int points;
        if (colon < 0) {
            checkArgument(
                    defaultPoints.isPresent(),
                    "\"%s\" gives no number of points: write LOW..HIGH:POINTS, such as 14d..180d:10",
                    text);
            points = defaultPoints.getAsInt();
        } else {
            String p = rest.substring(colon + 1).strip();
            try {
                points = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "\"%s\": POINTS \"%s\" is not a whole number", text, p));
            }
        }
        checkArgument(!low.isEmpty() && !high.isEmpty(), "\"%s\" needs both LOW and HIGH in LOW..HIGH", text);
        Quantity lo;
        Quantity hi;
        try {
            lo = Quantity.parse(low);
            hi = Quantity.parse(high);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + text + "\": " + e.getMessage(), e);
        }
        checkArgument(
                lo.kind() == hi.kind(),
                "\"%s\": LOW \"%s\" is %s but HIGH \"%s\" is %s (both ends need one unit kind)",
                text,
                low,
                lo.kind().description(),
                high,
                hi.kind().description());
        checkArgument(
                lo.value() < hi.value(),
                "\"%s\": LOW \"%s\" must be below HIGH \"%s\"%s",
                text,
                low,
                high,
                lo.value() == hi.value() ? " (an empty range)" : "");
        checkArgument(
                points >= 2 && points <= MAX_POINTS,
                "\"%s\": POINTS %s must be between 2 and %s",
                text,
                points,
                MAX_POINTS);
        boolean integer = lo.integer() && hi.integer();
        Quantity kind = new Quantity(lo.kind(), lo.value(), integer);
        Set<String> values = new LinkedHashSet<>();
        for (int k = 0; k < points; k++) {
            double v = k == points - 1 ? hi.value() : lo.value() + (hi.value() - lo.value()) * k / (points - 1);
            values.add(k == 0 ? low : k == points - 1 ? high : kind.format(v));
        }
        checkArgument(
                values.size() == points,
                "\"%s\": %s points do not fit between %s and %s in its unit (fewer distinct values)",
                text,
                points,
                low,
                high);
        return new Axis(path, ImmutableList.copyOf(values), true);
    }

    /** Splits {@code a,b,[c,d]} at the commas outside brackets, braces and quotes. */
    private static List<String> splitTopLevel(String spec) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder current = new StringBuilder();
        for (char c : spec.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(current.toString().strip());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        out.add(current.toString().strip());
        return out;
    }

    /** Returns the setting of value {@code i}. */
    public Overrides.Setting setting(int i) {
        return new Overrides.Setting(path, values.get(i));
    }

    /** Returns the kind of input this axis varies. */
    public InputKind kind() {
        return InputKind.of(path);
    }

    /**
     * Returns value {@code i} as a number for a chart's axis, in days for durations and dates (days
     * since 1970), terabytes for data sizes, gigabits per second for rates; empty if not a quantity.
     */
    public Optional<Double> plotValue(int i) {
        try {
            Quantity q = Quantity.parse(values.get(i));
            return Optional.of(
                    switch (q.kind()) {
                        case NUMBER -> q.value();
                        case DURATION, DATE -> q.value() / 86_400;
                        case DATA_SIZE -> q.value() / 1e12;
                        case RATE -> q.value() * 8 / 1e9;
                    });
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Returns the unit of {@link #plotValue}, such as {@code days}, or {@code ""} for plain numbers. */
    public String plotUnit() {
        try {
            return switch (Quantity.parse(values.get(0)).kind()) {
                case NUMBER -> "";
                case DURATION -> "days";
                case DATE -> "days since 1970-01-01";
                case DATA_SIZE -> "TB";
                case RATE -> "Gbps";
            };
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Returns the axis as it is written, {@code path=a,b,c}. */
    @Override
    public String toString() {
        return path + "=" + String.join(",", values);
    }
}
