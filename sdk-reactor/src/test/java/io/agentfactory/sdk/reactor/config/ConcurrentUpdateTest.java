package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.ConfigFiles.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectEntry;

/** Read-modify-write loses nothing when threads and processes update one file at once. */
class ConcurrentUpdateTest {

    @TempDir
    Path dir;

    @Test
    void threadsOfOneJvmLoseNoUpdate() throws Exception {
        Path file = dir.resolve("daemon.yaml");
        int threads = 4;
        int updatesEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String owner = "thread" + t;
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < updatesEach; i++) {
                        String repository = "github.com/" + owner + "/repo-" + i;
                        DaemonYamlFiles.update(file, config -> config.addOrUpdateProject(project(repository)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : work) {
                each.get(2, TimeUnit.MINUTES);
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(DaemonYamlFiles.read(file).projects()).hasSize(threads * updatesEach);
    }

    @Test
    void parallelReactiveUpdatesLoseNoUpdate() {
        DaemonYamlStore store = DaemonYamlStore.at(dir.resolve("daemon.yaml"));

        Flux.range(0, 40)
                .flatMap(i -> store.update(config -> config.addOrUpdateProject(project("github.com/reactive/repo-" + i))),
                        40)
                .blockLast(Duration.ofMinutes(1));

        assertThat(store.read().block(Duration.ofSeconds(10)).projects()).hasSize(40);
    }

    /**
     * The acceptance test: two OS processes, 50 updates each, started together. Meanwhile
     * this JVM reads the file without a lock as fast as it can: every read must parse and the
     * number of projects must never go down.
     */
    @Test
    void twoProcessesLoseNoUpdateAndNeverExposeATornFile() {
        Path file = dir.resolve("daemon.yaml");
        try (ChildJvm first = ChildJvm.start(UpdateWorkerMain.class, file.toString(), "first", "50");
                ChildJvm second = ChildJvm.start(UpdateWorkerMain.class, file.toString(), "second", "50")) {
            first.await("ready");
            second.await("ready");
            first.send("go");
            second.send("go");

            List<Integer> observed = new ArrayList<>();
            while (first.isAlive() || second.isAlive()) {
                observed.add(DaemonYamlFiles.read(file).projects().size()); // throws on a torn file
            }

            assertThat(first.exitCode()).isZero();
            assertThat(second.exitCode()).isZero();
            assertThat(observed).isSorted().anyMatch(count -> count > 0 && count < 100);
        }
        List<String> repositories = DaemonYamlFiles.read(file).projects().stream().map(ProjectEntry::repository).toList();
        assertThat(repositories).hasSize(100).doesNotHaveDuplicates()
                .contains("github.com/first/repo-0", "github.com/first/repo-49", "github.com/second/repo-0",
                        "github.com/second/repo-49");
    }

    @Test
    void updateHoldsTheLockAgainstOtherProcessesAcrossReadModifyWrite() {
        Path file = dir.resolve("daemon.yaml");
        Path lockFile = dir.resolve("daemon.yaml.lock");
        List<String> seenDuringTheChange = new ArrayList<>();

        DaemonYamlFiles.update(file, config -> {
            try (ChildJvm probe = ChildJvm.start(LockProbeMain.class, "probe", lockFile.toString())) {
                seenDuringTheChange.add(probe.awaitAny("held", "free"));
            }
            return config.addOrUpdateProject(project("github.com/foo/bar"));
        });

        assertThat(seenDuringTheChange).containsExactly("held");
        try (ChildJvm probe = ChildJvm.start(LockProbeMain.class, "probe", lockFile.toString())) {
            assertThat(probe.awaitAny("held", "free")).isEqualTo("free");
        }
    }

    @Test
    void updateWaitsForALockHeldByAnotherProcess() throws Exception {
        Path file = dir.resolve("daemon.yaml");
        Path lockFile = dir.resolve("daemon.yaml.lock");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ChildJvm holder = ChildJvm.start(LockProbeMain.class, "hold", lockFile.toString())) {
            holder.await("locked");
            DaemonYamlFiles.write(dir.resolve("unrelated.yaml"), DaemonYAML.empty()); // other files are not blocked
            Future<DaemonYAML> waiting = pool.submit(() -> DaemonYamlFiles.update(file,
                    config -> config.addOrUpdateProject(project("github.com/foo/bar"))));
            while (!ConfigFileLock.isLockedInProcess(lockFile)) {
                Thread.onSpinWait(); // until the update is past the in-process lock, at the OS lock
            }

            // What the holder writes under its lock must be what the waiting update builds on.
            ConfigFiles.write(file, "projects: [{id: held, repository: github.com/held/by-holder}]\n");
            holder.send("release");

            assertThat(waiting.get(1, TimeUnit.MINUTES).projects()).extracting(ProjectEntry::repository)
                    .containsExactly("github.com/held/by-holder", "github.com/foo/bar");
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void updateStartedFromItsOwnChangeFailsInsteadOfDeadlocking() {
        Path file = dir.resolve("daemon.yaml");

        assertThatThrownBy(() -> DaemonYamlFiles.update(file,
                outer -> DaemonYamlFiles.update(file, inner -> inner.addOrUpdateProject(project("github.com/a/b")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must not start another one");
        assertThat(ConfigFiles.names(dir)).containsExactly("daemon.yaml.lock");
    }
}
