package io.agentfactory.sdk.reactor.faults;

import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.NO_HANG;
import static io.agentfactory.sdk.reactor.faults.CoordinatorUnderFault.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.daemon.DaemonClientOptions;
import io.agentfactory.sdk.reactor.daemon.ReactorDaemonClient;
import io.agentfactory.sdk.session.ChatSessionRequest;
import io.agentfactory.sdk.session.ReconnectSessionRequest;

/**
 * Hostile values from the caller: a token or scope with control characters or characters HTTP
 * cannot carry is refused when the options are built (never sent, never mangled, never echoed);
 * an id with control characters is refused before sending; any other id stays inside its one
 * path segment on every route; and the coordinator's credentials cannot reach the daemon, not
 * even over a pooled connection the two clients share.
 */
class HostileInputTest {

    /** C1 control characters: as much control characters as CR and LF, above the ASCII range. */
    private static final String NEL = "\u0085";
    private static final String CSI = "\u009B";

    @RegisterExtension
    static final CoordinatorUnderFault UNDER_FAULT = CoordinatorUnderFault.withPoolOf(1);

    private final FaultServer server = UNDER_FAULT.server();

    @ParameterizedTest(name = "token with {0}")
    @ValueSource(strings = {"\u0085", "\u009B", "\u0000", "\u007F", "\u001B"})
    void aTokenWithAControlCharacterIsRefusedWithoutEchoingIt(String control) {
        String token = "rsk_live_" + control + "0123456789";

        assertThatThrownBy(() -> CoordinatorClientOptions.builder(server.baseUrl()).token(token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token")
                .hasMessageContaining("control characters")
                .hasMessageNotContaining("rsk_");
    }

    @Test
    void scopesWithC1ControlCharactersAreRefused() {
        assertThatThrownBy(() -> CoordinatorClientOptions.builder(server.baseUrl()).orgScope("org" + NEL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Rensei-Org");
        assertThatThrownBy(() -> CoordinatorClientOptions.builder(server.baseUrl()).projectScope("prj" + CSI))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Rensei-Project");
    }

    @ParameterizedTest(name = "token with U+{0}")
    @ValueSource(strings = {"010A", "010D", "2028", "D83D"})
    void aTokenWithACharacterHttpCannotCarryIsRefusedRatherThanSentMangled(String codeUnit) {
        // Netty writes header values as ISO-8859-1: U+010A would go out as '?', a token nobody issued.
        String token = "rsk_live_" + (char) Integer.parseInt(codeUnit, 16) + "0123456789";

        assertThatThrownBy(() -> CoordinatorClientOptions.builder(server.baseUrl()).token(token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token")
                .hasMessageNotContaining("rsk_");
    }

    @Test
    void aScopeWithACharacterHttpCannotCarryIsRefused() {
        assertThatThrownBy(() -> CoordinatorClientOptions.builder(server.baseUrl()).orgScope("org-\u65E5\u672C"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Rensei-Org");
    }

    @ParameterizedTest(name = "id with U+{0}")
    @ValueSource(strings = {"0085", "009B", "0080", "009F"})
    void anIdWithAC1ControlCharacterIsRefusedBeforeSending(String codeUnit) {
        String id = "sess" + (char) Integer.parseInt(codeUnit, 16) + "1";
        ReactorCoordinatorClient client = UNDER_FAULT.client();

        StepVerifier.create(client.stopSession(id)).expectError(InvalidArgumentException.class).verify(NO_HANG);
        StepVerifier.create(client.getActivities(id, null)).expectError(InvalidArgumentException.class)
                .verify(NO_HANG);

        assertThat(server.requestCount()).isZero();
    }

    @Test
    void anyIdStaysInsideItsOnePathSegmentOnEveryRoute() {
        List<IdRoute> routes = idRoutes();
        server.answer(request -> Fault.json(request.uri().endsWith("detections")
                || request.uri().endsWith("contributions") || request.uri().endsWith("audit-chain") ? "[]" : "{}"));
        ReactorCoordinatorClient client = UNDER_FAULT.client();
        List<String> ids = hostileIds(new Random(20260507L), 300);

        for (int i = 0; i < ids.size(); i++) {
            IdRoute route = routes.get(i % routes.size());
            StepVerifier.create(route.call().apply(client, ids.get(i)))
                    .thenConsumeWhile(x -> true)
                    .expectComplete()
                    .verify(NO_HANG);
        }

        List<FaultServer.Request> requests = server.requests();
        assertThat(requests).hasSameSizeAs(ids);
        for (int i = 0; i < requests.size(); i++) {
            IdRoute route = routes.get(i % routes.size());
            String raw = requests.get(i).uri();
            assertThat(raw).as("raw target of id %s", ids.get(i))
                    .matches("[A-Za-z0-9\\-._~%/]+")
                    .doesNotContain("/./").doesNotContain("/../").doesNotEndWith("/.").doesNotEndWith("/..");
            assertThat(decodedSegments(raw)).as("segments of %s", raw)
                    .containsExactlyElementsOf(route.segmentsWith(ids.get(i)));
        }
    }

    @Test
    void theCoordinatorTokenNeverRidesAPooledConnectionToTheDaemon() {
        // One server plays both services, one pooled connection serves both clients in turn.
        server.answer(request -> Fault.json(request.method().equals("POST") ? "{\"ok\":true}" : "{}"));
        ReactorCoordinatorClient coordinator = UNDER_FAULT.client();
        TransportOptions shared = UNDER_FAULT.transport().build();

        try (ReactorDaemonClient daemon = ReactorDaemonClient.create(DaemonClientOptions.builder()
                .baseUrl(server.baseUrl()).transport(shared).build())) {
            StepVerifier.create(coordinator.getStats().then(daemon.getStatus()).then(coordinator.stopSession("s-1"))
                    .then(daemon.pause())).expectNextCount(1).expectComplete().verify(NO_HANG);
        }

        List<FaultServer.Request> requests = server.requests();
        assertThat(requests).extracting(FaultServer.Request::connection).as("one shared connection")
                .containsOnly(1);
        assertThat(requests).filteredOn(r -> r.uri().startsWith("/api/daemon/")).hasSize(2).allSatisfy(r -> {
            assertThat(r.header("Authorization")).isNull();
            assertThat(r.header("X-Rensei-Org")).isNull();
            assertThat(r.header("X-Rensei-Project")).isNull();
            assertThat(r.headers().toString()).doesNotContain(TOKEN);
        });
        assertThat(requests).filteredOn(r -> r.uri().startsWith("/api/public/")).hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN));
    }

    @Test
    void theDaemonClientOptionsHaveNoPlaceForACoordinatorCredential() {
        List<String> setters = Arrays.stream(DaemonClientOptions.Builder.class.getMethods())
                .map(Method::getName)
                .map(name -> name.toLowerCase(Locale.ROOT))
                .toList();

        assertThat(setters).noneMatch(name -> name.equals("token") || name.contains("scope")
                || name.contains("bearer") || name.contains("coordinator"));
    }

    /** An id-bearing coordinator route: how to call it, and the path segments it must arrive as. */
    private record IdRoute(BiFunction<ReactorCoordinatorClient, String, Mono<?>> call,
            Function<String, List<String>> segments) {

        List<String> segmentsWith(String id) {
            return segments.apply(id);
        }
    }

    private static List<IdRoute> idRoutes() {
        return List.of(
                new IdRoute(ReactorCoordinatorClient::getSessionDetail, id -> List.of("api", "public", "sessions", id)),
                new IdRoute(ReactorCoordinatorClient::stopSession, id -> List.of("api", "public", "sessions", id, "stop")),
                new IdRoute((c, id) -> c.chatSession(id, new ChatSessionRequest("hi")),
                        id -> List.of("api", "public", "sessions", id, "prompt")),
                new IdRoute((c, id) -> c.reconnectSession(id, new ReconnectSessionRequest(null, null)),
                        id -> List.of("api", "public", "sessions", id, "reconnect")),
                new IdRoute((c, id) -> c.getKitDetections(id).collectList(),
                        id -> List.of("api", "public", "sessions", id, "kit-detections")),
                new IdRoute((c, id) -> c.getKitContributions(id).collectList(),
                        id -> List.of("api", "public", "sessions", id, "kit-contributions")),
                new IdRoute((c, id) -> c.getAuditChain(id).collectList(),
                        id -> List.of("api", "public", "sessions", id, "audit-chain")),
                new IdRoute(ReactorCoordinatorClient::getAgent, id -> List.of("api", "agents", id)));
    }

    /** Ids made to break out of a segment: dot segments, separators, encodings of both, and noise. */
    private static List<String> hostileIds(Random random, int count) {
        List<String> ids = new ArrayList<>(List.of("..", ".", "../", "..%2F", "%2e%2e", "%2E%2E%2F", ".%2e",
                "..;", "..\\", "\\..\\x", "a/../b", "/", "//", "%2F", "%252F", "?", "#", "?x=1#y", "%00", "a%",
                "~", ".../...", "%", "+", "&a=b"));
        String[] pieces = {".", "..", "/", "\\", "%", "2e", "2E", "2f", "2F", "%25", "?", "#", ";", "&", "=", "+",
            " ", "a", "~", "@", ":", "\u00E9", "\u65E5", "\uD83D\uDE00", "%00", "-", "_"};
        while (ids.size() < count) {
            StringBuilder id = new StringBuilder();
            int length = 1 + random.nextInt(6);
            for (int i = 0; i < length; i++) {
                id.append(pieces[random.nextInt(pieces.length)]);
            }
            if (!id.toString().isBlank()) {
                ids.add(id.toString());
            }
        }
        return ids;
    }

    /** The path's segments, each percent-decoded as UTF-8 (strictly: a bad sequence fails the test). */
    private static List<String> decodedSegments(String path) {
        List<String> segments = new ArrayList<>();
        for (String raw : path.substring(1).split("/", -1)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '%') {
                    bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                else {
                    bytes.write(c);
                }
            }
            try {
                segments.add(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()))
                        .toString());
            }
            catch (CharacterCodingException e) {
                throw new AssertionError("segment " + raw + " is not percent-encoded UTF-8", e);
            }
        }
        return segments;
    }
}
