package io.agentfactory.sdk.reactor.codeintel.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.RefreshResult;
import io.agentfactory.sdk.error.CodeIndexException;

/**
 * Builds a {@link CodeIndex}: the walk and the file reads on {@link Schedulers#boundedElastic()},
 * extraction and fingerprinting of the files in parallel on {@link Schedulers#parallel()}.
 */
public final class CodeIndexer {

    private final Path root;
    private final Map<String, Extractor> byExtension;
    private final long maxFileBytes;
    private final Clock clock;
    private final FileStamp.View view;

    /** Later extractors replace earlier ones for the extensions they share. */
    public CodeIndexer(Path root, List<Extractor> extractors, long maxFileBytes) {
        this(root, extractors, maxFileBytes, Clock.systemUTC(), FileStamp.viewOf(root));
    }

    /** With the clock that dates each walk's start and the stat view of the stamps (tests pick both). */
    CodeIndexer(Path root, List<Extractor> extractors, long maxFileBytes, Clock clock, FileStamp.View view) {
        this.root = root;
        this.clock = clock;
        this.view = view;
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
     * parser-based {@link JavaParserExtractor} when JavaParser is present, else the regex one; for Kotlin the
     * tree-sitter {@link KotlinTreeSitterExtractor} when tree-sitter is present, else the regex one.
     */
    public static List<Extractor> defaultExtractors() {
        List<Extractor> extractors = ParserPresence.javaParser() ? withJava(javaParserExtractor()) : regexExtractors();
        return ParserPresence.treeSitterKotlin() ? withKotlinParser(extractors) : extractors;
    }

    /** The regex and line-scanner extractors only: Go, TypeScript/JavaScript, Python, Rust, Java, Kotlin. */
    public static List<Extractor> regexExtractors() {
        return withJava(new JavaExtractor());
    }

    private static List<Extractor> withJava(Extractor java) {
        return List.of(new GoExtractor(), new TypeScriptExtractor(), new PythonExtractor(), new RustExtractor(), java,
                new KotlinExtractor());
    }


    /**
     * {@code extractors} with the regex Kotlin extractor replaced by the tree-sitter one, in its place.
     * Only called when tree-sitter is present; its natives are loaded later, by {@link #prepare()}.
     */
    private static List<Extractor> withKotlinParser(List<Extractor> extractors) {
        List<Extractor> replaced = new ArrayList<>(extractors);
        replaced.replaceAll(e -> e instanceof KotlinExtractor ? new KotlinTreeSitterExtractor() : e);
        return List.copyOf(replaced);
    }

    /** Prepares the extractors that need it (native libraries), on the walk's boundedElastic thread. */
    private void prepare() {
        for (Extractor extractor : byExtension.values()) {
            if (extractor instanceof PreparedExtractor prepared) {
                prepared.prepare();
            }
        }
    }

    /** The walk, after the extractors are prepared: blocking, run on boundedElastic. */
    private FileDiscovery.Walk walk(FileDiscovery.Stamps previous) {
        prepare();
        return FileDiscovery.walk(root, byExtension::containsKey, maxFileBytes, previous, clock.instant(), view);
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
        return CodeIndex.entry(source, symbols, clock.millis());
    }

    /**
     * The outcome of an incremental build.
     *
     * @param index the new index
     * @param result what was extracted, kept and dropped
     * @param stamps the stamps of its walk, which the next refresh of the same instance trusts
     */
    public record Build(CodeIndex index, RefreshResult result, FileDiscovery.Stamps stamps) {
    }

    /**
     * An incremental build against {@code previous} entries by path (empty for a cold build): the
     * walk reads and git-blob-hashes every file, except those its {@code stamps} show unchanged
     * since the walk that stamped them (those keep their previous entry unread); a file whose hash
     * and language are those of its previous entry keeps that entry (the same object); only added
     * and modified files are extracted; previous entries not walked are dropped. When {@code store}
     * is present the result is persisted unless the Merkle root hash and the file count equal
     * {@code previousRootHash}'s tree and nothing was extracted.
     *
     * @param stamps the previous walk's stamps, for files of {@code previous} with the stamped hash only
     */
    Mono<Build> build(Map<String, FileEntry> previous, String previousRootHash, FileDiscovery.Stamps stamps,
            @Nullable IndexStore store) {
        return Mono.fromCallable(() -> walk(stamps))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(walk -> {
                    AtomicInteger added = new AtomicInteger();
                    AtomicInteger modified = new AtomicInteger();
                    List<FileEntry> trusted = new ArrayList<>(walk.trusted().size());
                    walk.trusted().forEach((path, gitHash) -> trusted.add(trustedEntry(previous, path, gitHash)));
                    return Flux.fromIterable(walk.files())
                            .parallel()
                            .runOn(Schedulers.parallel())
                            .map(source -> {
                                FileEntry old = previous.get(source.path());
                                Extractor extractor = byExtension.get(FileDiscovery.extension(Path.of(source.path())));
                                if (old != null && old.file().gitHash().equals(source.gitHash())
                                        && sameLanguage(old.file().language(), extractor, source.path())) {
                                    return old;
                                }
                                (old == null ? added : modified).incrementAndGet();
                                return extract(source);
                            })
                            .sequential()
                            .collectList()
                            .map(read -> {
                                List<FileEntry> entries = new ArrayList<>(read.size() + trusted.size());
                                entries.addAll(read);
                                entries.addAll(trusted);
                                Map<String, String> hashes = new HashMap<>(walk.trusted());
                                walk.files().forEach(f -> hashes.put(f.path(), f.gitHash()));
                                int deleted = 0;
                                for (String path : previous.keySet()) {
                                    if (!hashes.containsKey(path)) {
                                        deleted++;
                                    }
                                }
                                String rootHash = MerkleTree.rootHash(hashes);
                                CodeIndex index = CodeIndex.of(entries, walk.skipped());
                                int extracted = added.get() + modified.get();
                                boolean same = extracted == 0 && deleted == 0 && rootHash.equals(previousRootHash)
                                        && previous.size() == entries.size();
                                return new Build(index, new RefreshResult(index.stats(), added.get(), modified.get(), deleted,
                                        entries.size() - extracted, rootHash, store != null && !same), walk.stamps());
                            });
                })
                .flatMap(build -> build.result().saved()
                        ? Mono.fromCallable(() -> {
                            store.save(build.index().entries(), build.result().rootHash());
                            return build;
                        }).subscribeOn(Schedulers.boundedElastic())
                        : Mono.just(build));
    }

    /**
     * The previous entry of a file the walk trusted unread. Stamps are only ever taken of files whose
     * entry is in the same build with the stamped hash, so a miss is a bug, not a tree change.
     */
    private FileEntry trustedEntry(Map<String, FileEntry> previous, String path, String gitHash) {
        FileEntry old = previous.get(path);
        if (old == null || !old.file().gitHash().equals(gitHash)) {
            throw new IllegalStateException("a stamped file has no previous entry with its hash: " + path);
        }
        return old;
    }

    /**
     * The first build: the persisted index of {@code store} (when present, usable and consistent)
     * is the previous index, so an unchanged tree is opened with no extraction.
     */
    public Mono<Build> initial(@Nullable IndexStore store) {
        if (store == null) {
            return build(Map.of(), "", FileDiscovery.Stamps.NONE, null);
        }
        return Mono.fromCallable(store::load)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(loaded -> loaded.isPresent()
                        ? build(loaded.get().entries(), loaded.get().rootHash(), FileDiscovery.Stamps.NONE, store)
                        : build(Map.of(), "", FileDiscovery.Stamps.NONE, store));
    }

    /**
     * An incremental build against {@code previous} (its entries are kept where unchanged; files its
     * walk stamped and whose stat has not moved since are not even read).
     */
    public Mono<Build> refresh(Build previous, @Nullable IndexStore store) {
        return build(previous.index().entriesByPath(), previous.result().rootHash(), previous.stamps(), store);
    }

    /** A cold build, when subscribed; a failing walk or extractor is signalled as a {@link CodeIndexException}. */
    public Mono<CodeIndex> build() {
        return Mono.fromCallable(() -> walk(FileDiscovery.Stamps.NONE))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(walk -> Flux.fromIterable(walk.files())
                        .parallel()
                        .runOn(Schedulers.parallel())
                        .map(this::extract)
                        .sequential()
                        .collectList()
                        .map(entries -> CodeIndex.of(entries, walk.skipped())));
    }

    // An unchanged JavaScript file keeps its entry.

    /**
     * Whether an entry tagged {@code indexed} is what {@code extractor} makes of {@code path}: the
     * TypeScript extractor tags JavaScript files {@code javascript}, not its own {@code typescript}.
     */
    private static boolean sameLanguage(String indexed, Extractor extractor, String path) {
        return indexed.equals(extractor.language())
                || extractor instanceof TypeScriptExtractor && indexed.equals(TypeScriptExtractor.languageOf(path));
    }
}
