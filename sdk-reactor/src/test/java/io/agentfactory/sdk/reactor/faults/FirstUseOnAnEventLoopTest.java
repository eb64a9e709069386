package io.agentfactory.sdk.reactor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
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
