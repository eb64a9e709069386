package org.example.library.util;

import java.time.LocalDate;
import java.util.function.Supplier;

/** Today's date, replaceable in tests. */
public interface Clock extends Supplier<LocalDate> {

    /** The system clock. */
    static Clock system() {
        return LocalDate::now;
    }

    /** A clock stuck at one date. */
    static Clock fixed(LocalDate date) {
        return () -> date;
    }
}
