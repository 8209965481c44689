package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * An inventory that cannot be read as its scenario says: a missing or mistyped column, a value out of
 * range, an unknown site, category or jurisdiction, a duplicate object id, a file that is not in the
 * declared format. The message names the field path (such as {@code
 * population.inventory.columns.bytes}), the column, the value and, where the engine can tell, the file
 * and row. Thrown before any planning or writing.
 */
public final class InventoryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** Creates an error about {@code field} (a scenario field path) with {@code message}. */
    public InventoryException(String field, String message) {
        super(checkNotNull(field, "field") + ": " + checkNotNull(message, "message"));
        this.field = field;
    }

    /** Creates an error about {@code field} with {@code message} caused by {@code cause}. */
    public InventoryException(String field, String message, Throwable cause) {
        super(checkNotNull(field, "field") + ": " + checkNotNull(message, "message"), cause);
        this.field = field;
    }

    /** Returns the scenario field path the error is about. */
    public String field() {
        return field;
    }
}
