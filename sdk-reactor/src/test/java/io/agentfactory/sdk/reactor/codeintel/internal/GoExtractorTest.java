package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.FileSymbols;

class GoExtractorTest {

    private static final String SOURCE = """
            package example

            import (
            	"context"
            	"fmt"
            )

            import "os"

            // Store keeps users.
            type Store struct {
            	Name string
            }

            // Runner runs.
            type Runner interface {
            	Run(ctx context.Context) error
            }

            type ID = string

            type hidden struct{}

            // NewStore makes a Store.
            // It never fails.
            func NewStore(name string) *Store {
            	return &Store{Name: name}
            }

            // Run implements Runner.
            func (s *Store) Run(ctx context.Context) error {
            	_ = fmt.Sprintf("} not the end %s", s.Name)
            	return nil
            }

            func helper() string {
            	return os.Getenv("HOME") // }
            }

            var Global = "hello"
            const limit = 42
            """;

    private final FileSymbols file = new GoExtractor().extract(SOURCE, "pkg/example.go");

    @Test
    void findsEveryDeclarationAtItsKeywordLineWithBodyExtentsForFunctions() {
        assertThat(SymbolLines.of(file)).containsExactly(
                "struct Store 11-0 exported",
                "interface Runner 16-0 exported",
                "type ID 20-0 exported",
                "struct hidden 22-0",
                "function NewStore 26-28 exported",
                "method Run 31-34 in Store exported",
                "function helper 36-38",
                "variable Global 40-0 exported",
                "variable limit 41-0");
        assertThat(file.language()).isEqualTo("go");
        assertThat(file.symbols()).allSatisfy(s -> assertThat(s.language()).isEqualTo("go"));
    }

    @Test
    void readsSingleAndBlockImportsAndExportsUpperCaseNames() {
        assertThat(file.imports()).containsExactly("context", "fmt", "os");
        assertThat(file.exports()).containsExactly("Store", "Runner", "ID", "NewStore", "Run", "Global");
    }

    @Test
    void joinsTheCommentLinesAboveAsDocumentationAndCutsTheSignatureAtTheBrace() {
        assertThat(SymbolLines.named(file, "NewStore").documentation()).isEqualTo("NewStore makes a Store.\nIt never fails.");
        assertThat(SymbolLines.named(file, "NewStore").signature()).isEqualTo("func NewStore(name string) *Store");
        assertThat(SymbolLines.named(file, "Run").signature()).isEqualTo("func (s *Store) Run(ctx context.Context) error");
        assertThat(SymbolLines.named(file, "Store").documentation()).isEqualTo("Store keeps users.");
        assertThat(SymbolLines.named(file, "helper").documentation()).isEmpty();
    }

    @Test
    void aWrappedSignatureFindsItsBodyAndABodylessDeclarationBorrowsNone() {
        FileSymbols wrapped = new GoExtractor().extract("""
                package p

                func asm(x int) int
                func Wrapped(
                	a int,
                ) int {
                	return a
                }
                """, "p.go");

        assertThat(SymbolLines.of(wrapped)).containsExactly("function asm 3-0", "function Wrapped 4-8 exported");
    }

    @Test
    void anEmptyFileHasNoSymbols() {
        assertThat(new GoExtractor().extract("", "empty.go").symbols()).isEmpty();
    }
}
