package io.agentfactory.sdk.reactor.daemon;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;

import io.agentfactory.sdk.daemon.ControlTokenLocation;
import io.agentfactory.sdk.daemon.DaemonConfig;
import io.agentfactory.sdk.reactor.config.ControlTokenFile;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.internal.diff.WorkareaDiffDecoder;
import io.agentfactory.sdk.reactor.internal.http.HeaderValues;
import io.agentfactory.sdk.reactor.internal.http.HttpPipeline;

/**
 * Configuration of a {@link ReactorDaemonClient}: where the daemon listens (default
 * {@code http://127.0.0.1:7734}), the optional daemon control token, and the
 * {@link TransportOptions}. Immutable; {@link #toString()} never shows the token.
 *
 * <p>There is deliberately no coordinator token and no organization / project scope here: the
 * daemon never receives them. The control token is the daemon's own credential, sent only on its
 * mutating (non-GET) routes.
 *
 * <p>Environment overrides ({@link Builder#environment(Map)}); blank or absent variables are
 * ignored:
 * <table>
 * <caption>Environment variables</caption>
 * <tr><th>variable</th><th>meaning</th></tr>
 * <tr><td>{@value #ENV_HOST}</td><td>the daemon's host; an IPv6 literal ({@code ::1}) is bracketed</td></tr>
 * <tr><td>{@value #ENV_PORT}</td><td>the daemon's port, 1–65535</td></tr>
 * <tr><td>{@value #ENV_URL}</td><td>the whole base URL ({@code http://host:port}); wins over host and port</td></tr>
 * <tr><td>{@value #ENV_CONTROL_TOKEN}</td><td>the daemon control token</td></tr>
 * </table>
 *
 * <pre>{@code
 * DaemonClientOptions options = DaemonClientOptions.builder(daemonYaml.daemonConfig())
 *         .systemEnvironment()          // DONMAI_DAEMON_* and DONMAI_CONTROL_TOKEN win over the file
 *         .build();
 * }</pre>
 */
public final class DaemonClientOptions {

    /** The variable holding the daemon's whole base URL, e.g. {@code http://127.0.0.1:7734}. */
    public static final String ENV_URL = "DONMAI_DAEMON_URL";
    /** The variable holding the daemon's host, e.g. {@code 127.0.0.1} or {@code ::1}. */
    public static final String ENV_HOST = "DONMAI_DAEMON_HOST";
    /** The variable holding the daemon's port, e.g. {@code 7734}. */
    public static final String ENV_PORT = "DONMAI_DAEMON_PORT";
    /** The variable holding the daemon control token (sdk-api/CONTRACT.md §4, "Daemon auth"). */
    public static final String ENV_CONTROL_TOKEN = "DONMAI_CONTROL_TOKEN";

    private final String baseUrl;
    private final @Nullable String controlToken;
    private final TransportOptions transport;
    private final int maxDiffLineBytes;

    private DaemonClientOptions(Builder b) {
        this.baseUrl = b.baseUrl != null ? b.baseUrl : urlOf(b.host, b.port);
        this.controlToken = b.controlToken;
        this.transport = b.transport;
        this.maxDiffLineBytes = b.maxDiffLineBytes;
    }

    /** The local daemon at {@code http://127.0.0.1:7734}, no control token, default transport. */
    public static DaemonClientOptions defaults() {
        return builder().build();
    }

    /** A builder for the daemon at {@code http://127.0.0.1:7734}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder for the daemon {@code config} describes (host and port, e.g. from {@code daemon.yaml}). */
    public static Builder builder(DaemonConfig config) {
        return builder().daemonConfig(config);
    }

    /**
     * The daemon {@code config} describes, overridden by {@code environment} (see the class
     * documentation for the variables).
     *
     * @throws IllegalArgumentException when a variable holds an invalid value (the message names the variable)
     */
    public static DaemonClientOptions fromEnvironment(DaemonConfig config, Map<String, String> environment) {
        return builder(config).environment(environment).build();
    }

    /** {@link #fromEnvironment(DaemonConfig, Map)} with the process environment. */
    public static DaemonClientOptions fromSystemEnvironment(DaemonConfig config) {
        return fromEnvironment(config, System.getenv());
    }

