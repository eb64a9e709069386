package io.agentfactory.sdk.config;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * CredentialHelper is the per-project credential configuration written into daemon.yaml under
 * projects[].credentialHelper. Exactly one of the helper-specific fields is set, matching the
 * Kind: - osxkeychain: no extra fields needed; git handles it natively. - ssh: SSHKeyPath is the
 * absolute path to the private key. - pat: EnvVarName is the env-var whose value is the PAT. - gh:
 * no extra fields needed; `gh auth` is invoked. When Kind is empty the helper is unconfigured; the
 * daemon will refuse work for this project until credentials are added via `donmai project
 * credentials`.
 *
 * @param kind the {@code kind} field
 * @param sshKeyPath the {@code sshKeyPath} field
 * @param envVarName the {@code envVarName} field
 */
public record CredentialHelper(
        @OmitEmpty CredentialHelperKind kind,
        @OmitEmpty String sshKeyPath,
        @OmitEmpty String envVarName) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public CredentialHelper {
        kind = kind == null ? CredentialHelperKind.of("") : kind;
        sshKeyPath = Copies.text(sshKeyPath);
        envVarName = Copies.text(envVarName);
    }
}
