package io.agentfactory.sdk.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A tree the retrieval benchmark indexes and reads its ground truth from: the directory, the
 * {@code git grep} that answers for it, and the text of its source files by path.
 *
 * @param name how the report calls it
 * @param root the directory indexed and searched
 * @param grep the ground truth's {@code git grep}, run in {@code root}
 * @param sources the lines of every file of the benchmark's languages, by path relative to {@code root}
 */
record BenchTree(String name, Path root, GitGrep grep, Map<String, List<String>> sources) {

    /** The fixture corpus, where it lies (read in place, never written). */
    static BenchTree corpus(Path corpus) {
        return new BenchTree("fixture corpus", corpus, new GitGrep(corpus, false, List.of()), read(corpus));
    }

    /**
     * This repository's tracked sources ({@code git ls-files}, the corpus excluded) under
     * {@code prefix} (empty: all), copied as they are in the working tree into {@code snapshot}, so
     * that neither build output nor generated trees are indexed.
     */
    static BenchTree repository(Path repositoryRoot, String corpusPathspec, String prefix, Path snapshot) {
        List<String> tracked = new GitGrep(repositoryRoot, true, List.of(corpusPathspec)).trackedSources();
        try {
            Bench.deleteTree(snapshot);
            Files.createDirectories(snapshot);
            for (String path : tracked) {
                if (path.startsWith(prefix)) {
                    Path target = snapshot.resolve(path);
                    Files.createDirectories(target.getParent());
                    Files.copy(repositoryRoot.resolve(path), target);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BenchTree("this repository", snapshot, new GitGrep(snapshot, false, List.of()), read(snapshot));
    }

    private static Map<String, List<String>> read(Path root) {
        Map<String, List<String>> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
            for (Path file : files) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (BenchLanguage.of(path).isPresent() && !path.startsWith(".") && !path.contains("/.")) {
                    out.put(path, Files.readAllLines(file, StandardCharsets.UTF_8));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
