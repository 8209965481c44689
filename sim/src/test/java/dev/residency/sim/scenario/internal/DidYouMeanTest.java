package dev.residency.sim.scenario.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Suggestions for misspelt names: Levenshtein distance, and only plausible typos suggested. */
final class DidYouMeanTest {

    @Test
    void didYouMean_closeTypo_suggestsAndFarWord_doesNot() {
        // "jurisdction" lacks one letter of "jurisdiction": one edit.
        assertThat(DidYouMean.distance("jurisdction", "jurisdiction")).isEqualTo(1);
        assertThat(DidYouMean.closest("bandwith", List.of("bandwidth", "backward")))
                .contains("bandwidth");
        assertThat(DidYouMean.closest("zzzzzz", List.of("bandwidth", "backward")))
                .isEmpty();
    }
}
