package io.agentfactory.sdk.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.codeintel.CodeIntel;
import io.agentfactory.sdk.codeintel.CodeQuery;
import io.agentfactory.sdk.codeintel.CodeSearchHit;
import io.agentfactory.sdk.codeintel.DuplicateQuery;
import io.agentfactory.sdk.codeintel.DuplicateResult;
import io.agentfactory.sdk.codeintel.IndexStats;
import io.agentfactory.sdk.codeintel.IndexedFile;
import io.agentfactory.sdk.codeintel.RefreshResult;
import io.agentfactory.sdk.codeintel.RepoMap;
import io.agentfactory.sdk.codeintel.RepoMapQuery;
import io.agentfactory.sdk.codeintel.RepoMapSymbol;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolHit;
import io.agentfactory.sdk.codeintel.SymbolKind;
import io.agentfactory.sdk.codeintel.SymbolQuery;
import io.agentfactory.sdk.codeintel.SymbolSearchResult;
import io.agentfactory.sdk.reactor.codeintel.CodeIntelOptions;
import io.agentfactory.sdk.reactor.codeintel.ReactorCodeIntel;

/**
 * Example 9 — code search: index this repository (or {@code --path}) in memory, find a symbol by
 * name, rank code for a phrase with BM25, print the ten files the import graph ranks highest, check whether a re-indented copy of a real method body
 * already exists, and refresh a temporary copy of a file incrementally after an edit. Needs no
 * service: everything is local.
 *
 * <pre>{@code
 * ./mvnw -q -B -Pdemo -DskipTests verify -Ddemo.mainClass=io.agentfactory.sdk.examples.CodeSearch
 * ./mvnw -q -B -Pdemo -DskipTests verify -Ddemo.mainClass=io.agentfactory.sdk.examples.CodeSearch \
 *     -Ddemo.args="--path /some/repo --symbol Handler --phrase 'retry with backoff'"
 * }</pre>
 */
public final class CodeSearch {

    /** The symbol searched when {@code --symbol} is not given. */
    static final String DEFAULT_SYMBOL = "ReactorCodeIntel";
    /** The phrase ranked when {@code --phrase} is not given. */
    static final String DEFAULT_PHRASE = "incremental refresh of the persisted index";

    private CodeSearch() {
    }

    /**
     * What the duplicate check of a real method body found.
     *
     * @param source the method whose body was copied
     * @param result what {@code checkDuplicate} answered for the re-indented copy
     */
    public record DuplicateCheck(Symbol source, DuplicateResult result) {

        /** Whether the best match is the method the body came from. */
        public boolean foundTheOriginal() {
            return result.best().map(best -> best.filePath().equals(source.filePath()) && best.line() == source.line())
                    .orElse(false);
        }
    }

    /**
     * What the incremental refresh of an edited copy did.
     *
     * @param file the copied file, in its temporary directory
     * @param refresh what {@code refreshIncremental()} reported
     * @param added the symbol the edit added, as the refreshed index finds it
     */
    public record EditedCopy(Path file, RefreshResult refresh, Optional<Symbol> added) {
    }

    /**
     * Checks whether a re-indented copy of {@code method}'s body (read from {@code root}, file I/O
     * on {@code Schedulers.boundedElastic()}) is a duplicate of something in {@code code}.
     */
    public static Mono<DuplicateCheck> duplicateOf(CodeIntel code, Symbol method) {
        return Mono.fromCallable(() -> Files.readAllLines(code.root().resolve(method.filePath()), StandardCharsets.UTF_8))
                .subscribeOn(Schedulers.boundedElastic())
                .map(lines -> lines.subList(method.line() - 1, method.endLine()).stream()
                        .map(line -> "  " + line).collect(Collectors.joining("\n")))
                .flatMap(body -> code.checkDuplicate(new DuplicateQuery(body, 3, DuplicateQuery.DEFAULT_THRESHOLD)))
                .map(result -> new DuplicateCheck(method, result));
    }

