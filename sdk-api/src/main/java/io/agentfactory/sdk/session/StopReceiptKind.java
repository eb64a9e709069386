package io.agentfactory.sdk.session;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * The family of a {@link StopSessionReceipt}: a stop of a running session, or the reconciliation of a dispatch that ended before a runtime session existed.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record StopReceiptKind(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "session_stop"}: a canonical stop of a runtime session. */
    public static final StopReceiptKind SESSION_STOP = new StopReceiptKind("session_stop");

    /** {@code "pre_session_dispatch_reconciliation"}: a dispatch that ended before any runtime session existed was reconciled to a terminal state. */
    public static final StopReceiptKind PRE_SESSION_DISPATCH_RECONCILIATION = new StopReceiptKind("pre_session_dispatch_reconciliation");

    private static final List<StopReceiptKind> KNOWN = List.of(SESSION_STOP, PRE_SESSION_DISPATCH_RECONCILIATION);

    /** Checks the value is not {@code null}. */
    public StopReceiptKind {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static StopReceiptKind of(String value) {
        for (StopReceiptKind known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new StopReceiptKind(value);
    }

    /** The declared constants, in declaration order. */
    public static List<StopReceiptKind> values() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
