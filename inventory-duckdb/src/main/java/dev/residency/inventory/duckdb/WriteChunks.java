package dev.residency.inventory.duckdb;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.residency.inventory.InventoryFile;
import dev.residency.inventory.InventoryFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an inventory's files into the chunks that the manifest write copies one after the other, so
 * that no single write holds more than about {@code rowsPerCopy} rows: consecutive files (in path
 * order) are put together while their bytes stay within the share of the inventory's bytes that holds
 * that many rows. An object's row depends on its own row only (its unit's fate), so how the files are
 * split changes which file of its batch folder holds it, never the rows written.
 */
final class WriteChunks {

    /**
     * Bytes of DuckDB memory per row one manifest write holds, for {@link #rowsPerCopy}: at 10^8 rows
     * into 287 batch folders the write's process peaked at 3.66-3.68 GB resident (its JVM heap capped at 1
     * GB), about 32 bytes per row; twice that leaves the memory limit room for the rest.
     */
    static final long BYTES_PER_ROW = 64;

    private WriteChunks() {}

    /** Returns the rows one write may copy under DuckDB's {@code memoryLimitBytes}: at least 10^6. */
    static long rowsPerCopy(long memoryLimitBytes) {
        checkArgument(memoryLimitBytes > 0, "memoryLimitBytes must be positive, was %s", memoryLimitBytes);
        return Math.max(1_000_000L, memoryLimitBytes / BYTES_PER_ROW);
    }

    /**
     * Returns the chunks of {@code files} (paths) for an inventory of {@code rows} rows: one chunk of every
     * file when the rows fit one write or there is at most one file (a remote inventory, whose files are
     * not listed here, is then read whole), else consecutive files whose bytes stay within {@code
     * rowsPerCopy / rows} of the inventory's bytes, at least one file each.
     *
     * @throws IllegalArgumentException if {@code rows} is negative or {@code rowsPerCopy} not positive
     */
    static ImmutableList<ImmutableList<String>> of(InventoryFiles files, long rows, long rowsPerCopy) {
        checkNotNull(files, "files");
        checkArgument(rows >= 0, "rows must not be negative, was %s", rows);
        checkArgument(rowsPerCopy > 0, "rowsPerCopy must be positive, was %s", rowsPerCopy);
        List<String> all = files.files().stream().map(InventoryFile::path).toList();
        if (all.size() <= 1 || rows <= rowsPerCopy) {
            return ImmutableList.of(ImmutableList.copyOf(all));
        }
        long total = files.files().stream().mapToLong(InventoryFile::bytes).sum();
        double bytesPerChunk = (double) total * rowsPerCopy / rows;
        ImmutableList.Builder<ImmutableList<String>> chunks = ImmutableList.builder();
        List<String> chunk = new ArrayList<>();
        long chunkBytes = 0;
        for (InventoryFile f : files.files()) {
            if (!chunk.isEmpty() && chunkBytes + f.bytes() > bytesPerChunk) {
                chunks.add(ImmutableList.copyOf(chunk));
                chunk.clear();
                chunkBytes = 0;
            }
            chunk.add(f.path());
            chunkBytes += f.bytes();
        }
        chunks.add(ImmutableList.copyOf(chunk));
        return chunks.build();
    }
}
