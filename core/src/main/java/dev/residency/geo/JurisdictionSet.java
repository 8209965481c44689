package dev.residency.geo;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A named set of jurisdictions, such as the 2020 carve-out (US, CA, AU, NZ).
 *
 * @param name a short name such as "carve-out"
 * @param members the jurisdictions, never empty
 */
public record JurisdictionSet(String name, ImmutableSortedSet<Jurisdiction> members) {

    /** The four countries of Microsoft's 2020 proposal to buy TikTok's business. */
    public static final JurisdictionSet CARVE_OUT = of("carve-out", "US", "CA", "AU", "NZ");

    /** The EU member states and the EFTA states, the area of Microsoft's EU Data Boundary. */
    public static final JurisdictionSet EU_EFTA = of(
            "eu-efta", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
            "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH");

    /** The European Economic Area (EU plus Iceland, Liechtenstein and Norway), Project Clover's area. */
    public static final JurisdictionSet EEA = of(
            "eea", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
            "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO");

    private static final ImmutableMap<String, JurisdictionSet> NAMED =
            ImmutableMap.of(CARVE_OUT.name, CARVE_OUT, EU_EFTA.name, EU_EFTA, EEA.name, EEA);

    /**
     * Creates a set.
     *
     * @throws IllegalArgumentException if {@code name} is blank or {@code members} is empty
     */
    public JurisdictionSet {
        checkNotNull(name, "name");
        checkArgument(!name.isBlank(), "jurisdiction set name must not be blank");
        members = ImmutableSortedSet.copyOf(members);
        checkArgument(!members.isEmpty(), "jurisdiction set \"%s\" must not be empty", name);
    }

    /** Returns a set named {@code name} of the given ISO codes. */
    public static JurisdictionSet of(String name, String... codes) {
        return new JurisdictionSet(
                name,
                Arrays.stream(codes)
                        .map(Jurisdiction::of)
                        .collect(ImmutableSortedSet.toImmutableSortedSet(java.util.Comparator.naturalOrder())));
    }

    /** Returns a set named {@code name} of {@code members}. */
    public static JurisdictionSet of(String name, Collection<Jurisdiction> members) {
        return new JurisdictionSet(name, ImmutableSortedSet.copyOf(members));
    }

    /** Returns the built-in set called {@code name} ("carve-out", "eu-efta", "eea"), ignoring case. */
    public static Optional<JurisdictionSet> named(String name) {
        checkNotNull(name, "name");
        return Optional.ofNullable(NAMED.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Returns the names of the built-in sets. */
    public static ImmutableSortedSet<String> builtInNames() {
        return ImmutableSortedSet.copyOf(NAMED.keySet());
    }

    /** Returns whether {@code jurisdiction} belongs to this set. */
    public boolean contains(Jurisdiction jurisdiction) {
        return members.contains(jurisdiction);
    }

    @Override
    public String toString() {
        return name + members.stream().map(Jurisdiction::code).collect(Collectors.joining(",", "{", "}"));
    }
}
