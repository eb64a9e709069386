package org.example.library.model;

import java.time.LocalDate;

/** A library member and how many books they may borrow at once. */
public final class Member {

    /** The default borrowing limit. */
    public static final int DEFAULT_LIMIT = 5;

    private final String id;
    private final String name;
    private final LocalDate joined;
    private int limit = DEFAULT_LIMIT;

    public Member(String id, String name, LocalDate joined) {
        this.id = id;
        this.name = name;
        this.joined = joined;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Members of ten years or more may borrow twice as many books. */
    public int borrowingLimit(LocalDate today) {
        if (joined.plusYears(10).isAfter(today)) {
            return limit;
        }
        return limit * 2;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }
}
