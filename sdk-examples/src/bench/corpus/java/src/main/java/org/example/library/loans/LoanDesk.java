package org.example.library.loans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.example.library.model.Book;
import org.example.library.model.Member;
import org.example.library.util.Clock;

/** Lends and takes back books, enforcing copies and member limits. */
public class LoanDesk {

    /** How long a loan lasts. */
    public static final int LOAN_DAYS = 21;

    private final Clock clock;
    private final Map<String, List<Loan>> loansByMember = new HashMap<>();
    private final Map<String, Integer> lentByIsbn = new HashMap<>();

    public LoanDesk(Clock clock) {
        this.clock = clock;
    }

    /**
     * Lends a copy of book to member when a copy is free and the member is under their limit.
     */
    public Optional<Loan> lend(Book book, Member member) {
        LocalDate today = clock.get();
        List<Loan> current = loansByMember.computeIfAbsent(member.id(), id -> new ArrayList<>());
        int lent = lentByIsbn.getOrDefault(book.isbn(), 0);
        if (lent >= book.copies() || current.size() >= member.borrowingLimit(today)) {
            return Optional.empty();
        }
        Loan loan = new Loan(book, member, today.plusDays(LOAN_DAYS));
        current.add(loan);
        lentByIsbn.merge(book.isbn(), 1, Integer::sum);
        return Optional.of(loan);
    }

    /** Takes a book back and returns the fine owed. */
    public long giveBack(Loan loan) {
        List<Loan> current = loansByMember.getOrDefault(loan.member().id(), List.of());
        if (!current.remove(loan)) {
            throw new IllegalStateException("not on loan: " + loan.book().isbn());
        }
        lentByIsbn.merge(loan.book().isbn(), -1, Integer::sum);
        return loan.fineCents(clock.get());
    }

    public List<Loan> loansOf(Member member) {
        return List.copyOf(loansByMember.getOrDefault(member.id(), List.of()));
    }
}
