package io.agentfactory.sdk.reactor.wire;

import static io.agentfactory.sdk.reactor.wire.Wire.assertEncodesBackTo;
import static io.agentfactory.sdk.reactor.wire.Wire.assertRoundTrip;
import static io.agentfactory.sdk.reactor.wire.Wire.decode;
import static io.agentfactory.sdk.reactor.wire.Wire.decodeFixture;
import static io.agentfactory.sdk.reactor.wire.Wire.encode;
import static io.agentfactory.sdk.reactor.wire.Wire.tree;
import static io.agentfactory.sdk.reactor.wire.Wire.withString;
import static io.agentfactory.sdk.reactor.wire.Wire.withUnknownFieldsEverywhere;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.session.ActivityEvent;
import io.agentfactory.sdk.session.ActivityListResponse;
import io.agentfactory.sdk.session.ActivityType;
import io.agentfactory.sdk.session.ChatSessionRequest;
import io.agentfactory.sdk.session.ChatSessionResponse;
import io.agentfactory.sdk.session.ReconnectSessionRequest;
import io.agentfactory.sdk.session.ReconnectSessionResponse;
import io.agentfactory.sdk.session.SessionDetail;
import io.agentfactory.sdk.session.SessionDetailResponse;
import io.agentfactory.sdk.session.SessionResponse;
import io.agentfactory.sdk.session.SessionStatus;
import io.agentfactory.sdk.session.SessionTimeline;
import io.agentfactory.sdk.session.SessionsListResponse;
import io.agentfactory.sdk.session.StopSessionResponse;
import tools.jackson.databind.JsonNode;

/** The {@code io.agentfactory.sdk.session} types map the coordinator's session routes exactly. */
class SessionWireTest {

