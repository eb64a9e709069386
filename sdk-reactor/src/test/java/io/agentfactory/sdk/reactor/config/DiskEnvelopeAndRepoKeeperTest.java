package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.ConfigFiles.text;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.agentfactory.sdk.config.CapacityConfig;
import io.agentfactory.sdk.config.RepoKeeperConfig;
import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * The disk envelope's two spellings ({@code poolMaxDiskGb}, renamed upstream to
 * {@code workareaMaxDiskGb}) and the {@code repoKeeper} section, through the lossless writer.
 */
class DiskEnvelopeAndRepoKeeperTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "old spelling only | 'capacity: {poolMaxDiskGb: 40}' | 40",
        "new spelling only | 'capacity: {workareaMaxDiskGb: 30}' | 30",
        "both, new wins | 'capacity: {poolMaxDiskGb: 40, workareaMaxDiskGb: 30}' | 30",
        "new is zero, old counts | 'capacity: {poolMaxDiskGb: 40, workareaMaxDiskGb: 0}' | 40",
        "neither | 'capacity: {maxConcurrentSessions: 2}' | 0",
    })
    void eitherSpellingIsReadAsTheDaemonReadsIt(String name, String yaml, int expected) {
        Path file = write(dir.resolve("daemon.yaml"), yaml + "\n");

        CapacityConfig capacity = DaemonYamlFiles.read(file).capacity();

        assertThat(capacity.poolMaxDiskGb()).isEqualTo(expected);
        assertThat(capacity.workareaMaxDiskGb()).isEqualTo(expected);
    }

    @Test
    void aChangedEnvelopeIsWrittenUnderBothSpellingsSoAnOlderDaemonReadsTheSameLimit() {
        Path file = write(dir.resolve("daemon.yaml"), """
                capacity:
                  # evict cold workareas past this
                  workareaMaxDiskGb: 30 # GiB
                  maxVCpuPerSession: 6
                """);

        DaemonYamlFiles.update(file, c -> c.withCapacity(new CapacityConfig(0, 80)));

        // the missing spelling is inserted in model order (poolMaxDiskGb, workareaMaxDiskGb)
        assertThat(text(file)).isEqualTo("""
                capacity:
                  poolMaxDiskGb: 80
                  # evict cold workareas past this
                  workareaMaxDiskGb: 80 # GiB
                  maxVCpuPerSession: 6
                """);
    }

    @Test
    void anUnchangedEnvelopeLeavesBothKeysAsTheyAre() {
        String original = "capacity:\n  poolMaxDiskGb: 40\n";
        Path file = write(dir.resolve("daemon.yaml"), original);

        DaemonYamlFiles.update(file, c -> c.withCapacity(new CapacityConfig(3, 40)));

        assertThat(text(file)).isEqualTo("capacity:\n  maxConcurrentSessions: 3\n  poolMaxDiskGb: 40\n");
    }

    @Test
    void clearingTheEnvelopeRemovesBothSpellings() {
        Path file = write(dir.resolve("daemon.yaml"),
                "capacity:\n  poolMaxDiskGb: 40\n  workareaMaxDiskGb: 40\n  maxConcurrentSessions: 2\n");

        DaemonYamlFiles.update(file, c -> c.withCapacity(new CapacityConfig(2, 0)));

        assertThat(text(file)).isEqualTo("capacity:\n  maxConcurrentSessions: 2\n");
    }

    @Test
    void theRepoKeeperSectionIsReadAndWrittenKeepingCommentsAndUnknownKeys() {
        Path file = write(dir.resolve("daemon.yaml"), """
                repoKeeper:
                  enabled: true # process-level: restart to apply
                  maxDiskGb: 200
                  mirrorRoot: /var/mirrors
                """);

        assertThat(DaemonYamlFiles.read(file).repoKeeper()).isEqualTo(new RepoKeeperConfig(true, 200, 0, 0));

        DaemonYamlFiles.update(file, c -> c.withRepoKeeper(new RepoKeeperConfig(true, 0, 600, 86_400)));

        assertThat(text(file)).isEqualTo("""
                repoKeeper:
                  enabled: true # process-level: restart to apply
                  mirrorRoot: /var/mirrors
                  fetchIntervalSeconds: 600
                  authorizationWindowSeconds: 86400
                """);
    }

    @Test
    void aNewRepoKeeperSectionIsAppendedAndAnEmptyOneNotCreated() {
        Path file = write(dir.resolve("daemon.yaml"), "machine:\n  id: m1\n");

        DaemonYamlFiles.update(file, c -> c.withRepoKeeper(RepoKeeperConfig.empty()).withCapacity(c.capacity()));
        assertThat(text(file)).isEqualTo("machine:\n  id: m1\n");

        DaemonYamlFiles.update(file, c -> c.withRepoKeeper(new RepoKeeperConfig(true, 5_000_000_000L, 0, 0)));
        assertThat(text(file)).isEqualTo("machine:\n  id: m1\nrepoKeeper:\n  enabled: true\n  maxDiskGb: 5000000000\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "negative | 'repoKeeper:\n  fetchIntervalSeconds: -1\n' | repoKeeper.fetchIntervalSeconds must be >= 0",
        "not a flag | 'repoKeeper:\n  enabled: yes\n' | repoKeeper.enabled must be true or false",
        "not a number | 'repoKeeper:\n  maxDiskGb: lots\n' | repoKeeper.maxDiskGb must be an integer",
        "not a mapping | 'repoKeeper: [1]\n' | repoKeeper must be a mapping",
    })
    void badRepoKeeperValuesAreRefusedWithTheirLine(String name, String yaml, String message) {
        Path file = write(dir.resolve("daemon.yaml"), yaml);

        assertThatThrownBy(() -> DaemonYamlFiles.read(file)).isInstanceOf(ConfigFileException.class)
                .hasMessageContaining(message);
    }

    @Test
    void negativeKeeperValuesCannotBeBuilt() {
        assertThatThrownBy(() -> new RepoKeeperConfig(true, -1, 0, 0)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("repoKeeper.maxDiskGb must be >= 0");
    }
}
