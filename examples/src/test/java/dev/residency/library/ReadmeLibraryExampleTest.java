package dev.residency.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The README's library example is found where a reader sees it: a whole program in one block. */
final class ReadmeLibraryExampleTest {

    @Test
    void source_readme_isAWholeProgramInTheExamplePackage() {
        String source = ReadmeLibraryExample.source();

        assertThat(source)
                .startsWith("package " + ReadmeLibraryExample.PACKAGE + ";\n")
                .contains("public final class " + ReadmeLibraryExample.CLASS + " {")
                .contains("public static void main(String[] args)")
                .endsWith("}\n");
    }

    @Test
    void extract_blockAfterHeading_returnsOnlyThatBlock() {
        String markdown = "# T\n\n```java\nclass Before {}\n```\n\n" + ReadmeLibraryExample.HEADING
                + "\n\ntext\n\n```xml\n<a/>\n```\n\n```java\nclass A {}\n```\n\n```java\nclass B {}\n```\n";

        assertThat(ReadmeLibraryExample.extract(markdown)).isEqualTo("class A {}\n");
    }

    @Test
    void extract_noHeading_namesTheHeading() {
        assertThatThrownBy(() -> ReadmeLibraryExample.extract("# T\n```java\nclass A {}\n```\n"))
                .hasMessageContaining(ReadmeLibraryExample.HEADING);
    }
}
