package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import reactor.test.StepVerifier;

import io.agentfactory.sdk.codeintel.SymbolQuery;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.reactor.codeintel.CodeIntelOptions;
import io.agentfactory.sdk.reactor.codeintel.ReactorCodeIntel;

class TreeWatcherTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    @Test
    void editsAndNewDirectoriesTriggerIncrementalRefreshesAndCancelStopsPolling() throws IOException {
        Files.writeString(root.resolve("a.go"), "package a\n\nfunc Alpha() {}\n");
        PersistedIndexTest.CountingExtractor counting = new PersistedIndexTest.CountingExtractor();
        ReactorCodeIntel code = (ReactorCodeIntel) ReactorCodeIntel.open(root, CodeIntelOptions.defaults().withExtractor(counting));
        code.stats().block(TIMEOUT);
        assertThat(counting.calls).hasValue(1);

        StepVerifier.create(code.watchChanges(Duration.ofMillis(150)))
                .assertNext(started -> assertThat(started.extracted()).isZero())
                .then(() -> write(root.resolve("b.go"), "package a\n\nfunc Beta() {}\n"))
                .assertNext(result -> {
                    assertThat(result.added()).isEqualTo(1);
                    assertThat(result.unchanged()).isEqualTo(1);
                })
                .then(() -> {
                    try {
                        Files.createDirectories(root.resolve("sub/deeper"));
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                })
                .assertNext(result -> assertThat(result.extracted()).isZero())
                .then(() -> write(root.resolve("sub/deeper/c.go"), "package c\n\nfunc Gamma() {}\n"))
                .assertNext(result -> {
                    assertThat(result.added()).isEqualTo(1);
                    assertThat(result.stats().files()).isEqualTo(3);
                })
                .thenCancel()
                .verify(TIMEOUT);

        assertThat(counting.calls).hasValue(3);
        assertThat(code.searchSymbols(SymbolQuery.of("Gamma")).block(TIMEOUT).hits()).hasSize(1);
        assertThat(TreeWatcher.OPEN).hasValue(0);
        // closing the service wakes a thread blocked in poll: the loop is left at once
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (TreeWatcher.POLLING.get() != 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(TreeWatcher.POLLING).hasValue(0);
    }

    @Test
    void aNonPositiveDebounceIsRejected() {
        ReactorCodeIntel code = (ReactorCodeIntel) ReactorCodeIntel.open(root);
        StepVerifier.create(code.watch(Duration.ZERO)).expectError(InvalidArgumentException.class).verify(TIMEOUT);
        assertThat(TreeWatcher.OPEN).hasValue(0);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
