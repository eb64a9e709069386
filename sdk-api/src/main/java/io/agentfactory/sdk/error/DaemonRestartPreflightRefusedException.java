package io.agentfactory.sdk.error;

import java.util.Optional;

import io.agentfactory.sdk.daemon.RestartRefusalCause;

/**
 * 409 {@code restart_preflight_refused} from {@code POST /api/daemon/restart/prepare}: the
 * daemon did not grant a planned restart, and {@link #refusalCause()} says which preflight stage
 * refused. The service manager must not be invoked. The message names the cause once and never
 * repeats the daemon's fixed message after it.
 */
public class DaemonRestartPreflightRefusedException extends ConflictException {

    private static final long serialVersionUID = 1L;

    /** The one closed refusal code of the route. */
    public static final String CODE = "restart_preflight_refused";

    /** The daemon's fixed refusal message, which is also this error's text. */
    public static final String MESSAGE = "daemon restart preflight refused";

    private final String refusalCause;

    /**
     * @param error what the daemon answered, its message already reduced to {@link #MESSAGE} and the
     *        cause (the implementation drops an unsafe cause before building it)
     * @param refusalCause the refusal cause token, {@code ""} when none
     */
    public DaemonRestartPreflightRefusedException(HttpError error, String refusalCause) {
        super(error);
        this.refusalCause = refusalCause == null ? "" : refusalCause;
    }

    /** The refusal code, always {@value #CODE}. */
    public String code() {
        return CODE;
    }

    /** Which stage refused; empty when the daemon named none (it predates the field) or an unsafe one. */
    public Optional<RestartRefusalCause> refusalCause() {
        return refusalCause.isEmpty() ? Optional.empty() : Optional.of(RestartRefusalCause.of(refusalCause));
    }
}
