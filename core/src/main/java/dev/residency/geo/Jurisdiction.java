package dev.residency.geo;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.util.Locale;
import java.util.Set;

/**
 * A country whose law a residency commitment refers to, named by its ISO 3166-1 alpha-2 code
 * ("US", "SG", "IN"). Only officially assigned codes are accepted, in upper case.
 *
 * @param code the two-letter upper-case code
 */
public record Jurisdiction(String code) implements java.io.Serializable, Comparable<Jurisdiction> {

    private static final Set<String> ISO_CODES = ImmutableSet.copyOf(Locale.getISOCountries());

    /** The United States. */
    public static final Jurisdiction US = new Jurisdiction("US");
    /** Canada. */
    public static final Jurisdiction CA = new Jurisdiction("CA");
    /** Australia. */
    public static final Jurisdiction AU = new Jurisdiction("AU");
    /** New Zealand. */
    public static final Jurisdiction NZ = new Jurisdiction("NZ");
    /** Singapore. */
    public static final Jurisdiction SG = new Jurisdiction("SG");
    /** India. */
    public static final Jurisdiction IN = new Jurisdiction("IN");
    /** Ireland. */
    public static final Jurisdiction IE = new Jurisdiction("IE");
    /** Norway. */
    public static final Jurisdiction NO = new Jurisdiction("NO");
    /** China. */
    public static final Jurisdiction CN = new Jurisdiction("CN");

    /**
     * Creates a jurisdiction.
     *
     * @throws IllegalArgumentException if {@code code} is not an assigned ISO 3166-1 alpha-2 code in
     *     upper case
     */
    public Jurisdiction {
        checkNotNull(code, "code");
        checkArgument(
                ISO_CODES.contains(code),
                "jurisdiction \"%s\" is not an ISO 3166-1 alpha-2 country code (such as US, SG, IN)",
                code);
    }

    /**
     * Returns the jurisdiction for {@code code}, accepting lower case and surrounding blanks.
     *
     * @throws IllegalArgumentException if the code is not an assigned ISO 3166-1 alpha-2 code
     */
    public static Jurisdiction of(String code) {
        checkNotNull(code, "code");
        String normal = code.strip().toUpperCase(Locale.ROOT);
        checkArgument(
                ISO_CODES.contains(normal),
                "jurisdiction \"%s\" is not an ISO 3166-1 alpha-2 country code (such as US, SG, IN)",
                code);
        return new Jurisdiction(normal);
    }

    /** Returns the country's English name, e.g. "United States". */
    public String displayName() {
        return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }

    @Override
    public int compareTo(Jurisdiction other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
