package io.agentfactory.sdk.reactor.codeintel.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.error.CodeIndexException;

/**
 * Builds a {@link CodeIndex}: the walk and the file reads on {@link Schedulers#boundedElastic()},
 * extraction and fingerprinting of the files in parallel on {@link Schedulers#parallel()}.
 */
public final class CodeIndexer {

    private final Path root;
    private final Map<String, Extractor> byExtension;
    private final long maxFileBytes;

    /** Later extractors replace earlier ones for the extensions they share. */
    public CodeIndexer(Path root, List<Extractor> extractors, long maxFileBytes) {
        this.root = root;
        Map<String, Extractor> map = new HashMap<>();
        for (Extractor extractor : extractors) {
            for (String extension : extractor.extensions()) {
                map.put(extension.toLowerCase(Locale.ROOT), extractor);
            }
        }
        this.byExtension = Map.copyOf(map);
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * The default extractors: Go, TypeScript/JavaScript, Python, Rust, Java, Kotlin; for Java the
     * parser-based {@link JavaParserExtractor} when JavaParser is present, else the regex one.
     */
    public static List<Extractor> defaultExtractors() {
        return ParserPresence.javaParser() ? withJava(javaParserExtractor()) : regexExtractors();
    }

    /** The regex and line-scanner extractors only: Go, TypeScript/JavaScript, Python, Rust, Java, Kotlin. */
    public static List<Extractor> regexExtractors() {
        return withJava(new JavaExtractor());
    }

    private static List<Extractor> withJava(Extractor java) {
        return List.of(new GoExtractor(), new TypeScriptExtractor(), new PythonExtractor(), new RustExtractor(), java,
                new KotlinExtractor());
    }

    /** Only called when JavaParser is present: the class is linked on the first call, not before. */
    private static Extractor javaParserExtractor() {
        return new JavaParserExtractor();
    }

    private FileEntry extract(FileDiscovery.SourceFile source) {
        Extractor extractor = byExtension.get(FileDiscovery.extension(Path.of(source.path())));
        FileSymbols symbols;
        try {
            symbols = extractor.extract(source.text(), source.path());
        } catch (RuntimeException e) {
            throw new CodeIndexException(root.toString(), "the " + extractor.language() + " extractor failed on " + source.path(), e);
        }
        return CodeIndex.entry(source, symbols);
    }

    /** A cold build, when subscribed; a failing walk or extractor is signalled as a {@link CodeIndexException}. */
    public Mono<CodeIndex> build() {
        return Mono.fromCallable(() -> FileDiscovery.walk(root, byExtension::containsKey, maxFileBytes))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(walk -> Flux.fromIterable(walk.files())
                        .parallel()
                        .runOn(Schedulers.parallel())
                        .map(this::extract)
                        .sequential()
                        .collectList()
                        .map(entries -> CodeIndex.of(entries, walk.skipped())));
    }
}
