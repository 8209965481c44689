package dev.residency.inventory;

/**
 * Hears how far a long scan or write has gone. Called from the engine's own thread, about once a
 * second; implementations must be quick and thread-safe.
 */
@FunctionalInterface
public interface ScanProgress {

    /** A listener that ignores every update. */
    ScanProgress NONE = (stage, fraction) -> {};

    /**
     * Reports that {@code stage} (such as "scanning" or "writing manifests") is {@code fraction}
     * done, from 0 to 1.
     */
    void update(String stage, double fraction);
}
