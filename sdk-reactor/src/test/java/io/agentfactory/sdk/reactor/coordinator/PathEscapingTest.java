package io.agentfactory.sdk.reactor.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.agent.AgentScopeQuery;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.reactor.testing.LoopbackClient;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.session.ChatSessionRequest;
import io.agentfactory.sdk.session.ReconnectSessionRequest;
import io.agentfactory.sdk.session.SessionHash;

/**
 * Ids travel as single path segments and query values arrive intact, whatever they contain
 * (sdk-api/CONTRACT.md §3): the server() sees the intended route, with the id as one segment that decodes
 * back to the id.
 */
class PathEscapingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final LoopbackClient<ReactorCoordinatorClient> loopback = LoopbackClient.of(Coordinators::withToken);

    private final ReactorCoordinatorClient client = loopback.client();

    private static RecordingServer server() {
        return loopback.server();
    }

    @ParameterizedTest(name = "id {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a/b             | a%2Fb",
        "../../stats     | ..%2F..%2Fstats",
        "..              | %2E%2E",
        ".               | %2E",
        "a?b=c           | a%3Fb%3Dc",
        "a#frag          | a%23frag",
        "100%            | 100%25",
        "%2F             | %252F",
        "\"with space\"  | with%20space",
        "a+b             | a%2Bb",
        "日本語          | %E6%97%A5%E6%9C%AC%E8%AA%9E",
        "émoji😀         | %C3%A9moji%F0%9F%98%80",
    })
    void aSessionIdIsOneEscapedSegment(String id, String encoded) {
        server().replyWith(Reply.json(CoordinatorWire.SESSION_DETAIL));

        client.getSessionDetail(id).block(WAIT);

        RecordedRequest request = server().onlyRequest();
        assertThat(request.path()).isEqualTo("/api/public/sessions/" + encoded);
        assertThat(segments(request.path())).containsExactly("api", "public", "sessions", id);
        assertThat(request.query()).isEmpty();
    }

    @Test
    void anIdCannotReachAnotherRouteOfTheSession() {
        server().replyWith(Reply.json(CoordinatorWire.STOP_SESSION));

        client.stopSession("sess-1/prompt?x=").block(WAIT);

        assertThat(segments(server().onlyRequest().path()))
                .containsExactly("api", "public", "sessions", "sess-1/prompt?x=", "stop");
    }

    @Test
    void everySessionSubRouteEscapesItsId() {
        String id = "a/b c";
        server().replyWith(request -> Reply.json(request.path().endsWith("audit-chain")
                || request.path().endsWith("detections") || request.path().endsWith("contributions") ? "[]"
                        : "{}"));

        client.getKitDetections(id).collectList().block(WAIT);
        client.getKitContributions(id).collectList().block(WAIT);
        client.getAuditChain(id).collectList().block(WAIT);
        client.stopSession(id).block(WAIT);
        client.chatSession(id, new ChatSessionRequest("hi")).block(WAIT);
        client.reconnectSession(id, new ReconnectSessionRequest(null, null)).block(WAIT);
        client.getAgent(id).onErrorResume(e -> Mono.empty()).block(WAIT);

        assertThat(server().requests()).extracting(RecordedRequest::path).containsExactly(
                "/api/public/sessions/a%2Fb%20c/kit-detections",
                "/api/public/sessions/a%2Fb%20c/kit-contributions",
                "/api/public/sessions/a%2Fb%20c/audit-chain",
                "/api/public/sessions/a%2Fb%20c/stop",
                "/api/public/sessions/a%2Fb%20c/prompt",
                "/api/public/sessions/a%2Fb%20c/reconnect",
                "/api/agents/a%2Fb%20c");
    }

    @Test
    void queryValuesWithReservedCharactersArriveIntact() {
        server().replyWith(Reply.json(CoordinatorWire.AGENT_LIST));
        String scope = "a&b=c";
        String org = "x+y z";
        String project = "p#1?";
        String workType = "100%/é";

        client.listAgents(new AgentScopeQuery(scope, org, project, workType)).collectList().block(WAIT);

        RecordedRequest request = server().onlyRequest();
        assertThat(request.path()).isEqualTo("/api/agents");
        assertThat(query(request.query())).containsExactly(
                Map.entry("scope", scope), Map.entry("orgId", org), Map.entry("projectId", project),
                Map.entry("workType", workType));
    }

    @Test
    void aProjectFilterWithReservedCharactersArrivesIntact() {
        server().replyWith(Reply.json(CoordinatorWire.SESSIONS));

        client.getSessionsFiltered("web&admin=1#top").block(WAIT);

        assertThat(server().onlyRequest().query()).isEqualTo("project=web%26admin%3D1%23top");
        assertThat(query(server().onlyRequest().query())).containsExactly(Map.entry("project", "web&admin=1#top"));
    }

    @Test
    void aMachineIdWithReservedCharactersArrivesIntact() {
        server().replyWith(Reply.json(CoordinatorWire.WORKAREA_POOL));

        client.getWorkareaPoolStats("mac 1&all=true").block(WAIT);

        assertThat(query(server().onlyRequest().query())).containsExactly(Map.entry("machine", "mac 1&all=true"));
    }

    @Test
    void activityQueryValuesArriveIntactWithTheHashOfTheRawId() {
        String id = "sess with spaces/and?odd#chars";
        server().replyWith(Reply.json(CoordinatorWire.ACTIVITIES));
        try (ReactorCoordinatorClient anonymous = Coordinators.anonymous(server())) {
            anonymous.getActivities(id, "c=1&d+2").block(WAIT);
        }

        RecordedRequest request = server().onlyRequest();
        assertThat(request.path()).isEqualTo("/api/public/session-activities");
        assertThat(query(request.query())).containsExactly(
                Map.entry("sessionId", id),
                Map.entry("sessionHash", "737149227cc8928559b758af1c7b36ce"),
                Map.entry("after", "c=1&d+2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void aBlankIdIsRefusedBeforeSending(String id) {
        assertThatThrownBy(() -> client.getSessionDetail(id).block(WAIT)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> client.getActivities(id, null).block(WAIT))
                .isInstanceOf(InvalidArgumentException.class);
        assertThat(server().requestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nb", "a\nb", "a\u0000b"})
    void anIdWithControlCharactersIsRefusedBeforeSending(String id) {
        assertThatThrownBy(() -> client.stopSession(id).block(WAIT)).isInstanceOf(InvalidArgumentException.class);
        assertThat(server().requestCount()).isZero();
    }

    @Test
    void theSessionHashOfEveryVectorIsSentWithoutAToken() {
        Map<String, String> vectors = new LinkedHashMap<>();
        vectors.put("linear-session-abc123", "0f043a06e2ad1353b14a0cb3f2f87f3d");
        vectors.put("7f1c2d3e-0000-4a5b-9c8d-112233445566", "4b4114ab1c31e0874055a825a123031f");
        vectors.put("sess with spaces/and?odd#chars", "737149227cc8928559b758af1c7b36ce");
        vectors.put("日本語セッション", "558bd8191afd62285d05e2681fb38741");
        server().replyWith(Reply.json(CoordinatorWire.ACTIVITIES));

        try (ReactorCoordinatorClient anonymous = Coordinators.anonymous(server())) {
            vectors.keySet().forEach(id -> anonymous.getActivities(id, null).block(WAIT));
        }

        assertThat(server().requests()).extracting(r -> query(r.query()).get("sessionHash"))
                .containsExactlyElementsOf(vectors.values());
        assertThat(SessionHash.of("")).isEqualTo("0bc8506e4d853e42389963d502c77e41");
    }

    /** The raw path's segments, each percent-decoded on its own (as a router does). */
    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.substring(1).split("/", -1)) {
            out.add(percentDecode(s));
        }
        return out;
    }

    /** A raw query's pairs, percent-decoded (no {@code +} as space: the SDK escapes {@code +}). */
    static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            out.put(percentDecode(pair.substring(0, eq)), percentDecode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String percentDecode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            }
            else {
                assertThat(c).as("raw character in %s", s).isLessThan((char) 0x80);
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
