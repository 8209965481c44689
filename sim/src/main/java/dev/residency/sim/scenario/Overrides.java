package dev.residency.sim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Changes to a scenario file made from outside it, such as {@code run.backups.retention=30d}: each
 * value is put at its path in the file's tree before the file is validated, so an override is checked
 * exactly like the file (an unknown key, a wrong unit or a value that makes the scenario invalid is
 * reported with its path, together with the file's own errors). Later settings of one path win.
 *
 * <p>Paths are the validator's: mapping keys joined by {@code .}, list indices in brackets ({@code
 * sites[2].storage}, {@code policy.rules[0].allowed.operators}). A value is YAML flow text: a scalar
 * ({@code 30d}, {@code "50 PB"}, {@code true}), a flow sequence ({@code []}, {@code [US, CA]}) or a
 * flow mapping.
 *
 * @param settings the changes, in the order given
 */
public record Overrides(ImmutableList<Overrides.Setting> settings) {

    /** No changes. */
    public static final Overrides NONE = new Overrides(ImmutableList.of());

    /**
     * One change: the YAML text {@code value} put at {@code path}.
     *
     * @param path where the value goes, not blank, without surrounding spaces
     * @param value the YAML flow text of the new value, not blank
     */
    public record Setting(String path, String value) {

        /**
         * Creates a setting; surrounding spaces of the path and value are dropped.
         *
         * @throws IllegalArgumentException if the path or the value is blank
         */
        public Setting {
            checkNotNull(path, "path");
            checkNotNull(value, "value");
            path = path.strip();
            value = value.strip();
            checkArgument(!path.isEmpty(), "override path must not be blank (value \"%s\")", value);
            checkArgument(!value.isEmpty(), "override \"%s\" has no value (write PATH=VALUE)", path);
        }

        /**
         * Parses {@code PATH=VALUE}, splitting at the first {@code =}.
         *
         * @throws IllegalArgumentException if there is no {@code =}, or the path or the value is
         *     blank; the message quotes the text
         */
        public static Setting parse(String text) {
            checkNotNull(text, "text");
            int eq = text.indexOf('=');
            checkArgument(eq >= 0, "\"%s\" is not PATH=VALUE (for example run.backups.retention=30d)", text);
            checkArgument(
                    !text.substring(0, eq).isBlank(),
                    "\"%s\" has no path before '=' (for example run.backups.retention=30d)",
                    text);
            checkArgument(!text.substring(eq + 1).isBlank(), "\"%s\" has no value after '='", text);
            return new Setting(text.substring(0, eq), text.substring(eq + 1));
        }

        /** Returns {@code path=value}, the form it is given in. */
        @Override
        public String toString() {
            return path + "=" + value;
        }
    }

    /** Creates overrides; the list is copied. */
    public Overrides {
        settings = ImmutableList.copyOf(settings);
    }

    /** Returns overrides holding {@code settings}. */
    public static Overrides of(List<Setting> settings) {
        return new Overrides(ImmutableList.copyOf(settings));
    }

    /**
     * Parses each {@code PATH=VALUE} text.
     *
     * @throws IllegalArgumentException naming every text that is not {@code PATH=VALUE}, one per line
     */
    public static Overrides parse(List<String> texts) {
        checkNotNull(texts, "texts");
        ImmutableList.Builder<Setting> out = ImmutableList.builder();
        StringBuilder problems = new StringBuilder();
        for (String text : texts) {
            try {
                out.add(Setting.parse(text));
            } catch (IllegalArgumentException e) {
                problems.append(problems.length() == 0 ? "" : "\n").append(e.getMessage());
            }
        }
        checkArgument(problems.length() == 0, "%s", problems);
        return new Overrides(out.build());
    }

    /** Returns these settings followed by {@code more} (which win where paths repeat). */
    public Overrides plus(Overrides more) {
        checkNotNull(more, "more");
        return new Overrides(
                Stream.concat(settings.stream(), more.settings.stream()).collect(ImmutableList.toImmutableList()));
    }

    /** Returns these settings followed by {@code setting}. */
    public Overrides plus(Setting setting) {
        checkNotNull(setting, "setting");
        return new Overrides(
                ImmutableList.<Setting>builder().addAll(settings).add(setting).build());
    }

    /** Returns whether there are no settings. */
    public boolean isEmpty() {
        return settings.isEmpty();
    }

    /** Returns the settings as {@code path=value} separated by spaces, or {@code "none"}. */
    @Override
    public String toString() {
        return settings.isEmpty()
                ? "none"
                : settings.stream().map(Setting::toString).collect(Collectors.joining(" "));
    }
}
