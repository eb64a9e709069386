package io.agentfactory.sdk.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's ground truth, read with {@code git grep} as the reference's evaluation method
 * does: declaration lines ({@code -n -E}) and the files that use a word ({@code -l -w}). Over a
 * git checkout it searches the tracked files, elsewhere ({@code --no-index}) every file of the
 * directory. Blocking; for the benchmark's main thread only.
 *
 * @param directory where git runs; paths come back relative to it
 * @param tracked whether to search the tracked files of a checkout (else {@code --no-index})
 * @param excludes path specs left out, e.g. the fixture corpus inside the repository
 */
record GitGrep(Path directory, boolean tracked, List<String> excludes) {

    private static final long TIMEOUT_SECONDS = 120;

    /**
     * One declaration line.
     *
     * @param path the file, relative to the directory, with {@code /}
     * @param line 1-based
     * @param name the declared name
     * @param language the file's language
     */
    record Declaration(String path, int line, String name, BenchLanguage language) {
    }

    /** Every declaration line of {@code language}, in path then line order. */
    List<Declaration> declarations(BenchLanguage language) {
        List<String> command = command("-n", "-E", "-e", language.grepPattern());
        command.add("--");
        command.addAll(language.pathspecs());
        command.addAll(excludeSpecs());
        List<Declaration> out = new ArrayList<>();
        for (String hit : run(command)) {
            int first = hit.indexOf(':');
            int second = first < 0 ? -1 : hit.indexOf(':', first + 1);
            if (second < 0) {
                continue;
            }
            String path = hit.substring(0, first);
            int line = Integer.parseInt(hit.substring(first + 1, second));
            language.declaredName(hit.substring(second + 1))
                    .ifPresent(name -> out.add(new Declaration(path, line, name, language)));
        }
        return out;
    }

    /** The files of the benchmark's languages that hold {@code word} as a whole word. */
    Set<String> filesUsing(String word) {
        List<String> command = command("-l", "-w", "-F", "-e", word);
        command.add("--");
        for (BenchLanguage language : BenchLanguage.values()) {
            command.addAll(language.pathspecs());
        }
        command.addAll(excludeSpecs());
        return new LinkedHashSet<>(run(command));
    }

    /** The tracked files of the benchmark's languages ({@code git ls-files}), minus the excludes. */
    List<String> trackedSources() {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotePath=false", "ls-files", "--"));
        for (BenchLanguage language : BenchLanguage.values()) {
            command.addAll(language.pathspecs());
        }
        command.addAll(excludeSpecs());
        return run(command);
    }

    /** The root of the git checkout holding {@code start} (a {@code .git} directory or file), walking up. */
    static Path repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside a git checkout: " + start.toAbsolutePath());
    }

    private List<String> command(String... options) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotePath=false", "grep", "-I"));
        if (!tracked) {
            command.add("--no-index");
        }
        command.addAll(List.of(options));
        return command;
    }

    private List<String> excludeSpecs() {
        return excludes.stream().map(spec -> ":(exclude)" + spec).toList();
    }

    private List<String> run(List<String> command) {
        Path output = null;
        try {
            output = Files.createTempFile("codeintel-bench-grep", ".txt");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(false)
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            int exit = process.exitValue();
            if (exit > 1) { // 1 is "nothing found"
                throw new IllegalStateException("exit " + exit + ": " + String.join(" ", command));
            }
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                }
                catch (IOException ignored) {
                    // a temp file left behind
                }
            }
        }
    }
}
