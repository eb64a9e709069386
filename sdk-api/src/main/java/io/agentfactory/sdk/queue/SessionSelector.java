package io.agentfactory.sdk.queue;

import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * Which session an edit applies to: an exact id, or a prefix that exactly one id starts with.
 * Matched against the ids only (never the key prefixes {@code agent:session:} or {@code work:claim:}).
 *
 * @param value the id or prefix: not blank, no control characters
 */
public record SessionSelector(String value) {

    /**
     * Checks the value.
     *
     * @throws InvalidArgumentException when it is blank or holds a control character
     */
    public SessionSelector {
        if (value == null || value.isBlank()) {
            throw new InvalidArgumentException("a session selector must not be blank (it would select every session)");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidArgumentException("a session selector must not contain control characters");
        }
    }

    /** The selector {@code value}. */
    public static SessionSelector of(String value) {
        return new SessionSelector(value);
    }
}
