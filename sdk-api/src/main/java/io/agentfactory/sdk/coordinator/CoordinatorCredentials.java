package io.agentfactory.sdk.coordinator;

import java.util.Objects;

/**
 * The coordinator base URL and bearer token a client uses (the reference's
 * {@code CredentialsFromDataSource}). {@link #toString()} never prints the token.
 *
 * @param baseUrl the coordinator base URL
 * @param token the bearer token ({@code rsk_…})
 */
public record CoordinatorCredentials(String baseUrl, String token) {

    /** Checks both are present. */
    public CoordinatorCredentials {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "CoordinatorCredentials[baseUrl=" + baseUrl + ", token=REDACTED]";
    }
}
