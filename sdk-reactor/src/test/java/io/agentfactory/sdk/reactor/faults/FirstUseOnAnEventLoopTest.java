package io.agentfactory.sdk.reactor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;

/**
 * The first use of the SDK in a JVM may happen on a non-blocking thread (a client built inside a
 * reactive chain) with BlockHound installed, as in a user's tests: no static initialiser may then
 * block, or the class is poisoned for the whole JVM. Every class of the SDK is loaded afresh (from
 * bytes read beforehand on the test thread), so its static initialisers really run on the
 * parallel scheduler's thread, not in whichever test happened to touch them first.
 */
class FirstUseOnAnEventLoopTest {

    private static final String PACKAGE = "io.agentfactory.sdk.reactor.";

    @Test
    void theFirstClientOfAJvmCanBeBuiltOnANonBlockingThread() throws IOException, URISyntaxException {
        ClassLoader fresh = new FreshSdkClasses(sdkClassBytes(), getClass().getClassLoader());

        Mono<String> firstUse = Mono.fromCallable(() -> {
            Class<?> options = Class.forName(PACKAGE + "coordinator.CoordinatorClientOptions", true, fresh);
            Object builder = options.getMethod("builder", String.class).invoke(null, "http://127.0.0.1:9");
            Object built = builder.getClass().getMethod("build").invoke(builder);
            Class<?> client = Class.forName(PACKAGE + "coordinator.ReactorCoordinatorClient", true, fresh);
            try (AutoCloseable created = (AutoCloseable) client.getMethod("create", options).invoke(null, built)) {
                return String.valueOf(options.getMethod("transport").invoke(built));
            }
        }).subscribeOn(Schedulers.parallel());

        StepVerifier.create(firstUse)
                .assertNext(transport -> assertThat(transport).contains("userAgent=agentfactory-sdk-java/"))
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    /**
     * The first JSON answers of a JVM may be error bodies read on two event loops at once. Jackson
     * builds its tree and map deserializers under a lock on first use; a second event loop waiting on
     * that lock is a blocking call (BlockHound). Each round loads the SDK afresh (a new mapper, empty
     * caches) and lines two non-blocking threads up before they decode.
     */
    @Test
    void theFirstErrorAnswersOfAJvmDecodedOnTwoEventLoopsAtOnceNeverWait() throws Exception {
        Map<String, byte[]> bytes = sdkClassBytes();
        byte[] body = "{\"error\":\"session not found\",\"code\":\"not_found\",\"detail\":{\"id\":[1,2.5]}}"
                .getBytes(StandardCharsets.UTF_8);
        Scheduler loops = Schedulers.newParallel("first-json", 2);
        try {
            for (int round = 0; round < 8; round++) {
                ClassLoader fresh = new FreshSdkClasses(bytes, getClass().getClassLoader());
                Method toException = Class.forName(PACKAGE + "internal.http.StatusErrors", false, fresh)
                        .getMethod("toException", String.class, String.class, int.class, String.class, byte[].class,
                                int.class, boolean.class, UnaryOperator.class, Clock.class);
                AtomicInteger arrived = new AtomicInteger();
                Mono<String> decode = Mono.fromCallable(() -> {
                    arrived.incrementAndGet();
                    while (arrived.get() < 2) {
                        // a busy wait: BlockHound counts Thread.onSpinWait as blocking
                    }
                    Object error = toException.invoke(null, "GET", "/api/sessions/x", 404, null, body, body.length,
                            false, UnaryOperator.identity(), Clock.systemUTC());
                    return ((Throwable) error).getMessage();
                }).subscribeOn(loops);

                StepVerifier.create(Flux.merge(decode, decode).collectList())
                        .assertNext(messages -> assertThat(messages).hasSize(2)
                                .allSatisfy(m -> assertThat(m).contains("session not found")))
                        .expectComplete()
                        .verify(Duration.ofSeconds(30));
            }
        }
        finally {
            loops.dispose();
        }
    }

    /** Every class file of the SDK's implementation module, by binary name. */
    private static Map<String, byte[]> sdkClassBytes() throws IOException, URISyntaxException {
        Path root = Path.of(ReactorCoordinatorClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, byte[]> classes = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.startsWith(PACKAGE)) {
                    try {
                        classes.put(name, Files.readAllBytes(f));
                    }
                    catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        }
        return classes;
    }

    /** Defines the SDK's classes from bytes in memory (child first); everything else from the parent. */
    private static final class FreshSdkClasses extends ClassLoader {

        private final Map<String, byte[]> classes;

        FreshSdkClasses(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
