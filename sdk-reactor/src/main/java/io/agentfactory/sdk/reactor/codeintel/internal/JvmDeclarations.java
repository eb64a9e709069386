package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.codeintel.SymbolKind;

/**
 * The enclosing types of the line being read by the Java and Kotlin extractors: a stack of open
 * type bodies, each closed when its last line has passed, and the last line of the member body
 * being skipped (members of local classes inside a method body are not reported).
 */
final class JvmDeclarations {

    /** An open type body: its name, kind and 0-based closing line. */
    record OpenType(String name, SymbolKind kind, int closingLine) {
    }

    private final Deque<OpenType> open = new ArrayDeque<>();
    private int skipThrough = -1;

    /** Closes the types that ended before line {@code i}; whether the line is inside a skipped member body. */
    boolean enter(int i) {
        while (!open.isEmpty() && open.peek().closingLine() < i) {
            open.pop();
        }
        return i <= skipThrough;
    }

    void openType(String name, SymbolKind kind, int closingLine) {
        open.push(new OpenType(name, kind, closingLine));
    }

    /** Skips the lines after the current one through {@code closingLine} (a member's body). */
    void skipBody(int closingLine) {
        skipThrough = Math.max(skipThrough, closingLine);
    }

    @Nullable OpenType enclosing() {
        return open.peek();
    }

    String parentName() {
        OpenType type = open.peek();
        return type == null ? "" : type.name();
    }
}
