package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.FileSymbols;
import io.agentfactory.sdk.codeintel.Symbol;

/**
 * The tree-sitter Kotlin extractor: the regex extractor's results where that one is right, and the
 * right results where it is not (each case shows the regex result it corrects).
 */
class KotlinTreeSitterExtractorTest {

    private final KotlinTreeSitterExtractor parser = new KotlinTreeSitterExtractor();
    private final KotlinExtractor regex = new KotlinExtractor();

    @BeforeAll
    static void nativesLoad() {
        assertThat(new KotlinTreeSitterExtractor().prepare()).as(KotlinGrammar.failure()).isTrue();
    }

    /** The source of {@link KotlinExtractorTest}. */
    private static final String PARITY = KotlinExtractorTest.SOURCE;

    @Test
    void onTheRegexExtractorsOwnCaseEverythingButTheMultiLineSignatureIsTheSame() {
        FileSymbols parsed = parser.extract(PARITY, "src/main/kotlin/User.kt");
        FileSymbols scanned = regex.extract(PARITY, "src/main/kotlin/User.kt");

        assertThat(parsed.imports()).isEqualTo(scanned.imports()).containsExactly("kotlinx.coroutines.flow.Flow", "java.util.UUID");
        assertThat(parsed.exports()).isEqualTo(scanned.exports());
        assertThat(parsed.language()).isEqualTo("kotlin");
        assertThat(parsed.symbols()).hasSameSizeAs(scanned.symbols()).hasSize(15);
        for (int i = 1; i < parsed.symbols().size(); i++) {
            assertThat(parsed.symbols().get(i)).isEqualTo(scanned.symbols().get(i));
        }
        Symbol user = parsed.symbols().get(0);
        assertThat(scanned.symbols().get(0).signature()).isEqualTo("data class User(");
        assertThat(user.signature()).isEqualTo("data class User(val id: String, val name: String,)");
        assertThat(withSignature(user, "data class User(")).isEqualTo(scanned.symbols().get(0));
    }

    @Test
    void aGenericExtensionFunctionWithNestedBoundsIsAMethodOfItsReceiver() {
        String source = "fun <T : Comparable<T>> List<T>.top(n: Int): List<T> = sortedDescending().take(n)\n";

        FileSymbols file = parser.extract(source, "Top.kt");

        assertThat(regex.extract(source, "Top.kt").symbols()).isEmpty(); // [^>]* stops at the inner >
        assertThat(SymbolLines.of(file)).containsExactly("method top 1-0 in List exported");
        assertThat(file.symbols().get(0).signature()).isEqualTo("fun <T : Comparable<T>> List<T>.top(n: Int): List<T>");
    }

    @Test
    void aSignatureOverManyLinesWithAnAnnotationOverLinesKeepsItsDocAndDropsItsComments() {
        String source = """
                package p

                /**
                 * Picks the top [n].
                 */
                // a note between
                @Suppress(
                    "UNCHECKED_CAST",
                )
                fun <T : Comparable<T>>
                    List<T>.top(
                    n: Int, // how many
                    by: (T) -> Int = { 0 },
                ): List<T> {
                    return sortedByDescending(by).take(n)
                }
                """;

        FileSymbols file = parser.extract(source, "Top.kt");

        assertThat(SymbolLines.of(regex.extract(source, "Top.kt"))).isEmpty();
        assertThat(SymbolLines.of(file)).containsExactly("method top 10-16 in List exported");
        Symbol top = file.symbols().get(0);
        assertThat(top.signature()).isEqualTo("fun <T : Comparable<T>> List<T>.top(n: Int, by: (T) -> Int = { 0 },): List<T>");
        assertThat(top.documentation()).isEqualTo("/**\n * Picks the top [n].\n */");
    }

    @Test
    void nestedAndInnerClassesGetTheirParentsAndExactExtentsThroughTemplatesHoldingBraces() {
        String source = """
                class Outer {
                    inner class Inner {
                        fun f(): String {
                            return "${ if (ok) "}" else "{" }"
                        }
                    }

                    class Nested {
                        val s = "${ "{" }"
                        fun g() {
                        }
                    }
                }
                """;

        FileSymbols file = parser.extract(source, "Outer.kt");

        assertThat(SymbolLines.of(regex.extract(source, "Outer.kt"))).containsExactly(
                "class Outer 1-0 exported", "class Inner 2-6 exported", "method f 3-4 in Inner exported",
                "class Nested 8-13 exported", "property s 9-0 in Nested exported", "method g 10-11 in Nested exported");
        assertThat(SymbolLines.of(file)).containsExactly(
                "class Outer 1-13 exported",
                "class Inner 2-6 in Outer exported",
                "method f 3-5 in Inner exported",
                "class Nested 8-12 in Outer exported",
                "property s 9-0 in Nested exported",
                "method g 10-11 in Nested exported");
    }

