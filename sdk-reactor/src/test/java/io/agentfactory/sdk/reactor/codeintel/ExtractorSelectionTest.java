package io.agentfactory.sdk.reactor.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.reactor.codeintel.internal.JavaExtractor;
import io.agentfactory.sdk.reactor.codeintel.internal.JavaParserExtractor;
import io.agentfactory.sdk.reactor.codeintel.internal.KotlinTreeSitterExtractor;

/** Which Java extractor the options pick: the parser when JavaParser is present, the regex one when not or when asked. */
class ExtractorSelectionTest {

    @Test
    void defaultsReadJavaWithTheParserWhenItIsPresent() {
        assertThat(javaExtractor(CodeIntelOptions.defaults().extractors())).isInstanceOf(JavaParserExtractor.class);
        assertThat(CodeIntelOptions.defaults().extractors()).extracting(Extractor::language)
                .containsExactly("go", "typescript", "python", "rust", "java", "kotlin");
        assertThat(CodeIntelOptions.defaults().extractors()).filteredOn(e -> e.language().equals("kotlin"))
                .singleElement().isInstanceOf(KotlinTreeSitterExtractor.class); // tree-sitter is on the test class path
    }

    @Test
    void regexOnlyNeverUsesTheParser() {
        CodeIntelOptions regex = CodeIntelOptions.regexOnly();

        assertThat(javaExtractor(regex.extractors())).isExactlyInstanceOf(JavaExtractor.class);
        assertThat(regex.extractors()).extracting(e -> e.getClass().getSimpleName()).containsExactly("GoExtractor",
                "TypeScriptExtractor", "PythonExtractor", "RustExtractor", "JavaExtractor", "KotlinExtractor");
        assertThat(regex.maxFileBytes()).isEqualTo(CodeIntelOptions.DEFAULT_MAX_FILE_BYTES);
    }

    @Test
    void withoutJavaParserOnTheClassPathDefaultsFallBackToTheRegexAndNothingFailsToLink() throws Exception {
        try (URLClassLoader hiding = new URLClassLoader(classPathWithoutJavaParser(), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("com.github.javaparser.JavaParser", false, hiding))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> options = Class.forName(CodeIntelOptions.class.getName(), true, hiding);
            assertThat(options).isNotSameAs(CodeIntelOptions.class); // loaded again, child-first (the parent is the platform loader)

            Object defaults = options.getMethod("defaults").invoke(null);
            @SuppressWarnings("unchecked")
            List<Object> extractors = (List<Object>) options.getMethod("extractors").invoke(defaults);
            Object java = extractors.stream().filter(e -> language(e).equals("java")).findFirst().orElseThrow();

            assertThat(java.getClass().getName()).isEqualTo(JavaExtractor.class.getName());
            Object symbols = java.getClass().getMethod("extract", String.class, String.class)
                    .invoke(java, "public class A {\n    void b() {\n    }\n}\n", "A.java");
            assertThat(symbols.toString()).contains("name=A, kind=CLASS", "name=b, kind=METHOD");
            // asked explicitly, the regex extractors too
            Object regexOnly = options.getMethod("regexOnly").invoke(null);
            assertThat(regexOnly.toString()).contains("JavaExtractor").doesNotContain("JavaParserExtractor");
        }
    }

    private static String language(Object extractor) {
        try {
            return (String) extractor.getClass().getMethod("language").invoke(extractor);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Extractor javaExtractor(List<Extractor> extractors) {
        return extractors.stream().filter(e -> e.extensions().contains(".java")).reduce((a, b) -> b).orElseThrow();
    }

    /** This test JVM's class path, less JavaParser (surefire sets {@code java.class.path} to the test class path). */
    private static URL[] classPathWithoutJavaParser() throws Exception {
        List<URL> urls = new ArrayList<>();
        boolean hidden = false;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.toLowerCase(Locale.ROOT).contains("javaparser")) {
                hidden = true;
                continue;
            }
            urls.add(Path.of(entry).toUri().toURL());
        }
        assertThat(hidden).as("JavaParser was on the test class path").isTrue();
        assertThat(urls).anySatisfy(u -> assertThat(u.getPath()).endsWith("sdk-reactor/target/classes/"));
        return urls.toArray(URL[]::new);
    }
}
