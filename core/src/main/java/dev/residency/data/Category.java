package dev.residency.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A kind of user data, with the properties that decide what a migration may do with it.
 *
 * @param name a short lower-case name such as "videos" or "logs"
 * @param movable whether a copy can be made elsewhere (false for data entangled with other systems,
 *     export-restricted, or without a migration path)
 * @param deletable whether the data may be destroyed; a category that is neither movable nor deletable
 *     is blocked wherever it violates a policy
 * @param exceptable whether a policy may treat it as excepted from residency, as Project Texas
 *     excepted public "global interoperability" data
 */
public record Category(String name, boolean movable, boolean deletable, boolean exceptable) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

    /** Account and profile data. */
    public static final Category PROFILE = new Category("profile", true, true, false);
    /** Private messages. */
    public static final Category MESSAGES = new Category("messages", true, true, false);
    /** Uploaded videos and their media. */
    public static final Category VIDEOS = new Category("videos", true, true, false);
    /** Behavioural data: views, likes, watch history. */
    public static final Category BEHAVIOURAL = new Category("behavioural", true, true, false);
    /** Derived data: features, embeddings, recommendation models built from other data. */
    public static final Category DERIVED = new Category("derived", false, true, false);
    /** System logs and diagnostics. */
    public static final Category LOGS = new Category("logs", true, true, false);
    /** Public content served worldwide, which a policy may except from residency. */
    public static final Category PUBLIC_CONTENT = new Category("public-content", true, true, true);

    /** The built-in categories, in a stable order. */
    public static final ImmutableList<Category> BUILT_IN =
            ImmutableList.of(PROFILE, MESSAGES, VIDEOS, BEHAVIOURAL, DERIVED, LOGS, PUBLIC_CONTENT);

    /**
     * Creates a category.
     *
     * @throws IllegalArgumentException if {@code name} is not lower-case letters, digits, '-' or '_'
     */
    public Category {
        checkNotNull(name, "name");
        checkArgument(
                NAME.matcher(name).matches(),
                "category name \"%s\" must be lower-case letters, digits, '-' or '_', starting with a letter",
                name);
    }

    /** Returns the built-in category called {@code name}, if any. */
    public static Optional<Category> builtIn(String name) {
        return BUILT_IN.stream().filter(c -> c.name.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return name;
    }
}
