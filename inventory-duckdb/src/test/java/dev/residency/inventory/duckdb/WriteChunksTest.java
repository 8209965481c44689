package dev.residency.inventory.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.residency.inventory.InventoryFile;
import dev.residency.inventory.InventoryFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the manifest write splits an inventory's files into chunks: consecutive files, each chunk within
 * the bytes that hold the rows one write may copy, at least one file each, and one chunk of everything
 * when the rows fit one write.
 */
final class WriteChunksTest {

    private static InventoryFiles files(long... bytes) {
        ImmutableList.Builder<InventoryFile> b = ImmutableList.builder();
        for (int i = 0; i < bytes.length; i++) {
            b.add(new InventoryFile("/inv/f" + i, bytes[i], 0));
        }
        return new InventoryFiles(b.build());
    }

    @Test
    void of_rowsFitOneWrite_oneChunkOfEveryFile() {
        assertThat(WriteChunks.of(files(10, 10, 10), 300, 300))
                .isEqualTo(List.of(List.of("/inv/f0", "/inv/f1", "/inv/f2")));
    }

    @Test
    void of_oneFile_oneChunkWhateverTheRows() {
        assertThat(WriteChunks.of(files(10), 1_000, 1)).isEqualTo(List.of(List.of("/inv/f0")));
        assertThat(WriteChunks.of(files(), 1_000, 1)).isEqualTo(List.of(List.of()));
    }

    @Test
    void of_twentyFilesOfEqualSize_chunksOfTheRowsPerWrite() {
        // 20 files of 100 bytes, 1,000 rows: 50 rows per file. 100 rows per write = 200 bytes: two files each.
        long[] sizes = new long[20];
        java.util.Arrays.fill(sizes, 100);
        List<? extends List<String>> chunks = WriteChunks.of(files(sizes), 1_000, 100);
        assertThat(chunks).hasSize(10);
        assertThat(chunks.get(0)).containsExactly("/inv/f0", "/inv/f1");
        assertThat(chunks.get(9)).containsExactly("/inv/f18", "/inv/f19");
    }

    @Test
    void of_fileLargerThanAChunk_aChunkOfItsOwn() {
        // 400 bytes, 400 rows: 1 byte per row, 100 rows per write = 100 bytes per chunk.
        assertThat(WriteChunks.of(files(30, 250, 60, 60), 400, 100))
                .isEqualTo(List.of(List.of("/inv/f0"), List.of("/inv/f1"), List.of("/inv/f2"), List.of("/inv/f3")));
        assertThat(WriteChunks.of(files(30, 40, 20, 250), 340, 100))
                .isEqualTo(List.of(List.of("/inv/f0", "/inv/f1", "/inv/f2"), List.of("/inv/f3")));
    }

    @Test
    void rowsPerCopy_sixGigabytes_sixtyFourBytesPerRow() {
        // 6 × 10^9 bytes / 64 bytes per row = 93,750,000 rows; a tiny limit still copies 10^6 rows.
        assertThat(WriteChunks.rowsPerCopy(new DuckDbSettings("6GB", 0, java.util.Optional.empty()).memoryLimitBytes()))
                .isEqualTo(93_750_000L);
        assertThat(WriteChunks.rowsPerCopy(1_000)).isEqualTo(1_000_000L);
        assertThat(new DuckDbSettings("1.5 GiB", 0, java.util.Optional.empty()).memoryLimitBytes())
                .isEqualTo(1_610_612_736L);
    }

    @Test
    void of_badArguments_refusedWithTheValue() {
        assertThatThrownBy(() -> WriteChunks.of(files(1, 2), -1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows must not be negative, was -1");
        assertThatThrownBy(() -> WriteChunks.of(files(1, 2), 10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rowsPerCopy must be positive, was 0");
    }
}
