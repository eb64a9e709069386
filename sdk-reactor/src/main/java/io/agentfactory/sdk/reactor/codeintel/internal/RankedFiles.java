package io.agentfactory.sdk.reactor.codeintel.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.codeintel.IndexedFile;
import io.agentfactory.sdk.codeintel.RepoMap;
import io.agentfactory.sdk.codeintel.RepoMapEntry;
import io.agentfactory.sdk.codeintel.RepoMapQuery;
import io.agentfactory.sdk.codeintel.RepoMapSymbol;

/**
 * Every file of one index with its PageRank over the {@link ImportGraph}, by rank descending and
 * then path ascending; computed once per index, then each {@link #map(RepoMapQuery)} only filters
 * and cuts.
 */
public final class RankedFiles {

    private record Ranked(IndexedFile file, double rank) {
    }

    private final List<Ranked> ranked;
    private final String rootHash;
    private final int edges;

    private RankedFiles(List<Ranked> ranked, String rootHash, int edges) {
        this.ranked = ranked;
        this.rootHash = rootHash;
        this.edges = edges;
    }

    /**
     * Reads the root {@code go.mod} on a bounded-elastic worker, then builds the graph and ranks it
     * on the parallel scheduler.
     */
    public static Mono<RankedFiles> compute(Path root, CodeIndex index, String rootHash) {
        return Mono.fromCallable(() -> GoModFile.modulePath(root))
                .subscribeOn(Schedulers.boundedElastic())
                .publishOn(Schedulers.parallel())
                .map(modulePath -> of(index.files(), modulePath, rootHash));
    }

    static RankedFiles of(List<IndexedFile> files, String goModulePath, String rootHash) {
        ImportGraph graph = ImportGraph.of(files, goModulePath);
        double[] scores = graph.pageRank();
        List<IndexedFile> byPath = new ArrayList<>(files);
        byPath.sort(Comparator.comparing(IndexedFile::path));
        List<Ranked> ranked = new ArrayList<>(byPath.size());
        for (int i = 0; i < byPath.size(); i++) {
            ranked.add(new Ranked(byPath.get(i), scores[i]));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::rank).reversed().thenComparing(r -> r.file().path()));
        return new RankedFiles(List.copyOf(ranked), rootHash, graph.edgeCount());
    }

    /** How many import edges the graph has. */
    public int edges() {
        return edges;
    }

    /** The top {@code query.maxFiles()} files that match one of its patterns (all when it has none). */
    public RepoMap map(RepoMapQuery query) {
        List<PathGlob> globs = query.filePatterns().stream().map(PathGlob::of).toList();
        List<RepoMapEntry> entries = new ArrayList<>(Math.min(query.maxFiles(), ranked.size()));
        for (Ranked r : ranked) {
            if (entries.size() == query.maxFiles()) {
                break;
            }
            String path = r.file().path();
            if (globs.isEmpty() || globs.stream().anyMatch(glob -> glob.matches(path))) {
                entries.add(new RepoMapEntry(path, r.rank(), r.file().symbols().stream().map(RepoMapSymbol::of).toList()));
            }
        }
        return new RepoMap(entries, rootHash, ranked.size());
    }
}
