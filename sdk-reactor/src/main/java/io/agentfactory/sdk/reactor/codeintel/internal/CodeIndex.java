package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.codeintel.CodeMatch;
import io.agentfactory.sdk.codeintel.CodeQuery;
import io.agentfactory.sdk.codeintel.CodeSearchHit;
import io.agentfactory.sdk.codeintel.DuplicateKind;
import io.agentfactory.sdk.codeintel.DuplicateMatch;
import io.agentfactory.sdk.codeintel.DuplicateQuery;
import io.agentfactory.sdk.codeintel.DuplicateResult;
import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.IndexStats;
import io.agentfactory.sdk.codeintel.IndexedFile;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolHit;
import io.agentfactory.sdk.codeintel.SymbolMatch;
import io.agentfactory.sdk.codeintel.SymbolQuery;
import io.agentfactory.sdk.codeintel.SymbolSearchResult;

/**
 * The in-memory index of one walk: files by path, their symbols, and BM25 indexes built once per
 * language filter. Immutable apart from that cache; every query is pure CPU work.
 */
public final class CodeIndex {

    static final int SYMBOL_DEFAULT_LIMIT = 5;
    static final int SYMBOL_EXACT_LIMIT = 20;
    static final int CODE_DEFAULT_LIMIT = 20;

    private static final Comparator<Symbol> BY_POSITION = Comparator.comparing(Symbol::filePath)
            .thenComparingInt(Symbol::line)
            .thenComparing(Symbol::name);

    private final List<FileEntry> entries;
    private final List<Symbol> symbols;
    private final int skipped;
    private final Map<String, Corpus> corpora = new ConcurrentHashMap<>();

    private record Corpus(List<Symbol> symbols, Bm25Index index) {
    }

    private CodeIndex(List<FileEntry> entries, int skipped) {
        this.entries = List.copyOf(entries);
        this.skipped = skipped;
        List<Symbol> all = new ArrayList<>();
        for (FileEntry entry : this.entries) {
            all.addAll(entry.file().symbols());
        }
        this.symbols = List.copyOf(all);
    }

