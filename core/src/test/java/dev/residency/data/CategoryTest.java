package dev.residency.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Category} names are lower-case identifiers; built-ins are found by name and only derived data is unmovable. */
final class CategoryTest {

    @Test
    void builtIn_findsByExactName() {
        assertThat(Category.builtIn("videos")).contains(Category.VIDEOS);
        assertThat(Category.builtIn("Videos")).isEmpty();
        assertThat(Category.BUILT_IN).hasSize(7).doesNotHaveDuplicates();
        assertThat(Category.BUILT_IN).filteredOn(c -> !c.movable()).containsExactly(Category.DERIVED);
        assertThat(Category.BUILT_IN).filteredOn(Category::exceptable).containsExactly(Category.PUBLIC_CONTENT);
        assertThat(Category.PROFILE).hasToString("profile");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Videos", "1logs", "a b", "-x", "é"})
    void constructor_badName_isRefusedQuotingIt(String name) {
        assertThatThrownBy(() -> new Category(name, true, true, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + name + "\"");
    }
}
