package io.agentfactory.sdk.queue;

import java.util.Objects;

/**
 * Why one listed row could not be read, reported in the row instead of failing a whole listing.
 * "Absent" (a key that vanished between two reads) is not a problem: such rows are not listed.
 *
 * @param key the key holding the value, with the hash field as {@code key[field]}
 * @param kind what is wrong
 * @param detail a short description (never a secret)
 */
public record ValueProblem(String key, Kind kind, String detail) {

    /** What is wrong with a stored value. */
    public enum Kind {
        /** The key holds another Redis type than the layout says (a set where a string belongs). */
        WRONG_TYPE,
        /** The value is not valid JSON. */
        UNREADABLE_JSON,
        /** The value is valid JSON but not an object. */
        NOT_AN_OBJECT,
        /** A queue member whose value is missing (a sorted-set member with no hash entry). */
        MISSING_VALUE,
        /** A hash entry that no sorted set orders (listed after the ordered rows). */
        NOT_QUEUED
    }

    /** Checks the components. */
    public ValueProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
