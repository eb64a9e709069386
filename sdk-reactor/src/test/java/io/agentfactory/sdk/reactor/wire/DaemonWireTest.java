package io.agentfactory.sdk.reactor.wire;

import static io.agentfactory.sdk.reactor.wire.Wire.assertEncodesBackTo;
import static io.agentfactory.sdk.reactor.wire.Wire.assertRoundTrip;
import static io.agentfactory.sdk.reactor.wire.Wire.decode;
import static io.agentfactory.sdk.reactor.wire.Wire.decodeFixture;
import static io.agentfactory.sdk.reactor.wire.Wire.encode;
import static io.agentfactory.sdk.reactor.wire.Wire.withString;
import static io.agentfactory.sdk.reactor.wire.Wire.withUnknownFieldsEverywhere;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import io.agentfactory.sdk.daemon.DaemonActionResponse;
import io.agentfactory.sdk.daemon.DaemonDrainRequest;
import io.agentfactory.sdk.daemon.DaemonRegistrationStats;
import io.agentfactory.sdk.daemon.DaemonStatsResponse;
import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.daemon.DaemonStatusResponse;
import io.agentfactory.sdk.daemon.SetCapacityResponse;
import io.agentfactory.sdk.fleet.MachineCapacity;
import io.agentfactory.sdk.reactor.testing.Fixtures;

