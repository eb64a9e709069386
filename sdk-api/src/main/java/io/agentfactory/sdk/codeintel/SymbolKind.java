package io.agentfactory.sdk.codeintel;

import java.util.Locale;

/** What a {@link Symbol} declares. {@link #wireName()} is the lowercase name the reference index uses. */
public enum SymbolKind {
    /** A free function. */
    FUNCTION,
    /** A class. */
    CLASS,
    /** An interface. */
    INTERFACE,
    /** A type alias or definition other than a struct or interface. */
    TYPE,
    /** A variable or constant. */
    VARIABLE,
    /** A function with a receiver or enclosing type. */
    METHOD,
    /** A field or property of a type. */
    PROPERTY,
    /** An import (reserved; extractors report imports in {@link FileSymbols#imports()}). */
    IMPORT,
    /** An export (reserved; extractors report exports in {@link FileSymbols#exports()}). */
    EXPORT,
    /** An enumeration. */
    ENUM,
    /** A struct. */
    STRUCT,
    /** A Rust trait. */
    TRAIT,
    /** A Rust impl block. */
    IMPL,
    /** A macro. */
    MACRO,
    /** A decorator or annotation use. */
    DECORATOR,
    /** A module. */
    MODULE;

    /** The lowercase name, for example {@code "function"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
