package io.agentfactory.sdk.internal;

import java.util.Collection;
import java.util.Map;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * The value filter behind {@link OmitEmpty}: Jackson calls {@link #equals(Object)} with a property
 * value and leaves the property out when it answers {@code true}. "Empty" is Go's {@code omitempty}:
 * {@code null}, {@code ""}, zero, {@code false}, an empty collection or map, an enum value that is
 * the empty string.
 *
 * <p>Not API: may change without notice.
 */
public final class GoEmptyValue {

    @Override
    @SuppressWarnings("EqualsHashCode")
    public boolean equals(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof CharSequence text) {
            return text.length() == 0;
        }
        if (value instanceof Boolean flag) {
            return !flag;
        }
        if (value instanceof Number number) {
            return number.doubleValue() == 0.0;
        }
        if (value instanceof Collection<?> collection) {
            return collection.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty();
        }
        if (value instanceof ExtensibleEnum wire) {
            return wire.value().isEmpty();
        }
        return false;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
