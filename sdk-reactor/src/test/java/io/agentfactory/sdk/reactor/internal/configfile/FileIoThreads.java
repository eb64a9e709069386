package io.agentfactory.sdk.reactor.internal.configfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Where a reactive loader reads its file, shared by the loader tests. */
public final class FileIoThreads {

    private FileIoThreads() {
    }

    /**
     * Subscribes to the {@code Mono} that {@code load} assembles from a non-blocking (parallel)
     * thread and asserts that its value is published on {@code boundedElastic}. BlockHound fails the
     * calling test if the file was read on the parallel thread.
     */
    public static void assertReadsOnBoundedElastic(Supplier<Mono<?>> load) {
        Mono<String> thread = Mono.defer(load::get)
                .map(value -> Thread.currentThread().getName())
                .subscribeOn(Schedulers.parallel());

        StepVerifier.create(thread)
                .assertNext(name -> assertThat(name).startsWith("boundedElastic"))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }
}
