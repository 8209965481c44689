package dev.residency.inventory.duckdb;

import dev.residency.testing.TwoSiteFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test support for the fronts that plan an inventory (the CLI in {@code examples}, the Spark job): a
 * scenario file on a two-site fleet, {@code src} in Singapore and {@code dst} in the United States
 * (10 PB each, one 10 Gbps link), whose policy keeps US-homed data in the US, with the population
 * section the test gives. Public for those modules' tests (inventory-duckdb test-jar).
 */
public final class TwoSiteScenario {

    /** The fleet, policy and run sections, one replication from 2020-08-02 to 2020-09-15 ({@link TwoSiteFleet}). */
    public static final String FLEET = TwoSiteFleet.YAML;

    private TwoSiteScenario() {}

    /**
     * Writes {@code folder/NAME.yaml}: {@code name: NAME}, the {@link #FLEET} and {@code population}
     * (a YAML section, such as {@code "population:\n  inventory:\n    path: inv/*.parquet\n"}).
     *
     * @return the file written
     */
    public static Path write(Path folder, String name, String population) throws IOException {
        Path file = folder.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\n" + FLEET + population);
        return file;
    }

    /** Returns the population section of an inventory at {@code path} (relative to the scenario file). */
    public static String inventory(String path, boolean uniqueIds, int shards) {
        return "population:\n  inventory:\n    path: " + path + "\n" + (uniqueIds ? "    uniqueIds: true\n" : "")
                + (shards > 0 ? "    shards: " + shards + "\n" : "");
    }
}
