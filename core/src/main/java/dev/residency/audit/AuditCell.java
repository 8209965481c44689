package dev.residency.audit;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.residency.geo.Jurisdiction;

/**
 * One cell of the audit cube: violating copies of one home jurisdiction's records of one category
 * at one data center that the governing rule does not allow.
 *
 * @param home the records' home jurisdiction
 * @param category the category name
 * @param dataCenter the id of the data center holding the violating copies
 * @param copies the number of violating copies (one per record) and their bytes
 */
public record AuditCell(Jurisdiction home, String category, String dataCenter, Tally copies) {

    /** Creates a cell. */
    public AuditCell {
        checkNotNull(home, "home");
        checkNotNull(category, "category");
        checkNotNull(dataCenter, "dataCenter");
        checkNotNull(copies, "copies");
    }
}
