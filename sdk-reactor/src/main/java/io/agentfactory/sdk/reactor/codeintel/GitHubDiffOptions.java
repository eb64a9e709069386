package io.agentfactory.sdk.reactor.codeintel;

import java.util.Objects;

import io.agentfactory.sdk.codeintel.DiffLimits;
import io.agentfactory.sdk.reactor.TransportOptions;

/**
 * Where and how {@link GitHubDiffSource} reads pull requests. {@link #toString()} never shows the token.
 *
 * @param baseUrl the REST API root: {@code https://api.github.com}, or {@code https://HOST/api/v3} for
 *        GitHub Enterprise Server
 * @param token the token sent as {@code Authorization: Bearer …}; {@code ""} for anonymous reads
 * @param transport timeouts, pool, retries
 * @param limits the bounds of the diff read
 */
public record GitHubDiffOptions(String baseUrl, String token, TransportOptions transport, DiffLimits limits) {

    /** The public GitHub API. */
    public static final String GITHUB_API = "https://api.github.com";

    /** Checks the values. */
    public GitHubDiffOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(limits, "limits");
    }

    /** The public API with {@code token}, default transport and limits. */
    public static GitHubDiffOptions of(String token) {
        return new GitHubDiffOptions(GITHUB_API, token, TransportOptions.defaults(), DiffLimits.DEFAULTS);
    }

    /** A copy reading from {@code url} (GitHub Enterprise, a test server). */
    public GitHubDiffOptions withBaseUrl(String url) {
        return new GitHubDiffOptions(url, token, transport, limits);
    }

    /** A copy with this transport. */
    public GitHubDiffOptions withTransport(TransportOptions options) {
        return new GitHubDiffOptions(baseUrl, token, options, limits);
    }

    /** A copy with these limits. */
    public GitHubDiffOptions withLimits(DiffLimits newLimits) {
        return new GitHubDiffOptions(baseUrl, token, transport, newLimits);
    }

    @Override
    public String toString() {
        return "GitHubDiffOptions[baseUrl=" + baseUrl + ", token=" + (token.isEmpty() ? "none" : "set") + ", limits="
                + limits + "]";
    }
}
