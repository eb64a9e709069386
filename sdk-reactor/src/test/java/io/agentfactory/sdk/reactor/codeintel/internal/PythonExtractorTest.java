package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.FileSymbols;

class PythonExtractorTest {

    private static final String SOURCE = """
            from os import path
            import sys, json as j

            \"""Module docstring.\"""

            LIMIT = 42
            _secret: str = "x"

            @cached
            class Greeter:
                \"""Greets people.\"""

                def __init__(self, name: str):
                    self.name = name

                async def greet(self):
                    pass

            def greet_user(name):
                return name

            def _hidden():
                pass
            """;

    private final FileSymbols file = new PythonExtractor().extract(SOURCE, "app/svc.py");

    @Test
    void findsDeclarationsAtOneBasedKeywordLines() {
        assertThat(SymbolLines.of(file)).containsExactly(
                "variable LIMIT 6-0 exported",
                "variable _secret 7-0",
                "decorator cached 9-0",
                "class Greeter 10-0 exported",
                "method __init__ 13-0",
                "method greet 16-0 exported",
                "function greet_user 19-0 exported",
                "function _hidden 22-0");
    }

    @Test
    void takesTheFirstModuleOfEachImportAndExportsOnlyTopLevelPublicNames() {
        assertThat(file.imports()).containsExactly("os", "sys");
        assertThat(file.exports()).containsExactly("Greeter", "greet_user");
    }

    @Test
    void aSingleLineDocstringDocumentsTheNextDeclarationAndTheSignatureEndsAtTheFirstColon() {
        // As in the reference: the pending docstring is the one seen last, wherever it stood.
        assertThat(SymbolLines.named(file, "Greeter").documentation()).isEqualTo("Module docstring.");
        assertThat(SymbolLines.named(file, "__init__").documentation()).isEqualTo("Greets people.");
        assertThat(SymbolLines.named(file, "__init__").signature()).isEqualTo("def __init__(self, name");
        assertThat(SymbolLines.named(file, "greet").signature()).isEqualTo("async def greet(self)");
    }

    @Test
    void theClassAndFunctionLinesOfTheReferenceFixtureAreFourAndNine() {
        FileSymbols svc = new PythonExtractor().extract("""
                import os


                class Greeter:
                    def greet(self, name):
                        return name


                def greet_user(name):
                    return name
                """, "svc.py");

        assertThat(SymbolLines.of(svc)).containsExactly("class Greeter 4-0 exported", "method greet 5-0 exported",
                "function greet_user 9-0 exported");
    }
}
