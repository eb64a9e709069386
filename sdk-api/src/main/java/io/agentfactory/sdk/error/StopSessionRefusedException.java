package io.agentfactory.sdk.error;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.session.StopSessionReceipt;

/**
 * 409 from {@code POST /api/public/sessions/<id>/stop}: the coordinator refused the stop, and
 * {@link #refusalCause()} says why (for example the session is already terminal, or another stop
 * intent holds it). When the refusal carries the receipt of the stop already recorded, it is
 * {@link #receipt()}. A cause, code or receipt that looks like a credential or is not a bounded
 * single token is dropped, never repeated.
 */
public class StopSessionRefusedException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String refusalCause;
    private final transient @Nullable StopSessionReceipt receipt;

    /**
     * @param error what the coordinator answered (already stripped of unsafe fields)
     * @param code the refusal code, {@code ""} when none
     * @param refusalCause the refusal cause, {@code ""} when none
     * @param receipt the receipt of the stop already recorded, {@code null} when none
     */
    public StopSessionRefusedException(HttpError error, String code, String refusalCause,
            @Nullable StopSessionReceipt receipt) {
        super(error);
        this.code = code == null ? "" : code;
        this.refusalCause = refusalCause == null ? "" : refusalCause;
        this.receipt = receipt;
    }

    /** The refusal code the coordinator sent, {@code ""} when none. */
    public String code() {
        return code;
    }

    /** Why the stop was refused, {@code ""} when the coordinator said nothing usable. */
    public String refusalCause() {
        return refusalCause;
    }

    /** The receipt of the stop the coordinator already recorded, when it sent a valid one. */
    public Optional<StopSessionReceipt> receipt() {
        return Optional.ofNullable(receipt);
    }
}