    private static final String WORKING_SESSION = "sess_01HZX3K9QF7T2M8V4B6N1C5D0E";

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("sessions-list-response", SessionsListResponse.class),
                Arguments.of("session-detail-response", SessionDetailResponse.class),
                Arguments.of("activity-list-response", ActivityListResponse.class),
                Arguments.of("stop-session-response", StopSessionResponse.class),
                Arguments.of("chat-session-response", ChatSessionResponse.class),
                Arguments.of("reconnect-session-response", ReconnectSessionResponse.class));
    }

    // --- every field of every response -------------------------------------------------------------

    @Test
    void sessionsListDecodesEveryField() {
        SessionsListResponse list = decodeFixture("sessions-list-response", SessionsListResponse.class);

        assertThat(list).isEqualTo(new SessionsListResponse(List.of(
                new SessionResponse(WORKING_SESSION, "REN-1423", SessionStatus.WORKING, "development",
                        "2026-05-14T15:58:02Z", 871, 1.37, "claude"),
                new SessionResponse("sess_01HZWY2C8R5P0K3J9H7G4F1D6A", "REN-1419", SessionStatus.COMPLETED, "qa",
                        "2026-05-14T13:20:45Z", 2764, 4.82, "codex"),
                new SessionResponse("sess_01HZX4A6M2N8B5V3C1X9Z7L0K4", "REN-1431", SessionStatus.QUEUED, "research",
                        "2026-05-14T16:11:58Z", 35, 0.02, "gemini")),
                3, "2026-05-14T16:12:33.481Z"));
        assertEncodesBackTo("sessions-list-response", list);
    }

    @Test
    void sessionDetailDecodesEveryField() {
        SessionDetailResponse detail = decodeFixture("session-detail-response", SessionDetailResponse.class);

        assertThat(detail).isEqualTo(new SessionDetailResponse(
                new SessionDetail(WORKING_SESSION, "REN-1423", SessionStatus.WORKING, "development",
                        "2026-05-14T15:58:02Z", 871,
                        new SessionTimeline("2026-05-14T15:57:41Z", "2026-05-14T15:57:42Z", "2026-05-14T15:58:02Z",
                                "2026-05-14T16:12:33Z"),
                        "claude", "ren-1423-retry-webhook-deliveries",
                        "Retry failed webhook deliveries with exponential backoff", 1.37, 412873, 28114),
                "2026-05-14T16:12:33.481Z"));
        assertEncodesBackTo("session-detail-response", detail);
    }

    @Test
    void activityPageDecodesEveryField() {
        ActivityListResponse page = decodeFixture("activity-list-response", ActivityListResponse.class);

        assertThat(page).isEqualTo(new ActivityListResponse(List.of(
                new ActivityEvent("evt_01HZX3KA1B2C3D4E5F6G7H8J9K", ActivityType.THOUGHT,
                        "The webhook dispatcher swallows 5xx responses; retries belong in DeliveryWorker.", null,
                        "2026-05-14T15:58:09Z"),
                new ActivityEvent("evt_01HZX3KB9M8N7P6Q5R4S3T2V1W", ActivityType.ACTION,
                        "Reading src/webhooks/DeliveryWorker.java", "Read", "2026-05-14T15:58:11Z"),
                new ActivityEvent("evt_01HZX3KC4X5Y6Z7A8B9C0D1E2F", ActivityType.PROGRESS,
                        "3 of 5 steps done: backoff policy, retry queue, metrics", null, "2026-05-14T16:04:52Z"),
                new ActivityEvent("evt_01HZX3KD7G8H9J0K1L2M3N4P5Q", ActivityType.ERROR,
                        "./mvnw -B verify failed: DeliveryWorkerTest.retriesThreeTimes expected 3 but was 4", "Bash",
                        "2026-05-14T16:09:17Z"),
                new ActivityEvent("evt_01HZX3KE2R3S4T5V6W7X8Y9Z0A", ActivityType.RESPONSE,
                        "Retries now back off exponentially (1s, 2s, 4s) and give up after three attempts.", null,
                        "2026-05-14T16:12:30Z")),
                "cur_01HZX3KE2R3S4T5V6W7X8Y9Z0A", SessionStatus.WORKING));
        assertEncodesBackTo("activity-list-response", page);
    }

    @Test
    void stopSessionDecodesEveryField() {
        StopSessionResponse stop = decodeFixture("stop-session-response", StopSessionResponse.class);

        assertThat(stop).isEqualTo(new StopSessionResponse(true, WORKING_SESSION, SessionStatus.WORKING,
                SessionStatus.STOPPED));
        assertEncodesBackTo("stop-session-response", stop);
    }

    @Test
    void chatSessionDecodesEveryField() {
        ChatSessionResponse chat = decodeFixture("chat-session-response", ChatSessionResponse.class);

        assertThat(chat).isEqualTo(new ChatSessionResponse(true, "prm_01HZX4C7D8E9F0G1H2J3K4M5N6", WORKING_SESSION,
                SessionStatus.WORKING));
        assertEncodesBackTo("chat-session-response", chat);
    }

    @Test
    void reconnectSessionDecodesEveryField() {
        ReconnectSessionResponse reconnect = decodeFixture("reconnect-session-response", ReconnectSessionResponse.class);

        assertThat(reconnect).isEqualTo(new ReconnectSessionResponse(true, WORKING_SESSION, SessionStatus.WORKING, 14));
        assertEncodesBackTo("reconnect-session-response", reconnect);
    }

    @Test
    void knownValuesDecodeToTheDeclaredConstants() {
        ActivityListResponse page = decodeFixture("activity-list-response", ActivityListResponse.class);
        StopSessionResponse stop = decodeFixture("stop-session-response", StopSessionResponse.class);

        assertThat(page.sessionStatus()).isSameAs(SessionStatus.WORKING);
        assertThat(page.activities()).extracting(ActivityEvent::type).containsExactly(ActivityType.THOUGHT,
                ActivityType.ACTION, ActivityType.PROGRESS, ActivityType.ERROR, ActivityType.RESPONSE);
        assertThat(page.activities().get(1).type()).isSameAs(ActivityType.ACTION);
        assertThat(stop.newStatus()).isSameAs(SessionStatus.STOPPED);
    }

    // --- forward compatibility ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void unknownFieldsAreIgnoredAtEveryDepth(String fixture, Class<?> type) {
        assertThat(decode(withUnknownFieldsEverywhere(fixture), type)).isEqualTo(decodeFixture(fixture, type));
    }

    static Stream<Arguments> enumFields() {
        return Stream.of(
                Arguments.of("sessions-list-response", "/sessions/0/status", SessionsListResponse.class),
                Arguments.of("session-detail-response", "/session/status", SessionDetailResponse.class),
                Arguments.of("activity-list-response", "/activities/1/type", ActivityListResponse.class),
                Arguments.of("activity-list-response", "/sessionStatus", ActivityListResponse.class),
                Arguments.of("stop-session-response", "/previousStatus", StopSessionResponse.class),
                Arguments.of("stop-session-response", "/newStatus", StopSessionResponse.class),
                Arguments.of("chat-session-response", "/sessionStatus", ChatSessionResponse.class),
                Arguments.of("reconnect-session-response", "/sessionStatus", ReconnectSessionResponse.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enumFields")
    void anUnknownEnumStringSurvivesDecodeAndEncode(String fixture, String pointer, Class<?> type) {
        assertRoundTrip(withString(fixture, pointer, "hibernating"), type);
    }

    @Test
    void anUnknownSessionStatusIsKeptAndNotKnown() {
        StopSessionResponse stop = decode(withString("stop-session-response", "/newStatus", "archived-by-policy"),
                StopSessionResponse.class);

        assertThat(stop.newStatus().value()).isEqualTo("archived-by-policy");
        assertThat(stop.newStatus().isKnown()).isFalse();
    }

    @Test
    void anUnknownActivityTypeIsKeptAndNotKnown() {
        ActivityListResponse page = decode(withString("activity-list-response", "/activities/0/type", "tool-result"),
                ActivityListResponse.class);

        assertThat(page.activities().get(0).type().value()).isEqualTo("tool-result");
        assertThat(page.activities().get(0).type().isKnown()).isFalse();
    }

    @Test
    void aNullStatusIsTheEmptyValueNotAnError() {
        SessionResponse session = decode("{\"id\":\"sess_1\",\"status\":null}", SessionResponse.class);

        assertThat(session.status().value()).isEmpty();
        assertThat(session.status().isKnown()).isFalse();
    }

    // --- absent versus zero ------------------------------------------------------------------------

    @Test
    void anAbsentCostIsNullNotZero() {
        SessionResponse session = decode("{\"id\":\"sess_1\",\"status\":\"queued\"}", SessionResponse.class);

        assertThat(session.costUsd()).isNull();
        assertThat(session.provider()).isNull();
    }

    @Test
    void aZeroCostIsZeroAndWrittenBack() {
        SessionResponse session = decode("{\"id\":\"sess_1\",\"costUsd\":0}", SessionResponse.class);

        JsonNode written = tree(encode(session)).get("costUsd");

        assertThat(session.costUsd()).isEqualTo(0.0);
        assertThat(written.isNumber()).isTrue();
        assertThat(written.asDouble()).isZero();
    }

    @Test
    void absentPointerFieldsAreLeftOutWhenWritten() {
        SessionResponse session = new SessionResponse("sess_1", "REN-1", SessionStatus.QUEUED, "qa", "", 0, null, null);

        assertThat(encode(session)).isEqualTo(
                "{\"id\":\"sess_1\",\"identifier\":\"REN-1\",\"status\":\"queued\",\"workType\":\"qa\",\"startedAt\":\"\",\"duration\":0}");
    }

    @Test
    void absentDetailFieldsAreNullAndAbsentObjectsEmpty() {
        SessionDetailResponse detail = decode("{\"session\":{\"id\":\"sess_1\",\"status\":\"queued\"}}",
                SessionDetailResponse.class);

        assertThat(detail.session().timeline()).isEqualTo(SessionTimeline.empty());
        assertThat(detail.session().provider()).isNull();
        assertThat(detail.session().branch()).isNull();
        assertThat(detail.session().issueTitle()).isNull();
        assertThat(detail.session().costUsd()).isNull();
        assertThat(detail.session().inputTokens()).isNull();
        assertThat(detail.session().outputTokens()).isNull();
        assertThat(decode("{}", SessionDetailResponse.class).session()).isEqualTo(SessionDetail.empty());
    }

    @Test
    void zeroTokenCountsAreKeptApartFromAbsentOnes() {
        SessionDetail detail = decode("{\"inputTokens\":0,\"outputTokens\":0,\"costUsd\":0.0}", SessionDetail.class);

        assertThat(detail.inputTokens()).isZero();
        assertThat(detail.outputTokens()).isZero();
        assertThat(encode(detail)).contains("\"costUsd\":0.0,\"inputTokens\":0,\"outputTokens\":0");
    }

    @Test
    void aPageWithoutCursorHasANullCursor() {
        ActivityListResponse page = decode("{\"activities\":[],\"sessionStatus\":\"completed\"}",
                ActivityListResponse.class);

        assertThat(page.cursor()).isNull();
        assertThat(page.sessionStatus()).isSameAs(SessionStatus.COMPLETED);
        assertThat(encode(page)).isEqualTo("{\"activities\":[],\"sessionStatus\":\"completed\"}");
    }

    @Test
    void aNullActivityListIsEmpty() {
        assertThat(decode("{\"activities\":null}", ActivityListResponse.class).activities()).isEmpty();
    }

    @Test
    void malformedStringTimestampsDoNotFailTheDecode() {
        String json = "{\"session\":{\"id\":\"sess_1\",\"startedAt\":\"yesterday-ish\",\"timeline\":{"
                + "\"created\":\"2026-13-45T99:99:99Z\",\"started\":\"\",\"completed\":\"not a time\"}},"
                + "\"timestamp\":\"14/05/2026 16:12\"}";

        SessionDetailResponse detail = decode(json, SessionDetailResponse.class);

        assertThat(detail.session().startedAt()).isEqualTo("yesterday-ish");
        assertThat(detail.session().timeline().created()).isEqualTo("2026-13-45T99:99:99Z");
        assertThat(detail.session().timeline().completed()).isEqualTo("not a time");
        assertThat(detail.timestamp()).isEqualTo("14/05/2026 16:12");
        assertThat(encode(detail)).contains("\"startedAt\":\"yesterday-ish\"", "\"completed\":\"not a time\"");
    }

    // --- requests ----------------------------------------------------------------------------------

    @Test
    void aChatPromptIsAlwaysWritten() {
        assertThat(encode(new ChatSessionRequest("Please also cover the 429 case.")))
                .isEqualTo("{\"prompt\":\"Please also cover the 429 case.\"}");
        assertThat(encode(new ChatSessionRequest(""))).isEqualTo("{\"prompt\":\"\"}");
    }

    @Test
    void aReconnectWithoutHintsPostsAnEmptyObject() {
        assertThat(encode(ReconnectSessionRequest.none())).isEqualTo("{}");
    }

    @Test
    void aReconnectWritesTheHintsItHas() {
        assertThat(encode(new ReconnectSessionRequest("cur_01HZX3KE2R3S4T5V6W7X8Y9Z0A", null)))
                .isEqualTo("{\"cursor\":\"cur_01HZX3KE2R3S4T5V6W7X8Y9Z0A\"}");
        assertThat(encode(new ReconnectSessionRequest(null, "evt_01HZX3KD7G8H9J0K1L2M3N4P5Q")))
                .isEqualTo("{\"lastEventId\":\"evt_01HZX3KD7G8H9J0K1L2M3N4P5Q\"}");
        assertThat(encode(new ReconnectSessionRequest("cur_01HZX3KE2R3S4T5V6W7X8Y9Z0A", "evt_01HZX3KD7G8H9J0K1L2M3N4P5Q")))
                .isEqualTo("{\"cursor\":\"cur_01HZX3KE2R3S4T5V6W7X8Y9Z0A\",\"lastEventId\":\"evt_01HZX3KD7G8H9J0K1L2M3N4P5Q\"}");
    }

    @Test
    void anEmptyCursorIsStillAHintAndWritten() {
        assertThat(encode(new ReconnectSessionRequest("", null))).isEqualTo("{\"cursor\":\"\"}");
    }
}
