package org.example.library.model;

import java.util.List;
import java.util.Objects;

/**
 * A title held by the library, with its copies counted.
 *
 * @param isbn the ISBN-13, digits only
 * @param title the title as printed
 * @param authors the authors, in cover order
 * @param copies how many copies the library owns
 */
public record Book(String isbn, String title, List<String> authors, int copies) {

    public Book {
        Objects.requireNonNull(isbn, "isbn");
        authors = List.copyOf(authors);
        if (copies < 0) {
            throw new IllegalArgumentException("copies must be >= 0: " + copies);
        }
    }

    /** The first author's surname, for shelving. */
    public String shelfKey() {
        if (authors.isEmpty()) {
            return title.toUpperCase(java.util.Locale.ROOT);
        }
        String first = authors.get(0);
        return first.substring(first.lastIndexOf(' ') + 1).toUpperCase(java.util.Locale.ROOT);
    }
}
