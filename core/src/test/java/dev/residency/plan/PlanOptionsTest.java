package dev.residency.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.residency.geo.Jurisdiction;
import dev.residency.units.Bandwidth;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Planning options: the defaults, what the builder collects, each range check at its boundary (the
 * message naming the field and the value), and the finish time after a copy worked by hand.
 */
final class PlanOptionsTest {

    @Test
    void defaults_noDeadlineTerabyteBatchesHourSteps() {
        PlanOptions d = PlanOptions.defaults();
        assertThat(d.deadline()).isEmpty();
        assertThat(d.hardDeadline()).isFalse();
        assertThat(d.targetBatchBytes()).isEqualTo(1_000_000_000_000L);
        assertThat(d.timeStep()).isEqualTo(Duration.ofHours(1));
        assertThat(d.siteReadyAt()).isEmpty();
        assertThat(d.approvalAt()).isEmpty();
        assertThat(d.maintenance()).isEmpty();
        assertThat(d.usedBytesOutsideStore()).isEmpty();
        assertThat(d.verificationRate()).isEmpty();
        assertThat(d.cutOverTime()).isEqualTo(Duration.ZERO);
        assertThat(d.finishSeconds(1_000)).isZero();
    }

    @Test
    void builder_collectsEverySetting() {
        LinkWindow window = new LinkWindow("va", "sg", Duration.ZERO, Duration.ofNanos(1));
        PlanOptions o = PlanOptions.builder()
                .deadline(Duration.ofNanos(1))
                .hardDeadline(true)
                .targetBatchBytes(1)
                .timeStep(Duration.ofNanos(1))
                .siteReadyAt("va", Duration.ZERO)
                .approvalAt(Jurisdiction.US, Duration.ZERO)
                .maintenance(window)
                .usedBytesOutsideStore("sg", 0)
                .verificationRate(new Bandwidth(100))
                .cutOverTime(Duration.ofMillis(2_500))
                .build();
        assertThat(o.deadline()).contains(Duration.ofNanos(1));
        assertThat(o.hardDeadline()).isTrue();
        assertThat(o.targetBatchBytes()).isEqualTo(1);
        assertThat(o.timeStep()).isEqualTo(Duration.ofNanos(1));
        assertThat(o.siteReadyAt()).containsExactly(java.util.Map.entry("va", Duration.ZERO));
        assertThat(o.approvalAt()).containsExactly(java.util.Map.entry(Jurisdiction.US, Duration.ZERO));
        assertThat(o.maintenance()).containsExactly(window);
        assertThat(o.usedBytesOutsideStore()).containsExactly(java.util.Map.entry("sg", 0L));
        // 1,000 bytes verified at 100 bytes per second (10 s), then 2.5 s to cut over.
        assertThat(o.finishSeconds(1_000)).isEqualTo(12.5);
        assertThat(PlanOptions.builder()
                        .cutOverTime(Duration.ofSeconds(3))
                        .build()
                        .finishSeconds(1_000))
                .isEqualTo(3);
    }

    @Test
    void build_valuesOutOfRange_refusedNamingFieldAndValue() {
        assertThatThrownBy(() -> PlanOptions.builder().deadline(Duration.ZERO).build())
                .hasMessage("options.deadline must be positive, was PT0S");
        assertThatThrownBy(() ->
                        PlanOptions.builder().deadline(Duration.ofSeconds(-1)).build())
                .hasMessage("options.deadline must be positive, was PT-1S");
        assertThatThrownBy(() -> PlanOptions.builder().hardDeadline(true).build())
                .hasMessage("options.hardDeadline needs a deadline");
        assertThatThrownBy(() -> PlanOptions.builder().targetBatchBytes(0).build())
                .hasMessage("options.targetBatchBytes must be positive, was 0");
        assertThatThrownBy(() -> PlanOptions.builder().timeStep(Duration.ZERO).build())
                .hasMessage("options.timeStep must be positive, was PT0S");
        assertThatThrownBy(() ->
                        PlanOptions.builder().timeStep(Duration.ofSeconds(-5)).build())
                .hasMessage("options.timeStep must be positive, was PT-5S");
        assertThatThrownBy(() -> PlanOptions.builder()
                        .siteReadyAt("va", Duration.ofNanos(-1))
                        .build())
                .hasMessage("options.siteReadyAt[va] must not be negative, was PT-0.000000001S");
        assertThatThrownBy(() -> PlanOptions.builder()
                        .approvalAt(Jurisdiction.SG, Duration.ofSeconds(-1))
                        .build())
                .hasMessageStartingWith("options.approvalAt[")
                .hasMessageEndingWith("] must not be negative, was PT-1S");
        assertThatThrownBy(() ->
                        PlanOptions.builder().verificationRate(Bandwidth.ZERO).build())
                .hasMessageStartingWith("options.verificationRate must be positive, was 0");
        assertThatThrownBy(() -> PlanOptions.builder()
                        .cutOverTime(Duration.ofSeconds(-1))
                        .build())
                .hasMessage("options.cutOverTime must not be negative, was PT-1S");
        assertThatThrownBy(() ->
                        PlanOptions.builder().usedBytesOutsideStore("sg", -1).build())
                .hasMessage("options.usedBytesOutsideStore[sg] must not be negative, was -1");
    }

    @Test
    void linkWindow_startAndEndChecked() {
        assertThat(new LinkWindow("a", "b", Duration.ZERO, Duration.ofNanos(1)).end())
                .isEqualTo(Duration.ofNanos(1));
        assertThatThrownBy(() -> new LinkWindow("a", "b", Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .hasMessage("window a-b: start must not be negative, was PT-1S");
        assertThatThrownBy(() -> new LinkWindow("a", "b", Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessage("window a-b: end PT1S must be after start PT1S");
    }
}
