package io.agentfactory.sdk.examples.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The languages the code-intelligence benchmark scores, with what its ground truth needs of each:
 * the file extensions, a {@code git grep -E} pattern for declaration lines, the same rules as Java
 * patterns that capture the declared name, and how a line comment starts (for the generated tree).
 * The rules are the benchmark's own reading of "a declaration", independent of the extractors.
 */
enum BenchLanguage {

    GO("go", Set.of(".go"), "//", List.of(
            rule("^func[[:space:]]+(\\([^)]*\\)[[:space:]]*)?[A-Za-z_][A-Za-z0-9_]*",
                    "^func\\s+(?:\\([^)]*\\)\\s*)?(?<name>[A-Za-z_]\\w*)"),
            rule("^type[[:space:]]+[A-Za-z_][A-Za-z0-9_]*[[:space:]]",
                    "^type\\s+(?<name>[A-Za-z_]\\w*)\\s"))),
    TYPESCRIPT("typescript", Set.of(".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs"), "//", List.of(
            rule("^[[:space:]]*(export[[:space:]]+)?(default[[:space:]]+)?(declare[[:space:]]+)?(async[[:space:]]+)?"
                            + "(abstract[[:space:]]+)?(function\\*?|class|interface|enum|type)[[:space:]]+[A-Za-z_$]",
                    "^\\s*(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:async\\s+)?(?:abstract\\s+)?"
                            + "(?:function\\*?|class|interface|enum|type)\\s+(?<name>[A-Za-z_$][\\w$]*)"),
            rule("^[[:space:]]*(export[[:space:]]+)?const[[:space:]]+[A-Za-z_$][A-Za-z0-9_$]*[[:space:]]*=[[:space:]]*(async[[:space:]]*)?\\(",
                    "^\\s*(?:export\\s+)?const\\s+(?<name>[A-Za-z_$][\\w$]*)\\s*=\\s*(?:async\\s*)?\\("))),
    PYTHON("python", Set.of(".py"), "#", List.of(
            rule("^[[:space:]]*(async[[:space:]]+)?(def|class)[[:space:]]+[A-Za-z_]",
                    "^\\s*(?:async\\s+)?(?:def|class)\\s+(?<name>[A-Za-z_]\\w*)"))),
    RUST("rust", Set.of(".rs"), "//", List.of(
            rule("^[[:space:]]*(pub(\\([^)]*\\))?[[:space:]]+)?((async|unsafe|const|extern)[[:space:]]+)*"
                            + "(fn|struct|enum|trait|type|mod)[[:space:]]+[A-Za-z_]",
                    "^\\s*(?:pub(?:\\([^)]*\\))?\\s+)?(?:(?:async|unsafe|const|extern)\\s+)*"
                            + "(?:fn|struct|enum|trait|type|mod)\\s+(?<name>[A-Za-z_]\\w*)"),
            rule("^[[:space:]]*macro_rules![[:space:]]*[A-Za-z_]", "^\\s*macro_rules!\\s*(?<name>[A-Za-z_]\\w*)"))),
    JAVA("java", Set.of(".java"), "//", List.of(
            rule("^[[:space:]]*((public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)[[:space:]]+)*"
                            + "(class|interface|enum|record|@interface)[[:space:]]+[A-Za-z_$]",
                    "^\\s*(?:(?:public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
                            + "(?:class|interface|enum|record|@interface)\\s+(?<name>[A-Za-z_$][\\w$]*)"),
            rule("^[[:space:]]+((public|protected|private|static|final|abstract|synchronized|default|native)[[:space:]]+)+"
                            + "(<[^=;]*>[[:space:]]+)?[A-Za-z_$][][A-Za-z0-9_$.<>,? ]*[[:space:]]+[A-Za-z_$][A-Za-z0-9_$]*[[:space:]]*\\(",
                    "^\\s+(?:(?:public|protected|private|static|final|abstract|synchronized|default|native)\\s+)+"
                            + "(?:<[^=;]*>\\s+)?[A-Za-z_$][\\w$.<>,?\\[\\] ]*\\s+(?<name>[A-Za-z_$][\\w$]*)\\s*\\("))),
    KOTLIN("kotlin", Set.of(".kt", ".kts"), "//", List.of(
            rule("^[[:space:]]*(" + KotlinModifiers.ERE + "[[:space:]]+)*(class|interface|object|typealias)[[:space:]]+[A-Za-z_]",
                    "^\\s*(?:" + KotlinModifiers.ERE + "\\s+)*(?:class|interface|object|typealias)\\s+(?<name>[A-Za-z_]\\w*)"),
            rule("^[[:space:]]*(" + KotlinModifiers.ERE + "[[:space:]]+)*fun[[:space:]]+",
                    "^\\s*(?:" + KotlinModifiers.ERE + "\\s+)*fun\\s+(?:<[^>]*>\\s*)?(?:[\\w<>?,. ]+\\.)?(?<name>[A-Za-z_]\\w*)\\s*\\(")));

    private final String tag;
    private final Set<String> extensions;
    private final String lineComment;
    private final List<Rule> rules;

    BenchLanguage(String tag, Set<String> extensions, String lineComment, List<Rule> rules) {
        this.tag = tag;
        this.extensions = extensions;
        this.lineComment = lineComment;
        this.rules = rules;
    }

    /** The extractors' language tag ({@code IndexedFile#language()}). */
    String tag() {
        return tag;
    }

    /** How a line comment starts. */
    String lineComment() {
        return lineComment;
    }

    /** {@code git grep} path specs for the language's files, e.g. {@code *.go}. */
    List<String> pathspecs() {
        return extensions.stream().sorted().map(extension -> "*" + extension).toList();
    }

    /** One {@code git grep -E} pattern matching every declaration line of the language. */
    String grepPattern() {
        return String.join("|", rules.stream().map(Rule::ere).toList());
    }

    /** The name a declaration line declares, when it is one by these rules. */
    Optional<String> declaredName(String line) {
        for (Rule rule : rules) {
            Matcher matcher = rule.java().matcher(line);
            if (matcher.find()) {
                return Optional.of(matcher.group("name"));
            }
        }
        return Optional.empty();
    }

    /** The language of a path, by extension. */
    static Optional<BenchLanguage> of(String path) {
        int dot = path.lastIndexOf('.');
        if (dot < 0 || path.lastIndexOf('/') > dot) {
            return Optional.empty();
        }
        String extension = path.substring(dot).toLowerCase(Locale.ROOT);
        for (BenchLanguage language : values()) {
            if (language.extensions.contains(extension)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    private static Rule rule(String ere, String java) {
        return new Rule(ere, Pattern.compile(java));
    }

    /** A declaration rule as a POSIX extended expression for git and as a Java pattern with a {@code name} group. */
    private record Rule(String ere, Pattern java) {
    }

    /** Kotlin's declaration modifiers, as one alternation both regex dialects read. */
    private static final class KotlinModifiers {
        static final String ERE = "(public|private|protected|internal|open|abstract|sealed|data|enum|inline|value|"
                + "annotation|inner|override|suspend|operator|infix|tailrec|external|final|const|lateinit)";
    }
}
