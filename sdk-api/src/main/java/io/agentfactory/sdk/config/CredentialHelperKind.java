package io.agentfactory.sdk.config;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * CredentialHelperKind enumerates the supported per-project credential sources.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record CredentialHelperKind(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "osxkeychain"}: uses the macOS osxkeychain git credential helper. */
    public static final CredentialHelperKind OSXKEYCHAIN = new CredentialHelperKind("osxkeychain");

    /** {@code "ssh"}: uses a filesystem SSH key for git authentication. */
    public static final CredentialHelperKind SSH = new CredentialHelperKind("ssh");

    /** {@code "pat"}: stores the name of an env-var containing the PAT. */
    public static final CredentialHelperKind PAT = new CredentialHelperKind("pat");

    /** {@code "gh"}: delegates to the `gh` CLI via `gh auth status`. */
    public static final CredentialHelperKind GH = new CredentialHelperKind("gh");

    private static final List<CredentialHelperKind> KNOWN = List.of(OSXKEYCHAIN, SSH, PAT, GH);

    /** Checks the value is not {@code null}. */
    public CredentialHelperKind {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static CredentialHelperKind of(String value) {
        for (CredentialHelperKind known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new CredentialHelperKind(value);
    }

    /** The declared constants, in declaration order. */
    public static List<CredentialHelperKind> values() {
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
