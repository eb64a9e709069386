package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.List;

import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.Symbol;

/** One line per symbol, {@code "kind name line-endLine [in parent] [exported]"}, so a test states a whole file's result. */
final class SymbolLines {

    private SymbolLines() {
    }

    static List<String> of(FileSymbols file) {
        return file.symbols().stream().map(SymbolLines::line).toList();
    }

    static String line(Symbol s) {
        return s.kind().wireName() + " " + s.name() + " " + s.line() + "-" + s.endLine()
                + (s.parentName().isEmpty() ? "" : " in " + s.parentName()) + (s.exported() ? " exported" : "");
    }

    static Symbol named(FileSymbols file, String name) {
        return file.symbols().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
