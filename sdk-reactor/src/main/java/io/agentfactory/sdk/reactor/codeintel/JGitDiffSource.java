package io.agentfactory.sdk.reactor.codeintel;

import java.nio.file.Path;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.codeintel.ChangeDescription;
import io.agentfactory.sdk.codeintel.DiffLimits;
import io.agentfactory.sdk.codeintel.DiffSource;
import io.agentfactory.sdk.error.DiffUnavailableException;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.reactor.codeintel.internal.gate.JGitDiff;

/**
 * Local diffs through JGit (an optional dependency: add {@code org.eclipse.jgit:org.eclipse.jgit}), without
 * a {@code git} binary: {@link #range} is {@code git diff <base> <head>} (the two trees; for a pull
 * request's view, pass the merge base as {@code base}), {@link #workingTree} is {@code HEAD} against the
 * working tree, untracked files that are not ignored included. Renames are detected. The description has
 * no number, title or body, and the file count of the diff (so strict mode checks every section arrived).
 *
 * <p>All JGit work runs on the bounded-elastic scheduler; the repository is opened per subscription and
 * closed on completion, error or cancellation. Errors: not a repository, no such revision, or JGit missing
 * from the class path {@link DiffUnavailableException}; over the limits
 * {@link io.agentfactory.sdk.error.DiffTooLargeException}. This class loads no JGit class itself: a user
 * without JGit who never builds one of these sources is unaffected.
 */
public final class JGitDiffSource implements DiffSource {

    private static final String PROBE = "org.eclipse.jgit.lib.Repository";

    private final Path dir;
    private final String base;
    private final String head;
    private final DiffLimits limits;

    private JGitDiffSource(Path dir, String base, String head, DiffLimits limits) {
        this.dir = dir;
        this.base = base;
        this.head = head;
        this.limits = limits;
    }

    /** Whether JGit is on the class path (or module path). */
    public static boolean available() {
        try {
            Class.forName(PROBE, false, JGitDiffSource.class.getClassLoader());
            return true;
        }
        catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The diff from revision {@code base} to revision {@code head} of the repository containing {@code dir}.
     *
     * @throws InvalidArgumentException when a revision is blank, starts with {@code -} or holds control
     *         characters
     */
    public static JGitDiffSource range(Path dir, String base, String head, DiffLimits limits) {
        return new JGitDiffSource(checkDir(dir), checkRevision(base), checkRevision(head), checkLimits(limits));
    }

    /** {@link #range(Path, String, String, DiffLimits)} within the default limits. */
    public static JGitDiffSource range(Path dir, String base, String head) {
        return range(dir, base, head, DiffLimits.DEFAULTS);
    }

    /** The diff from {@code HEAD} to the working tree of the repository containing {@code dir}. */
    public static JGitDiffSource workingTree(Path dir, DiffLimits limits) {
        return new JGitDiffSource(checkDir(dir), null, null, checkLimits(limits));
    }

    /** {@link #workingTree(Path, DiffLimits)} within the default limits. */
    public static JGitDiffSource workingTree(Path dir) {
        return workingTree(dir, DiffLimits.DEFAULTS);
    }

    @Override
    public Mono<ChangeDescription> describe() {
        return Mono.defer(() -> available() ? diff().describe() : Mono.error(missing()));
    }

    @Override
    public Flux<String> lines() {
        return Flux.defer(() -> available() ? diff().lines() : Flux.error(missing()));
    }

    private JGitDiff diff() {
        return new JGitDiff(dir, base, head, limits);
    }

    private static DiffUnavailableException missing() {
        return new DiffUnavailableException("JGit (org.eclipse.jgit:org.eclipse.jgit) is not on the class path", null);
    }

    private static Path checkDir(Path dir) {
        if (dir == null) {
            throw new InvalidArgumentException("repository directory is required");
        }
        return dir;
    }

    private static DiffLimits checkLimits(DiffLimits limits) {
        if (limits == null) {
            throw new InvalidArgumentException("limits are required");
        }
        return limits;
    }

    private static String checkRevision(String revision) {
        if (revision == null || revision.isBlank() || revision.startsWith("-")
                || revision.chars().anyMatch(Character::isISOControl) || revision.length() > 256) {
            throw new InvalidArgumentException("a revision must be a non-blank name without control characters, "
                    + "not starting with '-'");
        }
        return revision;
    }

    @Override
    public String toString() {
        return "JGitDiffSource[" + dir + ", " + (head == null ? "HEAD..working tree" : base + ".." + head) + "]";
    }
}
