package dev.residency.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of an inventory path: a glob matches what DuckDB would read (in its folder, or below with
 * {@code **}), and a change of size, time or set of files is described by name.
 */
final class InventoryFilesTest {

    @TempDir
    Path temp;

    @Test
    void of_glob_matchesFilesOfTheFolderInPathOrder() throws Exception {
        Files.writeString(temp.resolve("b.parquet"), "bb");
        Files.writeString(temp.resolve("a.parquet"), "a");
        Files.writeString(temp.resolve("a.csv"), "x");
        Files.createDirectories(temp.resolve("sub"));
        Files.writeString(temp.resolve("sub/c.parquet"), "ccc");
        InventoryFiles files = InventoryFiles.of(temp + "/*.parquet");
        assertThat(files.files())
                .extracting(InventoryFile::path, InventoryFile::bytes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                temp.resolve("a.parquet").toString(), 1L),
                        org.assertj.core.groups.Tuple.tuple(
                                temp.resolve("b.parquet").toString(), 2L));
        assertThat(InventoryFiles.of(temp + "/**.parquet").files()).hasSize(3);
        assertThat(InventoryFiles.of(temp.resolve("b.parquet").toString()).files())
                .singleElement()
                .extracting(InventoryFile::bytes)
                .isEqualTo(2L);
    }

    @Test
    void of_uriOrMissingFolder_noFiles() throws Exception {
        assertThat(InventoryFiles.of("s3://bucket/inv/*.parquet").files()).isEmpty();
        assertThat(InventoryFiles.of(temp + "/none/*.parquet").files()).isEmpty();
    }

    @Test
    void changesIn_eachKindOfChange_named() throws Exception {
        Path a = Files.writeString(temp.resolve("a.parquet"), "a");
        Path b = Files.writeString(temp.resolve("b.parquet"), "b");
        InventoryFiles before = InventoryFiles.of(temp + "/*.parquet");
        assertThat(before.changesIn(InventoryFiles.of(temp + "/*.parquet"))).isEmpty();

        Files.writeString(a, "aaaa");
        Files.setLastModifiedTime(
                b, FileTime.fromMillis(Files.getLastModifiedTime(b).toMillis() + 5_000));
        Path c = Files.writeString(temp.resolve("c.parquet"), "c");
        assertThat(before.changesIn(InventoryFiles.of(temp + "/*.parquet")))
                .contains(a + " changed (size 1 → 4 bytes); " + b + " changed (modified again, same size); " + c
                        + " is new");
        Files.delete(a);
        assertThat(before.changesIn(InventoryFiles.of(temp + "/*.parquet")).orElseThrow())
                .startsWith(a + " is gone");
    }
}
