package dev.residency.inventory.spark;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A folder on the cluster's file system (local, HDFS, an object store: whatever Hadoop's {@link
 * FileSystem} reaches from the session's configuration), where the job writes manifests and plan
 * files beside the inventory.
 */
final class ClusterFolder {

    private final FileSystem fs;
    private final Path path;

    private ClusterFolder(FileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
    }

    /**
     * Returns the folder {@code uri} on {@code spark}'s file systems.
     *
     * @throws IOException if its file system cannot be reached
     */
    static ClusterFolder of(SparkSession spark, String uri) throws IOException {
        checkNotNull(uri, "uri");
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path path = new Path(uri);
        return new ClusterFolder(path.getFileSystem(conf), path);
    }

    /** Returns the folder's URI. */
    String uri() {
        return fs.makeQualified(path).toString();
    }

    /** Returns the URI of {@code name} inside the folder. */
    String child(String name) {
        return new Path(path, name).toString();
    }

    /**
     * Checks that the folder is missing or an empty folder, without creating it.
     *
     * @throws IOException if it exists and is not an empty folder
     */
    void checkNewOrEmpty() throws IOException {
        if (fs.exists(path)) {
            if (!fs.getFileStatus(path).isDirectory()) {
                throw new IOException(uri() + " is not a folder");
            }
            if (fs.listStatus(path).length > 0) {
                throw new IOException(uri() + " is not empty");
            }
        }
    }

    /**
     * Creates the folder (and its parents) if it is missing.
     *
     * @throws IOException if it exists and is not an empty folder, or cannot be created
     */
    void prepare() throws IOException {
        checkNewOrEmpty();
        if (!fs.mkdirs(path)) {
            throw new IOException(uri() + " cannot be created");
        }
    }

    /** Deletes the folder and everything in it, ignoring failures (after a failed write, so nothing half-written stays). */
    void deleteQuietly() {
        try {
            fs.delete(path, true);
        } catch (IOException ignored) {
            // best effort: the write already failed and is reported
        }
    }

    /** Writes {@code text} (UTF-8) to the new file {@code name} in the folder. */
    void write(String name, String text) throws IOException {
        try (OutputStream out = fs.create(new Path(path, name), false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Returns the number of {@code batch=N} sub-folders. */
    int countBatchFolders() throws IOException {
        int n = 0;
        for (FileStatus s : fs.listStatus(path)) {
            if (s.isDirectory() && s.getPath().getName().startsWith("batch=")) {
                n++;
            }
        }
        return n;
    }

    /**
     * Moves the one data file ending in {@code suffix} that Spark wrote into the folder {@code staging}
     * to {@code name} in this folder, and deletes {@code staging}.
     *
     * @throws IOException if there is not exactly one such file, or it cannot be moved
     */
    void moveSinglePart(String staging, String suffix, String name) throws IOException {
        Path from = new Path(staging);
        Path part = null;
        for (FileStatus s : fs.listStatus(from)) {
            String file = s.getPath().getName();
            if (s.isFile() && file.startsWith("part-") && file.endsWith(suffix)) {
                if (part != null) {
                    throw new IOException(staging + " holds more than one part file");
                }
                part = s.getPath();
            }
        }
        if (part == null) {
            throw new IOException(staging + " holds no part file ending in " + suffix);
        }
        if (!fs.rename(part, new Path(path, name))) {
            throw new IOException("cannot move " + part + " to " + new Path(path, name));
        }
        fs.delete(from, true);
    }
}
