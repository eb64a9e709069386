package org.example.library.model;

/** Where a book is shelved. */
public enum Genre {
    FICTION("F"),
    HISTORY("H"),
    SCIENCE("S"),
    CHILDREN("C");

    private final String code;

    Genre(String code) {
        this.code = code;
    }

    /** The genre of a shelf code, or FICTION for an unknown one. */
    public static Genre ofCode(String code) {
        for (Genre genre : values()) {
            if (genre.code.equalsIgnoreCase(code)) {
                return genre;
            }
        }
        return FICTION;
    }
}
