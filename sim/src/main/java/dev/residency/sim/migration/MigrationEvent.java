package dev.residency.sim.migration;

/** The events of a migration run, one record per kind. */
sealed interface MigrationEvent {

    /** A batch's gate has passed: start copying it if its stream is free. */
    record StartBatch(int batch) implements MigrationEvent {}

    /** A batch's checksum verification has finished. */
    record VerifyDone(int batch) implements MigrationEvent {}

    /** A batch's write freeze has ended: cut it over. */
    record FreezeDone(int batch) implements MigrationEvent {}

    /** A deletion job without a batch to wait for has reached its earliest moment. */
    record ReleaseDeletion(int job) implements MigrationEvent {}

    /** A deletion job has finished (it may still have failed). */
    record DeletionDone(int job) implements MigrationEvent {}

    /** The backups of a finished deletion job have aged out. */
    record BackupGone(int job) implements MigrationEvent {}

    /** Time to record a sample of the time series. */
    record Sample() implements MigrationEvent {}

    /** The deadline. */
    record Deadline() implements MigrationEvent {}

    /**
     * A component fails or is repaired.
     *
     * @param site true for a site, false for a link
     * @param index the site index, or the link index (arcs 2i and 2i+1)
     * @param up true for a repair
     * @param planned true for a planned maintenance window, which is not counted as a failure
     */
    record Fault(boolean site, int index, boolean up, boolean planned) implements MigrationEvent {}
}
