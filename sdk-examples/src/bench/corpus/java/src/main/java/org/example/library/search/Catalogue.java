package org.example.library.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.example.library.model.Book;
import org.example.library.util.Isbn;

/** The searchable catalogue: by ISBN, by author, by words of the title. */
public class Catalogue {

    private final Map<String, Book> byIsbn = new TreeMap<>();

    /** Adds a book; an invalid ISBN is refused. */
    public boolean add(Book book) {
        if (!Isbn.isValid(book.isbn())) {
            return false;
        }
        byIsbn.put(book.isbn(), book);
        return true;
    }

    public List<Book> byAuthor(String author) {
        List<Book> found = new ArrayList<>();
        for (Book book : byIsbn.values()) {
            if (book.authors().stream().anyMatch(a -> a.equalsIgnoreCase(author))) {
                found.add(book);
            }
        }
        return found;
    }

    /**
     * Books whose title holds every word of the query, shortest title first.
     */
    public <T extends CharSequence> List<Book> titleSearch(T query,
            Comparator<? super Book> tieBreak) {
        String[] words = query.toString().toLowerCase(Locale.ROOT).split("\\s+");
        return byIsbn.values().stream()
                .filter(book -> {
                    String title = book.title().toLowerCase(Locale.ROOT);
                    for (String word : words) {
                        if (!title.contains(word)) {
                            return false;
                        }
                    }
                    return true;
                })
                .sorted(Comparator.comparingInt((Book b) -> b.title().length()).thenComparing(tieBreak))
                .toList();
    }
}
