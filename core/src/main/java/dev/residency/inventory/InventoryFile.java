package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * One file of an inventory as it was when looked at: enough to tell whether it changed since.
 *
 * @param path the file's absolute path
 * @param bytes its size
 * @param modifiedMillis its last modification time, in milliseconds since the epoch
 */
public record InventoryFile(String path, long bytes, long modifiedMillis) {

    /** Creates a file record; the size must not be negative. */
    public InventoryFile {
        checkNotNull(path, "path");
        checkArgument(bytes >= 0, "bytes must not be negative, was %s", bytes);
    }
}
