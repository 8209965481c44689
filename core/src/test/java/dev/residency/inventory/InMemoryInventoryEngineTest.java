package dev.residency.inventory;

import static dev.residency.inventory.HandPlans.SG;
import static dev.residency.inventory.HandPlans.VA;
import static dev.residency.inventory.HandPlans.deletion;
import static dev.residency.inventory.HandPlans.legalHold;
import static dev.residency.inventory.HandPlans.plan;
import static dev.residency.inventory.HandPlans.sgToVa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import com.google.common.primitives.ImmutableIntArray;
import dev.residency.data.Category;
import dev.residency.data.RecordStore;
import dev.residency.geo.Jurisdiction;
import dev.residency.plan.DeletionReason;
import dev.residency.plan.PlanFixtures;
import dev.residency.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference engine on five objects worked by hand: its scan (groups split by the shard formula,
 * summed, in canonical order) and its manifests (one row per object in the folder of its fate's first batch,
 * with the fate table), and its refusals.
 *
 * <p>With 2 shards, object {@code i < 44488} falls in shard {@code i mod 2}: {@code i · 48271} stays
 * below P = 2^31 - 1, and 48271 is odd.
 */
final class InMemoryInventoryEngineTest {

    private static final Topology TOPOLOGY = InventoryFixtures.TOPOLOGY;
    private static final InventorySource SOURCE =
            new InventorySource("unused.csv", InventoryFormat.CSV, InventoryColumns.DEFAULT, 2, false);

    /**
     * Objects 0, 1, 2, 4: US profile on sg, 10, 20, 30 and 50 bytes; object 3: SG videos on va and sg
     * under legal hold, 40 bytes.
     */
    private static RecordStore fiveObjects() {
        return RecordStore.builder(TOPOLOGY, 5)
                .add(0, Jurisdiction.US, Category.PROFILE, 10, false, SG)
                .add(0, Jurisdiction.US, Category.PROFILE, 20, false, SG)
                .add(1, Jurisdiction.US, Category.PROFILE, 30, false, SG)
                .add(2, Jurisdiction.SG, Category.VIDEOS, 40, true, SG, VA)
                .add(3, Jurisdiction.US, Category.PROFILE, 50, false, SG)
                .build();
    }

    private static final GroupKey US_PROFILE =
            new GroupKey(Jurisdiction.US, Category.PROFILE, ImmutableIntArray.of(SG), false);
    private static final GroupKey SG_VIDEOS =
            new GroupKey(Jurisdiction.SG, Category.VIDEOS, ImmutableIntArray.of(VA, SG), true);

    @Test
    void scan_fiveObjects_unitsByGroupAndShard() throws InventoryException {
        List<String> progress = new ArrayList<>();
        InventoryScan scan = new InMemoryInventoryEngine(fiveObjects())
                .scan(SOURCE, TOPOLOGY, InventoryFixtures.CATEGORIES, (stage, f) -> progress.add(stage + " " + f));
        // SG before US; US profile: shard 0 holds objects 0, 2, 4 (10 + 30 + 50), shard 1 object 1.
        assertThat(scan.units())
                .containsExactly(
                        new InventoryUnit(SG_VIDEOS, 1, 1, 40),
                        new InventoryUnit(US_PROFILE, 0, 3, 90),
                        new InventoryUnit(US_PROFILE, 1, 1, 20));
        assertThat(scan.rowsRead()).isEqualTo(5);
        assertThat(scan.shards()).isEqualTo(2);
        assertThat(scan.bytes()).isEqualTo(150);
        assertThat(progress).containsExactly("scanning 1.0");
    }

    @Test
    void scan_oneShard_oneUnitPerGroup() throws InventoryException {
        InventoryScan scan = new InMemoryInventoryEngine(fiveObjects())
                .scan(
                        new InventorySource("x", InventoryFormat.CSV, InventoryColumns.DEFAULT, 1, false),
                        TOPOLOGY,
                        InventoryFixtures.CATEGORIES,
                        ScanProgress.NONE);
        assertThat(scan.units())
                .containsExactly(new InventoryUnit(SG_VIDEOS, 0, 1, 40), new InventoryUnit(US_PROFILE, 0, 4, 110));
    }

