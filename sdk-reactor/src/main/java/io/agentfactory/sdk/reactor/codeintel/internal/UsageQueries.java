package io.agentfactory.sdk.reactor.codeintel.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.codeintel.CrossDepsQuery;
import io.agentfactory.sdk.codeintel.CrossDepsReport;
import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.codeintel.MissingDependency;
import io.agentfactory.sdk.codeintel.TypeUsage;
import io.agentfactory.sdk.codeintel.TypeUsageKind;
import io.agentfactory.sdk.codeintel.TypeUsageQuery;
import io.agentfactory.sdk.codeintel.TypeUsages;

/**
 * The index-free queries over a repository: type usages and cross-package dependencies. Each call
 * walks the tree afresh (nothing is cached): the walk and the file reads on
 * {@link Schedulers#boundedElastic()} (a few files at a time), the line scans on
 * {@link Schedulers#parallel()}. Cancelling stops the walk's downstream reads and scans.
 */
public final class UsageQueries {

    private static final int READ_CONCURRENCY = 4;

    private final Path root;
    private final Set<String> extensions;
    private final long maxFileBytes;

    /**
     * @param root the repository root
     * @param extractors their extensions are the ones type usages scan (as the index does)
     * @param maxFileBytes larger files are not scanned
     */
    public UsageQueries(Path root, List<Extractor> extractors, long maxFileBytes) {
        this.root = root;
        Set<String> all = new HashSet<>();
        for (Extractor extractor : extractors) {
            for (String extension : extractor.extensions()) {
                all.add(extension.toLowerCase(Locale.ROOT));
            }
        }
        this.extensions = Set.copyOf(all);
        this.maxFileBytes = maxFileBytes;
    }

    /** See {@code CodeIntel.findTypeUsages}; errors: {@code CodeIndexException} when the root cannot be walked. */
    public Mono<TypeUsages> findTypeUsages(TypeUsageQuery query) {
        TypeUsageRules rules = new TypeUsageRules(query.typeName());
        return readAll(extensions::contains, query.pathPrefix())
                .parallel()
                .runOn(Schedulers.parallel())
                .map(source -> rules.scan(source.path(), source.text()))
                .sequential()
                .collectList()
                .map(perFile -> usages(query, perFile));
    }

    private static TypeUsages usages(TypeUsageQuery query, List<List<TypeUsage>> perFile) {
        List<TypeUsage> all = new ArrayList<>();
        perFile.forEach(all::addAll);
        all.sort(Comparator.comparingInt((TypeUsage u) -> u.kind().priority())
                .thenComparing(TypeUsage::filePath)
                .thenComparingInt(TypeUsage::line));
        Map<TypeUsageKind, Integer> counts = new EnumMap<>(TypeUsageKind.class);
        for (TypeUsage usage : all) {
            counts.merge(usage.kind(), 1, Integer::sum);
        }
        List<TypeUsage> kept = all.size() > query.limit() ? all.subList(0, query.limit()) : all;
        return new TypeUsages(query.typeName(), kept, all.size(), counts);
    }

    /** See {@code CodeIntel.validateCrossDeps}; errors: {@code CodeIndexException} when the root cannot be walked. */
    public Mono<CrossDepsReport> validateCrossDeps(CrossDepsQuery query) {
        return Mono.fromCallable(() -> WorkspacePackages.discover(SourceWalk.realRoot(root)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> {
                    if (found.packages().isEmpty()) { // nothing can own a file: no need to walk the sources
                        return Mono.just(new CrossDepsReport(List.of(), 0, 0, found.unreadable()));
                    }
                    CrossDepsCheck check = new CrossDepsCheck(found.packages());
                    return readAll(CrossDepsCheck.EXTENSIONS::contains, query.targetPath(), path -> check.owner(path) != null)
                            .parallel()
                            .runOn(Schedulers.parallel())
                            .map(source -> check.missing(source.path(), source.text()))
                            .sequential()
                            .collectList()
                            .map(perFile -> {
                                List<MissingDependency> all = new ArrayList<>();
                                perFile.forEach(all::addAll);
                                return new CrossDepsReport(CrossDepsCheck.dedupe(all), found.packages().size(),
                                        perFile.size(), found.unreadable());
                            });
                });
    }

    /** A file's path and text. */
    private record Source(String path, String text) {
    }

    private Flux<Source> readAll(java.util.function.Predicate<String> extension, String prefix) {
        return readAll(extension, prefix, path -> true);
    }

    /** The accepted files' texts, in path order, read on bounded-elastic workers; unreadable or too large ones left out. */
    private Flux<Source> readAll(java.util.function.Predicate<String> extension, String prefix,
            java.util.function.Predicate<String> wanted) {
        return Mono.fromCallable(() -> SourceWalk.files(root, extension, prefix))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable)
                .filter(candidate -> wanted.test(candidate.path()))
                .flatMapSequential(candidate -> Mono.fromCallable(() -> {
                    String text = SourceWalk.readText(candidate, maxFileBytes);
                    return text == null ? null : new Source(candidate.path(), text);
                }).subscribeOn(Schedulers.boundedElastic()), READ_CONCURRENCY);
    }
}