    /** Builds the index from extracted files (any order; kept by path). */
    static CodeIndex of(List<FileEntry> entries, int skipped) {
        List<FileEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(e -> e.file().path()));
        return new CodeIndex(sorted, skipped);
    }

    /** Fingerprints one extracted file, indexed at {@code indexedAtMillis} (Unix ms). */
    static FileEntry entry(FileDiscovery.SourceFile source, FileSymbols extracted, long indexedAtMillis) {
        IndexedFile file = new IndexedFile(source.path(), extracted.language(), source.gitHash(), extracted.symbols(),
                extracted.imports(), extracted.exports());
        return new FileEntry(file, DuplicateFingerprint.ofFile(source.text()),
                DuplicateFingerprint.ofSymbols(source.text(), extracted.symbols()), indexedAtMillis);
    }

    /** The entries by path (the same objects), for an incremental build to reuse. */
    Map<String, FileEntry> entriesByPath() {
        Map<String, FileEntry> out = new java.util.HashMap<>();
        for (FileEntry entry : entries) {
            out.put(entry.file().path(), entry);
        }
        return out;
    }

    /** The entries in path order. */
    List<FileEntry> entries() {
        return entries;
    }

    public List<IndexedFile> files() {
        return entries.stream().map(FileEntry::file).toList();
    }

    public IndexStats stats() {
        Map<String, Integer> perLanguage = new TreeMap<>();
        for (FileEntry entry : entries) {
            perLanguage.merge(entry.file().language(), 1, Integer::sum);
        }
        return new IndexStats(entries.size(), symbols.size(), perLanguage, skipped);
    }

    /** Name search: exact 10, prefix 5, contains 2, subsequence 0.5, times 1.5 when exported; exact matches alone when any. */
    public SymbolSearchResult searchSymbols(SymbolQuery query) {
        String wanted = lower(query.query());
        @Nullable PathGlob glob = query.filePattern().isEmpty() ? null : PathGlob.of(query.filePattern());
        List<SymbolHit> hits = new ArrayList<>();
        for (Symbol symbol : symbols) {
            if (glob != null && !glob.matches(symbol.filePath())
                    || !query.kinds().isEmpty() && !query.kinds().contains(symbol.kind())) {
                continue;
            }
            SymbolMatch match = nameMatch(lower(symbol.name()), wanted);
            if (match != null) {
                double score = switch (match) {
                    case EXACT -> 10.0;
                    case PREFIX -> 5.0;
                    case CONTAINS -> 2.0;
                    case SUBSEQUENCE -> 0.5;
                };
                hits.add(new SymbolHit(symbol, symbol.exported() ? score * 1.5 : score, match));
            }
        }
        hits.sort(Comparator.comparingDouble(SymbolHit::score).reversed()
                .thenComparing(h -> h.symbol().name())
                .thenComparing(h -> h.symbol().filePath())
                .thenComparingInt(h -> h.symbol().line()));
        List<SymbolHit> exact = hits.stream().filter(h -> h.match() == SymbolMatch.EXACT).toList();
        if (!exact.isEmpty()) {
            int limit = Math.min(query.maxResults() > 0 ? query.maxResults() : SYMBOL_EXACT_LIMIT, exact.size());
            return new SymbolSearchResult(exact.subList(0, limit), exact.size() - limit);
        }
        int limit = Math.min(query.maxResults() > 0 ? query.maxResults() : SYMBOL_DEFAULT_LIMIT, hits.size());
        return new SymbolSearchResult(hits.subList(0, limit), 0);
    }

    private static @Nullable SymbolMatch nameMatch(String name, String query) {
        if (name.equals(query)) {
            return SymbolMatch.EXACT;
        }
        if (name.startsWith(query)) {
            return SymbolMatch.PREFIX;
        }
        if (name.contains(query)) {
            return SymbolMatch.CONTAINS;
        }
        int at = 0;
        for (int i = 0; i < query.length(); ) {
            int cp = query.codePointAt(i);
            i += Character.charCount(cp);
            int found = name.indexOf(cp, at);
            if (found < 0) {
                return null;
            }
            at = found + Character.charCount(cp);
        }
        return SymbolMatch.SUBSEQUENCE;
    }

    /** BM25 over the symbols (of the query's language), name boosts, then score, path, line, name. */
    public List<CodeSearchHit> searchCode(CodeQuery query) {
        Corpus corpus = corpora.computeIfAbsent(query.language(), language -> {
            List<Symbol> subset = language.isEmpty() ? symbols
                    : symbols.stream().filter(s -> s.language().equals(language)).toList();
            return new Corpus(subset, Bm25Index.of(subset));
        });
        String wanted = lower(query.query());
        List<CodeSearchHit> hits = new ArrayList<>();
        for (Bm25Index.Scored scored : corpus.index().score(query.query())) {
            Symbol symbol = corpus.symbols().get(scored.document());
            String name = lower(symbol.name());
            if (name.equals(wanted)) {
                hits.add(new CodeSearchHit(symbol, scored.score() * 3.0, CodeMatch.EXACT_NAME));
            } else if (name.contains(wanted)) {
                hits.add(new CodeSearchHit(symbol, scored.score() * 1.5, CodeMatch.NAME_CONTAINS));
            } else {
                hits.add(new CodeSearchHit(symbol, scored.score(), CodeMatch.BM25));
            }
        }
        hits.sort(Comparator.comparingDouble(CodeSearchHit::score).reversed().thenComparing(CodeSearchHit::symbol, BY_POSITION));
        int limit = Math.min(query.maxResults() > 0 ? query.maxResults() : CODE_DEFAULT_LIMIT, hits.size());
        return List.copyOf(hits.subList(0, limit));
    }

    /** Exact and near matches at file and symbol granularity, in the reference's tier order. */
    public DuplicateResult checkDuplicate(DuplicateQuery query) {
        String normalised = DuplicateFingerprint.normalise(query.content());
        String hash = XxHash64.hex(normalised);
        long simHash = SimHash.of(normalised);
        record Candidate(int tier, DuplicateMatch match) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (FileEntry entry : entries) {
            String path = entry.file().path();
            for (DuplicateFingerprint symbol : entry.symbolFingerprints()) {
                if (symbol.contentHash().equals(hash)) {
                    candidates.add(new Candidate(0, new DuplicateMatch(path, symbol.symbolName(), symbol.line(), DuplicateKind.EXACT, 0)));
                } else if (symbol.simHash() != 0) {
                    int distance = SimHash.hammingDistance(simHash, symbol.simHash());
                    if (distance <= query.threshold()) {
                        candidates.add(new Candidate(2,
                                new DuplicateMatch(path, symbol.symbolName(), symbol.line(), DuplicateKind.NEAR, distance)));
                    }
                }
            }
            DuplicateFingerprint file = entry.fingerprint();
            if (file.contentHash().equals(hash)) {
                candidates.add(new Candidate(1, new DuplicateMatch(path, "", 0, DuplicateKind.EXACT, 0)));
            } else if (file.simHash() != 0) {
                int distance = SimHash.hammingDistance(simHash, file.simHash());
                if (distance <= query.threshold()) {
                    candidates.add(new Candidate(3, new DuplicateMatch(path, "", 0, DuplicateKind.NEAR, distance)));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::tier)
                .thenComparingInt(c -> c.match().hammingDistance())
                .thenComparing(c -> c.match().filePath())
                .thenComparingInt(c -> c.match().line()));
        int limit = Math.min(Math.max(query.maxResults(), 1), candidates.size());
        return new DuplicateResult(candidates.subList(0, limit).stream().map(Candidate::match).toList());
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
