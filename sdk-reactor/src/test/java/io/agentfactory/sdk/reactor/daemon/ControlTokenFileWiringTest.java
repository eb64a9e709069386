package io.agentfactory.sdk.reactor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.daemon.ControlToken;
import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.reactor.config.ControlTokenFile;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/**
 * {@link DaemonClientOptions#withControlTokenFile}: the token the daemon minted into its control
 * token file goes out as {@code Authorization: Bearer <token>} on mutating routes only, exactly
 * as a token given directly; a missing file means no header; an unusable file fails before any
 * request is sent.
 */
class ControlTokenFileWiringTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @RegisterExtension
    static final DaemonUnderTest UNDER_TEST = DaemonUnderTest.withDefaults();

    private final RecordingServer server = UNDER_TEST.server();

    @TempDir
    Path dir;

    @BeforeEach
    void answerOk() {
        server.replyWith(Reply.json(DaemonWire.ACTION_OK));
    }

    @Test
    void theMintedTokenIsSentOnMutatingRoutesOnly() {
        Path file = dir.resolve(".donmai").resolve("control-token");
        ControlToken minted = ControlTokenFile.ensure(file).block(TIMEOUT);

        DaemonClientOptions options = DaemonClientOptions.builder().baseUrl(server.baseUrl()).build()
                .withControlTokenFile(file).block(TIMEOUT);
        try (ReactorDaemonClient daemon = ReactorDaemonClient.create(options)) {
            daemon.getStatus().block(TIMEOUT);
            daemon.pause().block(TIMEOUT);
        }

        assertThat(server.requests()).hasSize(2);
        RecordedRequest get = server.requests().get(0);
        RecordedRequest post = server.requests().get(1);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.hasHeader("Authorization")).isFalse();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.uri()).isEqualTo("/api/daemon/pause");
        assertThat(post.header("Authorization")).isEqualTo("Bearer " + minted.value());
        assertThat(options.toString()).doesNotContain(minted.value()).contains("controlToken=REDACTED");
    }

    @Test
    void aMissingFileLeavesTheOptionsWithoutAToken() {
        DaemonClientOptions options = DaemonClientOptions.builder().baseUrl(server.baseUrl()).build();

        DaemonClientOptions loaded = options.withControlTokenFile(dir.resolve("absent")).block(TIMEOUT);

        assertThat(loaded).isSameAs(options);
        assertThat(loaded.controlToken()).isEmpty();
    }

    @Test
    void aTokenAlreadyConfiguredWinsOverTheDefaultFile() {
        DaemonClientOptions options = DaemonClientOptions.builder().baseUrl(server.baseUrl())
                .controlToken(DaemonWire.CONTROL_TOKEN).build();

        assertThat(options.withDefaultControlTokenFile().block(TIMEOUT)).isSameAs(options);
    }

    @Test
    void anUnusableFileFailsBeforeAnyRequest() throws IOException {
        Path file = Files.writeString(dir.resolve("control-token"), "opaque-token\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        StepVerifier.create(DaemonClientOptions.builder().baseUrl(server.baseUrl()).build().withControlTokenFile(file))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfigFileException.class)
                        .hasMessageContaining("grants access beyond its owner")
                        .satisfies(x -> assertThat(x.toString()).doesNotContain("opaque-token")))
                .verify(TIMEOUT);
        assertThat(server.requests()).isEmpty();
    }
}
