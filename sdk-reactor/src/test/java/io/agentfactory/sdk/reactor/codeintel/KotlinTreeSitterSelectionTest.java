package io.agentfactory.sdk.reactor.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.codeintel.CodeIntel;
import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.codeintel.SymbolHit;
import io.agentfactory.sdk.codeintel.SymbolKind;
import io.agentfactory.sdk.codeintel.SymbolQuery;
import io.agentfactory.sdk.reactor.codeintel.internal.KotlinExtractor;
import io.agentfactory.sdk.reactor.codeintel.internal.KotlinTreeSitterExtractor;

/**
 * When Kotlin is read by tree-sitter: the options pick it when it is on the class path; its natives
 * are loaded off non-blocking threads (by the index walk on boundedElastic); a failing native load,
 * or no tree-sitter at all, means the regex extractor's results.
 */
class KotlinTreeSitterSelectionTest {

    /** A method the regex extractor does not find (its type parameters nest). */
    private static final String TOP = """
            package p

            /** Picks the top [n]. */
            fun <T : Comparable<T>> List<T>.top(
                n: Int,
            ): List<T> {
                return sortedDescending().take(n)
            }
            """;

    @TempDir
    Path root;

    @Test
    void theIndexReadsKotlinWithTreeSitterOnParallelThreadsUnderBlockHound() throws Exception {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("src/Top.kt"), TOP);

        CodeIntel parsed = ReactorCodeIntel.open(root, CodeIntelOptions.defaults().withPersistence(false));
        CodeIntel regex = ReactorCodeIntel.open(root, CodeIntelOptions.regexOnly().withPersistence(false));

