package io.agentfactory.sdk.reactor.codeintel.internal.gate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentfactory.sdk.codeintel.ChangeKind;
import io.agentfactory.sdk.codeintel.ChangedFile;
import io.agentfactory.sdk.codeintel.DiffLimits;
import io.agentfactory.sdk.error.DiffTooLargeException;
import io.agentfactory.sdk.error.MalformedDiffException;

/**
 * Reads a unified diff in git's format one line at a time, keeping only what the first layer needs: the
 * file sections (path, kind, binary, mode change, line counts) and, per convention, the first three files
 * whose added lines show it. Memory is bounded by the file count, not the diff size. Not thread-safe:
 * one per read. Not API.
 *
 * <p>Rules (where they differ from the reference, which only split on {@code diff --git} and took every
 * line starting with {@code +}):
 * <ul>
 * <li>A section starts at {@code diff --git }; lines before the first one (a mail header, say) are
 * ignored. The path is the post-image path: from {@code +++ b/…}, {@code rename to}/{@code copy to}, else
 * the header (C-quoted paths are unquoted; a path with spaces is split where both halves agree). A deleted
 * file keeps its old path.</li>
 * <li>Only lines inside a hunk count: a hunk runs for the line counts of its {@code @@ -a,b +c,d @@}
 * header. So {@code +++ b/x} headers are not added lines, and an added line that itself starts with
 * {@code ++} is. Lines outside hunks ({@code index}, binary patch data, a trailing {@code -- } mail
 * signature) are not content. A hunk cut short by the next section header ends there.</li>
 * <li>{@code \ No newline at end of file} is not content. A {@code \r} before the line end is dropped
 * (CRLF diffs read as LF ones). An empty line inside a hunk is a context line whose space was stripped.</li>
 * <li>A line starting with {@code @@} that is not a valid hunk header fails with
 * {@link MalformedDiffException}; more than {@code maxFiles} sections or {@code maxDiffBytes} of text fail
 * with {@link DiffTooLargeException}; of a line over {@code maxLineBytes} only that many characters are
 * matched.</li>
 * </ul>
 */
