package io.agentfactory.sdk.daemon;

import java.util.Objects;

/**
 * The daemon's control token: the bearer credential of its mutating HTTP routes. Never shown by
 * {@link #toString()}; compare with {@link #equals} only in tests.
 *
 * @param value the token text (visible ASCII, no blanks)
 */
public record ControlToken(String value) {

    /**
     * Checks the text is a usable header value.
     *
     * @throws IllegalArgumentException when it is empty or holds anything but visible ASCII (the
     *         message never repeats the value)
     */
    public ControlToken {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("a control token is one or more visible ASCII characters");
        }
    }

    @Override
    public String toString() {
        return "ControlToken[REDACTED]";
    }
}
