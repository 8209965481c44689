package dev.residency.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.residency.geo.Jurisdiction;
import org.junit.jupiter.api.Test;

/** {@link AuditTable} prints the headline numbers, one row per breakdown entry with its share, and "none" for empty sections. */
final class AuditTableTest {

    @Test
    void render_violatingReport_listsRowsAndShares() {
        Tally v = new Tally(1_234, 2_500_000_000_000L);
        AuditReport report = new AuditReport(
                "us-in-us",
                new Tally(10_000, 10_000_000_000_000L),
                v,
                new Tally(5, 5_000),
                ImmutableSortedMap.of(Jurisdiction.US, v),
                ImmutableSortedMap.of("videos", v),
                ImmutableSortedMap.of("sg", v),
                ImmutableList.of(new AuditCell(Jurisdiction.US, "videos", "sg", v)),
                ImmutableList.of(new Blocked(
                        "us-data-in-us", BlockReason.LEGAL_HOLD, Jurisdiction.US, "videos", new Tally(3, 3_000))));
        String text = AuditTable.render(report);
        // 1 - 2.5 TB / 10 TB = 75% of bytes comply.
        assertThat(text)
                .contains(
                        "Audit against policy \"us-in-us\": 1,234 of 10,000 records violate (2.5 TB of 10 TB); 75.00% of bytes comply.")
                .contains("Excepted by rule (left in place): 5 records, 5 kB.")
                .contains("US United States")
                .contains("100.0%")
                .contains("us-data-in-us")
                .contains("LEGAL_HOLD");
    }

    @Test
    void render_compliantReport_saysNone() {
        AuditReport report = new AuditReport(
                "p",
                new Tally(1, 1),
                Tally.ZERO,
                Tally.ZERO,
                ImmutableSortedMap.of(),
                ImmutableSortedMap.of(),
                ImmutableSortedMap.of(),
                ImmutableList.of(),
                ImmutableList.of());
        String text = AuditTable.render(report);
        assertThat(text).contains("0 of 1 records violate").contains("100.00% of bytes comply");
        assertThat(text.split("  none", -1)).hasSize(5);
        assertThat(text).doesNotContain("Excepted");
    }
}