public final class DiffReader {

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d{1,9})(?:,(\\d{1,9}))? \\+(\\d{1,9})(?:,(\\d{1,9}))? @@.*");

    private final DiffLimits limits;
    private final List<ChangedFile> files = new ArrayList<>();
    private final List<List<String>> examples = new ArrayList<>();
    private long lineNumber;
    private long chars;
    private Section current;

    /** A reader within {@code limits}. */
    public DiffReader(DiffLimits limits) {
        this.limits = limits;
        for (int i = 0; i < DiffSignals.CONVENTIONS.size(); i++) {
            examples.add(new ArrayList<>(3));
        }
    }

    /** What a whole diff held. */
    public record Reading(List<ChangedFile> files, List<List<String>> conventionExamples) {

        /** Copies the lists. */
        public Reading {
            files = List.copyOf(files);
            conventionExamples = conventionExamples.stream().map(List::copyOf).toList();
        }

        /** An empty diff. */
        public static Reading empty() {
            List<List<String>> none = new ArrayList<>();
            DiffSignals.CONVENTIONS.forEach(c -> none.add(List.of()));
            return new Reading(List.of(), none);
        }
    }

    /** Reads the next line (without its terminator). */
    public void accept(String raw) {
        lineNumber++;
        chars += raw.length() + 1L;
        if (chars > limits.maxDiffBytes()) {
            throw new DiffTooLargeException("bytes", limits.maxDiffBytes());
        }
        String line = raw.length() > limits.maxLineBytes() ? raw.substring(0, limits.maxLineBytes()) : raw;
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.startsWith("diff --git ")) {
            finishSection();
            if (files.size() >= limits.maxFiles()) {
                throw new DiffTooLargeException("files", limits.maxFiles());
            }
            current = new Section(line.substring("diff --git ".length()));
            return;
        }
        if (current == null) {
            return;
        }
        if (line.startsWith("@@")) {
            startHunk(line);
            return;
        }
        if (current.oldLeft > 0 || current.newLeft > 0) {
            hunkLine(line);
        }
        else if (!current.hunkSeen) {
            current.header(line);
        }
    }

    /** What was read; the reader is spent. */
    public Reading finish() {
        finishSection();
        return new Reading(files, examples);
    }

    private void startHunk(String line) {
        Matcher m = HUNK.matcher(line);
        if (!m.matches()) {
            throw new MalformedDiffException(lineNumber, "not a hunk header (expected @@ -a,b +c,d @@)");
        }
        current.hunkSeen = true;
        current.oldLeft = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        current.newLeft = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
    }

    private void hunkLine(String line) {
        char c = line.isEmpty() ? ' ' : line.charAt(0);
        switch (c) {
            case '+' -> {
                current.additions++;
                current.newLeft--;
                String added = line.substring(1);
                for (int i = 0; i < DiffSignals.CONVENTIONS.size(); i++) {
                    if (!current.shown[i] && examples.get(i).size() < 3
                            && DiffSignals.CONVENTIONS.get(i).shownBy(added)) {
                        current.shown[i] = true;
                        current.showsAt.add(i);
                    }
                }
            }
            case '-' -> {
                current.deletions++;
                current.oldLeft--;
            }
            case ' ' -> {
                current.oldLeft--;
                current.newLeft--;
            }
            default -> {
                // "\ No newline at end of file", or a stray line: not content.
            }
        }
    }

    private void finishSection() {
        if (current == null) {
            return;
        }
        ChangedFile file = current.toFile();
        files.add(file);
        for (int i : current.showsAt) {
            examples.get(i).add(file.path());
        }
        current = null;
    }

    /** One file section being read. */
    private static final class Section {
        private String path;
        private String oldPath;
        private ChangeKind kind = ChangeKind.MODIFIED;
        private boolean binary;
        private boolean modeChanged;
        private boolean hunkSeen;
        private int oldLeft;
        private int newLeft;
        private int additions;
        private int deletions;
        private final boolean[] shown = new boolean[DiffSignals.CONVENTIONS.size()];
        private final List<Integer> showsAt = new ArrayList<>(2);

        Section(String header) {
            String[] paths = headerPaths(header);
            oldPath = paths[0];
            path = paths[1];
        }

        void header(String line) {
            if (line.startsWith("--- ")) {
                String p = name(line.substring(4));
                if (p.equals("/dev/null")) {
                    kind = ChangeKind.ADDED;
                }
                else {
                    oldPath = strip(p, "a/");
                }
            }
            else if (line.startsWith("+++ ")) {
                String p = name(line.substring(4));
                if (p.equals("/dev/null")) {
                    kind = ChangeKind.DELETED;
                    path = oldPath;
                }
                else {
                    path = strip(p, "b/");
                }
            }
            else if (line.startsWith("new file mode")) {
                kind = ChangeKind.ADDED;
            }
            else if (line.startsWith("deleted file mode")) {
                kind = ChangeKind.DELETED;
            }
            else if (line.startsWith("old mode") || line.startsWith("new mode")) {
                modeChanged = true;
            }
            else if (line.startsWith("rename from ")) {
                oldPath = name(line.substring(12));
                kind = ChangeKind.RENAMED;
            }
            else if (line.startsWith("rename to ")) {
                path = name(line.substring(10));
                kind = ChangeKind.RENAMED;
            }
            else if (line.startsWith("copy from ")) {
                oldPath = name(line.substring(10));
                kind = ChangeKind.COPIED;
            }
            else if (line.startsWith("copy to ")) {
                path = name(line.substring(8));
                kind = ChangeKind.COPIED;
            }
            else if (line.startsWith("Binary files ") || line.startsWith("GIT binary patch")) {
                binary = true;
            }
        }

        ChangedFile toFile() {
            return new ChangedFile(path, oldPath, kind, binary, modeChanged, additions, deletions);
        }
    }

    /** The a- and b-paths of a {@code diff --git} header's rest. */
    static String[] headerPaths(String rest) {
        if (rest.startsWith("\"")) {
            int end = quotedEnd(rest, 0);
            String a = unquote(rest.substring(0, end + 1));
            String b = rest.substring(Math.min(end + 2, rest.length()));
            return new String[] {strip(a, "a/"), strip(b.startsWith("\"") ? unquote(b) : b, "b/")};
        }
        if (rest.startsWith("a/") && (rest.length() - 5) % 2 == 0 && rest.length() >= 7) {
            int len = (rest.length() - 5) / 2;
            String a = rest.substring(2, 2 + len);
            if (rest.substring(2 + len).equals(" b/" + a)) {
                return new String[] {a, a};
            }
        }
        int quoted = rest.indexOf(" \"b/");
        if (quoted >= 0) {
            return new String[] {strip(rest.substring(0, quoted), "a/"), strip(unquote(rest.substring(quoted + 1)), "b/")};
        }
        int split = rest.lastIndexOf(" b/");
        if (split >= 0) {
            return new String[] {strip(rest.substring(0, split), "a/"), rest.substring(split + 3)};
        }
        String[] fields = rest.trim().split("\\s+");
        String last = fields[fields.length - 1];
        return new String[] {strip(fields[0], "a/"), strip(last, "b/")};
    }

    /** A path of a {@code ---}/{@code +++}/rename line: unquoted, without a trailing tab. */
    private static String name(String raw) {
        String p = raw;
        int tab = p.indexOf('\t');
        if (tab >= 0 && !p.startsWith("\"")) {
            p = p.substring(0, tab);
        }
        return p.startsWith("\"") ? unquote(p) : p;
    }

    private static String strip(String p, String prefix) {
        return p.startsWith(prefix) ? p.substring(prefix.length()) : p;
    }

    private static int quotedEnd(String s, int open) {
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            }
            else if (c == '"') {
                return i;
            }
        }
        return s.length() - 1;
    }

    /** A C-quoted git path ({@code "a/caf\303\251"}) as text; the quotes may be unbalanced. */
    static String unquote(String quoted) {
        int end = quotedEnd(quoted, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(quoted.length());
        for (int i = 1; i < end; i++) {
            char c = quoted.charAt(i);
            if (c != '\\' || i + 1 >= end) {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                continue;
            }
            char e = quoted.charAt(++i);
            switch (e) {
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'v' -> out.write(11);
                default -> {
                    if (e >= '0' && e <= '7' && i + 2 < end + 1) {
                        int v = 0;
                        int n = 0;
                        while (n < 3 && i < end && quoted.charAt(i) >= '0' && quoted.charAt(i) <= '7') {
                            v = v * 8 + (quoted.charAt(i) - '0');
                            i++;
                            n++;
                        }
                        i--;
                        out.write(v & 0xff);
                    }
                    else {
                        byte[] b = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
                        out.write(b, 0, b.length);
                    }
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
