package io.agentfactory.sdk.reactor.codeintel.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

import io.agentfactory.sdk.codeintel.FileSymbols;

/**
 * A measurement, not a test: the time per Kotlin file of the tree-sitter extractor and of the regex
 * extractor, on this repository's Kotlin files (arguments) and on generated ones, single-threaded, with
 * how many files the parser read itself (no fallback). Run with the test class path:
 * {@code java -cp <test class path> io.agentfactory.sdk.reactor.codeintel.internal.KotlinExtractionTiming [files.kt...]}.
 */
public final class KotlinExtractionTiming {

    private KotlinExtractionTiming() {
    }

    public static void main(String[] args) throws Exception {
        KotlinTreeSitterExtractor parser = new KotlinTreeSitterExtractor();
        KotlinExtractor regex = new KotlinExtractor();
        if (!parser.prepare()) {
            throw new IllegalStateException(KotlinGrammar.failure());
        }
        List<String> repo = new ArrayList<>();
        for (String arg : args) {
            repo.add(Files.readString(Path.of(arg)));
        }
        Random random = new Random(17);
        List<String> generated = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            generated.add(generatedFile(i, 4 + random.nextInt(12), random));
        }
        if (!repo.isEmpty()) {
            report("repository", repo, parser, regex, 200);
        }
        report("generated", generated, parser, regex, 5);
    }

    private static void report(String name, List<String> files, KotlinTreeSitterExtractor parser, KotlinExtractor regex, int rounds) {
        long chars = files.stream().mapToLong(String::length).sum();
        int parsed = 0;
        for (String source : files) {
            String tree = KotlinTreeReader.read(KotlinGrammar.language(), source, "F.kt") == null ? "fallback" : "parsed";
            parsed += tree.equals("parsed") ? 1 : 0;
        }
        double treeMicros = time(files, s -> parser.extract(s, "F.kt"), rounds);
        double regexMicros = time(files, s -> regex.extract(s, "F.kt"), rounds);
        long treeSymbols = files.stream().mapToLong(s -> parser.extract(s, "F.kt").symbols().size()).sum();
        long regexSymbols = files.stream().mapToLong(s -> regex.extract(s, "F.kt").symbols().size()).sum();
        System.out.printf(Locale.ROOT, "%s: %d files, %.1f KiB mean, parsed %d/%d; tree-sitter %.0f us/file (%.2f MB/s), "
                        + "regex %.0f us/file (%.2f MB/s), ratio %.1fx; symbols tree-sitter %d, regex %d%n",
                name, files.size(), chars / 1024.0 / files.size(), parsed, files.size(), treeMicros,
                chars / (double) files.size() / treeMicros, regexMicros, chars / (double) files.size() / regexMicros,
                treeMicros / regexMicros, treeSymbols, regexSymbols);
    }

    /** Mean microseconds per file over {@code rounds} passes, after as many warm-up passes. */
    private static double time(List<String> files, Function<String, FileSymbols> extract, int rounds) {
        for (int r = 0; r < rounds; r++) {
            files.forEach(extract::apply);
        }
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            files.forEach(extract::apply);
        }
        return (System.nanoTime() - start) / 1_000.0 / rounds / files.size();
    }

    static String generatedFile(int n, int types, Random random) {
        StringBuilder out = new StringBuilder("package gen.module" + n + "\n\nimport kotlin.math.max\nimport java.util.UUID\n\n");
        for (int t = 0; t < types; t++) {
            String type = "Type" + n + "x" + t;
            switch (random.nextInt(4)) {
                case 0 -> out.append("""
                        /**
                         * A record of %1$s.
                         */
                        @JvmInline
                        value class %1$sId(val raw: String)

                        data class %1$s(
                            val id: %1$sId,
                            val name: String,
                            val tags: List<String> = emptyList(),
                        ) {
                            fun describe(): String = "${'$'}{name} (${'$'}{tags.size} tags) { }"

                            fun <R : Comparable<R>> sortedTags(by: (String) -> R): List<String> {
                                return tags.sortedBy(by)
                            }
                        }
                        """.formatted(type));
                case 1 -> out.append("""
                        sealed interface %1$sResult {
                            data class Ok(val value: Int) : %1$sResult
                            data class Failed(val reason: String) : %1$sResult
                            object Empty : %1$sResult
                        }

                        fun %1$sResult.render(): String = when (this) {
                            is %1$sResult.Ok -> "ok ${'$'}value"
                            is %1$sResult.Failed -> "failed: ${'$'}reason"
                            %1$sResult.Empty -> "empty"
                        }
                        """.formatted(type));
                case 2 -> out.append("""
                        class %1$sService(private val repo: Map<String, Int>) {
                            private val cache = mutableMapOf<String, Int>()

                            companion object {
                                const val LIMIT = %2$d
                                fun create(): %1$sService = %1$sService(emptyMap())
                            }

                            suspend fun load(key: String): Int? {
                                val hit = cache[key] ?: repo[key]?.let { value ->
                                    cache[key] = value
                                    value
                                }
                                return hit?.let { max(it, LIMIT) }
                            }

                            inner class Cursor(var position: Int) {
                                fun next(): Int {
                                    position += 1
                                    return position
                                }
                            }
                        }
                        """.formatted(type, n));
                default -> out.append("""
                        enum class %1$sLevel(val weight: Int) {
                            LOW(1),
                            HIGH(10);

                            fun heavier(other: %1$sLevel) = weight > other.weight
                        }

                        typealias %1$sHandler = (%1$sLevel) -> Unit

                        fun <T : Comparable<T>> List<T>.top%1$s(
                            n: Int,
                            descending: Boolean = true,
                        ): List<T> {
                            val sorted = if (descending) sortedDescending() else sorted()
                            return sorted.take(n)
                        }

                        internal val %2$s = UUID.randomUUID().toString()
                        """.formatted(type, "default" + type));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
