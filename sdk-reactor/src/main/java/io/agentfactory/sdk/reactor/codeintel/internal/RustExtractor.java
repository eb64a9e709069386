package io.agentfactory.sdk.reactor.codeintel.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.codeintel.Extractor;
import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolKind;

/**
 * Rust, line by line with the reference's patterns: {@code use} paths as imports; {@code fn},
 * {@code struct}, {@code enum}, {@code trait}, {@code impl} ({@code "Trait for Type"} or
 * {@code "Type"}), {@code macro_rules!}, {@code const}/{@code static}, {@code type} and {@code mod}.
 * {@code ///} lines above are the documentation (kept across attributes); a {@code pub } prefix
 * means exported. Bodies get no closing line.
 */
public final class RustExtractor implements Extractor {

    private static final Pattern USE = Pattern.compile("^(?:pub\\s+)?use\\s+(.+);");
    private static final Pattern PUB_PREFIX = Pattern.compile("^pub\\s+(?:\\(crate\\)\\s+)?");
    private static final Pattern FN = Pattern.compile("^(?:async\\s+)?(?:unsafe\\s+)?fn\\s+(\\w+)");
    private static final Pattern IMPL = Pattern.compile("^impl(?:<[^>]+>)?\\s+(?:(\\w+)\\s+for\\s+)?(\\w+)");

    /** The declarations after {@code fn} and {@code impl}, in the reference's order; {@code documented} keeps docs. */
    private record Form(Pattern pattern, SymbolKind kind, boolean documented) {
    }

    private static final List<Form> FORMS = List.of(
            new Form(Pattern.compile("^struct\\s+(\\w+)"), SymbolKind.STRUCT, true),
            new Form(Pattern.compile("^enum\\s+(\\w+)"), SymbolKind.ENUM, true),
            new Form(Pattern.compile("^trait\\s+(\\w+)"), SymbolKind.TRAIT, true));
    private static final Form MACRO = new Form(Pattern.compile("^macro_rules!\\s+(\\w+)"), SymbolKind.MACRO, true);
    private static final List<Form> UNDOCUMENTED = List.of(
            new Form(Pattern.compile("^(?:const|static)\\s+(\\w+)"), SymbolKind.VARIABLE, false),
            new Form(Pattern.compile("^type\\s+(\\w+)"), SymbolKind.TYPE, false),
            new Form(Pattern.compile("^mod\\s+(\\w+)"), SymbolKind.MODULE, false));

    @Override
    public String language() {
        return "rust";
    }

    @Override
    public Set<String> extensions() {
        return Set.of(".rs");
    }

    @Override
    public FileSymbols extract(String source, String filePath) {
        String[] lines = SourceLines.split(source);
        SymbolCollector found = new SymbolCollector();
        DocLines doc = new DocLines("///");
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].strip();
            if (doc.consume(trimmed)) {
                continue;
            }
            if (trimmed.startsWith("//")) {
                continue;
            }
            if (SourceLines.tooLongToDeclare(trimmed)) {
                doc.clear();
                continue;
            }
            Matcher m = USE.matcher(trimmed);
            if (m.find()) {
                found.imported(m.group(1));
                continue;
            }
            boolean pub = trimmed.startsWith("pub ");
            String effective = pub ? PUB_PREFIX.matcher(trimmed).replaceFirst("") : trimmed;
            @Nullable Symbol symbol;
            if ((m = FN.matcher(effective)).find()) {
                int brace = effective.indexOf('{');
                String signature = brace >= 0 ? effective.substring(0, brace).strip() : effective;
                symbol = new Symbol(m.group(1), SymbolKind.FUNCTION, filePath, i + 1, 0, signature, doc.text(), pub, "",
                        language());
            } else {
                symbol = form(FORMS, effective, filePath, i, pub, doc);
                if (symbol == null && (m = IMPL.matcher(effective)).find()) {
                    String name = m.group(1) == null ? m.group(2) : m.group(1) + " for " + m.group(2);
                    symbol = new Symbol(name, SymbolKind.IMPL, filePath, i + 1, 0, "", doc.text(), false, "", language());
                }
                if (symbol == null) {
                    symbol = form(List.of(MACRO), effective, filePath, i, pub, doc);
                }
                if (symbol == null) {
                    symbol = form(UNDOCUMENTED, effective, filePath, i, pub, doc);
                }
            }
            if (symbol != null) {
                found.declared(symbol);
                doc.clear();
                continue;
            }
            if (!trimmed.isEmpty() && !trimmed.startsWith("#[") && !trimmed.startsWith("*")) {
                doc.clear();
            }
        }
        return found.result(filePath, language());
    }

    private @Nullable Symbol form(List<Form> forms, String effective, String filePath, int i, boolean pub, DocLines doc) {
        for (Form form : forms) {
            Matcher m = form.pattern().matcher(effective);
            if (m.find()) {
                return new Symbol(m.group(1), form.kind(), filePath, i + 1, 0, "", form.documented() ? doc.text() : "", pub, "",
                        language());
            }
        }
        return null;
    }
}
