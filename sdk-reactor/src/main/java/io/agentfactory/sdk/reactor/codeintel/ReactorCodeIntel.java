package io.agentfactory.sdk.reactor.codeintel;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.codeintel.CodeIntel;
import io.agentfactory.sdk.codeintel.CodeQuery;
import io.agentfactory.sdk.codeintel.CodeSearchHit;
import io.agentfactory.sdk.codeintel.DuplicateQuery;
import io.agentfactory.sdk.codeintel.DuplicateResult;
import io.agentfactory.sdk.codeintel.IndexStats;
import io.agentfactory.sdk.codeintel.IndexedFile;
import io.agentfactory.sdk.codeintel.SymbolQuery;
import io.agentfactory.sdk.codeintel.SymbolSearchResult;
import io.agentfactory.sdk.reactor.codeintel.internal.CodeIndex;
import io.agentfactory.sdk.reactor.codeintel.internal.CodeIndexer;

/**
 * {@link CodeIntel} on Reactor with a warm in-memory index: the first query (or {@link #stats()})
 * walks the root and extracts every file; later queries reuse that index until {@link #refresh()}
 * builds a new one (queries already running finish on the old one). A failed build is not kept:
 * the next query tries again.
 *
 * <pre>{@code
 * CodeIntel code = ReactorCodeIntel.open(Path.of("."));
 * code.searchSymbols(SymbolQuery.of("GitBlobHash")).subscribe(System.out::println);
 * }</pre>
 */
public final class ReactorCodeIntel implements CodeIntel {

    private final Path root;
    private final CodeIndexer indexer;
    private final AtomicReference<Mono<CodeIndex>> current = new AtomicReference<>();

    private ReactorCodeIntel(Path root, CodeIntelOptions options) {
        this.root = root;
        this.indexer = new CodeIndexer(root, options.extractors(), options.maxFileBytes());
    }

    /** Code intelligence over {@code root} with the default options. Nothing is read until the first query. */
    public static CodeIntel open(Path root) {
        return open(root, CodeIntelOptions.defaults());
    }

    /** Code intelligence over {@code root} with {@code options}. Nothing is read until the first query. */
    public static CodeIntel open(Path root, CodeIntelOptions options) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(options, "options");
        return new ReactorCodeIntel(root.toAbsolutePath().normalize(), options);
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Mono<IndexStats> stats() {
        return index().map(CodeIndex::stats);
    }

    @Override
    public Flux<IndexedFile> files() {
        return index().flatMapIterable(CodeIndex::files);
    }

    @Override
    public Mono<IndexStats> refresh() {
        return Mono.defer(() -> {
            Mono<CodeIndex> fresh = indexer.build().cacheInvalidateIf(index -> false);
            current.set(fresh);
            return fresh;
        }).publishOn(Schedulers.parallel()).map(CodeIndex::stats);
    }

    @Override
    public Mono<SymbolSearchResult> searchSymbols(SymbolQuery query) {
        Objects.requireNonNull(query, "query");
        return index().map(index -> index.searchSymbols(query));
    }

    @Override
    public Flux<CodeSearchHit> searchCode(CodeQuery query) {
        Objects.requireNonNull(query, "query");
        return index().flatMapIterable(index -> index.searchCode(query));
    }

    @Override
    public Mono<DuplicateResult> checkDuplicate(DuplicateQuery query) {
        Objects.requireNonNull(query, "query");
        return index().map(index -> index.checkDuplicate(query));
    }

    /** The warm index (built on first use), delivered on the parallel scheduler for the CPU work that follows. */
    private Mono<CodeIndex> index() {
        return Mono.defer(() -> {
            Mono<CodeIndex> warm = current.get();
            if (warm == null) {
                Mono<CodeIndex> fresh = indexer.build().cacheInvalidateIf(index -> false);
                warm = current.compareAndSet(null, fresh) ? fresh : current.get();
            }
            return warm;
        }).publishOn(Schedulers.parallel());
    }

    @Override
    public String toString() {
        return "ReactorCodeIntel[" + root + "]";
    }
}
