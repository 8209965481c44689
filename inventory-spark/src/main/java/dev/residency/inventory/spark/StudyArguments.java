package dev.residency.inventory.spark;

import com.google.common.collect.ImmutableList;
import dev.residency.sim.scenario.RunSettings;
import dev.residency.sim.study.Axis;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arguments of {@link SparkStudyJob}, those of {@code residency sweep}: {@code SCENARIO (--vary
 * PATH=LOW..HIGH:POINTS | PATH=A,B... (repeatable) | --find PATH=LOW..HIGH[:POINTS]) [--set
 * PATH=VALUE]... [--replications N] [--seed S] [--quick] [--out DIR]}, plus {@code --partitions N}
 * (spread the tasks over N partitions; default: one per task up to Spark's default parallelism). The
 * checks and messages are the command's: {@link Axis#parseFlags} for the axes, all problems at once.
 *
 * @param scenario a built-in scenario's name or a YAML file
 * @param axes the varied inputs (one range for {@code --find}), parsed
 * @param find whether to bisect the one axis instead of running a grid
 * @param settings the {@code --set} overrides, as written
 * @param replications replications per point, 0 for the scenario's
 * @param seed the master seed, if given
 * @param quick quick mode
 * @param out the report folder URI, if given
 * @param partitions the partitions to spread the tasks over, 0 for the default
 * @param help whether usage was asked for
 */
record StudyArguments(
        String scenario,
        ImmutableList<Axis> axes,
        boolean find,
        ImmutableList<String> settings,
        int replications,
        Optional<Long> seed,
        boolean quick,
        Optional<String> out,
        int partitions,
        boolean help) {

    /** The usage text. */
    static final String USAGE = String.join(
            "\n",
            "Usage: spark-submit --class dev.residency.inventory.spark.SparkStudyJob JAR SCENARIO [options]",
            "Runs `residency sweep` on Spark: one task per point and replication, aggregated on the driver;",
            "writes sweep.md and sweep.csv (or find.md and find.csv) as the command does, and prints the table.",
            "  SCENARIO                 a built-in scenario's name or a YAML file (read by the driver)",
            "  --vary PATH=LOW..HIGH:POINTS | PATH=A,B,...",
            "                           an input to vary (repeatable; the grid is every combination)",
            "  --find PATH=LOW..HIGH[:POINTS]",
            "                           bisect this range (default " + Axis.DEFAULT_FIND_POINTS
                    + " points) for where the answer flips",
            "  --set PATH=VALUE         change the scenario before it is validated (repeatable)",
            "  --replications N         replications per point (default: the scenario's)",
            "  --seed S                 master seed (default: the scenario's)",
            "  --quick                  quick mode: 2 replications, 10x fewer synthetic users",
            "  --out DIR                new or empty report folder (any Hadoop file system URI);",
            "                           default: NAME-sweep (or NAME-find) in the working folder",
            "  --partitions N           spread the tasks over N partitions (default: one per task, up to",
            "                           Spark's default parallelism)",
            "Exit status: 0 done; 1 internal error; 2 bad scenario, --set, --vary, --find or flag, nothing",
            "written; 3 the report folder is not empty or could not be written.");

    /**
     * Parses {@code args}, with every check {@code residency sweep} makes on its flags before loading
     * the scenario.
     *
     * @throws IllegalArgumentException naming the flag and its value if an argument is not understood
     *     (every malformed axis at once)
     */
    static StudyArguments parse(String... args) {
        String scenario = null;
        List<String> vary = new ArrayList<>();
        String find = null;
        List<String> settings = new ArrayList<>();
        int replications = 0;
        Long seed = null;
        boolean quick = false;
        String out = null;
        int partitions = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    return new StudyArguments(
                            "",
                            ImmutableList.of(),
                            false,
                            ImmutableList.of(),
                            0,
                            Optional.empty(),
                            false,
                            Optional.empty(),
                            0,
                            true);
                }
                case "--vary" -> vary.add(JobArguments.value(args, ++i, a));
                case "--find" -> {
                    if (find != null) {
                        throw new IllegalArgumentException("--find: given twice (\"" + find + "\" and \""
                                + args[Math.min(i + 1, args.length - 1)] + "\"); bisect one range");
                    }
                    find = JobArguments.value(args, ++i, a);
                }
                case "--set" -> settings.add(JobArguments.value(args, ++i, a));
                case "--replications" -> {
                    String v = JobArguments.value(args, ++i, a);
                    replications = whole(v, a);
                    if (replications < 1 || replications > RunSettings.MAX_REPLICATIONS) {
                        throw new IllegalArgumentException(
                                "--replications: \"" + v + "\" must be between 1 and " + RunSettings.MAX_REPLICATIONS);
                    }
                }
                case "--seed" -> {
                    String v = JobArguments.value(args, ++i, a);
                    try {
                        seed = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed: \"" + v + "\" is not a whole number");
                    }
                }
                case "--quick" -> quick = true;
                case "--out" -> out = JobArguments.value(args, ++i, a);
                case "--partitions" -> partitions = JobArguments.partitions(JobArguments.value(args, ++i, a));
                default -> scenario = JobArguments.scenario(scenario, a, USAGE);
            }
        }
        if (scenario == null) {
            throw new IllegalArgumentException("missing SCENARIO\n" + USAGE);
        }
        if (vary.isEmpty() == (find == null)) {
            throw new IllegalArgumentException(
                    vary.isEmpty()
                            ? "give --vary PATH=LOW..HIGH:POINTS (repeatable) or --find PATH=LOW..HIGH"
                            : "--vary and --find cannot be combined: a sweep runs a grid, --find bisects one range");
        }
        return new StudyArguments(
                scenario,
                Axis.parseFlags(find != null ? List.of(find) : vary, find != null),
                find != null,
                ImmutableList.copyOf(settings),
                replications,
                Optional.ofNullable(seed),
                quick,
                Optional.ofNullable(out),
                partitions,
                false);
    }

    private static int whole(String v, String flag) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + flag.substring(2) + ": \"" + v + "\" is not a whole number");
        }
    }
}