    @Test
    void scan_otherTopologyOrUnknownCategory_refused() {
        InMemoryInventoryEngine engine = new InMemoryInventoryEngine(fiveObjects());
        Topology other =
                Topology.builder().site(PlanFixtures.site("va", "US", 1L << 50)).build();
        assertThatThrownBy(() -> engine.scan(SOURCE, other, InventoryFixtures.CATEGORIES, ScanProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the inventory store is on another topology");
        assertThatThrownBy(() ->
                        engine.scan(SOURCE, TOPOLOGY, ImmutableMap.of("profile", Category.PROFILE), ScanProgress.NONE))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("population.inventory.columns.category")
                .hasMessageContaining("\"videos\" is not a category of the scenario (known: profile)");
        assertThat(engine.name()).isEqualTo("memory");
    }

    /**
     * Units: 0 = SG videos (object 3), 1 = US profile shard 0 (objects 0, 2, 4), 2 = US profile shard 1
     * (object 1). Batch 0 copies units 1 and 2 from sg to va, their sg copies go after it, unit 0 is
     * held. Fates: 0 = blocked (batch -1, "blocked" before any batch), 1 = copy in batch 0 then delete at sg.
     */
    @Test
    void writeManifests_oneRowPerObject_inItsFatesBatch(@TempDir Path tmp) throws InventoryException, IOException {
        InMemoryInventoryEngine engine = new InMemoryInventoryEngine(fiveObjects());
        InventoryScan scan = engine.scan(SOURCE, TOPOLOGY, InventoryFixtures.CATEGORIES, ScanProgress.NONE);
        UnitActions actions = UnitActions.of(
                plan(
                        List.of(sgToVa(0, 1, 2)),
                        List.of(deletion(SG, DeletionReason.AFTER_MOVE, 0, 1, 2)),
                        List.of(legalHold(0))),
                scan);
        Path out = tmp.resolve("manifests");
        List<String> progress = new ArrayList<>();
        ManifestSummary summary = engine.writeManifests(
                SOURCE, scan, actions, out, InventoryFormat.CSV, (stage, f) -> progress.add(stage + " " + f));

        // One row per object, in the folder of its fate's first batch: object 3 (unit 0, held) in
        // batch=-1 with fate 0; objects 0, 2, 4 (unit 1) and 1 (unit 2) in batch=0 with fate 1.
        assertThat(summary).isEqualTo(new ManifestSummary(out, InventoryFormat.CSV, 5, 2));
        assertThat(lines(out.resolve("batch=-1/data_0.csv"))).containsExactly("object_id,bytes,fate", "3,40,0");
        assertThat(lines(out.resolve("batch=0/data_0.csv")))
                .containsExactly("object_id,bytes,fate", "0,10,1", "1,20,1", "2,30,1", "4,50,1");
        assertThat(lines(out.resolve("fates.csv")))
                .containsExactly(
                        "fate,step,action,batch,source,site,reason",
                        "0,0,blocked,-1,,,LEGAL_HOLD",
                        "1,0,copy,0,sg,va,",
                        "1,1,delete,0,,sg,AFTER_MOVE");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("fates.csv", "batch=-1", "batch=0");
        }
        assertThat(progress).containsExactly("writing manifests 1.0");
    }

    @Test
    void writeManifests_noFates_onlyTheTable(@TempDir Path tmp) throws InventoryException, IOException {
        InMemoryInventoryEngine engine = new InMemoryInventoryEngine(fiveObjects());
        InventoryScan scan = engine.scan(SOURCE, TOPOLOGY, InventoryFixtures.CATEGORIES, ScanProgress.NONE);
        UnitActions none = UnitActions.of(plan(List.of(), List.of(), List.of()), scan);
        ManifestSummary summary =
                engine.writeManifests(SOURCE, scan, none, tmp, InventoryFormat.CSV, ScanProgress.NONE);
        assertThat(summary.rows()).isZero();
        assertThat(summary.partitions()).isZero();
        assertThat(lines(tmp.resolve("fates.csv"))).containsExactly("fate,step,action,batch,source,site,reason");
    }

    @Test
    void writeManifests_parquetOrNonEmptyFolder_refusedBeforeWriting(@TempDir Path tmp)
            throws InventoryException, IOException {
        InMemoryInventoryEngine engine = new InMemoryInventoryEngine(fiveObjects());
        InventoryScan scan = engine.scan(SOURCE, TOPOLOGY, InventoryFixtures.CATEGORIES, ScanProgress.NONE);
        UnitActions none = UnitActions.of(plan(List.of(), List.of(), List.of()), scan);
        Path out = tmp.resolve("p");
        assertThatThrownBy(() ->
                        engine.writeManifests(SOURCE, scan, none, out, InventoryFormat.PARQUET, ScanProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the in-memory engine writes csv manifests only, not PARQUET");
        assertThat(out).doesNotExist();
        Files.writeString(tmp.resolve("old.txt"), "x");
        assertThatThrownBy(() -> engine.writeManifests(SOURCE, scan, none, tmp, InventoryFormat.CSV, ScanProgress.NONE))
                .isInstanceOf(IOException.class)
                .hasMessageEndingWith(" is not empty");
        assertThat(tmp.resolve("fates.csv")).doesNotExist();
    }

    @Test
    void writeManifests_objectOfNoUnit_refusedAsChangedInventory(@TempDir Path tmp) throws InventoryException {
        // The scan is of the five objects; the store has grown a sixth, object 5, US profile on va: a
        // group the scan never saw, so no unit.
        RecordStore grown = RecordStore.builder(TOPOLOGY, 6)
                .add(0, Jurisdiction.US, Category.PROFILE, 10, false, SG)
                .add(0, Jurisdiction.US, Category.PROFILE, 20, false, SG)
                .add(1, Jurisdiction.US, Category.PROFILE, 30, false, SG)
                .add(2, Jurisdiction.SG, Category.VIDEOS, 40, true, SG, VA)
                .add(3, Jurisdiction.US, Category.PROFILE, 50, false, SG)
                .add(4, Jurisdiction.US, Category.PROFILE, 60, false, VA)
                .build();
        InventoryScan scan = new InMemoryInventoryEngine(fiveObjects())
                .scan(SOURCE, TOPOLOGY, InventoryFixtures.CATEGORIES, ScanProgress.NONE);
        UnitActions none = UnitActions.of(plan(List.of(), List.of(), List.of()), scan);
        assertThatThrownBy(() -> new InMemoryInventoryEngine(grown)
                        .writeManifests(SOURCE, scan, none, tmp, InventoryFormat.CSV, ScanProgress.NONE))
                .isInstanceOf(InventoryException.class)
                .hasMessage("population.inventory: object 5 belongs to no unit of the scan: the inventory changed");
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
