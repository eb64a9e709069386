package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.ConfigFiles.names;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.project;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.config.CapacityConfig;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectEntry;
import io.agentfactory.sdk.daemon.DaemonConfig;
import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.error.InvalidArgumentException;

/** The reactive API: lazy, file I/O on boundedElastic, errors as signals. */
class DaemonYamlStoreTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void nothingHappensUntilSubscription() {
        DaemonYamlStore store = DaemonYamlStore.at(dir.resolve("daemon.yaml"));

        Mono<DaemonYAML> update = store.update(config -> config.addOrUpdateProject(project("github.com/foo/bar")));

        assertThat(names(dir)).isEmpty();
        StepVerifier.create(update).expectNextCount(1).expectComplete().verify(TIMEOUT);
        assertThat(names(dir)).containsExactly("daemon.yaml", "daemon.yaml.lock");
    }

    @Test
    void updateRunsOnBoundedElasticWhenSubscribedFromANonBlockingThread() {
        DaemonYamlStore store = DaemonYamlStore.at(dir.resolve("daemon.yaml"));
        List<String> changeThreads = new CopyOnWriteArrayList<>();

        // BlockHound fails this test if any file I/O runs on the parallel thread that subscribes.
        Mono<DaemonYAML> fromParallel = Mono.delay(Duration.ZERO, Schedulers.parallel())
                .flatMap(tick -> store.update(config -> {
                    changeThreads.add(Thread.currentThread().getName());
                    return config.withCapacity(new CapacityConfig(3, 0));
                }));

        StepVerifier.create(fromParallel)
                .assertNext(written -> assertThat(written.capacity()).isEqualTo(new CapacityConfig(3, 0)))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(changeThreads).singleElement().asString().startsWith("boundedElastic");
    }

    @Test
    void readFromANonBlockingThreadDoesNotBlockIt() {
        DaemonYamlStore store = DaemonYamlStore.at(write(dir.resolve("daemon.yaml"),
                "projects: [{repository: github.com/foo/bar}]\n"));

        Mono<DaemonYAML> fromParallel = Mono.delay(Duration.ZERO, Schedulers.parallel()).flatMap(tick -> store.read());

        StepVerifier.create(fromParallel)
                .assertNext(config -> assertThat(config.projects()).extracting(ProjectEntry::id).containsExactly("foo-bar"))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void blankRepositoryIsSignalledWithoutTouchingTheFile() {
        DaemonYamlStore store = DaemonYamlStore.at(dir.resolve("daemon.yaml"));

        StepVerifier.create(store.write(new DaemonYAML(List.of(project("")), CapacityConfig.empty())))
                .expectError(InvalidArgumentException.class)
                .verify(TIMEOUT);
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void badFileIsSignalledAsAConfigFileError() {
        Path file = write(dir.resolve("daemon.yaml"), "projects: {}\n");

        StepVerifier.create(DaemonYamlStore.at(file).read())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfigFileException.class)
                        .hasMessage(file + ":1: projects must be a list"))
                .verify(TIMEOUT);
    }

    @Test
    void readDaemonConfigSignalsTheEndpoint() {
        Path file = write(dir.resolve("daemon.yaml"), "host: 10.0.0.2\nport: 9000\n");

        StepVerifier.create(DaemonYamlStore.at(file).readDaemonConfig())
                .expectNext(new DaemonConfig("10.0.0.2", 9000))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void defaultPathStoreUsesTheDocumentedLocation() {
        assertThat(DaemonYamlStore.atDefaultPath().path()).isEqualTo(DaemonYamlFiles.defaultPath());
    }

    /**
     * A timeout cancels an update that waits for another process's lock; the abandoned update
     * must never apply later, and must leave the lock usable.
     */
    @Test
    void updateCancelledWhileWaitingForTheLockIsAbandoned() {
        Path file = write(dir.resolve("daemon.yaml"), "projects: []\n");
        DaemonYamlStore store = DaemonYamlStore.at(file);
        try (ChildJvm holder = ChildJvm.start(LockProbeMain.class, "hold", dir.resolve("daemon.yaml.lock").toString())) {
            holder.await("locked");

            StepVerifier.create(store.update(config -> config.addOrUpdateProject(project("github.com/timed/out")))
                    .timeout(Duration.ofMillis(300)))
                    .expectError(TimeoutException.class)
                    .verify(TIMEOUT);
            holder.send("release");
            assertThat(holder.exitCode()).isZero();
        }

        DaemonYAML after = store.update(config -> config.addOrUpdateProject(project("github.com/after/release")))
                .block(TIMEOUT);

        assertThat(after.projects()).extracting(ProjectEntry::repository).containsExactly("github.com/after/release");
        assertThat(names(dir)).containsExactly("daemon.yaml", "daemon.yaml.lock");
    }
}