    /**
     * Copies {@code file} into {@code directory}, indexes the copy (persisted under
     * {@code directory/.donmai}), adds a function to it and refreshes incrementally. File I/O on
     * {@code Schedulers.boundedElastic()}.
     */
    public static Mono<EditedCopy> refreshAfterEdit(Path file, Path directory) {
        Path copy = directory.resolve(file.getFileName());
        Edit edit = Edit.of(copy.getFileName().toString());
        return Mono.fromCallable(() -> Files.copy(file, copy))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(copied -> {
                    ReactorCodeIntel code = (ReactorCodeIntel) ReactorCodeIntel.open(directory);
                    return code.stats()
                            .then(Mono.fromCallable(() -> Files.writeString(copy, edit.apply(Files.readString(copy))))
                                    .subscribeOn(Schedulers.boundedElastic()))
                            .then(code.refreshIncremental())
                            .flatMap(refresh -> code.searchSymbols(SymbolQuery.of(edit.name()))
                                    .map(found -> new EditedCopy(copy, refresh,
                                            found.hits().stream().map(SymbolHit::symbol).findFirst())));
                });
    }

    /**
     * Runs the example on {@code --path} (default: the git checkout the working directory is in),
     * with {@code --symbol} and {@code --phrase}; prints what each step found.
     */
    static boolean run(ExampleServices services, Consumer<String> out) {
        ExampleArguments arguments = services.arguments();
        Path root = arguments.value("path").map(Path::of).orElseGet(() -> repositoryRoot(Path.of("")));
        String name = arguments.value("symbol").orElse(DEFAULT_SYMBOL);
        String phrase = arguments.value("phrase").orElse(DEFAULT_PHRASE);
        CodeIntel code = ReactorCodeIntel.open(root, CodeIntelOptions.defaults().withPersistence(false));
        out.accept("Indexing " + code.root() + " (in memory: nothing is written there)");
        long start = System.nanoTime();
        IndexStats stats = code.stats().block();
        out.accept(String.format(Locale.ROOT, "  %,d files, %,d symbols in %.1f s %s", stats.files(), stats.symbols(),
                (System.nanoTime() - start) / 1e9, stats.filesPerLanguage()));

        out.accept("Symbol '" + name + "':");
        SymbolSearchResult symbols = code.searchSymbols(new SymbolQuery(name, 5, Set.of(), "")).block();
        symbols.hits().forEach(hit -> out.accept("  " + hit.match().name().toLowerCase(Locale.ROOT) + "  "
                + describe(hit.symbol())));
        if (symbols.truncatedExactMatches() > 0) {
            out.accept("  (" + symbols.truncatedExactMatches() + " more exact matches)");
        }

        out.accept("Code for '" + phrase + "' (BM25):");
        List<CodeSearchHit> ranked = code.searchCode(new CodeQuery(phrase, 5, "")).collectList().block();
        ranked.forEach(hit -> out.accept(String.format(Locale.ROOT, "  %6.2f  %s", hit.score(), describe(hit.symbol()))));

        RepoMap map = code.repoMap(new RepoMapQuery(10, List.of())).block();
        out.accept("Repo map, top " + map.entries().size() + " of " + map.files() + " files (PageRank over the imports):");
        map.entries().forEach(entry -> out.accept(String.format(Locale.ROOT, "  %.4f  %s  %s", entry.rank(),
                entry.filePath(), entry.symbols().stream().map(RepoMapSymbol::name).distinct().limit(3).toList())));

        Optional<Symbol> method = methodWithBody(code, symbols);
        boolean duplicateFound = false;
        if (method.isEmpty()) {
            out.accept("Duplicate check: no method of five lines or more to copy");
        }
        else {
            DuplicateCheck check = duplicateOf(code, method.get()).block();
            out.accept("Duplicate check of a re-indented copy of " + describe(method.get()) + ":");
            check.result().matches().forEach(match -> out.accept("  " + match.kind().name().toLowerCase(Locale.ROOT)
                    + " (distance " + match.hammingDistance() + ")  " + match.filePath() + ":" + match.line()
                    + (match.isSymbol() ? "  " + match.symbolName() : "  (whole file)")));
            duplicateFound = check.foundTheOriginal();
            out.accept("  the original is the best match: " + (duplicateFound ? "yes" : "no"));
        }

        boolean refreshed = false;
        Optional<Symbol> editable = symbols.hits().stream().map(SymbolHit::symbol).findFirst()
                .or(() -> method);
        if (editable.isPresent()) {
            Path directory = temporaryDirectory();
            try {
                EditedCopy edited = refreshAfterEdit(root.resolve(editable.get().filePath()), directory)
                        .block(Duration.ofMinutes(1));
                RefreshResult refresh = edited.refresh();
                out.accept("Edited a copy (" + edited.file() + ") and refreshed: " + refresh.modified() + " modified, "
                        + refresh.extracted() + " re-extracted, " + refresh.unchanged() + " unchanged, index "
                        + (refresh.saved() ? "saved" : "not saved"));
                out.accept("  the new function: " + edited.added().map(CodeSearch::describe).orElse("not found"));
                refreshed = refresh.modified() == 1 && refresh.extracted() == 1 && edited.added().isPresent();
            }
            finally {
                deleteTree(directory);
            }
        }
        return !symbols.hits().isEmpty() && !ranked.isEmpty() && !map.entries().isEmpty() && duplicateFound && refreshed;
    }