    /** A builder holding this instance's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.baseUrl = baseUrl;
        b.controlToken = controlToken;
        b.transport = transport;
        b.maxDiffLineBytes = maxDiffLineBytes;
        return b;
    }

    /** The daemon's base URL, without trailing {@code /}, e.g. {@code http://[::1]:7734}. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * A copy that sends the token of the daemon's control token file ({@link ControlTokenFile}),
     * read on {@code Schedulers.boundedElastic()} at subscription; these options unchanged when
     * the file does not exist (a daemon without a token).
     *
     * @return a Mono of the options, or of a {@link io.agentfactory.sdk.error.ConfigFileException}
     *         when the file is unusable (a link, too open, empty, ...; never its content)
     */
    public Mono<DaemonClientOptions> withControlTokenFile(Path file) {
        return ControlTokenFile.load(file).map(token -> toBuilder().controlToken(token.value()).build())
                .defaultIfEmpty(this);
    }

    /**
     * {@link #withControlTokenFile} of {@link ControlTokenLocation#defaultPath()}
     * ({@code ~/.donmai/control-token}, or {@code DONMAI_CONTROL_TOKEN_FILE}), unless a token is
     * configured already (for example from {@value #ENV_CONTROL_TOKEN}), which wins.
     */
    public Mono<DaemonClientOptions> withDefaultControlTokenFile() {
        return controlToken != null ? Mono.just(this) : withControlTokenFile(ControlTokenLocation.defaultPath());
    }

    /** The daemon control token, when configured. */
    public Optional<String> controlToken() {
        return Optional.ofNullable(controlToken);
    }

    /** The transport options. */
    public TransportOptions transport() {
        return transport;
    }

    /** The longest NDJSON line a workarea diff may send; a longer one fails the stream. */
    public int maxDiffLineBytes() {
        return maxDiffLineBytes;
    }

    @Override
    public String toString() {
        return "DaemonClientOptions[baseUrl=" + baseUrl + ", controlToken=" + (controlToken == null ? "none" : "REDACTED")
                + ", transport=" + transport + "]";
    }

