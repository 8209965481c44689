package dev.residency.inventory;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The local files an inventory path or glob matches, each with its size and modification time, taken
 * when an engine scans the inventory and again before (and after) it writes the manifests: a plan made
 * on one inventory must not be applied to another, and an object's fate is only right for the rows
 * the scan counted. Paths with a URI scheme ({@code s3://}, {@code hdfs://}) are not local and match
 * no file here, so they are not checked.
 *
 * @param files the files matched, ordered by path
 */
public record InventoryFiles(ImmutableList<InventoryFile> files) {

    /** Creates the record; the files are copied. */
    public InventoryFiles {
        files = ImmutableList.copyOf(files);
    }

    /**
     * Returns the files {@code pathOrGlob} matches now: a file, or a glob such as {@code inv/*.parquet}
     * ({@code *}, {@code ?}, {@code [..]}, {@code {a,b}} and {@code **} as in {@link
     * java.nio.file.FileSystem#getPathMatcher}), relative paths against the working directory.
     *
     * @throws IOException if a folder on the way cannot be listed
     */
    public static InventoryFiles of(String pathOrGlob) throws IOException {
        checkNotNull(pathOrGlob, "pathOrGlob");
        if (pathOrGlob.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            return new InventoryFiles(ImmutableList.of());
        }
        int wild = firstWildcard(pathOrGlob);
        List<InventoryFile> out = new ArrayList<>();
        if (wild < 0) {
            Path p = Path.of(pathOrGlob).toAbsolutePath();
            if (Files.isRegularFile(p)) {
                out.add(stamp(p));
            }
            return new InventoryFiles(ImmutableList.copyOf(out));
        }
        int slash = pathOrGlob.lastIndexOf('/', wild);
        Path base = Path.of(slash < 0 ? "." : pathOrGlob.substring(0, Math.max(1, slash)))
                .toAbsolutePath()
                .normalize();
        if (!Files.isDirectory(base)) {
            return new InventoryFiles(ImmutableList.copyOf(out));
        }
        String rest = pathOrGlob.substring(slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split("/", -1).length;
        try (Stream<Path> walk = Files.walk(base, depth)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p) && matcher.matches(base.relativize(p))) {
                    out.add(stamp(p));
                }
            }
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return new InventoryFiles(ImmutableList.copyOf(out));
    }

    private static int firstWildcard(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("*?[{".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static InventoryFile stamp(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return new InventoryFile(p.toString(), a.size(), a.lastModifiedTime().toMillis());
    }

    /**
     * Returns what differs in {@code now} from these files, such as "data_3.parquet changed (size 10 →
     * 12 bytes)", "data_9.parquet is new" or "data_0.parquet is gone", or empty if nothing did.
     */
    public Optional<String> changesIn(InventoryFiles now) {
        checkNotNull(now, "now");
        Map<String, InventoryFile> before = new TreeMap<>();
        files.forEach(f -> before.put(f.path(), f));
        Map<String, InventoryFile> after = new TreeMap<>();
        now.files().forEach(f -> after.put(f.path(), f));
        List<String> changes = new ArrayList<>();
        for (InventoryFile f : before.values()) {
            InventoryFile g = after.get(f.path());
            if (g == null) {
                changes.add(f.path() + " is gone");
            } else if (g.bytes() != f.bytes()) {
                changes.add(f.path() + " changed (size " + f.bytes() + " → " + g.bytes() + " bytes)");
            } else if (g.modifiedMillis() != f.modifiedMillis()) {
                changes.add(f.path() + " changed (modified again, same size)");
            }
        }
        for (InventoryFile g : after.values()) {
            if (!before.containsKey(g.path())) {
                changes.add(g.path() + " is new");
            }
        }
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        String shown = String.join("; ", changes.subList(0, Math.min(3, changes.size())));
        return Optional.of(changes.size() > 3 ? shown + "; and " + (changes.size() - 3) + " more" : shown);
    }
}
