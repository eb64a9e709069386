package org.example.library.loans;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.example.library.model.Book;
import org.example.library.model.Member;

/**
 * One book lent to one member.
 *
 * @param book the book
 * @param member who borrowed it
 * @param due when it must be back
 */
public record Loan(Book book, Member member, LocalDate due) {

    /** Cents owed for a late return: 25 a day, at most 1000. */
    public long fineCents(LocalDate returned) {
        long late = ChronoUnit.DAYS.between(due, returned);
        if (late <= 0) {
            return 0;
        }
        return Math.min(1000, late * 25);
    }
}
