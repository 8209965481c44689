/**
 * The cluster inventory engine on Apache Spark: the contract of docs/inventories.md on DataFrames.
 * The scan is one aggregation by group cells and shard; the manifests are the inventory joined with
 * two broadcast tables (raw group cells to group number, unit to fate) and written partitioned by
 * batch where the inventory lives; {@code SparkPlanJob} is the job for
 * {@code spark-submit}. {@code SparkStudyJob} runs {@code residency sweep} on the cluster: one task per
 * (point, replication), the runs aggregated on the driver by the local sweep's code. Spark itself is a provided dependency: the cluster supplies it. Everything
 * here is non-null by default.
 */
package dev.residency.inventory.spark;
