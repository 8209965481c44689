package dev.residency.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The failure and repair distributions' means, worked out by hand (a Weibull's λ Γ(1 + 1/k), a
 * lognormal's median e^(σ²/2)), and each constructor's check refused with its message at its edge.
 */
final class DistributionSpecTest {

    @Test
    void means_byHand() {
        // Shape 1 is the exponential: Γ(2) = 1, the mean is the scale.
        assertThat(new DistributionSpec.Weibull(1, Duration.ofHours(2)).mean()).isEqualTo(Duration.ofHours(2));
        // Shape 2, scale 1 s: Γ(1.5) = √π / 2 = 0.886226925452758 s.
        assertThat(new DistributionSpec.Weibull(2, Duration.ofSeconds(1)).mean())
                .isEqualTo(Duration.ofNanos(886_226_925));
        // Shape 0.5, scale 1.5 s (a nano part): Γ(3) = 2, so 3 s.
        assertThat(new DistributionSpec.Weibull(0.5, Duration.ofMillis(1_500)).mean())
                .isEqualTo(Duration.ofSeconds(3));
        // Sigma 0: the median itself (half a second: the nano part counts).
        assertThat(new DistributionSpec.LogNormal(Duration.ofMillis(500), 0).mean())
                .isEqualTo(Duration.ofMillis(500));
        // Median 10 s, sigma 2: 10 e^2 = 73.890560989306502 s.
        assertThat(new DistributionSpec.LogNormal(Duration.ofSeconds(10), 2).mean())
                .isEqualTo(Duration.ofNanos(73_890_560_989L));
        assertThat(new DistributionSpec.Fixed(Duration.ofMinutes(7)).mean()).isEqualTo(Duration.ofMinutes(7));
        assertThat(new DistributionSpec.Exponential(Duration.ofNanos(1)).mean()).isEqualTo(Duration.ofNanos(1));
    }

    @Test
    void checks_refusedAtTheirEdges() {
        assertThatThrownBy(() -> new DistributionSpec.Exponential(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mean must be positive, was PT0S");
        assertThatThrownBy(() -> new DistributionSpec.Fixed(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must be positive, was PT-1S");
        assertThatThrownBy(() -> new DistributionSpec.Weibull(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape must be positive, was 0.0");
        assertThatThrownBy(() -> new DistributionSpec.Weibull(Double.POSITIVE_INFINITY, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape must be positive, was Infinity");
        assertThatThrownBy(() -> new DistributionSpec.Weibull(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scale must be positive, was PT0S");
        assertThatThrownBy(() -> new DistributionSpec.LogNormal(Duration.ZERO, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("median must be positive, was PT0S");
        assertThatThrownBy(() -> new DistributionSpec.LogNormal(Duration.ofSeconds(1), -Double.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sigma must not be negative, was -4.9E-324");
        assertThatThrownBy(() -> new DistributionSpec.LogNormal(Duration.ofSeconds(1), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sigma must not be negative, was NaN");
    }
}
