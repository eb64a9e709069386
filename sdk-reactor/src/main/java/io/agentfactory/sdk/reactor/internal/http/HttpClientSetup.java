package io.agentfactory.sdk.reactor.internal.http;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.ProxyProvider;

import io.agentfactory.sdk.reactor.ProxyOptions;
import io.agentfactory.sdk.reactor.TransportOptions;

/**
 * Builds the pipeline's {@link HttpClient} from the options: the caller's client (left as it is but
 * for what the SDK must set), or one on the caller's pool, or one on a pool of its own; then
 * redirects off, the {@code User-Agent}, the timeouts, proxy and TLS trust when asked for, the
 * transport guards ({@link TransportGuards}), and the caller's customizer last. Not API.
 *
 * @param client the client to send with
 * @param ownedProvider the pool created here, which the pipeline disposes; {@code null} for a caller's
 */
record HttpClientSetup(HttpClient client, @Nullable ConnectionProvider ownedProvider) {

    static HttpClientSetup create(String baseUrl, TransportOptions options, String poolName) {
        boolean callers = options.httpClient() != null;
        ConnectionProvider owned = null;
        HttpClient client;
        if (options.httpClient() != null) {
            client = options.httpClient();
        }
        else if (options.connectionProvider() != null) {
            client = HttpClient.create(options.connectionProvider());
        }
        else {
            owned = ConnectionProvider.builder(poolName)
                    .maxConnections(options.maxConnections())
                    .pendingAcquireMaxCount(options.pendingAcquireMaxCount())
                    .pendingAcquireTimeout(options.pendingAcquireTimeout())
                    .maxIdleTime(options.maxIdleTime())
                    .build();
            client = HttpClient.create(owned);
        }
        if (!callers || options.connectTimeoutSet()) {
            client = client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis(options));
        }
        if (!callers || options.responseTimeoutSet() || client.configuration().responseTimeout() == null) {
            client = client.responseTimeout(options.responseTimeout());
        }
        String userAgent = userAgent(options);
        client = client
                .followRedirect(false)
                .headers(h -> h.set(HttpHeaderNames.USER_AGENT, userAgent));
        if (options.proxy() != null) {
            client = proxied(client, options.proxy().resolveFor(URI.create(baseUrl)), connectMillis(options));
        }
        if (options.tls() != null) {
            SslContext context = options.tls().toSslContext();
            client = client.secure(spec -> spec.sslContext(context));
        }
        client = TransportGuards.install(client, options);
        UnaryOperator<HttpClient> customizer = options.httpClientCustomizer();
        if (customizer != null) {
            client = Objects.requireNonNull(customizer.apply(client), "httpClientCustomizer returned null");
        }
        return new HttpClientSetup(client, owned);
    }

    /** {@code "<applicationId> <SDK User-Agent>"}, or the SDK's alone. */
    static String userAgent(TransportOptions options) {
        String id = options.applicationId();
        return id == null ? options.userAgent() : id + " " + options.userAgent();
    }

    private static HttpClient proxied(HttpClient client, Optional<ProxyOptions> proxy, int connectMillis) {
        if (proxy.isEmpty()) {
            return client.noProxy();
        }
        ProxyOptions p = proxy.get();
        String host = Objects.requireNonNull(p.host());
        return client.proxy(spec -> {
            ProxyProvider.Builder builder = spec.type(ProxyProvider.Proxy.HTTP).host(host).port(p.port())
                    .connectTimeoutMillis(connectMillis);
            p.username().ifPresent(user -> {
                String password = p.password().orElse("");
                builder.username(user).password(u -> password);
            });
        });
    }

    private static int connectMillis(TransportOptions options) {
        return (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
    }
}
