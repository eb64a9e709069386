package io.agentfactory.sdk.daemon;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * Which stage of a restart preflight refused it: the {@code cause} of a 409 {@code restart_preflight_refused} answer. A stage without a token of its own reports {@link #RESTART_PREFLIGHT_REFUSED}; older daemons send none.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record RestartRefusalCause(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "restart_preflight_refused"}: a stage without a token of its own refused. */
    public static final RestartRefusalCause RESTART_PREFLIGHT_REFUSED = new RestartRefusalCause("restart_preflight_refused");

    /** {@code "restart_fence_refused"}: the restart fence acknowledgement was refused. */
    public static final RestartRefusalCause RESTART_FENCE_REFUSED = new RestartRefusalCause("restart_fence_refused");

    /** {@code "acquire_lifecycle"}: the daemon could not acquire its lifecycle. */
    public static final RestartRefusalCause ACQUIRE_LIFECYCLE = new RestartRefusalCause("acquire_lifecycle");

    /** {@code "settle_session_admissions"}: session admissions did not settle. */
    public static final RestartRefusalCause SETTLE_SESSION_ADMISSIONS = new RestartRefusalCause("settle_session_admissions");

    /** {@code "revalidate_cached_prepared_authorization"}: a cached prepared authorization did not revalidate. */
    public static final RestartRefusalCause REVALIDATE_CACHED_PREPARED_AUTHORIZATION = new RestartRefusalCause("revalidate_cached_prepared_authorization");

    /** {@code "revalidate_cached_not_required_authorization"}: a cached not-required authorization did not revalidate. */
    public static final RestartRefusalCause REVALIDATE_CACHED_NOT_REQUIRED_AUTHORIZATION = new RestartRefusalCause("revalidate_cached_not_required_authorization");

    /** {@code "persist_local_preparation"}: the local preparation could not be persisted. */
    public static final RestartRefusalCause PERSIST_LOCAL_PREPARATION = new RestartRefusalCause("persist_local_preparation");

    /** {@code "persist_not_required_preparation"}: the not-required preparation could not be persisted. */
    public static final RestartRefusalCause PERSIST_NOT_REQUIRED_PREPARATION = new RestartRefusalCause("persist_not_required_preparation");

    /** {@code "validate_not_required_authorization_after_persistence"}: the not-required authorization failed validation after persisting. */
    public static final RestartRefusalCause VALIDATE_NOT_REQUIRED_AUTHORIZATION_AFTER_PERSISTENCE = new RestartRefusalCause("validate_not_required_authorization_after_persistence");

    /** {@code "persist_prepared_authorization"}: the prepared authorization could not be persisted. */
    public static final RestartRefusalCause PERSIST_PREPARED_AUTHORIZATION = new RestartRefusalCause("persist_prepared_authorization");

    /** {@code "validate_prepared_authorization_after_persistence"}: the prepared authorization failed validation after persisting. */
    public static final RestartRefusalCause VALIDATE_PREPARED_AUTHORIZATION_AFTER_PERSISTENCE = new RestartRefusalCause("validate_prepared_authorization_after_persistence");

    /** {@code "registry_coverage"}: the scope registry did not cover the snapshot. */
    public static final RestartRefusalCause REGISTRY_COVERAGE = new RestartRefusalCause("registry_coverage");

    /** {@code "mint_preparation_identity"}: the daemon could not mint a preparation identity. */
    public static final RestartRefusalCause MINT_PREPARATION_IDENTITY = new RestartRefusalCause("mint_preparation_identity");

    private static final List<RestartRefusalCause> KNOWN = List.of(RESTART_PREFLIGHT_REFUSED, RESTART_FENCE_REFUSED, ACQUIRE_LIFECYCLE, SETTLE_SESSION_ADMISSIONS, REVALIDATE_CACHED_PREPARED_AUTHORIZATION, REVALIDATE_CACHED_NOT_REQUIRED_AUTHORIZATION, PERSIST_LOCAL_PREPARATION, PERSIST_NOT_REQUIRED_PREPARATION, VALIDATE_NOT_REQUIRED_AUTHORIZATION_AFTER_PERSISTENCE, PERSIST_PREPARED_AUTHORIZATION, VALIDATE_PREPARED_AUTHORIZATION_AFTER_PERSISTENCE, REGISTRY_COVERAGE, MINT_PREPARATION_IDENTITY);

    /** Checks the value is not {@code null}. */
    public RestartRefusalCause {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RestartRefusalCause of(String value) {
        for (RestartRefusalCause known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new RestartRefusalCause(value);
    }

    /** The declared constants, in declaration order. */
    public static List<RestartRefusalCause> values() {
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
