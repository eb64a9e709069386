package io.agentfactory.sdk.codeintel;

import java.nio.file.Path;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.error.CodeIndexException;
import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * Code intelligence over one repository root, backed by an in-memory index that is built on the
 * first query and kept warm until {@link #refresh()}. Every method is lazy (nothing happens until
 * subscription) and never blocks: the file walk runs on a bounded-elastic worker, extraction and
 * queries on the parallel scheduler.
 *
 * <p>Errors: {@link CodeIndexException} when the root cannot be walked; invalid queries are
 * rejected by the query records themselves with {@link InvalidArgumentException}.
 */
public interface CodeIntel {

    /** The repository root, absolute and normalised. */
    Path root();

    /** Builds the index if it is not warm yet, and says what it covers. */
    Mono<IndexStats> stats();

    /** The indexed files, by path. */
    Flux<IndexedFile> files();

    /** Discards the warm index, walks the tree again and re-extracts every file. */
    Mono<IndexStats> refresh();

    /** Finds symbols by name; see {@link SymbolQuery} for scoring and {@link SymbolSearchResult} for the exact-match rule. */
    Mono<SymbolSearchResult> searchSymbols(SymbolQuery query);

    /** Ranks symbols by BM25 over their text; ties break by file path, then line, then name. */
    Flux<CodeSearchHit> searchCode(CodeQuery query);

    /** Looks for the content, exactly or nearly, among the indexed files and symbol bodies. */
    Mono<DuplicateResult> checkDuplicate(DuplicateQuery query);

    // --- watch ---

    /**
     * Watches the root for file changes: emits the stats once watching has started, then, after each burst of changes followed by
     * {@code debounce} of quiet, refreshes the index incrementally (only changed files are
     * re-extracted) and emits the new stats. Runs until cancelled; cancelling stops watching.
     * Errors: {@link InvalidArgumentException} for a non-positive debounce, {@link CodeIndexException}
     * when the tree cannot be watched or a refresh fails.
     */
    Flux<IndexStats> watch(java.time.Duration debounce);

    /** {@link #watch(java.time.Duration)} with a 300 ms debounce. */
    default Flux<IndexStats> watch() {
        return watch(java.time.Duration.ofMillis(300));
    }

    // --- repo map ---

    /**
     * The repository map: every indexed file ranked by PageRank over the import graph (JS/TS
     * relative specifiers, Go packages, Python modules, Rust {@code use} paths, Java and Kotlin
     * imports), highest first, ties by path; the query's patterns filter the output, never the
     * graph. The ranks are computed once per index and reused until the next refresh.
     * Errors: {@link CodeIndexException} when the index cannot be built.
     */
    Mono<RepoMap> repoMap(RepoMapQuery query);

    /** {@link #repoMap(RepoMapQuery)} of the top 50 files of the whole repository. */
    default Mono<RepoMap> repoMap() {
        return repoMap(RepoMapQuery.defaults());
    }

    // --- type usages and cross deps ---

    /**
     * Finds the lines that use a type, by the reference's line rules (see {@link TypeUsageKind}), in
     * the files with an indexed extension that contain the name; the walk skips what the index skips
     * and never follows symbolic links. Errors: {@link CodeIndexException} when the root cannot be walked.
     */
    Mono<TypeUsages> findTypeUsages(TypeUsageQuery query);

    /**
     * Checks a JavaScript/TypeScript monorepo: every import of a workspace package (a {@code package.json}
     * with a name, at most 5 directories deep) must be declared by the importing file's package.
     * A {@code package.json} that cannot be read or is malformed is listed in the report, never fatal.
     * Errors: {@link CodeIndexException} when the root cannot be walked.
     */
    Mono<CrossDepsReport> validateCrossDeps(CrossDepsQuery query);
}
