package dev.residency.inventory.spark;

import com.google.common.collect.ImmutableList;
import dev.residency.inventory.InventoryFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of {@link SparkPlanJob}, those of {@code residency plan}: {@code SCENARIO [--quick]
 * [--set PATH=VALUE]... [--out DIR] [--manifests parquet|csv] [--format text|json]}, plus {@code
 * --partitions N} (spread the inventory over N partitions; default: as Spark reads it).
 *
 * @param scenario a built-in scenario's name or a YAML file
 * @param quick quick mode (no effect on an inventory's objects, which are never thinned out)
 * @param settings the {@code --set} overrides, as written
 * @param out the folder URI for the plan files and manifests; empty for the default beside the
 *     inventory
 * @param manifests the manifest format
 * @param json whether the console gets the plan's JSON instead of the text summary
 * @param partitions the partitions to spread the inventory over, 0 for Spark's split
 * @param help whether usage was asked for
 */
record JobArguments(
        String scenario,
        boolean quick,
        ImmutableList<String> settings,
        Optional<String> out,
        InventoryFormat manifests,
        boolean json,
        int partitions,
        boolean help) {

    /** The usage text. */
    static final String USAGE = String.join(
            "\n",
            "Usage: spark-submit --class dev.residency.inventory.spark.SparkPlanJob JAR SCENARIO [options]",
            "Plans a scenario whose population is an object inventory on Spark, writes the plan files and the",
            "per-batch manifests beside the inventory (or in --out), and prints the summary.",
            "  SCENARIO                 a built-in scenario's name or a YAML file",
            "  --quick                  quick mode",
            "  --set PATH=VALUE         change the scenario before it is validated (repeatable)",
            "  --out DIR                new or empty folder (any Hadoop file system URI) for plan files and",
            "                           manifests; default: SCENARIO-plan beside the inventory",
            "  --manifests FORMAT       parquet (default) or csv",
            "  --format FORMAT          console output: text (default) or json",
            "  --partitions N           spread the inventory over N partitions (default: as read)",
            "Exit status: 0 done; 1 the plan failed verification; 2 bad scenario, inventory or flag, nothing",
            "written; 3 the output folder could not be written.");

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException naming the flag and its value if an argument is not understood
     */
    static JobArguments parse(String... args) {
        String scenario = null;
        boolean quick = false;
        List<String> settings = new ArrayList<>();
        String out = null;
        InventoryFormat manifests = InventoryFormat.PARQUET;
        boolean json = false;
        int partitions = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return new JobArguments("", false, ImmutableList.of(), Optional.empty(), manifests, false, 0, true);
                }
                case "--quick" -> quick = true;
                case "--set" -> settings.add(value(args, ++i, a));
                case "--out" -> out = value(args, ++i, a);
                case "--manifests" -> {
                    String v = value(args, ++i, a);
                    manifests = InventoryFormat.byName(v)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "--manifests: \"" + v + "\" is not a manifest format (use parquet or csv)"));
                }
                case "--format" -> {
                    String v = value(args, ++i, a);
                    if (!v.equals("text") && !v.equals("json")) {
                        throw new IllegalArgumentException(
                                "--format: \"" + v + "\" is not a console format (use text or json)");
                    }
                    json = v.equals("json");
                }
                case "--partitions" -> {
                    partitions = partitions(value(args, ++i, a));
                }
                default -> scenario = scenario(scenario, a, USAGE);
            }
        }
        if (scenario == null) {
            throw new IllegalArgumentException("missing SCENARIO\n" + USAGE);
        }
        return new JobArguments(
                scenario,
                quick,
                ImmutableList.copyOf(settings),
                Optional.ofNullable(out),
                manifests,
                json,
                partitions,
                false);
    }

    /** Returns {@code args[i]}, the value of {@code flag}, refusing a flag given last without one. */
    static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + ": a value is missing");
        }
        return args[i];
    }

    /**
     * Returns the value of {@code --partitions}.
     *
     * @throws IllegalArgumentException naming the flag and the value if it is not a whole number of at least 1
     */
    static int partitions(String v) {
        int partitions;
        try {
            partitions = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            partitions = -1;
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("--partitions: \"" + v + "\" is not a whole number of at least 1");
        }
        return partitions;
    }

    /**
     * Returns {@code argument}, a job's one positional SCENARIO, given that {@code scenario} was read
     * before it (null if none).
     *
     * @throws IllegalArgumentException if {@code argument} is an unknown option or a second scenario
     *     (with {@code usage} appended)
     */
    static String scenario(String scenario, String argument, String usage) {
        if (argument.startsWith("-")) {
            throw new IllegalArgumentException("unknown option \"" + argument + "\"\n" + usage);
        }
        if (scenario != null) {
            throw new IllegalArgumentException(
                    "one scenario only: \"" + scenario + "\" and \"" + argument + "\" given\n" + usage);
        }
        return argument;
    }
}
