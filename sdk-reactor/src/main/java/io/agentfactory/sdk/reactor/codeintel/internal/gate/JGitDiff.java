package io.agentfactory.sdk.reactor.codeintel.internal.gate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.filter.NotIgnoredFilter;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.codeintel.ChangeDescription;
import io.agentfactory.sdk.codeintel.DiffLimits;
import io.agentfactory.sdk.error.CodeDiffException;
import io.agentfactory.sdk.error.DiffTooLargeException;
import io.agentfactory.sdk.error.DiffUnavailableException;

/**
 * A local diff through JGit, in git's unified format: two revisions' trees ({@code git diff base head}),
 * or {@code HEAD} against the working tree (tracked changes plus untracked files that are not ignored,
 * as {@code git add -A} would stage them). Renames are detected as {@code git diff} does by default. All
 * JGit work runs on {@link Schedulers#boundedElastic()}; the repository, its reader and the formatter
 * are closed on completion, error and cancellation. Only this class touches JGit. Not API.
 *
 * @param dir a directory inside the repository
 * @param base the old revision, {@code null} for {@code HEAD} against the working tree
 * @param head the new revision, {@code null} for the working tree
 * @param limits the bounds of the read
 */
public record JGitDiff(Path dir, @Nullable String base, @Nullable String head, DiffLimits limits) {

    /** The change: the repository's path and how many files differ. */
    public Mono<ChangeDescription> describe() {
        return Mono.usingWhen(Mono.fromCallable(this::open), session -> Mono.just(new ChangeDescription(
                session.root, 0, "", "", OptionalInt.of(session.entries.size()))), JGitDiff::close)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The unified diff, one file at a time as it is asked for. */
    public Flux<String> lines() {
        return Flux.usingWhen(Mono.fromCallable(this::open),
                session -> Flux.<List<String>>generate(sink -> {
                    try {
                        List<String> next = session.next();
                        if (next == null) {
                            sink.complete();
                        }
                        else {
                            sink.next(next);
                        }
                    }
                    catch (IOException e) {
                        sink.error(unavailable("formatting the diff failed", e));
                    }
                }).concatMapIterable(lines -> lines), JGitDiff::close)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static Mono<Void> close(Session session) {
        return Mono.<Void>fromRunnable(session::close).subscribeOn(Schedulers.boundedElastic());
    }

    private Session open() {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            throw new DiffUnavailableException(dir + " is not inside a git repository", null);
        }
        Repository repository;
        try {
            repository = builder.setMustExist(true).build();
        }
        catch (IOException | IllegalArgumentException e) {
            throw unavailable("cannot open the git repository at " + dir, e);
        }
        Session session = new Session(repository, limits);
        try {
            session.scan(base, head);
            return session;
        }
        catch (RuntimeException | IOException e) {
            session.close();
            throw e instanceof CodeDiffException c ? c : unavailable("cannot diff " + describeTarget(), e);
        }
    }

    private String describeTarget() {
        return head == null ? "HEAD against the working tree" : base + ".." + head;
    }

    private static DiffUnavailableException unavailable(String message, Throwable cause) {
        String detail = cause.getMessage();
        return new DiffUnavailableException(message + (detail == null ? "" : ": " + detail), cause);
    }

    /** One open read: the repository, the formatter writing into the line splitter, the entries. */
    private static final class Session implements AutoCloseable {
        private final Repository repository;
        private final ObjectReader reader;
        private final DiffLineSplitter splitter;
        private final List<String> pending = new ArrayList<>();
        private final DiffFormatter formatter;
        private final String root;
        private final int maxFiles;
        private List<DiffEntry> entries = List.of();
        private int next;
        private boolean finished;

        Session(Repository repository, DiffLimits limits) {
            this.repository = repository;
            this.reader = repository.newObjectReader();
            this.splitter = new DiffLineSplitter(limits);
            this.maxFiles = limits.maxFiles();
            this.formatter = new DiffFormatter(new OutputStream() {
                @Override
                public void write(int b) {
                    pending.addAll(splitter.feed(new byte[] {(byte) b}));
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    pending.addAll(splitter.feed(b, off, len));
                }
            });
            this.root = repository.isBare() ? repository.getDirectory().getAbsolutePath()
                    : repository.getWorkTree().getAbsolutePath();
            formatter.setRepository(repository);
            formatter.setDetectRenames(true);
        }

        void scan(@Nullable String base, @Nullable String head) throws IOException {
            AbstractTreeIterator oldTree;
            AbstractTreeIterator newTree;
            if (head == null) {
                oldTree = tree(base == null ? "HEAD" : base);
                FileTreeIterator workTree = new FileTreeIterator(repository);
                newTree = workTree;
                formatter.setPathFilter(new NotIgnoredFilter(1));
            }
            else {
                oldTree = tree(base);
                newTree = tree(head);
            }
            entries = formatter.scan(oldTree, newTree);
            if (entries.size() > maxFiles) {
                throw new DiffTooLargeException("files", maxFiles);
            }
        }

        private AbstractTreeIterator tree(String revision) throws IOException {
            ObjectId id;
            try {
                id = repository.resolve(revision + "^{tree}");
            }
            catch (RevisionSyntaxException e) {
                throw new DiffUnavailableException("not a revision: " + revision, null);
            }
            if (id == null) {
                throw new DiffUnavailableException("no such revision: " + revision, null);
            }
            try (RevWalk walk = new RevWalk(reader)) {
                return new CanonicalTreeParser(null, reader, walk.parseTree(id));
            }
        }

        /** The lines of the next file section, then any unterminated last line; {@code null} at the end. */
        @Nullable List<String> next() throws IOException {
            if (finished) {
                return null;
            }
            pending.clear();
            if (next < entries.size()) {
                formatter.format(entries.get(next++));
                formatter.flush();
            }
            else {
                finished = true;
                pending.addAll(splitter.finish());
                if (pending.isEmpty()) {
                    return null;
                }
            }
            return List.copyOf(pending);
        }

        @Override
        public void close() {
            formatter.close();
            reader.close();
            repository.close();
        }
    }

}
