package io.agentfactory.sdk.reactor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reactivestreams.Publisher;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.kit.KitInstallRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.workarea.EvictPoolRequest;
import io.agentfactory.sdk.workarea.WorkareaRestoreRequest;

/**
 * Client-side checks (sdk-api/CONTRACT.md §4): a bad argument is an {@link InvalidArgumentException}
 * signal, never a throw at call time, and the daemon sees no request at all.
 */
class DaemonValidationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @RegisterExtension
    static final DaemonUnderTest UNDER_TEST = DaemonUnderTest.withOptions(o -> o.controlToken(DaemonWire.CONTROL_TOKEN));

    private final RecordingServer server = UNDER_TEST.server();
    private final ReactorDaemonClient daemon = UNDER_TEST.client();

    @AfterEach
    void nothingWasSent() {
        assertThat(server.requestCount()).as("requests the daemon received").isZero();
    }

    static Stream<Arguments> callsWithABlankId() {
        return Stream.of(
                call("getProvider", c -> c.getProvider(" ")),
                call("getKit", c -> c.getKit("")),
                call("verifyKitSignature", c -> c.verifyKitSignature("\t")),
                call("installKit", c -> c.installKit(" ", KitInstallRequest.defaults())),
                call("enableKit", c -> c.enableKit("")),
                call("disableKit", c -> c.disableKit(" ")),
                call("enableKitSource", c -> c.enableKitSource("")),
                call("disableKitSource", c -> c.disableKitSource(" ")),
                call("getWorkarea", c -> c.getWorkarea("")),
                call("restoreWorkarea", c -> c.restoreWorkarea(" ", WorkareaRestoreRequest.defaults())),
                call("explainRouting", c -> c.explainRouting("")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callsWithABlankId")
    void aBlankIdIsRefusedBeforeSending(String route, Function<ReactorDaemonClient, Publisher<?>> call) {
        assertInvalid(call.apply(daemon), "id must not be blank");
    }

    @Test
    void anIdWithAControlCharacterIsRefusedBeforeSending() {
        assertInvalid(daemon.getWorkarea("ar-1\r\nX-Injected: 1"), "control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring/", "/java", "spring//java", "/"})
    void aKitIdWithAnEmptyPathSegmentIsRefusedBeforeSending(String id) {
        assertInvalid(daemon.enableKit(id), "empty path segment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void evictWithoutRepoUrlIsRefusedBeforeSending(String repoUrl) {
        assertInvalid(daemon.evictPool(new EvictPoolRequest(repoUrl, 3600)), "repoUrl is required");
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void evictWithoutAPositiveAgeIsRefusedBeforeSending(long olderThanSeconds) {
        assertInvalid(daemon.evictPool(new EvictPoolRequest("github.com/foo/bar", olderThanSeconds)),
                "olderThanSeconds must be > 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "ALLOWED-THIS-ONCE", "allowed-this-once "})
    void aTrustOverrideOtherThanAllowedThisOnceIsRefusedBeforeSending(String override) {
        assertInvalid(daemon.installKit("spring/java", new KitInstallRequest("", null, override)),
                "trustOverride must be \"allowed-this-once\"");
    }

    @Test
    void aNegativeDrainTimeoutIsRefusedBeforeSending() {
        assertInvalid(daemon.drain(-1), "timeoutSeconds must not be negative");
    }

    @Test
    void aBlankCapacityKeyIsRefusedBeforeSending() {
        assertInvalid(daemon.setCapacityConfig(" ", "80"), "key is required");
    }

    @Test
    void missingRequestObjectsAreRefusedBeforeSending() {
        assertInvalid(daemon.evictPool(null), "request is required");
        assertInvalid(daemon.installKit("spring/java", null), "request is required");
        assertInvalid(daemon.restoreWorkarea("ar-1", null), "request is required");
    }

    /** Calling returns normally; subscribing signals the error. */
    private static void assertInvalid(Publisher<?> call, String message) {
        StepVerifier.create(call)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(InvalidArgumentException.class)
                        .hasMessageContaining(message))
                .verify(TIMEOUT);
    }

    private static Arguments call(String route, Function<ReactorDaemonClient, Publisher<?>> call) {
        return Arguments.of(route, call);
    }
}
