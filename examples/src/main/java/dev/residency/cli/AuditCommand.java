package dev.residency.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.residency.audit.AuditCell;
import dev.residency.audit.AuditReport;
import dev.residency.audit.AuditTable;
import dev.residency.audit.Blocked;
import dev.residency.audit.ComplianceAudit;
import dev.residency.audit.Tally;
import dev.residency.data.RecordStore;
import dev.residency.sim.scenario.Scenario;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code residency audit}: builds a scenario's population and audits it against its policy. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Audits the scenario's population against its policy: what violates, where, and what is blocked.")
final class AuditCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "a built-in scenario's name or a YAML file")
    private String scenarioName;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "console output: ${COMPLETION-CANDIDATES} (default: text)")
    private ConsoleFormat format = ConsoleFormat.text;

    @Option(names = "--quick", description = "quick mode: 10x fewer synthetic users")
    private boolean quick;

    @Mixin
    private OverrideOptions sets;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = ScenarioArgument.load(scenarioName, quick, sets.overrides());
        RecordStore store = scenario.population().build(scenario.topology());
        AuditReport report = ComplianceAudit.run(store, scenario.policy());
        PrintWriter out = spec.commandLine().getOut();
        if (format == ConsoleFormat.json) {
            out.print(json(report, scenario.scale()));
        } else {
            out.printf(
                    java.util.Locale.ROOT,
                    "Scenario %s: %,d synthetic records (one stands for %,d real ones; bytes are real-world).%n%n",
                    scenario.name(),
                    store.size(),
                    scenario.scale());
            out.print(AuditTable.render(report));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String json(AuditReport report, int scale) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("policy", report.policy());
        root.put("scale", scale);
        tally(root.putObject("total"), report.total());
        tally(root.putObject("violating"), report.violating());
        tally(root.putObject("excepted"), report.excepted());
        root.put("compliantShare", report.compliantShare());
        ObjectNode byHome = root.putObject("byJurisdiction");
        report.byJurisdiction().forEach((j, t) -> tally(byHome.putObject(j.code()), t));
        ObjectNode byCategory = root.putObject("byCategory");
        report.byCategory().forEach((c, t) -> tally(byCategory.putObject(c), t));
        ObjectNode byDc = root.putObject("byDataCenter");
        for (Map.Entry<String, Tally> e : report.byDataCenter().entrySet()) {
            tally(byDc.putObject(e.getKey()), e.getValue());
        }
        var cells = root.putArray("cells");
        for (AuditCell cell : report.cells()) {
            ObjectNode o = cells.addObject();
            o.put("home", cell.home().code());
            o.put("category", cell.category());
            o.put("dataCenter", cell.dataCenter());
            tally(o, cell.copies());
        }
        var blocked = root.putArray("blocked");
        for (Blocked b : report.blocked()) {
            ObjectNode o = blocked.addObject();
            o.put("rule", b.rule());
            o.put("reason", b.reason().name());
            o.put("home", b.home().code());
            o.put("category", b.category());
            tally(o, b.tally());
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    private static void tally(ObjectNode o, Tally t) {
        o.put("records", t.records());
        o.put("bytes", t.bytes());
    }
}
