package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds the workspace-package imports of a JavaScript/TypeScript file line by line, the reference's
 * way: lines inside a block comment (opened by a line starting with {@code /*}) or inside a template
 * literal (an odd number of unescaped backticks opens or closes one) are not imports; lines starting
 * with {@code //} or {@code *} neither. A real import line starts with {@code import} or {@code export},
 * or calls {@code require(} outside a string literal and before any {@code //} comment (the reference
 * only looks for a quote right before {@code require}). The package is the first
 * {@code from '…'}, {@code require('…')} or {@code import '…'} specifier: {@code @scope/name}, or the
 * first segment of a bare specifier; relative paths ({@code ./x}) are none.
 * Not thread-safe: one instance per file.
 */
final class ImportLines {

    /** How much of a line the patterns look at (backticks are counted on the whole line). */
    static final int MAX_MATCHED_CHARS = 16 * 1024;

    private static final Pattern IMPORT_OR_EXPORT = Pattern.compile("\\b(?:import|export)\\s");
    private static final Pattern STATIC_IMPORT = Pattern.compile("^\\s*(?:import|export)\\s");
    private static final Pattern REQUIRE = Pattern.compile("\\brequire\\s*\\(");
    private static final Pattern PACKAGE = Pattern.compile(
            "(?:from\\s+['\"]|require\\s*\\(\\s*['\"]|import\\s+['\"])(@[^'\"/]+/[^'\"/]+|[^.'\"/\\\\@][^'\"/]*)");

    private boolean inBlockComment;
    private boolean inTemplate;

    /** The package the next line imports, or {@code null} when it is no real import line. */
    @Nullable String next(String fullLine) {
        String line = fullLine.length() > MAX_MATCHED_CHARS ? fullLine.substring(0, MAX_MATCHED_CHARS) : fullLine;
        return isRealImport(fullLine, line) ? importedPackage(line) : null;
    }

    private boolean isRealImport(String fullLine, String line) {
        String trimmed = line.strip();
        if (inBlockComment) {
            if (trimmed.contains("*/")) {
                inBlockComment = false;
            }
            return false;
        }
        if (trimmed.startsWith("/*")) {
            if (!trimmed.substring(2).contains("*/")) {
                inBlockComment = true;
            }
            return false;
        }
        int backticks = backticks(fullLine);
        if (inTemplate) {
            if (backticks % 2 == 1) {
                inTemplate = false;
            }
            return false;
        }
        if (trimmed.startsWith("//") || trimmed.startsWith("*")) {
            return false;
        }
        if (backticks % 2 == 1) {
            inTemplate = true;
            Matcher keyword = IMPORT_OR_EXPORT.matcher(line);
            return keyword.find() && keyword.start() < fullLine.indexOf('`');
        }
        if (STATIC_IMPORT.matcher(line).find()) {
            return true;
        }
        Matcher require = REQUIRE.matcher(line);
        return require.find() && outsideStringsAndComments(line, require.start());
    }

    /** Whether position {@code at} is outside quotes, template literals and a line comment. */
    private static boolean outsideStringsAndComments(String line, int at) {
        char quote = 0;
        for (int i = 0; i < at; i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '/' && i + 1 < at && line.charAt(i + 1) == '/') {
                return false;
            }
        }
        return quote == 0;
    }

    private static int backticks(String line) {
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '`' && (i == 0 || line.charAt(i - 1) != '\\')) {
                count++;
            }
        }
        return count;
    }

    private static @Nullable String importedPackage(String line) {
        Matcher m = PACKAGE.matcher(line);
        return m.find() ? m.group(1) : null;
    }
}
