package io.agentfactory.sdk.reactor.codeintel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.codeintel.CodeIntel;
import io.agentfactory.sdk.codeintel.CodeQuery;
import io.agentfactory.sdk.codeintel.CodeSearchHit;
import io.agentfactory.sdk.codeintel.CrossDepsQuery;
import io.agentfactory.sdk.codeintel.CrossDepsReport;
import io.agentfactory.sdk.codeintel.DuplicateQuery;
import io.agentfactory.sdk.codeintel.DuplicateResult;
import io.agentfactory.sdk.codeintel.IndexStats;
import io.agentfactory.sdk.codeintel.IndexedFile;
import io.agentfactory.sdk.codeintel.RefreshResult;
import io.agentfactory.sdk.codeintel.RepoMap;
import io.agentfactory.sdk.codeintel.RepoMapQuery;
import io.agentfactory.sdk.codeintel.SymbolQuery;
import io.agentfactory.sdk.codeintel.SymbolSearchResult;
import io.agentfactory.sdk.codeintel.TypeUsageQuery;
import io.agentfactory.sdk.codeintel.TypeUsages;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.reactor.codeintel.internal.CodeIndex;
import io.agentfactory.sdk.reactor.codeintel.internal.CodeIndexer;
import io.agentfactory.sdk.reactor.codeintel.internal.IndexStore;
import io.agentfactory.sdk.reactor.codeintel.internal.RankedFiles;
import io.agentfactory.sdk.reactor.codeintel.internal.RescoringPass;
import io.agentfactory.sdk.reactor.codeintel.internal.TreeWatcher;
import io.agentfactory.sdk.reactor.codeintel.internal.UsageQueries;

