package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.agentfactory.sdk.codeintel.Symbol;

/**
 * An inverted index over symbols for Okapi BM25 with the reference's parameters (k1 = 1.5,
 * b = 0.75, idf = ln((N - df + 0.5) / (df + 0.5) + 1)). A document is a symbol's
 * {@code name kind [signature] [documentation] [filePath]}; one posting per (document, term) carries
 * the term frequency; repeated query tokens count again. Immutable once built.
 */
final class Bm25Index {

    static final double K1 = 1.5;
    static final double B = 0.75;

    /** One scored document: its position in the corpus and its score. */
    record Scored(int document, double score) {
    }

    private record Posting(int document, int termFrequency) {
    }

    private final Map<String, List<Posting>> postings;
    private final int[] lengths;
    private final double averageLength;

    private Bm25Index(Map<String, List<Posting>> postings, int[] lengths, double averageLength) {
        this.postings = postings;
        this.lengths = lengths;
        this.averageLength = averageLength;
    }

    static Bm25Index of(List<Symbol> corpus) {
        Map<String, List<Posting>> postings = new HashMap<>();
        int[] lengths = new int[corpus.size()];
        long total = 0;
        for (int doc = 0; doc < corpus.size(); doc++) {
            List<String> tokens = CodeTokenizer.tokens(documentText(corpus.get(doc)));
            lengths[doc] = tokens.size();
            total += tokens.size();
            Map<String, Integer> frequencies = new LinkedHashMap<>();
            for (String token : tokens) {
                frequencies.merge(token, 1, Integer::sum);
            }
            for (Map.Entry<String, Integer> e : frequencies.entrySet()) {
                postings.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Posting(doc, e.getValue()));
            }
        }
        return new Bm25Index(postings, lengths, corpus.isEmpty() ? 0 : (double) total / corpus.size());
    }

    static String documentText(Symbol symbol) {
        StringBuilder text = new StringBuilder(symbol.name()).append(' ').append(symbol.kind().wireName());
        for (String part : new String[] {symbol.signature(), symbol.documentation(), symbol.filePath()}) {
            if (!part.isEmpty()) {
                text.append(' ').append(part);
            }
        }
        return text.toString();
    }

    /** The documents that share a token with the query, with their scores, in document order. */
    List<Scored> score(String query) {
        int n = lengths.length;
        List<String> queryTokens = CodeTokenizer.tokens(query);
        if (n == 0 || queryTokens.isEmpty()) {
            return List.of();
        }
        double[] scores = new double[n];
        boolean[] hit = new boolean[n];
        for (String token : queryTokens) {
            List<Posting> list = postings.get(token);
            if (list == null) {
                continue;
            }
            double df = list.size();
            double idf = Math.log((n - df + 0.5) / (df + 0.5) + 1);
            for (Posting p : list) {
                double tf = p.termFrequency();
                double norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * (lengths[p.document()] / averageLength)));
                scores[p.document()] += idf * norm;
                hit[p.document()] = true;
            }
        }
        List<Scored> out = new ArrayList<>();
        for (int doc = 0; doc < n; doc++) {
            if (hit[doc]) {
                out.add(new Scored(doc, scores[doc]));
            }
        }
        return out;
    }
}