    @Test
    void sealedDataEnumObjectAndCompanionObjectDeclarations() {
        String source = """
                sealed class Result<out T> {
                    data class Ok<T>(val value: T) : Result<T>()
                    object Err : Result<Nothing>()
                }

                enum class Color(val rgb: Int) {
                    RED(0xFF0000) {
                        override fun label() = "r"
                    },
                    GREEN(0x00FF00);

                    open fun label(): String = "c"
                }

                class Users @Inject constructor(private val repo: Repo) {
                    companion object Factory : Builder<Users>() {
                        fun create(): Users = TODO()
                    }
                }

                value class Id(val raw: String)
                annotation class Marker
                """;

        FileSymbols file = parser.extract(source, "Kinds.kt");

        assertThat(SymbolLines.of(regex.extract(source, "Kinds.kt"))).contains("method label 8-0 in Color exported")
                .doesNotContain("property value 2-0 in Ok exported", "property rgb 6-0 in Color exported");
        assertThat(SymbolLines.of(file)).containsExactly(
                "class Result 1-4 exported",
                "class Ok 2-0 in Result exported",
                "property value 2-0 in Ok exported",
                "class Err 3-0 in Result exported",
                "enum Color 6-13 exported",
                "property rgb 6-0 in Color exported",
                "method label 12-0 in Color exported", // the entry body's override is not a member of the enum
                "class Users 15-19 exported",
                "property repo 15-0 in Users",
                "class Factory 16-18 in Users exported",
                "method create 17-0 in Factory exported",
                "class Id 21-0 exported",
                "property raw 21-0 in Id exported",
                "class Marker 22-0 exported");
        assertThat(SymbolLines.named(file, "Factory").signature()).isEqualTo("companion object Factory : Builder<Users>()");
        assertThat(SymbolLines.named(file, "Users").signature()).isEqualTo("class Users @Inject constructor(private val repo: Repo)");
    }

    @Test
    void propertiesDestructuringExtensionPropertiesAndTypeAliases() {
        String source = """
                val (left, right) = 1 to 2
                val String.lastChar: Char
                    get() = this[length - 1]
                private var counter = 0; val other = 1
                typealias Handler<T> = (T) -> Unit
                class Box {
                    lateinit var content: String
                    internal val size: Int get() = 1
                }
                """;

        FileSymbols file = parser.extract(source, "Props.kt");

        assertThat(SymbolLines.of(regex.extract(source, "Props.kt"))).contains("variable String 2-0 exported")
                .doesNotContain("variable left 1-0 exported", "variable other 4-0 exported");
        assertThat(SymbolLines.of(file)).containsExactly(
                "variable left 1-0 exported",
                "variable right 1-0 exported",
                "property lastChar 2-0 in String exported",
                "variable counter 4-0",
                "variable other 4-0 exported",
                "type Handler 5-0 exported",
                "class Box 6-9 exported",
                "property content 7-0 in Box exported",
                "property size 8-0 in Box");
        assertThat(file.exports()).containsExactly("left", "right", "lastChar", "other", "Handler", "Box", "content");
    }

    @Test
    void annotationsWithNestedParenthesesOnTheDeclarationsLineOrTheirOwnLines() {
        String source = """
                /** Old. */
                @Deprecated("use y()", ReplaceWith("y()")) fun x() {
                }

                /** Kept. */
                @Target(AnnotationTarget.FUNCTION)
                @Retention(AnnotationRetention.SOURCE)
                annotation class Tag(val note: String = "(x)")
                """;

        FileSymbols file = parser.extract(source, "Ann.kt");

        assertThat(SymbolLines.of(regex.extract(source, "Ann.kt"))).doesNotContain("function x 2-3 exported");
        assertThat(SymbolLines.of(file)).containsExactly("function x 2-3 exported", "class Tag 8-0 exported",
                "property note 8-0 in Tag exported");
        assertThat(SymbolLines.named(file, "x").documentation()).isEqualTo("/** Old. */");
        assertThat(SymbolLines.named(file, "x").signature()).isEqualTo("fun x()");
        assertThat(SymbolLines.named(file, "Tag").documentation()).isEqualTo("/** Kept. */");
        assertThat(SymbolLines.named(file, "Tag").signature()).isEqualTo("annotation class Tag(val note: String = \"(x)\")");
    }

    @Test
    void localsOfAnExpressionBodyAreNotMembersAndANestedClassKeepsItsProperties() {
        String source = """
                object Caller {
                    data class Briefing(
                        val agents: Int,
                        val machines: List<String>,
                    )

                    suspend fun briefing(client: Client): Briefing = coroutineScope {
                        val stats = async { client.stats() }
                        val machines = async { client.machines() }
                        Briefing(stats.await().agents, machines.await())
                    }
                }
                """;

        FileSymbols file = parser.extract(source, "Caller.kt");

        assertThat(SymbolLines.of(regex.extract(source, "Caller.kt"))).contains("property agents 3-0 in Caller exported",
                "property stats 8-0 in Caller exported");
        assertThat(SymbolLines.of(file)).containsExactly(
                "class Caller 1-12 exported",
                "class Briefing 2-0 in Caller exported",
                "property agents 3-0 in Briefing exported",
                "property machines 4-0 in Briefing exported",
                "method briefing 7-0 in Caller exported");
    }

    @Test
    void importsWithWildcardsAliasesAndBackticks() {
        String source = """
                @file:JvmName("Util")
                package a.b

                import x.y.*
                import x.`in`.Thing as Other
                import z.top
                """;

        assertThat(parser.extract(source, "Util.kt").imports()).containsExactly("x.y.*", "x.`in`.Thing", "z.top")
                .isEqualTo(regex.extract(source, "Util.kt").imports());
    }

    @Test
    void receiverTypeNames() {
        assertThat(KotlinTreeReader.typeName("List<Map<K, V>>")).isEqualTo("List");
        assertThat(KotlinTreeReader.typeName("String?")).isEqualTo("String");
        assertThat(KotlinTreeReader.typeName("Map.Entry<K, V>?")).isEqualTo("Map.Entry");
        assertThat(KotlinTreeReader.joinLines("fun f(\n    a: Int,\n    b: Int,\n): Int")).isEqualTo("fun f(a: Int, b: Int,): Int");
    }

    private static Symbol withSignature(Symbol s, String signature) {
        return new Symbol(s.name(), s.kind(), s.filePath(), s.line(), s.endLine(), signature, s.documentation(), s.exported(),
                s.parentName(), s.language());
    }
}
