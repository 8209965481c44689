package dev.residency.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Tally} adds component-wise and refuses negative counts with both values in the message. */
final class TallyTest {

    @Test
    void plus_addsRecordsAndBytes() {
        assertThat(new Tally(2, 30).plus(new Tally(1, 5))).isEqualTo(new Tally(3, 35));
        assertThat(Tally.ZERO.plus(4, 40)).isEqualTo(new Tally(4, 40));
    }

    @Test
    void constructor_negative_isRefusedWithValues() {
        assertThatThrownBy(() -> new Tally(-1, 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1 records, 7 bytes");
    }

    @Test
    void constructor_zeroRecordsOrZeroBytes_isAccepted() {
        // Zero is the lower end of both ranges: records without bytes (empty objects) are valid.
        assertThat(new Tally(0, 7).records()).isZero();
        assertThat(new Tally(3, 0).bytes()).isZero();
        assertThat(new Tally(0, 0)).isEqualTo(Tally.ZERO);
    }
}
