package io.agentfactory.sdk.reactor.coordinator;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.internal.http.HeaderValues;

/**
 * Configuration of a {@link ReactorCoordinatorClient}: the base URL, the optional bearer token and
 * organization / project scopes, and the {@link TransportOptions}. Immutable; {@link #toString()}
 * never shows the token.
 *
 * <pre>{@code
 * CoordinatorClientOptions options = CoordinatorClientOptions.builder("https://platform.example")
 *         .token(System.getenv("RENSEI_TOKEN"))
 *         .orgScope("org_123")
 *         .build();
 * }</pre>
 */
public final class CoordinatorClientOptions {

    private final String baseUrl;
    private final @Nullable String token;
    private final @Nullable String orgScope;
    private final @Nullable String projectScope;
    private final TransportOptions transport;

    private CoordinatorClientOptions(Builder b) {
        this.baseUrl = b.baseUrl;
        this.token = b.token;
        this.orgScope = b.orgScope;
        this.projectScope = b.projectScope;
        this.transport = b.transport;
    }

    /** A builder for the coordinator at {@code baseUrl} (http or https). */
    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** A builder holding this instance's values. */
    public Builder toBuilder() {
        Builder b = new Builder(baseUrl);
        b.token = token;
        b.orgScope = orgScope;
        b.projectScope = projectScope;
        b.transport = transport;
        return b;
    }

    /** The coordinator base URL. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The bearer token, when configured. */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** The {@code X-Rensei-Org} scope, when configured. */
    public Optional<String> orgScope() {
        return Optional.ofNullable(orgScope);
    }

    /** The {@code X-Rensei-Project} scope, when configured. */
    public Optional<String> projectScope() {
        return Optional.ofNullable(projectScope);
    }

    /** The transport options. */
    public TransportOptions transport() {
        return transport;
    }

    @Override
    public String toString() {
        return "CoordinatorClientOptions[baseUrl=" + baseUrl + ", token=" + (token == null ? "none" : "REDACTED")
                + ", orgScope=" + orgScope + ", projectScope=" + projectScope + ", transport=" + transport + "]";
    }

    /** Builds {@link CoordinatorClientOptions}. */
    public static final class Builder {

        private final String baseUrl;
        private @Nullable String token;
        private @Nullable String orgScope;
        private @Nullable String projectScope;
        private TransportOptions transport = TransportOptions.defaults();

        private Builder(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        }

        /**
         * The bearer token ({@code rsk_…}) sent as {@code Authorization: Bearer}; {@code null} or
         * blank for none.
         *
         * @throws IllegalArgumentException when it holds a control character (CR, LF, …)
         */
        public Builder token(@Nullable String value) {
            this.token = headerValue("token", value);
            return this;
        }

        /** The organization sent as {@code X-Rensei-Org}; {@code null} or blank for none. */
        public Builder orgScope(@Nullable String value) {
            this.orgScope = headerValue("X-Rensei-Org", value);
            return this;
        }

        /** The project sent as {@code X-Rensei-Project}; {@code null} or blank for none. */
        public Builder projectScope(@Nullable String value) {
            this.projectScope = headerValue("X-Rensei-Project", value);
            return this;
        }

        /** Timeouts, pool, retries and limits. */
        public Builder transport(TransportOptions options) {
            this.transport = Objects.requireNonNull(options, "transport");
            return this;
        }

        /** The options. */
        public CoordinatorClientOptions build() {
            return new CoordinatorClientOptions(this);
        }

        private static @Nullable String headerValue(String name, @Nullable String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            HeaderValues.check(name, value);
            return value;
        }
    }
}
