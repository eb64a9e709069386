package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.codeintel.TypeUsage;
import io.agentfactory.sdk.codeintel.TypeUsageKind;

/**
 * The reference's per-line rules of find-type-usages, for one type name; pure CPU work. Each line
 * gets at most one usage, the first rule that matches:
 * <ol>
 *   <li>the word {@code import} and the name → IMPORT;</li>
 *   <li>{@code switch (} (Kotlin files: also {@code when (}) → SWITCH_CASE when the name occurs on that
 *       line, the 50 lines after it or the 5 before it; a switch line without the name is no usage at all;</li>
 *   <li>{@code Record<Name} (so also {@code satisfies Record<Name}; Java and Kotlin files: also
 *       {@code EnumMap<Name}) → MAPPING_OBJECT;</li>
 *   <li>{@code assertNever} or {@code exhaustive} → EXHAUSTIVE_CHECK (only files containing the name are
 *       scanned, so this needs no mention of the name on the line, as in the reference);</li>
 *   <li>{@code type Name}, {@code interface Name} or {@code :\s*Name\b} (Java and Kotlin files: also
 *       {@code class}, {@code enum}, {@code record} or {@code object} followed by the name) → TYPE_REFERENCE.</li>
 * </ol>
 * The name is matched as text, as in the reference: in comments and strings too, and as part of a
 * longer identifier where no word boundary is asked for. Lines are matched on their first
 * {@link #MAX_MATCHED_CHARS} characters, so a hostile line costs bounded work.
 */
final class TypeUsageRules {

    /** How much of a line the rules look at. */
    static final int MAX_MATCHED_CHARS = 16 * 1024;

    private static final Pattern IMPORT_WORD = Pattern.compile("\\bimport\\b");
    private static final Pattern SWITCH = Pattern.compile("switch\\s*\\(");
    private static final Pattern KOTLIN_WHEN = Pattern.compile("\\bwhen\\s*\\(");

    private final String name;
    private final Pattern mapping;
    private final Pattern jvmMapping;
    private final Pattern annotation;
    private final Pattern jvmDeclaration;

    TypeUsageRules(String name) {
        this.name = name;
        String quoted = Pattern.quote(name);
        this.mapping = Pattern.compile("Record<\\s*" + quoted);
        this.jvmMapping = Pattern.compile("EnumMap<\\s*" + quoted);
        this.annotation = Pattern.compile(":\\s*" + quoted + "\\b");
        this.jvmDeclaration = Pattern.compile("\\b(?:class|enum|record|object)\\s+" + quoted + "\\b");
    }

    /** The usages in one file, in line order; empty when the text does not contain the name. */
    List<TypeUsage> scan(String path, String text) {
        if (!text.contains(name)) {
            return List.of();
        }
        String extension = FileDiscovery.extension(java.nio.file.Path.of(path));
        boolean kotlin = extension.equals(".kt") || extension.equals(".kts");
        boolean jvm = kotlin || extension.equals(".java");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].length() > MAX_MATCHED_CHARS) {
                lines[i] = lines[i].substring(0, MAX_MATCHED_CHARS);
            }
        }
        List<TypeUsage> usages = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            TypeUsageKind kind = classify(lines, i, jvm, kotlin);
            if (kind != null) {
                usages.add(new TypeUsage(path, i + 1, kind, cut(line.strip())));
            }
        }
        return usages;
    }

    private @Nullable TypeUsageKind classify(String[] lines, int i, boolean jvm, boolean kotlin) {
        String line = lines[i];
        boolean mentions = line.contains(name);
        if (mentions && IMPORT_WORD.matcher(line).find()) {
            return TypeUsageKind.IMPORT;
        }
        if (SWITCH.matcher(line).find() || kotlin && KOTLIN_WHEN.matcher(line).find()) {
            return nearby(lines, i) ? TypeUsageKind.SWITCH_CASE : null;
        }
        if (!mentions) {
            return line.contains("assertNever") || line.contains("exhaustive") ? TypeUsageKind.EXHAUSTIVE_CHECK : null;
        }
        if (mapping.matcher(line).find() || jvm && jvmMapping.matcher(line).find()) {
            return TypeUsageKind.MAPPING_OBJECT;
        }
        if (line.contains("assertNever") || line.contains("exhaustive")) {
            return TypeUsageKind.EXHAUSTIVE_CHECK;
        }
        if (line.contains("type " + name) || line.contains("interface " + name) || annotation.matcher(line).find()
                || jvm && jvmDeclaration.matcher(line).find()) {
            return TypeUsageKind.TYPE_REFERENCE;
        }
        return null;
    }

    /** Whether the name occurs in lines {@code i-5 .. i+50}. */
    private boolean nearby(String[] lines, int i) {
        int from = Math.max(0, i - 5);
        int to = Math.min(lines.length - 1, i + 50);
        for (int j = from; j <= to; j++) {
            if (lines[j].contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static String cut(String text) {
        return text.length() > TypeUsage.MAX_LINE_TEXT ? text.substring(0, TypeUsage.MAX_LINE_TEXT) : text;
    }
}
