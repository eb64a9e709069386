package io.agentfactory.sdk.reactor.codeintel.internal;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.error.CodeIndexException;

/**
 * File-system changes under a root, from a {@link WatchService} registered on every directory the
 * walk would enter (never {@code .donmai} or another skipped or dot directory, never through a
 * link), including directories created later. The first element comes once every directory is
 * registered (so the caller starts from a state no later event is missed against); each further
 * element is one relevant event; an OVERFLOW
 * (events lost) re-registers the whole tree and is passed on too, so the caller rescans. The
 * service is polled on {@link Schedulers#boundedElastic()}; cancelling closes it and ends the loop.
 */
public final class TreeWatcher {

    /** Open watch services (for tests: cancellation must bring it back to 0). */
    static final AtomicInteger OPEN = new AtomicInteger();
    /** Threads inside the poll loop right now (for tests). */
    static final AtomicInteger POLLING = new AtomicInteger();

    private static final long POLL_MILLIS = 200;

    private TreeWatcher() {
    }

    /** A change signal per relevant event under {@code root}; errors with {@link CodeIndexException} when it cannot be watched. */
    public static Flux<Boolean> changes(Path root) {
        return Flux.using(() -> {
                    WatchService service = root.getFileSystem().newWatchService();
                    OPEN.incrementAndGet();
                    try {
                        registerTree(service, root, root);
                    } catch (IOException | RuntimeException e) {
                        close(service);
                        throw new CodeIndexException(root.toString(), "watching the repository failed", e);
                    }
                    return service;
                },
                service -> Flux.just(true).concatWith(Flux.<Boolean>generate(sink -> {
                    POLLING.incrementAndGet();
                    try {
                        WatchKey key = service.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                        sink.next(key != null && drain(service, root, key));
                    } catch (ClosedWatchServiceException | InterruptedException e) {
                        sink.complete();
                    } catch (IOException e) {
                        sink.error(new CodeIndexException(root.toString(), "watching the repository failed", e));
                    } finally {
                        POLLING.decrementAndGet();
                    }
                }).filter(changed -> changed)),
                TreeWatcher::close)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static void close(WatchService service) {
        try {
            service.close();
        } catch (IOException e) {
            // nothing more to release
        } finally {
            OPEN.decrementAndGet();
        }
    }

    /** Whether {@code key}'s events matter; registers new directories, re-registers all on overflow. */
    private static boolean drain(WatchService service, Path root, WatchKey key) throws IOException {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                registerTree(service, root, root);
                relevant = true;
                continue;
            }
            Path name = (Path) event.context();
            if (skipped(name.toString())) {
                continue;
            }
            relevant = true;
            Path child = dir.resolve(name);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                registerTree(service, root, child);
            }
        }
        key.reset();
        return relevant;
    }

    private static boolean skipped(String name) {
        return name.startsWith(".") || FileDiscovery.SKIPPED_DIRECTORIES.contains(name);
    }

    private static void registerTree(WatchService service, Path root, Path start) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(root) && skipped(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