    /** The first method or function (not a constructor) of the first hit's file with a body of five lines or more. */
    private static Optional<Symbol> methodWithBody(CodeIntel code, SymbolSearchResult symbols) {
        Set<SymbolKind> callable = Set.of(SymbolKind.METHOD, SymbolKind.FUNCTION);
        Optional<String> file = symbols.hits().stream().map(hit -> hit.symbol().filePath()).findFirst();
        List<Symbol> candidates = code.files()
                .filter(f -> file.isEmpty() || f.path().equals(file.get()))
                .flatMapIterable(IndexedFile::symbols)
                .filter(s -> callable.contains(s.kind()) && s.endLine() >= s.line() + 4 && !s.name().equals(s.parentName()))
                .collectList().block();
        return candidates.stream().min(Comparator.comparingInt(Symbol::line));
    }

    private static String describe(Symbol symbol) {
        return symbol.kind().wireName() + " " + (symbol.parentName().isEmpty() ? "" : symbol.parentName() + ".")
                + symbol.name() + "  " + symbol.filePath() + ":" + symbol.line();
    }

    /** The nearest directory holding {@code .git} (a directory or a worktree's file), else {@code start}. */
    static Path repositoryRoot(Path start) {
        Path absolute = start.toAbsolutePath().normalize();
        for (Path dir = absolute; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return absolute;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("codesearch-");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The function the example adds to the copy, in the file's language. */
    private record Edit(String name, String code, boolean insideLastBrace) {

        static Edit of(String fileName) {
            String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            return switch (extension) {
                case "java" -> new Edit("codeSearchEdit", "\n    static int codeSearchEdit() {\n        return 42;\n    }\n", true);
                case "kt", "kts" -> new Edit("codeSearchEdit", "\nfun codeSearchEdit(): Int = 42\n", false);
                case "go" -> new Edit("CodeSearchEdit", "\nfunc CodeSearchEdit() int { return 42 }\n", false);
                case "py" -> new Edit("code_search_edit", "\n\ndef code_search_edit():\n    return 42\n", false);
                case "rs" -> new Edit("code_search_edit", "\npub fn code_search_edit() -> i32 {\n    42\n}\n", false);
                default -> new Edit("codeSearchEdit", "\nexport function codeSearchEdit() {\n  return 42;\n}\n", false);
            };
        }

        String apply(String text) {
            int brace = text.lastIndexOf('}');
            return insideLastBrace && brace >= 0 ? text.substring(0, brace) + code + text.substring(brace) : text + code;
        }
    }

    /** Runs the example alone (also {@code --path}, {@code --symbol}, {@code --phrase}). */
    public static void main(String[] args) {
        Example.launch(args, CodeSearch::run);
    }
}
