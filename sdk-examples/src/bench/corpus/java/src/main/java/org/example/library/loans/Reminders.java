package org.example.library.loans;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the reminder letters for overdue loans. */
public final class Reminders {

    private Reminders() {
    }

    /** Loans due before today, oldest first. */
    public static List<Loan> overdue(List<Loan> loans, LocalDate today) {
        return loans.stream()
                .filter(loan -> loan.due().isBefore(today))
                .sorted(Comparator.comparing(Loan::due).thenComparing(loan -> loan.book().isbn()))
                .collect(Collectors.toList());
    }

    /** One letter per member, listing their overdue titles. */
    public static String letter(String memberName, List<Loan> overdue, LocalDate today) {
        StringBuilder text = new StringBuilder("Dear ").append(memberName).append(",\n\n");
        text.append("the following books were due back:\n");
        for (Loan loan : overdue) {
            text.append(" - ").append(loan.book().title()).append(" (due ").append(loan.due()).append(", fine ")
                    .append(loan.fineCents(today) / 100.0).append(")\n");
        }
        return text.append("\nThank you.\n").toString();
    }
}