        List<SymbolHit> hits = parsed.searchSymbols(new SymbolQuery("top", 10, Set.of(SymbolKind.METHOD), ""))
                .block(Duration.ofSeconds(30)).hits();
        assertThat(hits).extracting(h -> h.symbol().name() + " " + h.symbol().line() + "-" + h.symbol().endLine() + " in "
                + h.symbol().parentName() + " " + h.symbol().filePath() + " | " + h.symbol().signature())
                .containsExactly("top 4-8 in List src/Top.kt | fun <T : Comparable<T>> List<T>.top(n: Int,): List<T>");
        assertThat(hits.get(0).symbol().documentation()).isEqualTo("/** Picks the top [n]. */");
        assertThat(regex.searchSymbols(new SymbolQuery("top", 10, Set.of(SymbolKind.METHOD), "")).block(Duration.ofSeconds(30))
                .hits()).isEmpty();
    }

    @Test
    void defaultsReadKotlinWithTreeSitterAndRegexOnlyDoesNot() {
        assertThat(kotlin(CodeIntelOptions.defaults().extractors())).isExactlyInstanceOf(KotlinTreeSitterExtractor.class);
        assertThat(kotlin(CodeIntelOptions.regexOnly().extractors())).isExactlyInstanceOf(KotlinExtractor.class);
    }

    /**
     * In a second class loader (fresh static state) whose native library is no library (the binding
     * takes it from the {@code tree-sitter-lib} directory when it is there): on a non-blocking thread
     * nothing is even tried, and {@code prepare()} then fails with an {@link UnsatisfiedLinkError}, which
     * leaves every file to the regex extractor.
     */
    @Test
    void nativesThatDoNotLoadLeaveKotlinToTheRegexExtractorAndNonBlockingThreadsNeverLoadThem() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "the library names are Linux ones");
        assertThat(new KotlinTreeSitterExtractor().prepare()).isTrue(); // here they load
        String expected = new KotlinExtractor().extract(TOP, "Top.kt").toString();
        assertThat(expected).doesNotContain("name=top");

        try (URLClassLoader other = new URLClassLoader(classPath(false), ClassLoader.getPlatformClassLoader())) {
            Class<?> type = Class.forName(KotlinTreeSitterExtractor.class.getName(), true, other);
            assertThat(type).isNotSameAs(KotlinTreeSitterExtractor.class);
            Object extractor = type.getConstructor().newInstance();
            Method extract = type.getMethod("extract", String.class, String.class);
            Class<?> grammar = Class.forName("io.agentfactory.sdk.reactor.codeintel.internal.KotlinGrammar", true, other);
            Method tried = grammar.getDeclaredMethod("tried");
            Method failure = grammar.getDeclaredMethod("failure");
            tried.setAccessible(true);
            failure.setAccessible(true);

            Class<?> schedulers = Class.forName("reactor.core.scheduler.Schedulers", true, other);
            Object parallel = schedulers.getMethod("newParallel", String.class, int.class).invoke(null, "kotlin-probe", 1);
            CompletableFuture<Object> onParallel = new CompletableFuture<>();
            Class.forName("reactor.core.scheduler.Scheduler", true, other).getMethod("schedule", Runnable.class)
                    .invoke(parallel, (Runnable) () -> {
                        try {
                            onParallel.complete(extract.invoke(extractor, TOP, "Top.kt"));
                        } catch (ReflectiveOperationException | RuntimeException e) {
                            onParallel.completeExceptionally(e);
                        }
                    });
            Object fromParallel = onParallel.get(30, TimeUnit.SECONDS);
            Class.forName("reactor.core.Disposable", true, other).getMethod("dispose").invoke(parallel);

            assertThat(fromParallel.toString()).isEqualTo(expected);
            assertThat((boolean) tried.invoke(null)).as("a load tried on a non-blocking thread").isFalse();

            Path bogus = Files.createDirectories(root.resolve("natives/lib"));
            for (String arch : List.of("x86_64", "aarch64")) {
                Files.writeString(bogus.resolve(arch + "-linux-gnu-tree-sitter.so"), "not a shared object");
            }
            String saved = System.getProperty("tree-sitter-lib");
            System.setProperty("tree-sitter-lib", root.resolve("natives").toString());
            try {
                assertThat((boolean) type.getMethod("prepare").invoke(extractor)).isFalse();
            } finally {
                if (saved == null) {
                    System.clearProperty("tree-sitter-lib");
                } else {
                    System.setProperty("tree-sitter-lib", saved);
                }
            }
            assertThat((boolean) tried.invoke(null)).isTrue();
            assertThat((String) failure.invoke(null)).startsWith("java.lang.UnsatisfiedLinkError: ")
                    .contains(bogus.toString());
            assertThat(extract.invoke(extractor, TOP, "Top.kt").toString()).isEqualTo(expected);
        }
    }

    @Test
    void withoutTreeSitterOnTheClassPathDefaultsUseTheRegexExtractorAndNothingFailsToLink() throws Exception {
        try (URLClassLoader hiding = new URLClassLoader(classPath(true), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("org.treesitter.TSParser", false, hiding))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> options = Class.forName(CodeIntelOptions.class.getName(), true, hiding);
            Object defaults = options.getMethod("defaults").invoke(null);
            @SuppressWarnings("unchecked")
            List<Object> extractors = (List<Object>) options.getMethod("extractors").invoke(defaults);
            Object kotlin = extractors.stream().filter(e -> e.getClass().getSimpleName().startsWith("Kotlin")).findFirst()
                    .orElseThrow();

            assertThat(kotlin.getClass().getName()).isEqualTo(KotlinExtractor.class.getName());
            Object symbols = kotlin.getClass().getMethod("extract", String.class, String.class)
                    .invoke(kotlin, "class A {\n    fun b() {\n    }\n}\n", "A.kt");
            assertThat(symbols.toString()).contains("name=A, kind=CLASS", "name=b, kind=METHOD");
        }
    }

    private static Extractor kotlin(List<Extractor> extractors) {
        return extractors.stream().filter(e -> e.extensions().contains(".kt")).reduce((a, b) -> b).orElseThrow();
    }

    /** This test JVM's class path (surefire sets {@code java.class.path}), less the tree-sitter jars when asked. */
    private static URL[] classPath(boolean withoutTreeSitter) throws Exception {
        List<URL> urls = new ArrayList<>();
        boolean hidden = false;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (withoutTreeSitter && entry.toLowerCase(Locale.ROOT).contains("tree-sitter")) {
                hidden = true;
                continue;
            }
            urls.add(Path.of(entry).toUri().toURL());
        }
        assertThat(hidden).as("tree-sitter was on the test class path").isEqualTo(withoutTreeSitter);
        return urls.toArray(URL[]::new);
    }
}
