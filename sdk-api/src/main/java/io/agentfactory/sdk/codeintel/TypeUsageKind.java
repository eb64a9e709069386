package io.agentfactory.sdk.codeintel;

import java.util.Locale;

/**
 * How a line uses a type, in reporting priority order (the first constant sorts first). A line gets
 * the first kind whose rule it matches, checked in the order IMPORT, SWITCH_CASE, MAPPING_OBJECT,
 * EXHAUSTIVE_CHECK, TYPE_REFERENCE. {@link #wireName()} is the reference's snake_case name.
 */
public enum TypeUsageKind {
    /** A {@code switch (} line (Kotlin: {@code when (}) with the name within the next 50 or the previous 5 lines. */
    SWITCH_CASE,
    /** {@code Record<Name} or {@code satisfies Record<Name} (Java and Kotlin: {@code EnumMap<Name}). */
    MAPPING_OBJECT,
    /** A line mentioning {@code assertNever} or {@code exhaustive} in a file that contains the name. */
    EXHAUSTIVE_CHECK,
    /** {@code type Name}, {@code interface Name} or {@code : Name} (Java and Kotlin: also {@code class}, {@code enum}, {@code record}, {@code object Name}). */
    TYPE_REFERENCE,
    /** A line with the word {@code import} that contains the name. */
    IMPORT;

    /** The reference's name, for example {@code "switch_case"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sort priority: 0 for {@link #SWITCH_CASE} up to 4 for {@link #IMPORT}. */
    public int priority() {
        return ordinal();
    }
}
