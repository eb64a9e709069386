package io.agentfactory.sdk.reactor.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.ErrorKind;
import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TlsOptions;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.testing.Fixtures;

/**
 * A self-signed TLS server made for the test (the JDK's {@code keytool} generates its key and a
 * trust store holding its certificate): refused under the default trust, accepted with the trust
 * store or a caller's {@code SslContext}.
 */
class TlsTrustTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final char[] TRUST_PASSWORD = "trust-p4ss".toCharArray();

    @TempDir
    static Path dir;

    private static Path trustStore;
    private static DisposableServer server;

    @BeforeAll
    static void startSelfSignedServer() throws Exception {
        Path keyStore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.crt");
        trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", "server-p4ss");
        keytool("-exportcert", "-alias", "server", "-keystore", keyStore.toString(), "-storepass", "server-p4ss",
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", new String(TRUST_PASSWORD));

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, "server-p4ss".toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "server-p4ss".toCharArray());
        String stats = Fixtures.text("stats-response");
        SslContext serverContext = SslContextBuilder.forServer(keyManagers).build();
        server = HttpServer.create().host("127.0.0.1").port(0)
                .secure(spec -> spec.sslContext(serverContext))
                .handle((request, response) -> response.header("Content-Type", "application/json")
                        .sendString(Mono.just(stats)))
                .bindNow(TIMEOUT);
    }

    @AfterAll
    static void stopServer() {
        server.disposeNow(TIMEOUT);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static ReactorCoordinatorClient client(TlsOptions tls) {
        return ReactorCoordinatorClient.create(CoordinatorClientOptions.builder("https://127.0.0.1:" + server.port())
                .transport(TransportOptions.builder().tls(tls).retryPolicy(RetryPolicy.none()).build()).build());
    }

    @Test
    void theSelfSignedServerIsRefusedUnderTheDefaultTrust() {
        try (ReactorCoordinatorClient client = ReactorCoordinatorClient.create(CoordinatorClientOptions
                .builder("https://127.0.0.1:" + server.port())
                .transport(TransportOptions.builder().retryPolicy(RetryPolicy.none()).build()).build())) {
            StepVerifier.create(client.getStats())
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                            .satisfies(t -> assertThat(((TransportException) t).kind()).isEqualTo(ErrorKind.TRANSPORT)))
                    .verify(TIMEOUT);
        }
    }

    @Test
    void aTrustStoreHoldingItsCertificateIsTrusted() {
        try (ReactorCoordinatorClient client = client(TlsOptions.trustStore(trustStore, TRUST_PASSWORD))) {
            StepVerifier.create(client.getStats()).expectNextCount(1).expectComplete().verify(TIMEOUT);
        }
    }

    @Test
    void aCallersSslContextIsUsed() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            trusted.load(in, TRUST_PASSWORD);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);

        try (ReactorCoordinatorClient client = client(TlsOptions.sslContext(SslContextBuilder.forClient()
                .trustManager(trust).build()))) {
            StepVerifier.create(client.getStats()).expectNextCount(1).expectComplete().verify(TIMEOUT);
        }
    }

    @Test
    void aWrongPasswordFailsTheClientsCreationWithoutRepeatingIt() {
        TlsOptions wrong = TlsOptions.trustStore(trustStore, "not-the-p4ss".toCharArray());

        assertThatThrownBy(() -> client(wrong)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot read trust store " + trustStore)
                .hasMessageNotContaining("not-the-p4ss");
        assertThat(wrong.toString())
                .isEqualTo("TlsOptions[trustStore=" + trustStore + ", type=PKCS12, password=REDACTED]");
        assertThatThrownBy(() -> client(TlsOptions.trustStore(dir.resolve("missing.p12"), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.p12");
    }
}
