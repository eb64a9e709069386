package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.FileSymbols;

class RustExtractorTest {

    private static final String SOURCE = """
            use std::collections::HashMap;
            pub use crate::util::helper;

            /// Adds one.
            /// Carefully.
            pub fn add_one(x: u32) -> u32 {
                x + 1
            }

            fn private_fn() {}

            /// A point.
            #[derive(Debug)]
            pub struct Point {
                pub x: i32,
            }

            enum Hidden {
                A,
            }

            pub trait Shape {
                fn area(&self) -> f64;
            }

            impl Shape for Point {
                fn area(&self) -> f64 { 0.0 }
            }

            impl<T> Wrapper<T> {
            }

            macro_rules! square {
                ($x:expr) => { $x * $x };
            }

            pub const MAX: u32 = 9;
            static NAME: &str = "n";
            pub type Alias = String;
            pub mod nested;
            """;

    private final FileSymbols file = new RustExtractor().extract(SOURCE, "src/lib.rs");

    @Test
    void findsEveryItemKindWithPubAsExported() {
        assertThat(SymbolLines.of(file)).containsExactly(
                "function add_one 6-0 exported",
                "function private_fn 10-0",
                "struct Point 14-0 exported",
                "enum Hidden 18-0",
                "trait Shape 22-0 exported",
                "function area 23-0",
                "impl Shape for Point 26-0",
                "function area 27-0",
                "impl Wrapper 30-0",
                "macro square 33-0",
                "variable MAX 37-0 exported",
                "variable NAME 38-0",
                "type Alias 39-0 exported",
                "module nested 40-0 exported");
    }

    @Test
    void readsUsePathsAndExportsPublicItems() {
        assertThat(file.imports()).containsExactly("std::collections::HashMap", "crate::util::helper");
        assertThat(file.exports()).containsExactly("add_one", "Point", "Shape", "MAX", "Alias", "nested");
    }

    @Test
    void docCommentsSurviveAttributesAndSignaturesStopAtTheBrace() {
        assertThat(SymbolLines.named(file, "add_one").documentation()).isEqualTo("Adds one.\nCarefully.");
        assertThat(SymbolLines.named(file, "add_one").signature()).isEqualTo("fn add_one(x: u32) -> u32");
        assertThat(SymbolLines.named(file, "Point").documentation()).isEqualTo("A point.");
        assertThat(SymbolLines.named(file, "private_fn").signature()).isEqualTo("fn private_fn()");
        assertThat(SymbolLines.named(file, "Hidden").documentation()).isEmpty();
    }
}
