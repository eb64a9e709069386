package io.agentfactory.sdk.reactor.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.config.CapacityIntent;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.DaemonYamlLocation;
import io.agentfactory.sdk.daemon.DaemonConfig;
import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * Reactive reading and writing of one {@code daemon.yaml}. Every operation is lazy (nothing
 * happens until subscription, and each subscription does it again) and runs its file I/O,
 * including waiting for the file's lock, on {@code Schedulers.boundedElastic()}, never on the
 * subscriber's thread. Same guarantees as {@link DaemonYamlFiles}, which shares the
 * implementation; the package documentation lists what a write preserves.
 *
 * <p>Cancelling a write or update interrupts it: it then either has not replaced the file or has
 * replaced it completely, and leaves no temporary file. {@code update(...).timeout(...)} bounds
 * the wait for a lock held by another process.
 *
 * <pre>{@code
 * DaemonYamlStore store = DaemonYamlStore.atDefaultPath();
 * store.update(config -> config.withCapacity(new CapacityConfig(4, 50)))
 *      .subscribe(written -> log.info("{} projects", written.projects().size()));
 * }</pre>
 */
public final class DaemonYamlStore {

    private final Path path;
    private final DaemonYamlFile file;

    private DaemonYamlStore(Path path, DaemonYamlFile file) {
        this.path = Objects.requireNonNull(path, "path");
        this.file = file;
    }

    /** A store for the file at {@code path}. */
    public static DaemonYamlStore at(Path path) {
        return new DaemonYamlStore(path, DaemonYamlFile.DEFAULT);
    }

    /**
     * A store for {@link DaemonYamlFiles#defaultPath()}: {@code ~/.donmai/daemon.yaml}, or
     * {@value DaemonYamlLocation#ENV_VAR} when set. The environment is read now, not per operation.
     */
    public static DaemonYamlStore atDefaultPath() {
        return at(DaemonYamlFiles.defaultPath());
    }

    /** A store whose writes go through {@code file} (the fault-injection seam for tests). */
    static DaemonYamlStore at(Path path, DaemonYamlFile file) {
        return new DaemonYamlStore(path, file);
    }

    /** The path this store reads and writes, as given. */
    public Path path() {
        return path;
    }

    /**
     * The projects and capacity, as {@link DaemonYamlFiles#read}: a missing file is the empty
     * config.
     *
     * @return a Mono of the config, or of a {@link ConfigFileException} naming the file and line
     */
    public Mono<DaemonYAML> read() {
        return onBoundedElastic(() -> file.read(path));
    }

    /**
     * The daemon's endpoint, as {@link DaemonYamlFiles#readDaemonConfig}: {@code host} and
     * {@code port}, {@code 127.0.0.1:7734} where absent.
     *
     * @return a Mono of the endpoint, or of a {@link ConfigFileException}
     */
    public Mono<DaemonConfig> readDaemonConfig() {
        return onBoundedElastic(() -> file.readDaemonConfig(path));
    }

    /**
     * Writes the projects and capacity, keeping everything else, as {@link DaemonYamlFiles#write}.
     * Prefer {@link #update}, which cannot overwrite another writer's projects.
     *
     * @return a Mono of the config as written (ids derived), or of an {@link InvalidArgumentException}
     *         (a blank repository; nothing touched) or a {@link ConfigFileException} (file unchanged)
     */
    public Mono<DaemonYAML> write(DaemonYAML config) {
        Objects.requireNonNull(config, "config");
        return onBoundedElastic(() -> file.write(path, config));
    }

    /**
     * Read-modify-write under the file's lock, as {@link DaemonYamlFiles#update}: no update is
     * lost when several threads or processes run this at once. {@code change} runs once per
     * subscription (again when a writer that takes no lock changed the file meanwhile) on a bounded-elastic thread with the lock held: keep it short and free of I/O,
     * and do not update the same file from it. An unchanged result writes nothing.
     *
     * @return a Mono of the config after the change, or of the change's error, an
     *         {@link InvalidArgumentException} or a {@link ConfigFileException} (file unchanged)
     */
    public Mono<DaemonYAML> update(UnaryOperator<DaemonYAML> change) {
        Objects.requireNonNull(change, "change");
        return onBoundedElastic(() -> file.update(path, change));
    }

    /**
     * Sets one tunable explicitly, zero included (the reference's
     * {@code WriteDaemonYAMLWithCapacity}), under the file's lock, on the file as it is at that
     * moment (so no other writer's change is lost), as {@link DaemonYamlFiles#setCapacity}.
     *
     * @return a Mono of the config after the change, or of a {@link ConfigFileException} (file unchanged)
     */
    public Mono<DaemonYAML> setCapacity(CapacityIntent intent) {
        Objects.requireNonNull(intent, "intent");
        return onBoundedElastic(() -> file.setCapacity(path, intent));
    }

    /**
     * {@link #setCapacity(CapacityIntent)} from a dotted key and a value, e.g.
     * {@code ("capacity.maxConcurrentSessions", 0)}. An invalid pair fails the Mono with an
     * {@link InvalidArgumentException} before anything is read, created or written.
     */
    public Mono<DaemonYAML> setCapacity(String key, long value) {
        return Mono.fromCallable(() -> new CapacityIntent(key, value)).flatMap(this::setCapacity);
    }

    @Override
    public String toString() {
        return "DaemonYamlStore[" + path + "]";
    }

    private static <T> Mono<T> onBoundedElastic(Callable<T> operation) {
        return Mono.fromCallable(operation).subscribeOn(Schedulers.boundedElastic());
    }
}