/** The {@code io.agentfactory.sdk.daemon} types map the daemon's {@code /api/daemon/*} control routes exactly. */
class DaemonWireTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("daemon-status-response", DaemonStatusResponse.class),
                Arguments.of("daemon-stats-response", DaemonStatsResponse.class),
                Arguments.of("daemon-action-response", DaemonActionResponse.class),
                Arguments.of("set-capacity-response", SetCapacityResponse.class));
    }

    // --- every field of every response -------------------------------------------------------------

    @Test
    void theStatusDecodesEveryField() {
        DaemonStatusResponse status = decodeFixture("daemon-status-response", DaemonStatusResponse.class);

        assertThat(status).isEqualTo(new DaemonStatusResponse(DaemonStatus.READY, "0.11.2", "mac-studio-marks-office",
                48213, 431877, 3, 4, 2, "2026-05-14T16:12:33Z"));
        assertEncodesBackTo("daemon-status-response", status);
    }

    @Test
    void theStatsDecodeEveryFieldWithPoolAndMachines() {
        DaemonStatsResponse stats = decodeFixture("daemon-stats-response", DaemonStatsResponse.class);

        assertThat(stats).isEqualTo(new DaemonStatsResponse(new MachineCapacity(4, 4, 8192, 2, 4096), 3, 2,
                WorkareaWireTest.POOL, List.of(FleetWireTest.MAC_STUDIO), "2026-05-14T16:12:33Z",
                "wrk_01HZ7T5V3W1X9Y7Z5A3B1C9D7E", new DaemonRegistrationStats("busy", "2026-05-14T16:12:20Z", true, true),
                List.of("github.com/acme/robot-api", "github.com/acme/firmware")));
        assertThat(stats.workarea()).isEqualTo(stats.pool());
        assertThat(encode(stats)).isEqualTo(withPoolAlsoAsWorkarea(Wire.compactFixture("daemon-stats-response")));
    }

    // --- the workarea / pool key pair (the daemon renamed the pool snapshot) -------------------------

    @Test
    void statsWithOnlyTheNewerWorkareaKeyFillPoolAndWriteBothKeys() {
        String older = Wire.compactFixture("daemon-stats-response");
        ObjectNode newer = (ObjectNode) Wire.tree(older);
        newer.set("workarea", newer.remove("pool"));

        DaemonStatsResponse stats = decode(newer.toString(), DaemonStatsResponse.class);

        assertThat(stats.pool()).isEqualTo(WorkareaWireTest.POOL);
        assertThat(stats.workarea()).isEqualTo(WorkareaWireTest.POOL);
        assertThat(stats.workareaCache()).contains(WorkareaWireTest.POOL);
        assertThat(encode(stats)).isEqualTo(withPoolAlsoAsWorkarea(older));
    }

    @Test
    void statsWithBothKeysRoundTripUnchanged() {
        assertRoundTrip(withPoolAlsoAsWorkarea(Wire.compactFixture("daemon-stats-response")), DaemonStatsResponse.class);
    }

    @Test
    void statsWithBothKeysThatDisagreeKeepEachAndPreferTheNewerOne() {
        DaemonStatsResponse stats = decode("{\"pool\":{\"totalMembers\":1},\"workarea\":{\"totalMembers\":2}}",
                DaemonStatsResponse.class);

        assertThat(stats.pool().totalMembers()).isEqualTo(1);
        assertThat(stats.workarea().totalMembers()).isEqualTo(2);
        assertThat(stats.workareaCache()).get().extracting(p -> p.totalMembers()).isEqualTo(2);
    }

    /** {@code json} with a copy of its {@code pool} object appended as {@code workarea}. */
    private static String withPoolAlsoAsWorkarea(String json) {
        ObjectNode root = (ObjectNode) Wire.tree(json);
        root.set("workarea", root.get("pool").deepCopy());
        return root.toString();
    }

    @Test
    void anActionDecodesEveryField() {
        DaemonActionResponse action = decodeFixture("daemon-action-response", DaemonActionResponse.class);

        assertThat(action).isEqualTo(new DaemonActionResponse(true,
                "daemon paused: in-flight sessions continue, no new sessions are accepted"));
        assertEncodesBackTo("daemon-action-response", action);
    }

    @Test
    void aCapacityChangeDecodesEveryField() {
        SetCapacityResponse set = decodeFixture("set-capacity-response", SetCapacityResponse.class);

        assertThat(set).isEqualTo(new SetCapacityResponse(true, "capacity.poolMaxDiskGb", "50",
                "capacity.poolMaxDiskGb set to 50 and written to /home/mark/.donmai/daemon.yaml"));
        assertEncodesBackTo("set-capacity-response", set);
    }

    @Test
    void aRefusedActionIsAnOrdinaryAnswerBody() {
        DaemonActionResponse refused = decode("{\"ok\":false,\"message\":\"daemon is draining; resume is not allowed\"}",
                DaemonActionResponse.class);

        assertThat(refused.ok()).isFalse();
        assertThat(refused.message()).isEqualTo("daemon is draining; resume is not allowed");
    }

    @Test
    void theRefusedActionFixtureIsAnActionResponseThatSaysNo() {
        DaemonActionResponse refused = decodeFixture("error-action-refused", DaemonActionResponse.class);

        assertThat(refused).isEqualTo(new DaemonActionResponse(false, "cannot resume: daemon is draining"));
        assertEncodesBackTo("error-action-refused", refused);
    }

    @Test
    void theStartingBodyCarriesAStatusTheDaemonStatusTypeDoesNotKnow() {
        var body = Wire.tree(Fixtures.text("error-daemon-starting"));

        assertThat(body.propertyNames()).containsExactly("error", "status");
        assertThat(DaemonStatus.of(body.get("status").asString()).isKnown()).isFalse();
        assertThat(Wire.tree(Fixtures.text("error-control-token")).get("error").asString())
                .isEqualTo("missing or invalid control token");
    }

    @Test
    void knownStatusesDecodeToTheDeclaredConstants() {
        for (DaemonStatus status : DaemonStatus.values()) {
            DaemonStatusResponse response = decode(withString("daemon-status-response", "/status", status.value()),
                    DaemonStatusResponse.class);

            assertThat(response.status()).isSameAs(status);
        }
    }

    // --- forward compatibility ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void unknownFieldsAreIgnoredAtEveryDepth(String fixture, Class<?> type) {
        assertThat(decode(withUnknownFieldsEverywhere(fixture), type)).isEqualTo(decodeFixture(fixture, type));
    }

    @Test
    void anUnknownDaemonStatusSurvivesDecodeAndEncode() {
        DaemonStatusResponse status = assertRoundTrip(withString("daemon-status-response", "/status", "starting"),
                DaemonStatusResponse.class);

        assertThat(status.status().value()).isEqualTo("starting");
        assertThat(status.status().isKnown()).isFalse();
    }

    @Test
    void anUnknownStatusInsideTheStatsSurvivesDecodeAndEncode() {
        for (String json : List.of(withString("daemon-stats-response", "/byMachine/0/status", "hibernating"),
                withString("daemon-stats-response", "/pool/members/1/status", "quarantined"))) {
            DaemonStatsResponse stats = decode(json, DaemonStatsResponse.class);
            // Written back unchanged, plus the pool under its newer key too.
            assertThat(encode(stats)).isEqualTo(withPoolAlsoAsWorkarea(Wire.compact(json)));
        }
    }

    // --- absent versus zero ------------------------------------------------------------------------

    @Test
    void statsWithoutPoolMachinesOrRegistrationLeaveThemOut() {
        DaemonStatsResponse stats = decode("{\"capacity\":{\"maxConcurrentSessions\":4},\"activeSessions\":0,"
                + "\"queueDepth\":0,\"timestamp\":\"2026-05-14T16:12:33Z\"}", DaemonStatsResponse.class);

        assertThat(stats.pool()).isNull();
        assertThat(stats.registration()).isNull();
        assertThat(stats.byMachine()).isEmpty();
        assertThat(stats.allowedProjects()).isEmpty();
        assertThat(stats.workerId()).isEmpty();
        assertThat(encode(stats)).isEqualTo("{\"capacity\":{\"maxConcurrentSessions\":4},\"activeSessions\":0,"
                + "\"queueDepth\":0,\"timestamp\":\"2026-05-14T16:12:33Z\"}");
    }

    @Test
    void anEmptyRegistrationIsPresentButWritesNoFields() {
        DaemonStatsResponse stats = decode("{\"registration\":{}}", DaemonStatsResponse.class);

        assertThat(stats.registration()).isEqualTo(new DaemonRegistrationStats("", "", false, false));
        assertThat(encode(stats)).contains("\"registration\":{}");
    }

    @Test
    void malformedStringTimestampsDoNotFailTheDecode() {
        DaemonStatsResponse stats = decode("{\"timestamp\":\"?\",\"registration\":{\"lastHeartbeatAt\":\"never\"}}",
                DaemonStatsResponse.class);

        assertThat(stats.timestamp()).isEqualTo("?");
        assertThat(stats.registration().lastHeartbeatAt()).isEqualTo("never");
    }

    // --- requests ----------------------------------------------------------------------------------

    @Test
    void aDrainWithTheDefaultTimeoutPostsAnEmptyObject() {
        assertThat(encode(new DaemonDrainRequest(0))).isEqualTo("{}");
    }

    @Test
    void aDrainWithATimeoutNamesIt() {
        assertThat(encode(new DaemonDrainRequest(30))).isEqualTo("{\"timeoutSeconds\":30}");
    }
}
