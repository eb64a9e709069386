package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.FileSymbols;

class TypeScriptExtractorTest {

    private static final String SOURCE = """
            import { Foo } from './foo'
            import type { Bar } from './bar'
            const lazy = import('./lazy')

            /**
             * Widget renders.
             */
            export class Widget extends Foo {
              private count: number = 0
              readonly label: string = '}'

              constructor(label: string) {
                super()
              }

              public render(input: string): boolean {
                return input.length > 0
              }
            }

            export interface Shape {
              id: string
            }

            export type Size = 'S' | 'M'

            export enum Mode {
              On = 'ON',
            }

            /** load fetches */
            export async function load(x: number): Promise<void> {
              return
            }

            export const typed = async (x: string): Promise<boolean> => {
              return true
            }

            export const plain = (a, b) => {
              return a + b
            }

            export const expr = function() {
              return 42
            }

            @Injectable()
            class Service {}

            export { Widget as Renamed } from './other'
            export * from './all'
            """;

    private final FileSymbols file = new TypeScriptExtractor().extract(SOURCE, "src/widget.ts");

    @Test
    void findsDeclarationsClassMembersAndExtentsAsTheReferenceDoes() {
        assertThat(SymbolLines.of(file)).containsExactly(
                "variable lazy 3-0",
                "class Widget 8-19 exported",
                "property count 9-0 in Widget",
                "property label 10-0 in Widget",
                "method constructor 12-14 in Widget",
                // The reference reads a call at the start of a member line as a method, too.
                "method super 13-0 in Widget",
                "method render 16-18 in Widget",
                "interface Shape 21-23 exported",
                "type Size 25-0 exported",
                "enum Mode 27-0 exported",
                "function load 32-34 exported",
                // An arrow with a return-type annotation is a variable in the reference.
                "variable typed 36-0 exported",
                "function plain 40-42 exported",
                "function expr 44-46 exported",
                "decorator Injectable 48-0",
                "class Service 49-49");
        assertThat(file.language()).isEqualTo("typescript");
    }

    @Test
    void readsStaticDynamicAndReExportImports() {
        assertThat(file.imports()).containsExactly("./foo", "./bar", "./lazy", "./other", "./all");
        assertThat(file.exports()).containsExactly("Widget", "Shape", "Size", "Mode", "load", "typed", "plain", "expr", "Renamed");
    }

    @Test
    void keepsTheJsDocAboveAndTheReturnTypeInTheSignature() {
        assertThat(SymbolLines.named(file, "Widget").documentation()).isEqualTo("/**\n * Widget renders.\n */");
        assertThat(SymbolLines.named(file, "load").documentation()).isEqualTo("/** load fetches */");
        assertThat(SymbolLines.named(file, "load").signature()).isEqualTo("async function load(x: number): Promise<void>");
        assertThat(SymbolLines.named(file, "plain").signature()).isEqualTo("const plain = (a, b)");
        assertThat(SymbolLines.named(file, "Widget").signature()).isEqualTo("class Widget extends Foo");
        assertThat(SymbolLines.named(file, "Shape").documentation()).isEmpty();
    }

    @Test
    void javaScriptFilesAreTaggedJavaScriptAndAnExpressionArrowBorrowsNoBraceFromTheNextLine() {
        FileSymbols js = new TypeScriptExtractor().extract("const add = (a, b) => a + b\nmodule.exports = { add }\n", "lib/util.mjs");

        assertThat(js.language()).isEqualTo("javascript");
        assertThat(SymbolLines.of(js)).containsExactly("function add 1-0");
    }

    @Test
    void anOverloadSignatureHasNoExtentAndABraceInATemplateDoesNotEndTheBody() {
        FileSymbols ts = new TypeScriptExtractor().extract("""
                export function f(a: string): string;
                export function f(a: any) {
                  const s = `${a} }`
                  return s
                }
                """, "f.ts");

        // A const inside a body is a variable too: the reference reads every line.
        assertThat(SymbolLines.of(ts)).containsExactly("function f 1-0 exported", "function f 2-5 exported", "variable s 3-0");
    }
}
