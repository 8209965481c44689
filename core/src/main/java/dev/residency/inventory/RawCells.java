package dev.residency.inventory;

import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.Category;
import dev.residency.geo.Jurisdiction;
import dev.residency.topology.Topology;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;

/** Checks and normalises the group cells of an inventory row, with messages naming column and value. */
final class RawCells {

    private RawCells() {}

    static GroupKey key(
            Topology topology,
            Map<String, Category> categories,
            InventoryColumns columns,
            String home,
            String category,
            String sites,
            Boolean legalHold)
            throws InventoryException {
        Jurisdiction j;
        if (home == null || home.isBlank()) {
            throw error(InventoryColumns.HOME, columns.home(), "is empty: every object needs a home jurisdiction");
        }
        try {
            j = Jurisdiction.of(home.strip());
        } catch (IllegalArgumentException e) {
            throw error(
                    InventoryColumns.HOME,
                    columns.home(),
                    "\"" + home + "\" is not a jurisdiction code (" + e.getMessage() + ")");
        }
        if (category == null || category.isBlank()) {
            throw error(InventoryColumns.CATEGORY, columns.category(), "is empty: every object needs a category");
        }
        Category c = categories.get(category.strip());
        if (c == null) {
            throw error(
                    InventoryColumns.CATEGORY,
                    columns.category(),
                    "\"" + category + "\" is not a category of the scenario (known: "
                            + String.join(", ", new TreeSet<>(categories.keySet())) + ")");
        }
        if (sites == null || sites.isBlank()) {
            throw error(InventoryColumns.SITES, columns.sites(), "is empty: every object has at least one copy");
        }
        TreeSet<Integer> indices = new TreeSet<>();
        for (String part : sites.split("[;|]", -1)) {
            String id = part.strip();
            OptionalInt index = topology.indexOf(id);
            if (index.isEmpty()) {
                throw error(
                        InventoryColumns.SITES,
                        columns.sites(),
                        "\"" + sites + "\" names unknown data center \"" + id + "\"");
            }
            indices.add(index.getAsInt());
        }
        return new GroupKey(j, c, ImmutableIntArray.copyOf(indices), legalHold != null && legalHold);
    }

    private static InventoryException error(String attribute, String column, String message) {
        return new InventoryException(
                InventoryScan.FIELD + ".columns." + attribute, "column \"" + column + "\": " + message);
    }
}
