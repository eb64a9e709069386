package io.agentfactory.sdk.reactor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;

import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.jspecify.annotations.Nullable;

/**
 * How a client trusts the server's certificate: a trust store file, or a caller's Netty
 * {@link SslContext} (client mode). Without these options the JDK's default trust applies (or the
 * TLS settings of a caller's {@link reactor.netty.http.client.HttpClient}). Host names are always
 * verified. Immutable; {@link #toString()} never shows the password.
 *
 * <pre>{@code
 * TransportOptions.builder()
 *         .tls(TlsOptions.trustStore(Path.of("/etc/agentfactory/ca.p12"), password))
 *         .build();
 * }</pre>
 */
public final class TlsOptions {

    private final @Nullable Path trustStore;
    private final char @Nullable [] password;
    private final String type;
    private final @Nullable SslContext sslContext;

    private TlsOptions(@Nullable Path trustStore, char @Nullable [] password, String type,
            @Nullable SslContext sslContext) {
        this.trustStore = trustStore;
        this.password = password;
        this.type = type;
        this.sslContext = sslContext;
    }

    /**
     * Trusts the certificates of a PKCS#12 trust store. The file is read once, when a client is
     * created (a missing or unreadable file fails that creation with an
     * {@link IllegalArgumentException}).
     *
     * @param password the store's password, {@code null} for none (copied)
     */
    public static TlsOptions trustStore(Path path, char @Nullable [] password) {
        return trustStore(path, password, "PKCS12");
    }

    /**
     * Trusts the certificates of a trust store of this {@link KeyStore} type ({@code PKCS12},
     * {@code JKS}, …), read once when a client is created.
     *
     * @param password the store's password, {@code null} for none (copied)
     */
    public static TlsOptions trustStore(Path path, char @Nullable [] password, String type) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        return new TlsOptions(path, password == null ? null : password.clone(), type, null);
    }

    /** Uses this client-mode Netty {@link SslContext} (trust, protocols, ciphers, client certificate). */
    public static TlsOptions sslContext(SslContext context) {
        Objects.requireNonNull(context, "sslContext");
        if (!context.isClient()) {
            throw new IllegalArgumentException("sslContext must be a client context (SslContextBuilder.forClient())");
        }
        return new TlsOptions(null, null, "", context);
    }

    /** The trust store file, when configured by file. */
    public @Nullable Path trustStorePath() {
        return trustStore;
    }

    /**
     * The {@link SslContext} to use: the caller's, or one built from the trust store (which reads
     * the file).
     *
     * @throws IllegalArgumentException when the trust store cannot be read or opened (the message
     *         names the file, never the password)
     */
    public SslContext toSslContext() {
        if (sslContext != null) {
            return sslContext;
        }
        Path path = Objects.requireNonNull(trustStore);
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.clone());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return SslContextBuilder.forClient().trustManager(trust).build();
        }
        catch (SSLException e) {
            throw new IllegalArgumentException("cannot build TLS settings from trust store " + path + ": "
                    + e.getClass().getSimpleName(), e);
        }
        catch (IOException | GeneralSecurityException e) {
            // KeyStore.load reports a wrong password as an IOException; never echo it.
            throw new IllegalArgumentException("cannot read trust store " + path + " (" + type + "): "
                    + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return sslContext != null ? "TlsOptions[sslContext]"
                : "TlsOptions[trustStore=" + trustStore + ", type=" + type
                        + (password == null ? "" : ", password=REDACTED") + "]";
    }
}
