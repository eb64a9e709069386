package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.ArrayList;
import java.util.List;

import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.Symbol;

/** What an extractor has found so far in one file; an exported symbol's name also goes to the exports. */
final class SymbolCollector {

    private final List<Symbol> symbols = new ArrayList<>();
    private final List<String> imports = new ArrayList<>();
    private final List<String> exports = new ArrayList<>();

    /** Adds the symbol, and its name to the exports when it is exported. */
    void declared(Symbol symbol) {
        symbols.add(symbol);
        if (symbol.exported()) {
            exports.add(symbol.name());
        }
    }

    /** Adds the symbol without exporting its name (Python methods, for one). */
    void declaredUnlisted(Symbol symbol) {
        symbols.add(symbol);
    }

    void imported(String module) {
        imports.add(module);
    }

    void exported(String name) {
        exports.add(name);
    }

    FileSymbols result(String filePath, String language) {
        return new FileSymbols(filePath, language, symbols, imports, exports);
    }
}
