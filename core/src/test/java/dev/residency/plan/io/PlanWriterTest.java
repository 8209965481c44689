package dev.residency.plan.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.residency.plan.MigrationPlan;
import dev.residency.plan.PlanFixtures;
import dev.residency.plan.PlanningProblem;
import dev.residency.plan.internal.solve.FlowPlanner;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The writer's JSON is well formed (checked by a small strict parser) and carries the summary and one
 * entry per batch, deletion and blocked group; the CSV tables have one row per item and the summary
 * the plan's numbers.
 */
final class PlanWriterTest {

    private static final PlanningProblem PROBLEM = PlanFixtures.random(5, 6, true);
    private static final MigrationPlan PLAN = new FlowPlanner().plan(PROBLEM);

    @Test
    void json_randomPlan_isWellFormedWithEveryItem() {
        String json = PlanWriter.json(PLAN, PROBLEM.topology());

        new StrictJson(json).parse();
        assertThat(json).contains("\"makespanSeconds\": " + PLAN.makespanSeconds());
        assertThat(count(json, "\"wave\": ")).isEqualTo(PLAN.batches().size());
        assertThat(count(json, "\"earliestSeconds\": "))
                .isEqualTo(PLAN.deletions().size());
        assertThat(count(json, "\"rule\": ")).isEqualTo(PLAN.blocked().size());
        StringWriter writer = new StringWriter();
        PlanWriter.writeJson(PLAN, PROBLEM.topology(), writer);
        assertThat(writer.toString()).isEqualTo(json);
    }

    @Test
    void csv_randomPlan_hasOneRowPerItem() {
        assertThat(PlanWriter.batchesCsv(PLAN, PROBLEM.topology()).lines())
                .hasSize(PLAN.batches().size() + 1);
        assertThat(PlanWriter.deletionsCsv(PLAN, PROBLEM.topology()).lines())
                .hasSize(PLAN.deletions().size() + 1);
        assertThat(PlanWriter.summaryCsv(PLAN))
                .contains("qualityRatio," + PLAN.qualityRatio())
                .contains("planner,flow");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** A minimal strict JSON parser that throws on anything malformed. */
    private static final class StrictJson {
        private final String s;
        private int i;

        StrictJson(String s) {
            this.s = s;
        }

        void parse() {
            value();
            ws();
            if (i != s.length()) {
                throw new IllegalStateException("trailing text at " + i);
            }
        }

        private void value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return;
                }
                do {
                    ws();
                    string();
                    ws();
                    expect(':');
                    value();
                    ws();
                } while (s.charAt(i++) == ',');
                if (s.charAt(i - 1) != '}') {
                    throw new IllegalStateException("expected } at " + (i - 1));
                }
            } else if (c == '[') {
                i++;
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return;
                }
                do {
                    value();
                    ws();
                } while (s.charAt(i++) == ',');
                if (s.charAt(i - 1) != ']') {
                    throw new IllegalStateException("expected ] at " + (i - 1));
                }
            } else if (c == '"') {
                string();
            } else if (s.startsWith("null", i) || s.startsWith("true", i)) {
                i += 4;
            } else {
                int start = i;
                while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                Double.parseDouble(s.substring(start, i));
            }
        }

        private void string() {
            expect('"');
            while (s.charAt(i) != '"') {
                i += s.charAt(i) == '\\' ? 2 : 1;
            }
            i++;
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) {
                throw new IllegalStateException("expected " + c + " at " + (i - 1));
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
