package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.FileSymbols;

class KotlinExtractorTest {

    /** The extractor's own case; the parser's test reads it too. */
    static final String SOURCE = """
            package com.example

            import kotlinx.coroutines.flow.Flow
            import java.util.UUID as Id

            /** A user. */
            data class User(
                val id: String,
                val name: String,
            ) {
                fun display(): String {
                    return "$name }"
                }

                fun short() = name.take(3)

                companion object {
                    const val MAX = 10
                }
            }

            interface Repo {
                suspend fun find(id: String): User?
                fun all(): Flow<User>
            }

            private fun helper(x: Int): Int = x + 1

            fun String.shout(): String {
                return uppercase()
            }

            enum class Level { LOW, HIGH }

            object Registry

            internal val cache = mutableMapOf<String, User>()
            typealias Users = List<User>
            """;

    private final FileSymbols file = new KotlinExtractor().extract(SOURCE, "src/main/kotlin/User.kt");

    @Test
    void findsTypesFunctionsAndPropertiesWithBlockBodyExtentsOnly() {
        assertThat(SymbolLines.of(file)).containsExactly(
                "class User 7-20 exported",
                "property id 8-0 in User exported",
                "property name 9-0 in User exported",
                "method display 11-13 in User exported",
                "method short 15-0 in User exported",
                "property MAX 18-0 in User exported",
                "interface Repo 22-25 exported",
                "method find 23-0 in Repo exported",
                "method all 24-0 in Repo exported",
                "function helper 27-0",
                "method shout 29-31 in String exported",
                "enum Level 33-33 exported",
                "class Registry 35-0 exported",
                "variable cache 37-0",
                "type Users 38-0 exported");
        assertThat(file.language()).isEqualTo("kotlin");
    }

    @Test
    void readsImportsDocumentationAndSignatures() {
        assertThat(file.imports()).containsExactly("kotlinx.coroutines.flow.Flow", "java.util.UUID");
        assertThat(SymbolLines.named(file, "User").documentation()).isEqualTo("/** A user. */");
        assertThat(SymbolLines.named(file, "short").signature()).isEqualTo("fun short()");
        assertThat(SymbolLines.named(file, "helper").signature()).isEqualTo("private fun helper(x: Int): Int");
        assertThat(SymbolLines.named(file, "display").signature()).isEqualTo("fun display(): String");
    }
}
