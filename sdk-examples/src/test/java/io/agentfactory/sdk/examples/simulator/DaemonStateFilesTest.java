package io.agentfactory.sdk.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.daemon.DaemonStatsResponse;
import io.agentfactory.sdk.daemon.DaemonStatusResponse;
import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.reactor.daemon.DaemonClientOptions;
import io.agentfactory.sdk.reactor.daemon.ReactorDaemonClient;

/**
 * The simulated daemon's state files, as a real daemon keeps them: the control token file it
 * mints at start and then requires, and a daemon.yaml under admission v2 with the renamed disk
 * envelope.
 */
class DaemonStateFilesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void theDaemonMintsItsTokenFileRequiresItAndKeepsItAcrossRestarts() throws IOException {
        Path file = dir.resolve(".donmai").resolve("control-token");
        String minted;
        try (AgentFactorySimulator sim = AgentFactorySimulator.builder().daemonControlTokenFile(file).start()) {
            minted = Files.readString(file).strip();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            Http daemon = new Http(sim.daemonBaseUrl());

            assertThat(daemon.post("/api/daemon/pause").status()).isEqualTo(401);
            assertThat(daemon.get("/api/daemon/status").status()).isEqualTo(200);

            DaemonClientOptions options = DaemonClientOptions.builder().baseUrl(sim.daemonBaseUrl()).build()
                    .withControlTokenFile(file).block(TIMEOUT);
            try (ReactorDaemonClient client = ReactorDaemonClient.create(options)) {
                assertThat(client.pause().block(TIMEOUT).ok()).isTrue();
            }
            assertThat(sim.toString()).doesNotContain(minted);
        }
        try (AgentFactorySimulator again = AgentFactorySimulator.builder().daemonControlTokenFile(file).start()) {
            assertThat(Files.readString(file).strip()).isEqualTo(minted);
            assertThat(new Http(again.daemonBaseUrl()).withBearer(minted).post("/api/daemon/pause").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void aTooOpenTokenFileStopsTheDaemonFromStarting() throws IOException {
        Path file = Files.writeString(dir.resolve("control-token"), "shared-token\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> AgentFactorySimulator.builder().daemonControlTokenFile(file).start())
                .isInstanceOf(ConfigFileException.class).hasMessageNotContaining("shared-token");
    }

    @Test
    void theDaemonHonoursAdmissionV2AndTheRenamedDiskEnvelopeOfItsDaemonYaml() throws IOException {
        Path yaml = Files.writeString(dir.resolve("daemon.yaml"), """
                projectAdmissionVersion: 2
                enabledProjectIds: [widgets]
                repositories:
                  - {id: repo-9e32623b2619, projectId: widgets, source: github.com/acme/widgets}
                  - {id: repo-1, projectId: dormant, source: github.com/acme/dormant}
                projects:
                  - {id: widgets, repository: github.com/acme/widgets}
                capacity:
                  maxConcurrentSessions: 7
                  workareaMaxDiskGb: 80
                """);

        try (AgentFactorySimulator sim = AgentFactorySimulator.builder().daemonYaml(yaml).start()) {
            Http daemon = new Http(sim.daemonBaseUrl());

            DaemonStatsResponse stats = daemon.get("/api/daemon/stats").as(DaemonStatsResponse.class);
            DaemonStatusResponse status = daemon.get("/api/daemon/status").as(DaemonStatusResponse.class);

            assertThat(stats.allowedProjects()).containsExactly("github.com/acme/widgets");
            assertThat(status.maxSessions()).isEqualTo(7);
        }
    }
}
