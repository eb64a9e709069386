package io.agentfactory.sdk.examples.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cases of one tree, built by the reference's evaluation method from {@code git grep} and the
 * files' text, independent of the extractors under test.
 *
 * <ul>
 *   <li><b>find-symbol</b>: names declared exactly once in the tree (by {@link BenchLanguage}'s
 *       rules, four characters or more); expected: that file and its declaration line.</li>
 *   <li><b>locate-usage</b>: some of those names; expected: every file {@code git grep -lw} finds
 *       them in (2 to 40 files).</li>
 *   <li><b>dedup</b>: positives are {@link RenamedCopy re-indented copies} (with 0, 1 and 3
 *       identifiers renamed) of declaration bodies (5 to 80 lines) and of whole files (5 to 400 lines) of this tree, expected to be found in the
 *       file they were copied from; negatives are bodies of the <i>other</i> tree verified to be no
 *       duplicate here (token-set Jaccard similarity below {@value #NEGATIVE_MAX_JACCARD} against
 *       every body and file of this tree).</li>
 * </ul>
 *
 * @param findSymbol the find-symbol cases
 * @param usages the locate-usage cases
 * @param dedup the dedup cases, positives and negatives
 */
record RetrievalCases(List<FindSymbolCase> findSymbol, List<UsageCase> usages, List<DedupCase> dedup) {

    /** The renamed-identifier counts of the positives' copies. */
    static final List<Integer> RENAMES = List.of(0, 1, 3);

    /** The largest token-set similarity a negative may have with anything of the tree. */
    static final double NEGATIVE_MAX_JACCARD = 0.3;

    private static final Pattern TOKEN_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * A find-symbol case.
     *
     * @param name the name searched
     * @param path the declaring file
     * @param line its declaration line
     * @param language the file's language
     */
    record FindSymbolCase(String name, String path, int line, BenchLanguage language) {
    }

    /**
     * A locate-usage case.
     *
     * @param name the name searched
     * @param language the declaring file's language
     * @param files the files using it, by {@code git grep -lw}
     */
    record UsageCase(String name, BenchLanguage language, Set<String> files) {
    }

    /**
     * A dedup case.
     *
     * @param positive whether it is a copy of something in the tree
     * @param granularity {@code body} or {@code file}
     * @param renames how many identifiers the copy renamed (0: whitespace changed only)
     * @param language the language of the code
     * @param path the file it was copied from (positives), or where it came from in the other tree
     * @param content what is checked
     */
    record DedupCase(boolean positive, String granularity, int renames, BenchLanguage language, String path, String content) {
    }

    /** A declaration body of a tree, with its token set for the negatives' check. */
    record Body(BenchLanguage language, String path, int line, String text, Set<String> tokens) {
    }

    /** The declarations of every language of {@code tree}. */
    static List<GitGrep.Declaration> declarations(BenchTree tree) {
        List<GitGrep.Declaration> all = new ArrayList<>();
        for (BenchLanguage language : BenchLanguage.values()) {
            all.addAll(tree.grep().declarations(language));
        }
        return all;
    }

    /** The declaration bodies of {@code tree} with 5 to 80 lines. */
    static List<Body> bodies(BenchTree tree, List<GitGrep.Declaration> declarations) {
        List<Body> out = new ArrayList<>();
        for (GitGrep.Declaration declaration : declarations) {
            List<String> lines = tree.sources().get(declaration.path());
            if (lines == null) {
                continue;
            }
            Optional<List<String>> body = CodeBodies.body(lines, declaration.line(), declaration.language());
            if (body.isPresent() && body.get().size() >= 5 && body.get().size() <= 80) {
                String text = String.join("\n", body.get());
                out.add(new Body(declaration.language(), declaration.path(), declaration.line(), text, tokens(text)));
            }
        }
        return out;
    }

    /**
     * Builds the cases of {@code tree}, at most the settings' counts per language; negatives come
     * from {@code otherBodies}.
     */
    static RetrievalCases build(BenchTree tree, List<GitGrep.Declaration> declarations, List<Body> bodies,
            List<Body> otherBodies, CodeIntelSettings settings) {
        Map<String, Integer> declared = new HashMap<>();
        declarations.forEach(d -> declared.merge(d.name(), 1, Integer::sum));
        List<FindSymbolCase> findSymbol = new ArrayList<>();
        List<UsageCase> usages = new ArrayList<>();
        List<DedupCase> dedup = new ArrayList<>();
        for (BenchLanguage language : BenchLanguage.values()) {
            List<FindSymbolCase> unique = declarations.stream()
                    .filter(d -> d.language() == language && d.name().length() >= 4 && declared.get(d.name()) == 1)
                    .map(d -> new FindSymbolCase(d.name(), d.path(), d.line(), language))
                    .toList();
            findSymbol.addAll(Bench.spread(unique, settings.findSymbolCases()));
            int usageCount = 0;
            for (FindSymbolCase candidate : Bench.spread(unique, settings.usageCases() * 4)) {
                if (usageCount == settings.usageCases()) {
                    break;
                }
                Set<String> files = tree.grep().filesUsing(candidate.name());
                if (files.size() >= 2 && files.size() <= 40) {
                    usages.add(new UsageCase(candidate.name(), language, Set.copyOf(files)));
                    usageCount++;
                }
            }
            for (Body body : Bench.spread(bodies.stream().filter(b -> b.language() == language).toList(),
                    settings.dedupBodies())) {
                for (int renames : RENAMES) {
                    dedup.add(new DedupCase(true, "body", renames, language, body.path(),
                            RenamedCopy.of(body.text(), renames)));
                }
            }
            List<String> files = tree.sources().entrySet().stream()
                    .filter(e -> BenchLanguage.of(e.getKey()).orElseThrow() == language)
                    .filter(e -> e.getValue().size() >= 5 && e.getValue().size() <= 400)
                    .map(Map.Entry::getKey)
                    .toList();
            for (String path : Bench.spread(files, settings.dedupFiles())) {
                for (int renames : RENAMES) {
                    dedup.add(new DedupCase(true, "file", renames, language, path,
                            RenamedCopy.of(String.join("\n", tree.sources().get(path)), renames)));
                }
            }
        }
        List<Set<String>> here = new ArrayList<>();
        bodies.forEach(body -> here.add(body.tokens()));
        tree.sources().values().forEach(lines -> here.add(tokens(String.join("\n", lines))));
        for (BenchLanguage language : BenchLanguage.values()) {
            List<Body> candidates = otherBodies.stream().filter(b -> b.language() == language).toList();
            int count = 0;
            for (Body candidate : Bench.spread(candidates, settings.dedupNegatives() * 3)) {
                if (count == settings.dedupNegatives()) {
                    break;
                }
                if (here.stream().allMatch(set -> jaccard(set, candidate.tokens()) < NEGATIVE_MAX_JACCARD)) {
                    dedup.add(new DedupCase(false, "body", 0, language, candidate.path(), candidate.text()));
                    count++;
                }
            }
        }
        return new RetrievalCases(List.copyOf(findSymbol), List.copyOf(usages), List.copyOf(dedup));
    }

    /** The lowercase words of {@code text} with two characters or more. */
    static Set<String> tokens(String text) {
        Set<String> out = new HashSet<>();
        for (String token : TOKEN_SPLIT.split(text.toLowerCase(Locale.ROOT))) {
            if (token.length() >= 2) {
                out.add(token);
            }
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int common = 0;
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        for (String token : small) {
            if (large.contains(token)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }
}
