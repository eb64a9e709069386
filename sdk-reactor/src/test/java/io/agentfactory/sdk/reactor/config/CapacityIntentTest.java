package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.ConfigFiles.text;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.config.CapacityConfig;
import io.agentfactory.sdk.config.CapacityIntent;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.RepoKeeperConfig;
import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * The capacity-intent writer (upstream {@code WriteDaemonYAMLWithCapacity}): an explicit 0 is
 * written and stays distinct from "not set", invalid intents never reach the file, and anchors
 * and aliases in the section are handled as upstream handles them. Byte-exact.
 */
class CapacityIntentTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void anExplicitZeroIsWrittenWhereAPlainWriteLeavesItOut() {
        Path plain = write(dir.resolve("plain.yaml"), "unknown: retained\n");
        Path intent = write(dir.resolve("intent.yaml"), "unknown: retained\n");

        DaemonYamlFiles.update(plain, c -> c.withCapacity(new CapacityConfig(0, 0)));
        DaemonYamlFiles.setCapacity(intent, new CapacityIntent(CapacityIntent.MAX_CONCURRENT_SESSIONS, 0));

        assertThat(text(plain)).isEqualTo("unknown: retained\n");
        assertThat(text(intent)).isEqualTo("unknown: retained\ncapacity:\n  maxConcurrentSessions: 0\n");
    }

    @Test
    void aMissingFileGetsOnlyTheAuthoredKey() {
        Path file = dir.resolve("fresh").resolve("daemon.yaml");

        DaemonYAML written = DaemonYamlStore.at(file).setCapacity(CapacityIntent.MAX_CONCURRENT_SESSIONS, 0)
                .block(TIMEOUT);

        assertThat(text(file)).isEqualTo("capacity:\n  maxConcurrentSessions: 0\n");
        assertThat(written.capacity()).isEqualTo(CapacityConfig.empty());
    }

    @Test
    void aNullSectionBecomesAMappingAndAnExistingValueIsReplacedKeepingItsComment() {
        Path nulled = write(dir.resolve("null.yaml"), "capacity: null # none yet\nunknown: retained\n");
        Path positive = write(dir.resolve("positive.yaml"),
                "capacity: {maxConcurrentSessions: 3, maxVCpuPerSession: 6}\nunknown: retained\n");
        Path block = write(dir.resolve("block.yaml"),
                "capacity:\n  maxConcurrentSessions: 3 # the limit\n  maxVCpuPerSession: 6\n");

        for (Path file : new Path[] {nulled, positive, block}) {
            DaemonYamlFiles.setCapacity(file, new CapacityIntent(CapacityIntent.MAX_CONCURRENT_SESSIONS, 0));
        }

        // a block mapping cannot end its key's line with a comment: the comment moves to the first value
        assertThat(text(nulled)).isEqualTo("capacity:\n  maxConcurrentSessions: 0 # none yet\nunknown: retained\n");
        assertThat(text(positive)).isEqualTo(
                "capacity: {maxConcurrentSessions: 0, maxVCpuPerSession: 6}\nunknown: retained\n");
        assertThat(text(block)).isEqualTo("capacity:\n  maxConcurrentSessions: 0 # the limit\n  maxVCpuPerSession: 6\n");
    }

    @Test
    void aSectionAliasingASharedMappingMergesItInsteadOfChangingIt() {
        Path file = write(dir.resolve("daemon.yaml"), """
                defaults: &limits {maxConcurrentSessions: 3, maxVCpuPerSession: 6}
                capacity: *limits
                observer: *limits
                unknown: retained
                """);

        DaemonYamlFiles.setCapacity(file, new CapacityIntent(CapacityIntent.MAX_CONCURRENT_SESSIONS, 0));

        assertThat(text(file)).isEqualTo("""
                defaults: &limits {maxConcurrentSessions: 3, maxVCpuPerSession: 6}
                capacity:
                  <<: *limits
                  maxConcurrentSessions: 0
                observer: *limits
                unknown: retained
                """);
        assertThat(DaemonYamlFiles.read(file).capacity().maxConcurrentSessions()).isZero();
    }

    @Test
    void aMergedSectionGetsTheKeyOfItsOwn() {
        Path file = write(dir.resolve("daemon.yaml"), """
                defaults: &defaults {maxConcurrentSessions: 3, maxVCpuPerSession: 6}
                capacity: {<<: *defaults}
                """);

        DaemonYamlFiles.setCapacity(file, new CapacityIntent(CapacityIntent.MAX_CONCURRENT_SESSIONS, 0));

        assertThat(text(file)).isEqualTo("""
                defaults: &defaults {maxConcurrentSessions: 3, maxVCpuPerSession: 6}
                capacity: {<<: *defaults, maxConcurrentSessions: 0}
                """);
    }

    @Test
    void aSectionDefinedInPlaceIsEditedInPlaceAndItsAliasesFollow() {
        Path file = write(dir.resolve("daemon.yaml"), """
                capacity: &limits {maxConcurrentSessions: 3, maxVCpuPerSession: 6}
                observer: *limits
                """);

        DaemonYamlFiles.setCapacity(file, new CapacityIntent(CapacityIntent.MAX_CONCURRENT_SESSIONS, 5));

        assertThat(text(file)).isEqualTo("""
                capacity: &limits {maxConcurrentSessions: 5, maxVCpuPerSession: 6}
                observer: *limits
                """);
    }

    @Test
    void anAnchoredValueDefinedHereKeepsItsAnchorAndItsAliasesFollow() {
        Path file = write(dir.resolve("daemon.yaml"), """
                capacity: {maxConcurrentSessions: &limit 3, maxVCpuPerSession: 6}
                observer: {limit: *limit}
                """);

        DaemonYamlFiles.setCapacity(file, new CapacityIntent(CapacityIntent.MAX_CONCURRENT_SESSIONS, 0));

        assertThat(text(file)).isEqualTo("""
                capacity: {maxConcurrentSessions: &limit 0, maxVCpuPerSession: 6}
                observer: {limit: *limit}
                """);
    }

    @Test
    void anAnchoredValueInAnAnchoredSectionUpdatesEveryAliasOfEither() {
        Path file = write(dir.resolve("daemon.yaml"), """
                capacity: &limits {maxConcurrentSessions: &limit 3, maxVCpuPerSession: 6}
                observer: {limit: *limit}
                other: *limits
                """);

        DaemonYamlFiles.setCapacity(file, new CapacityIntent(CapacityIntent.MAX_CONCURRENT_SESSIONS, 5));

        assertThat(text(file)).isEqualTo("""
                capacity: &limits {maxConcurrentSessions: &limit 5, maxVCpuPerSession: 6}
                observer: {limit: *limit}
                other: *limits
                """);
    }

    @Test
    void aValueAliasingAScalarDefinedElsewhereIsReplacedHereOnly() {
        Path file = write(dir.resolve("daemon.yaml"), """
                defaults: {limit: &limit 3}
                capacity: {maxConcurrentSessions: *limit, maxVCpuPerSession: 6}
                observer: {limit: *limit}
                """);

        DaemonYamlFiles.setCapacity(file, new CapacityIntent(CapacityIntent.MAX_CONCURRENT_SESSIONS, 0));

        assertThat(text(file)).isEqualTo("""
                defaults: {limit: &limit 3}
                capacity: {maxConcurrentSessions: 0, maxVCpuPerSession: 6}
                observer: {limit: *limit}
                """);
    }

    @Test
    void theDiskEnvelopeIsAuthoredUnderBothSpellings() {
        Path file = write(dir.resolve("daemon.yaml"), "capacity:\n  poolMaxDiskGb: 50 # old daemons\n");

        DaemonYamlFiles.setCapacity(file, new CapacityIntent(CapacityIntent.LEGACY_POOL_MAX_DISK_GB, 0));

        assertThat(text(file)).isEqualTo("capacity:\n  poolMaxDiskGb: 0 # old daemons\n  workareaMaxDiskGb: 0\n");
    }

    @Test
    void repoKeeperKeysAreAuthoredInTheirOwnSectionWithoutDisturbingCapacity() {
        Path file = write(dir.resolve("daemon.yaml"), "capacity:\n  maxConcurrentSessions: 4\n");

        DaemonYamlFiles.setCapacity(file, new CapacityIntent(CapacityIntent.REPO_KEEPER_ENABLED, 1));
        DaemonYamlFiles.setCapacity(file, new CapacityIntent(CapacityIntent.REPO_KEEPER_MAX_DISK_GB, 0));
        DaemonYAML last = DaemonYamlFiles.setCapacity(file,
                new CapacityIntent(CapacityIntent.REPO_KEEPER_FETCH_INTERVAL_SECONDS, 5_000_000_000L));

        assertThat(text(file)).isEqualTo("""
                capacity:
                  maxConcurrentSessions: 4
                repoKeeper:
                  enabled: true
                  maxDiskGb: 0
                  fetchIntervalSeconds: 5000000000
                """);
        assertThat(last.repoKeeper()).isEqualTo(new RepoKeeperConfig(true, 0, 5_000_000_000L, 0));
        assertThat(DaemonYamlFiles.read(file).repoKeeper()).isEqualTo(last.repoKeeper());
    }

    @ParameterizedTest
    @CsvSource({
        "capacity.maxConcurrentSessions, -1, must be >= 0",
        "capacity.poolMaxDiskGb, -1, must be >= 0",
        "capacity.maxVCpuPerSession, 0, unsupported daemon.yaml key",
        "maxConcurrentSessions, 0, unsupported daemon.yaml key",
        "capacity.maxConcurrentSessions, 2147483648, must be at most 2147483647",
        "repoKeeper.enabled, 2, must be 0 (off) or 1 (on)",
    })
    void anInvalidIntentIsRefusedBeforeAnythingIsCreated(String key, long value, String message) {
        Path file = dir.resolve("not-created").resolve("daemon.yaml");

        StepVerifier.create(DaemonYamlStore.at(file).setCapacity(key, value))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining(message))
                .verify(TIMEOUT);

        assertThat(Files.exists(file.getParent())).isFalse();
        assertThatThrownBy(() -> new CapacityIntent(key, value)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void theIntentRunsOnTheFileAsItIsAtThatMomentNotOnAStaleCopy() {
        Path file = write(dir.resolve("daemon.yaml"), "capacity:\n  maxConcurrentSessions: 4\n");
        DaemonYamlStore store = DaemonYamlStore.at(file);
        DaemonYAML stale = store.read().block(TIMEOUT);

        store.update(c -> c.withCapacity(new CapacityConfig(4, 50))).block(TIMEOUT); // another writer
        store.setCapacity(CapacityIntent.MAX_CONCURRENT_SESSIONS, 0).block(TIMEOUT);

        assertThat(stale.capacity().poolMaxDiskGb()).isZero();
        assertThat(text(file)).isEqualTo(
                "capacity:\n  maxConcurrentSessions: 0\n  poolMaxDiskGb: 50\n  workareaMaxDiskGb: 50\n");
    }
}
