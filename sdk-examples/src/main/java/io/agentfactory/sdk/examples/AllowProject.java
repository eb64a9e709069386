package io.agentfactory.sdk.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.config.CloneStrategy;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectEntry;
import io.agentfactory.sdk.daemon.DaemonClient;
import io.agentfactory.sdk.reactor.config.DaemonYamlStore;

/**
 * Example 6 — allow a project: add a repository to the daemon's allow-list in {@code daemon.yaml},
 * safely. The change is a read-modify-write under the file's lock (no concurrent writer's project is
 * lost), written atomically (a reader sees the old file or the new one), and it keeps every key,
 * comment and the order of the file; allowing a repository that is already allowed writes nothing.
 *
 * <pre>{@code
 * ./mvnw -q -B -Pdemo -DskipTests verify -Ddemo.mainClass=io.agentfactory.sdk.examples.AllowProject
 * }</pre>
 */
public final class AllowProject {

    /**
     * The allow-list before and after, and the file as written.
     *
     * @param file the daemon.yaml
     * @param before the projects before the change
     * @param after the projects after it
     * @param fileAfter the file's lines after the change
     */
    public record Change(Path file, List<ProjectEntry> before, List<ProjectEntry> after, List<String> fileAfter) {

        /** Whether the repository was added (false: it was already allowed, nothing written). */
        public boolean added() {
            return after.size() > before.size();
        }
    }

    private final DaemonYamlStore store;

    /** Edits the daemon.yaml {@code store} reads and writes. */
    public AllowProject(DaemonYamlStore store) {
        this.store = store;
    }

    /**
     * Allows {@code repository} (shallow clones, no credentials; its id derived from the
     * repository). File I/O runs on {@code Schedulers.boundedElastic()}.
     *
     * @return the change, or a {@link io.agentfactory.sdk.error.ConfigFileException} naming the file
     *         and line when daemon.yaml is not valid (the file is then left as it was)
     */
    public Mono<Change> allow(String repository) {
        return Mono.defer(() -> {
            AtomicReference<DaemonYAML> before = new AtomicReference<>();
            return store.update(config -> {
                        before.set(config);
                        return config.hasProject(repository) ? config
                                : config.addOrUpdateProject(new ProjectEntry("", repository, CloneStrategy.SHALLOW, null));
                    })
                    .flatMap(after -> readLines(store.path())
                            .map(text -> new Change(store.path(), before.get().projects(), after.projects(), text)));
        });
    }

    /**
     * Whether the daemon lists {@code repository} among its allowed projects
     * ({@code GET /api/daemon/stats}).
     */
    public static Mono<Boolean> daemonAllows(DaemonClient daemon, String repository) {
        return daemon.getStats(false, false).map(stats -> stats.allowedProjects().contains(repository));
    }

    private static Mono<List<String>> readLines(Path file) {
        return Mono.fromCallable(() -> Files.readAllLines(file)).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Allows {@code --repository} (default {@code github.com/acme/mobile-app}) in the daemon.yaml
     * the services name, prints the allow-list before and after and the file as written, and (when
     * the daemon reads that file) asks the daemon whether it now allows the repository.
     */
    static boolean run(ExampleServices services, Consumer<String> out) {
        String repository = services.arguments().value("repository").orElse("github.com/acme/mobile-app");
        out.accept("Allowing " + repository + " in " + services.daemonYaml());
        Change change = new AllowProject(DaemonYamlStore.at(services.daemonYaml())).allow(repository).block();
        out.accept("  before: " + repositories(change.before()));
        out.accept("  after:  " + repositories(change.after()) + (change.added() ? "" : "  (already allowed: file not rewritten)"));
        out.accept("  the file now reads:");
        change.fileAfter().forEach(line -> out.accept("    | " + line));
        boolean allowed = change.after().stream().anyMatch(p -> p.repository().equals(repository));
        if (services.daemonReadsDaemonYaml()) {
            boolean daemonAllows = daemonAllows(services.daemon(), repository).block();
            out.accept("  the daemon now allows " + repository + ": " + (daemonAllows ? "yes" : "no (it may need a reload)"));
            allowed &= daemonAllows || services.simulator().isEmpty();
        }
        return allowed;
    }

    private static String repositories(List<ProjectEntry> projects) {
        return projects.stream().map(ProjectEntry::repository).toList().toString();
    }

    /** Runs the example alone (see {@link ExampleServices}; also {@code --repository}, {@code --daemon-yaml}). */
    public static void main(String[] args) {
        Example.launch(args, AllowProject::run);
    }
}
