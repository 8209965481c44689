package dev.residency.sim.report;

/**
 * What happened to one transfer batch in one run, next to what the plan expected. Times are
 * simulated seconds since the start; {@code NaN} where the stage was never reached.
 *
 * @param batch the plan's batch id
 * @param source the source site index
 * @param destination the destination site index
 * @param bytes the batch's bytes
 * @param plannedStart the plan's estimated start
 * @param plannedEnd the plan's estimated end of the copy
 * @param copyStart when the first copy attempt started
 * @param copyEnd when the last (successful) copy finished
 * @param verifiedAt when verification succeeded
 * @param cutOverAt when new writes switched to the destination
 * @param copyAttempts copy attempts (more than 1 after corruption or aborts)
 * @param catchUpBytes bytes of live writes copied in catch-up rounds
 * @param forced whether the deadline rule deleted the batch's source copies before cut-over
 */
public record BatchOutcome(
        int batch,
        int source,
        int destination,
        long bytes,
        double plannedStart,
        double plannedEnd,
        double copyStart,
        double copyEnd,
        double verifiedAt,
        double cutOverAt,
        int copyAttempts,
        long catchUpBytes,
        boolean forced)
        implements java.io.Serializable {}
