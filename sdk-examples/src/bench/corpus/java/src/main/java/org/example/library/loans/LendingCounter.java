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
public class LendingCounter {


  /** How long a loan lasts. */
  public static final int PERIOD_DAYS = 21;

  private final Clock clock;
  private final Map<String, List<Loan>> byMember = new HashMap<>();
  private final Map<String, Integer> outByIsbn = new HashMap<>();  

  public LendingCounter(Clock clock) {
    this.clock = clock;  
  }

  /**  
  * Lends a copy of book to member when a copy is free and the member is under their limit.
  */
  public Optional<Loan> checkOut(Book book, Member member) {  

    LocalDate today = clock.get();
    List<Loan> held = byMember.computeIfAbsent(member.id(), id -> new ArrayList<>());
    int out = outByIsbn.getOrDefault(book.isbn(), 0);  
    if (out >= book.copies() || held.size() >= member.borrowingLimit(today)) {

      return Optional.empty();
    }  
    Loan loan = new Loan(book, member, today.plusDays(PERIOD_DAYS));
    held.add(loan);
    outByIsbn.merge(book.isbn(), 1, Integer::sum);  
    return Optional.of(loan);
  }

  /** Takes a book back and returns the fine owed. */
  public long checkIn(Loan loan) {

    List<Loan> held = byMember.getOrDefault(loan.member().id(), List.of());  
    if (!held.remove(loan)) {

      throw new IllegalStateException("not on loan: " + loan.book().isbn());
    }  
    outByIsbn.merge(loan.book().isbn(), -1, Integer::sum);
    return loan.fineCents(clock.get());
  }  

  public List<Loan> heldBy(Member member) {
    return List.copyOf(byMember.getOrDefault(member.id(), List.of()));  
  }
}