/**
 * {@link CodeIntel} on Reactor with a warm in-memory index: the first query (or {@link #stats()})
 * walks the root and extracts every file (reusing, when persistence is on, the unchanged entries of
 * {@code <root>/.donmai/code-index/index.json}, and rewriting it when anything changed); later queries reuse that index until {@link #refresh()}
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
    /** How long a writer waits for the lock of the persisted index before failing the write. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private final CodeIndexer indexer;
    private final @Nullable IndexStore store;
    private final AtomicReference<Mono<CodeIndexer.Build>> current = new AtomicReference<>();
    private final AtomicReference<Mono<CodeIndexer.Build>> refreshing = new AtomicReference<>();
    private final Rescoring rescoring;

    private ReactorCodeIntel(Path root, CodeIntelOptions options) {
        this.root = root;
        this.indexer = new CodeIndexer(root, options.extractors(), options.maxFileBytes());
        this.store = options.persistent() ? new IndexStore(root, LOCK_WAIT) : null;
        this.rescoring = options.rescoring();
        this.usageQueries = new UsageQueries(root, options.extractors(), options.maxFileBytes());
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
        return refreshIncremental().map(RefreshResult::stats);
    }

    /**
     * Re-walks the root and rebuilds the index incrementally: only files whose git blob hash changed
     * (or that are new) are extracted, deleted ones dropped, the rest kept; the persisted index is
     * rewritten when something changed. Queries running meanwhile use the previous index. A
     * refresh asked for while one runs shares that one. Errors: {@code CodeIndexException} when the
     * walk, an extractor or the write (including the lock wait) fails; the previous index stays.
     */
    public Mono<RefreshResult> refreshIncremental() {
        return sharedRefresh().publishOn(Schedulers.parallel()).map(CodeIndexer.Build::result);
    }

    // --- watch ---

    /** The quiet period {@link #watch()} waits for before refreshing. */
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(300);

    @Override
    public Flux<IndexStats> watch(Duration debounce) {
        return watchChanges(debounce).map(RefreshResult::stats);
    }

    /**
     * Watches the root ({@link java.nio.file.WatchService}, every indexed directory, new ones
     * included; never {@code .donmai}), emits one refresh once watching has started (so no later
     * change is missed), and then, after each burst of events followed by {@code debounce}
     * of quiet, refreshes incrementally and emits what the refresh did. An OVERFLOW (lost events)
     * triggers a refresh too; every refresh re-walks the whole tree and re-reads every file whose
     * stat (size, mtime, inode, ctime) moved or is too recent to trust, so nothing is missed.
     * Cancelling closes the watch service and stops its polling thread. Errors:
     * {@code InvalidArgumentException} for a non-positive debounce, {@code CodeIndexException}
     * when the tree cannot be watched or a refresh fails.
     */
    public Flux<RefreshResult> watchChanges(Duration debounce) {
        Objects.requireNonNull(debounce, "debounce");
        if (debounce.isNegative() || debounce.isZero()) {
            return Flux.error(new InvalidArgumentException("debounce must be > 0: " + debounce));
        }
        return TreeWatcher.changes(root)
                .sampleTimeout(change -> Mono.delay(debounce))
                .onBackpressureLatest()
                .concatMap(change -> refreshIncremental(), 1);
    }

    private Mono<CodeIndexer.Build> sharedRefresh() {
        return Mono.defer(() -> {
            Mono<CodeIndexer.Build> running = refreshing.get();
            if (running != null) {
                return running;
            }
            Mono<CodeIndexer.Build> base = current.get();
            Mono<CodeIndexer.Build> build = base == null
                    ? indexer.initial(store)
                    : base.onErrorResume(e -> Mono.empty())
                            .flatMap(previous -> indexer.refresh(previous, store))
                            .switchIfEmpty(Mono.defer(() -> indexer.initial(store)));
            @SuppressWarnings("unchecked")
            Mono<CodeIndexer.Build>[] self = new Mono[1];
            // The running refresh is forgotten before its result or error reaches a subscriber (not
            // only in doFinally, which may run after the caller already asked for the next refresh):
            // re-subscribing to a finished share() would rerun the build against the old base.
            self[0] = build
                    .doOnNext(done -> {
                        current.set(Mono.just(done));
                        refreshing.compareAndSet(self[0], null);
                    })
                    .doOnError(e -> refreshing.compareAndSet(self[0], null))
                    .doFinally(signal -> refreshing.compareAndSet(self[0], null))
                    .share();
            return refreshing.compareAndSet(null, self[0]) ? self[0] : sharedRefresh();
        });
    }

    @Override
    public Mono<SymbolSearchResult> searchSymbols(SymbolQuery query) {
        Objects.requireNonNull(query, "query");
        return index().map(index -> index.searchSymbols(query));
    }

    @Override
    public Flux<CodeSearchHit> searchCode(CodeQuery query) {
        Objects.requireNonNull(query, "query");
        if (rescoring.enabled()) {
            return rescoredSearch(query);
        }
        return index().flatMapIterable(index -> index.searchCode(query));
    }

    // --- rescoring ---

    /** {@link CodeQuery}'s default number of hits. */
    private static final int DEFAULT_CODE_RESULTS = 20;

    /**
     * BM25 for at least the rescoring head, the head through the {@link Rescoring} stages (on the
     * network, within the budget, falling back to the order before a failed stage), then the limit.
     */
    private Flux<CodeSearchHit> rescoredSearch(CodeQuery query) {
        int limit = query.maxResults() > 0 ? query.maxResults() : DEFAULT_CODE_RESULTS;
        CodeQuery wide = new CodeQuery(query.query(), Math.max(limit, rescoring.headSize()), query.language());
        return index().map(index -> index.searchCode(wide))
                .flatMap(hits -> RescoringPass.apply(query.query(), hits, rescoring.stages(), rescoring.headSize(),
                        rescoring.budget(), Schedulers.parallel()))
                .publishOn(Schedulers.parallel())
                .flatMapIterable(hits -> hits.subList(0, Math.min(limit, hits.size())));
    }

    @Override
    public Mono<DuplicateResult> checkDuplicate(DuplicateQuery query) {
        Objects.requireNonNull(query, "query");
        return index().map(index -> index.checkDuplicate(query));
    }

    /** The warm index (built on first use), delivered on the parallel scheduler for the CPU work that follows. */
    private Mono<CodeIndex> index() {
        return warmBuild().map(CodeIndexer.Build::index);
    }

    /** The warm build (started on first use), delivered on the parallel scheduler. */
    private Mono<CodeIndexer.Build> warmBuild() {
        return Mono.defer(() -> {
            Mono<CodeIndexer.Build> warm = current.get();
            if (warm == null) {
                Mono<CodeIndexer.Build> fresh = indexer.initial(store).cacheInvalidateIf(build -> false);
                warm = current.compareAndSet(null, fresh) ? fresh : current.get();
            }
            return warm;
        }).publishOn(Schedulers.parallel());
    }

    @Override
    public String toString() {
        return "ReactorCodeIntel[" + root + "]";
    }

    // --- repo map ---

    /** The ranks of the warm build, computed once per build (a refresh or watch makes a new build). */
    private final AtomicReference<RankedBuild> rankedBuild = new AtomicReference<>();

    private record RankedBuild(CodeIndexer.Build build, Mono<RankedFiles> ranks) {
    }

    /**
     * {@inheritDoc}
     *
     * <p>The first call after a build reads the root {@code go.mod} (bounded-elastic), builds the
     * import graph and runs PageRank (parallel); later calls on the same build only filter and cut.
     */
    @Override
    public Mono<RepoMap> repoMap(RepoMapQuery query) {
        Objects.requireNonNull(query, "query");
        return warmBuild().flatMap(this::ranks).map(ranks -> ranks.map(query));
    }

    private Mono<RankedFiles> ranks(CodeIndexer.Build build) {
        RankedBuild cached = rankedBuild.get();
        if (cached != null && cached.build() == build) {
            return cached.ranks();
        }
        Mono<RankedFiles> ranks =
                RankedFiles
                        .compute(root, build.index(), build.result().rootHash())
                        .cacheInvalidateIf(r -> false);
        RankedBuild fresh = new RankedBuild(build, ranks);
        rankedBuild.compareAndSet(cached, fresh);
        return ranks;
    }

    // --- type usages and cross deps ---

    /** The index-free queries; each call walks the tree afresh. */
    private final UsageQueries usageQueries;

    /**
     * {@inheritDoc}
     *
     * <p>Scans the files with an extension of the configured extractors (Java and Kotlin included),
     * at most {@link CodeIntelOptions#maxFileBytes()} each; see {@code TypeUsageKind} for the line rules.
     */
    @Override
    public Mono<TypeUsages> findTypeUsages(TypeUsageQuery query) {
        Objects.requireNonNull(query, "query");
        return usageQueries.findTypeUsages(query);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Scans {@code .ts .tsx .js .jsx .mjs .cjs .go .py .rs} files, at most
     * {@link CodeIntelOptions#maxFileBytes()} each; a {@code package.json} over 1 MiB is listed as unreadable.
     */
    @Override
    public Mono<CrossDepsReport> validateCrossDeps(CrossDepsQuery query) {
        Objects.requireNonNull(query, "query");
        return usageQueries.validateCrossDeps(query);
    }
}