    /**
     * The base URL of {@code host:port}: IPv6 literals bracketed; anything that would not be just a
     * host ({@code /}, {@code @}, {@code ?}, …) refused.
     */
    private static String urlOf(String host, int port) {
        String url;
        try {
            url = new DaemonConfig(host, port).baseUrl();
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + host + "' is not a valid host");
        }
        URI uri = URI.create(url);
        if (uri.getHost() == null || uri.getPort() != port || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("'" + host + "' is not a valid host");
        }
        return url;
    }

    /**
     * Builds {@link DaemonClientOptions}. The last of {@link #baseUrl(String)} and
     * {@link #host(String)} / {@link #port(int)} / {@link #daemonConfig(DaemonConfig)} wins; calls
     * made after {@link #environment(Map)} override it. Not thread-safe; the built options are.
     */
    public static final class Builder {

        private String host = DaemonConfig.DEFAULT_HOST;
        private int port = DaemonConfig.DEFAULT_PORT;
        private @Nullable String baseUrl;
        private @Nullable String controlToken;
        private TransportOptions transport = TransportOptions.defaults();
        private int maxDiffLineBytes = WorkareaDiffDecoder.DEFAULT_MAX_LINE_BYTES;

        private Builder() {
        }

        /** Host and port from a {@link DaemonConfig} (e.g. read from {@code daemon.yaml}). */
        public Builder daemonConfig(DaemonConfig config) {
            Objects.requireNonNull(config, "config");
            return host(config.host()).port(config.port());
        }

        /**
         * The daemon's host (default {@code 127.0.0.1}); an IPv6 literal such as {@code ::1} may be
         * given with or without brackets.
         *
         * @throws IllegalArgumentException when it is blank or not a host
         */
        public Builder host(String value) {
            Objects.requireNonNull(value, "host");
            if (value.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            urlOf(value.trim(), port);
            this.host = value.trim();
            this.baseUrl = null;
            return this;
        }

        /**
         * The daemon's port (default {@code 7734}).
         *
         * @throws IllegalArgumentException when outside 1–65535
         */
        public Builder port(int value) {
            if (value < 1 || value > 65535) {
                throw new IllegalArgumentException("port must be within 1-65535: " + value);
            }
            this.port = value;
            this.baseUrl = null;
            return this;
        }

        /**
         * The daemon's whole base URL, e.g. {@code http://127.0.0.1:7734} (a path prefix is kept, for
         * a daemon behind a proxy). Replaces host and port.
         *
         * @throws IllegalArgumentException when it is not an absolute http(s) URL, or carries user
         *         info, a query or a fragment
         */
        public Builder baseUrl(String value) {
            this.baseUrl = HttpPipeline.checkBaseUrl(Objects.requireNonNull(value, "baseUrl"));
            return this;
        }

        /**
         * The daemon control token, sent as {@code Authorization: Bearer <token>} on the daemon's
         * mutating routes only; {@code null} or blank for none (the default). Never the coordinator
         * token. Leading and trailing whitespace is dropped, as from
         * {@value DaemonClientOptions#ENV_CONTROL_TOKEN}.
         *
         * @throws IllegalArgumentException when it holds a control character (CR, LF, …)
         */
        public Builder controlToken(@Nullable String value) {
            if (value == null || value.isBlank()) {
                this.controlToken = null;
                return this;
            }
            String token = value.strip();
            HeaderValues.check("controlToken", token);
            this.controlToken = token;
            return this;
        }

        /** Timeouts, pool, retries and limits. */
        public Builder transport(TransportOptions options) {
            this.transport = Objects.requireNonNull(options, "transport");
            return this;
        }

        /**
         * The longest NDJSON line of a workarea diff (default 1 MiB); a longer line fails the stream
         * with a decode error stating the limit, without buffering past it.
         */
        public Builder maxDiffLineBytes(int bytes) {
            if (bytes < 64) {
                throw new IllegalArgumentException("maxDiffLineBytes must be at least 64: " + bytes);
            }
            this.maxDiffLineBytes = bytes;
            return this;
        }

        /**
         * Applies the overrides {@code environment} holds: {@value DaemonClientOptions#ENV_HOST},
         * {@value DaemonClientOptions#ENV_PORT}, then {@value DaemonClientOptions#ENV_URL} (so a URL
         * wins over host and port), and {@value DaemonClientOptions#ENV_CONTROL_TOKEN}. Blank or
         * absent variables change nothing.
         *
         * @param environment variable names to values, e.g. {@link System#getenv()}
         * @throws IllegalArgumentException when a variable holds an invalid value; the message names
         *         the variable and never repeats a token or URL
         */
        public Builder environment(Map<String, String> environment) {
            Objects.requireNonNull(environment, "environment");
            String envHost = nonBlank(environment, ENV_HOST);
            if (envHost != null) {
                applyWithoutValue(ENV_HOST, "not a valid host name or IP literal", () -> host(envHost));
            }
            String envPort = nonBlank(environment, ENV_PORT);
            if (envPort != null) {
                applyWithoutValue(ENV_PORT, "not a port number within 1-65535", () -> port(parsePort(envPort)));
            }
            String envUrl = nonBlank(environment, ENV_URL);
            if (envUrl != null) {
                apply(ENV_URL, () -> baseUrl(envUrl));
            }
            String envToken = nonBlank(environment, ENV_CONTROL_TOKEN);
            if (envToken != null) {
                apply(ENV_CONTROL_TOKEN, () -> controlToken(envToken));
            }
            return this;
        }

        /** {@link #environment(Map)} with the process environment ({@link System#getenv()}). */
        public Builder systemEnvironment() {
            return environment(System.getenv());
        }

        /** The options. */
        public DaemonClientOptions build() {
            return new DaemonClientOptions(this);
        }

        private static @Nullable String nonBlank(Map<String, String> environment, String name) {
            String value = environment.get(name);
            return value == null || value.isBlank() ? null : value.trim();
        }

        private static int parsePort(String value) {
            try {
                return Integer.parseInt(value);
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a port number: '" + value + "'");
            }
        }

        /**
         * Runs {@code setter}, replacing its failure by {@code variable: problem}: the setters of
         * host and port quote the value, and a variable's value may be anything the environment
         * holds (a secret pasted into the wrong variable, an internal name), so it is never repeated.
         */
        private static void applyWithoutValue(String variable, String problem, Runnable setter) {
            try {
                setter.run();
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(variable + ": " + problem);
            }
        }

        private static void apply(String variable, Runnable setter) {
            try {
                setter.run();
            }
            catch (IllegalArgumentException e) {
                // The setters' messages never repeat a token or URL, so naming the variable is enough.
                throw new IllegalArgumentException(variable + ": " + e.getMessage());
            }
        }
    }
}
