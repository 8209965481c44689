package dev.residency.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every public type and member of {@code core} has a Javadoc comment ({@link JavadocCoverage}), and
 * the check finds exactly the undocumented API elements of a hand-written source.
 */
final class JavadocCoverageTest {

    @Test
    void coreMainSources_everyPublicElementDocumented() {
        assertThat(JavadocCoverage.undocumented(Path.of("src/main/java")))
                .as("public types and members of core without a Javadoc comment")
                .isEmpty();
    }

    @Test
    void undocumented_handWrittenSource_reportsExactlyTheVisibleUndocumentedElements() {
        String source = """
                package p;

                /** Documented. */
                public class Api {
                    public int bareField;
                    /** Documented. */
                    public int documentedField;
                    private int hiddenField;
                    int packageField;

                    public Api() {}

                    public void bareMethod() {}

                    protected void bareProtected() {}

                    @Override
                    public String toString() {
                        return "";
                    }

                    private void hiddenMethod() {}

                    public static class BareNested {}

                    static class HiddenNested {
                        public void notApi() {}
                    }

                    /** Documented. */
                    public interface Port {
                        void bareInterfaceMethod();
                    }

                    /** Documented. */
                    public enum Kind {
                        BARE_CONSTANT,
                        /** Documented. */
                        DOCUMENTED_CONSTANT
                    }
                }

                class Hidden {
                    public void notApi() {}
                }
                """;
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///p/Api.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

        List<String> found = JavadocCoverage.undocumented(javac, List.of(file)).stream()
                .map(line -> line.substring(line.indexOf(": ") + 2))
                .toList();

        assertThat(found)
                .containsExactly(
                        "field Api.bareField",
                        "constructor Api.Api",
                        "method Api.bareMethod",
                        "method Api.bareProtected",
                        "class BareNested",
                        "method Port.bareInterfaceMethod",
                        "field Kind.BARE_CONSTANT");
    }
}
