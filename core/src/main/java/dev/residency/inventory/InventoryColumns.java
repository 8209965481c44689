package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of an inventory holds which attribute of an object.
 *
 * @param id the object id, a whole number (unique per object)
 * @param home the owner's home jurisdiction, an ISO 3166-1 alpha-2 code
 * @param category the data category's name
 * @param sites the ids of the data centers holding a copy, separated by ';' or '|'
 * @param bytes the object's size in bytes, a whole number, not negative
 * @param legalHold whether the object is under legal hold (a boolean column); empty when the
 *     inventory has no such column and no object is held
 */
public record InventoryColumns(
        String id, String home, String category, String sites, String bytes, Optional<String> legalHold) {

    /** The attribute names, as used in a scenario's {@code columns} mapping. */
    public static final String ID = "id";
    /** The home attribute's name. */
    public static final String HOME = "home";
    /** The category attribute's name. */
    public static final String CATEGORY = "category";
    /** The sites attribute's name. */
    public static final String SITES = "sites";
    /** The bytes attribute's name. */
    public static final String BYTES = "bytes";
    /** The legal-hold attribute's name. */
    public static final String LEGAL_HOLD = "legalHold";

    /** The columns of an inventory written by the generator: object_id, home, category, sites, bytes, legal_hold. */
    public static final InventoryColumns DEFAULT =
            new InventoryColumns("object_id", "home", "category", "sites", "bytes", Optional.of("legal_hold"));

    /**
     * Creates a mapping.
     *
     * @throws IllegalArgumentException if a column name is blank or contains a double quote
     */
    public InventoryColumns {
        for (String c : new String[] {id, home, category, sites, bytes}) {
            checkColumn(c);
        }
        checkNotNull(legalHold, "legalHold");
        legalHold.ifPresent(InventoryColumns::checkColumn);
    }

    private static void checkColumn(String name) {
        checkNotNull(name, "column");
        checkArgument(!name.isBlank(), "a column name must not be blank: \"%s\"", name);
        checkArgument(!name.contains("\""), "a column name must not contain '\"': %s", name);
    }

    /** Returns attribute name to column name, in the order id, home, category, sites, bytes, legalHold. */
    public ImmutableMap<String, String> byAttribute() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ID, id);
        m.put(HOME, home);
        m.put(CATEGORY, category);
        m.put(SITES, sites);
        m.put(BYTES, bytes);
        legalHold.ifPresent(c -> m.put(LEGAL_HOLD, c));
        return ImmutableMap.copyOf(m);
    }
}
