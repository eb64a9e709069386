package io.agentfactory.sdk.reactor.wire;

import static io.agentfactory.sdk.reactor.wire.Wire.assertEncodesBackTo;
import static io.agentfactory.sdk.reactor.wire.Wire.assertRoundTrip;
import static io.agentfactory.sdk.reactor.wire.Wire.compactFixture;
import static io.agentfactory.sdk.reactor.wire.Wire.decode;
import static io.agentfactory.sdk.reactor.wire.Wire.decodeArray;
import static io.agentfactory.sdk.reactor.wire.Wire.decodeArrayFixture;
import static io.agentfactory.sdk.reactor.wire.Wire.decodeFixture;
import static io.agentfactory.sdk.reactor.wire.Wire.encode;
import static io.agentfactory.sdk.reactor.wire.Wire.withString;
import static io.agentfactory.sdk.reactor.wire.Wire.withUnknownFieldsEverywhere;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.fleet.CostReportRequest;
import io.agentfactory.sdk.fleet.CostReportResponse;
import io.agentfactory.sdk.fleet.ListFleetRequest;
import io.agentfactory.sdk.fleet.ListFleetResponse;
import io.agentfactory.sdk.fleet.MachineCapacity;
import io.agentfactory.sdk.fleet.MachineStats;
import io.agentfactory.sdk.fleet.ProviderCost;
import io.agentfactory.sdk.fleet.SandboxBillingModel;
import io.agentfactory.sdk.fleet.SandboxProviderStats;
import io.agentfactory.sdk.fleet.SandboxTransportModel;
import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.fleet.StatsResponseV2;
import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.session.SessionResponse;
import io.agentfactory.sdk.session.SessionStatus;

/** The {@code io.agentfactory.sdk.fleet} types map the coordinator's stats, cost, fleet and machine routes exactly. */
class FleetWireTest {

    static final MachineStats MAC_STUDIO = new MachineStats("mac-studio-marks-office", "home-network",
            DaemonStatus.READY, "0.11.2", 3, new MachineCapacity(4, 4, 8192, 2, 4096), 431877, "2026-05-14T16:12:30Z");

    static final MachineStats BUILD_BOX = new MachineStats("build-box-fra-02", "eu-central", DaemonStatus.DRAINING,
            "0.11.1", 1, new MachineCapacity(8, 2, 4096, 4, 8192), 1209611, "2026-05-14T16:12:27Z");

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("stats-response", StatsResponse.class),
                Arguments.of("stats-response-v2", StatsResponseV2.class),
                Arguments.of("cost-report-response", CostReportResponse.class),
                Arguments.of("list-fleet-response", ListFleetResponse.class));
    }

    static Stream<Arguments> arrayFixtures() {
        return Stream.of(
                Arguments.of("machine-stats-array", MachineStats.class),
                Arguments.of("sandbox-provider-stats-array", SandboxProviderStats.class));
    }

    // --- every field of every response -------------------------------------------------------------

    @Test
    void statsDecodeEveryField() {
        StatsResponse stats = decodeFixture("stats-response", StatsResponse.class);

        assertThat(stats).isEqualTo(new StatsResponse(7, 5, 12, 48, 9, 37.42, 18234.57, 61, "2026-05-14T16:12:33.481Z"));
        assertEncodesBackTo("stats-response", stats);
    }

    @Test
    void statsV2AreFlatAndDecodeEveryField() {
        StatsResponseV2 stats = decodeFixture("stats-response-v2", StatsResponseV2.class);

        assertThat(stats).isEqualTo(new StatsResponseV2(7, 5, 12, 48, 9, 37.42, 18234.57, 61,
                "2026-05-14T16:12:33.481Z", List.of(MAC_STUDIO, BUILD_BOX), List.of(
                        new ProviderCost("anthropic", 29.15, 41),
                        new ProviderCost("e2b", 6.84, 17),
                        new ProviderCost("vercel", 1.43, 3))));
        assertThat(stats.asStatsResponse()).isEqualTo(decodeFixture("stats-response", StatsResponse.class));
        assertEncodesBackTo("stats-response-v2", stats);
    }

    @Test
    void statsV2WithoutBreakdownsIsTheV1Document() {
        StatsResponseV2 stats = decodeFixture("stats-response", StatsResponseV2.class);

        assertThat(stats.machines()).isEmpty();
        assertThat(stats.providers()).isEmpty();
        assertEncodesBackTo("stats-response", stats);
    }

    @Test
    void costReportDecodesEveryField() {
        CostReportResponse report = decodeFixture("cost-report-response", CostReportResponse.class);

        assertThat(report).isEqualTo(new CostReportResponse(1284, 1190, 18234.57, 912345678, 84321987));
        assertEncodesBackTo("cost-report-response", report);
    }

    @Test
    void fleetListDecodesEveryField() {
        ListFleetResponse fleet = decodeFixture("list-fleet-response", ListFleetResponse.class);

        assertThat(fleet).isEqualTo(new ListFleetResponse(42, 2, List.of(
                new SessionResponse("sess_01HZX3K9QF7T2M8V4B6N1C5D0E", "REN-1423", SessionStatus.WORKING,
                        "development", "2026-05-14T15:58:02Z", 871, 1.37, "claude"),
                new SessionResponse("sess_01HZX2P4Q5R6S7T8V9W0X1Y2Z3", "REN-1408", SessionStatus.PARKED,
                        "backlog-writing", "2026-05-14T11:02:19Z", 5127, 2.19, "amp"))));
        assertEncodesBackTo("list-fleet-response", fleet);
    }

    @Test
    void machinesAreABareArrayAndDecodeEveryField() {
        List<MachineStats> machines = decodeArrayFixture("machine-stats-array", MachineStats.class);

        assertThat(machines).containsExactly(MAC_STUDIO, BUILD_BOX);
        assertThat(encode(machines)).isEqualTo(compactFixture("machine-stats-array"));
    }

    @Test
    void sandboxProvidersAreABareArrayAndDecodeEveryField() {
        List<SandboxProviderStats> providers = decodeArrayFixture("sandbox-provider-stats-array",
                SandboxProviderStats.class);

        assertThat(providers).containsExactly(
                new SandboxProviderStats("local", "Local daemon", SandboxTransportModel.DIAL_OUT,
                        SandboxBillingModel.FIXED, 4, 0, 12, List.of("home-network", "eu-central"), false, true, false,
                        true, "2026-05-14T16:12:31Z"),
                new SandboxProviderStats("e2b", "E2B", SandboxTransportModel.DIAL_IN, SandboxBillingModel.WALL_CLOCK, 9,
                        3, -1, List.of("*"), true, true, false, true, "2026-05-14T16:12:29Z"),
                new SandboxProviderStats("a2a:partner-labs", "Partner Labs (A2A)", SandboxTransportModel.EITHER,
                        SandboxBillingModel.INVOCATION, 1, 0, 5, List.of("us-east-1"), false, false, true, false,
                        "2026-05-14T16:11:02Z"));
        assertThat(encode(providers)).isEqualTo(compactFixture("sandbox-provider-stats-array"));
    }

    @Test
    void knownValuesDecodeToTheDeclaredConstants() {
        List<SandboxProviderStats> providers = decodeArrayFixture("sandbox-provider-stats-array",
                SandboxProviderStats.class);
        List<MachineStats> machines = decodeArrayFixture("machine-stats-array", MachineStats.class);

        assertThat(providers.get(0).transportModel()).isSameAs(SandboxTransportModel.DIAL_OUT);
        assertThat(providers.get(0).billingModel()).isSameAs(SandboxBillingModel.FIXED);
        assertThat(providers.get(1).transportModel()).isSameAs(SandboxTransportModel.DIAL_IN);
        assertThat(providers.get(2).billingModel()).isSameAs(SandboxBillingModel.INVOCATION);
        assertThat(machines.get(1).status()).isSameAs(DaemonStatus.DRAINING);
    }

    // --- bare arrays: null means empty -------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrayFixtures")
    void aNullBareArrayMeansEmpty(String fixture, Class<?> element) {
        List<?> decoded = decodeArray("null", element);

        // The codec gives Go's nil slice as Java null; Copies.list is the normalization every record applies.
        assertThat(decoded).isNull();
        assertThat(Copies.list(decoded)).isEmpty();
        assertThat(decodeArray("[]", element)).isEmpty();
    }

    @Test
    void aBareArrayDecodesThroughTheCodecsListType() {
        byte[] bytes = "[{\"id\":\"local\",\"regions\":null}]".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        List<SandboxProviderStats> decoded = JsonCodec.get().decode(bytes, 0, bytes.length,
                JsonCodec.get().listOf(SandboxProviderStats.class));

        assertThat(decoded).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("local");
            assertThat(p.regions()).isEmpty();
        });
    }

    @Test
    void anObjectWhereAnArrayBelongsIsAnError() {
        assertThatThrownBy(() -> decodeArray("{\"machines\":[]}", MachineStats.class))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
    }

    // --- forward compatibility ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void unknownFieldsAreIgnoredAtEveryDepth(String fixture, Class<?> type) {
        assertThat(decode(withUnknownFieldsEverywhere(fixture), type)).isEqualTo(decodeFixture(fixture, type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrayFixtures")
    void unknownFieldsInArrayElementsAreIgnored(String fixture, Class<?> element) {
        assertThat(decodeArray(withUnknownFieldsEverywhere(fixture), element))
                .isEqualTo(decodeArrayFixture(fixture, element));
    }

    static Stream<Arguments> enumFields() {
        return Stream.of(
                Arguments.of("stats-response-v2", "/machines/0/status", StatsResponseV2.class),
                Arguments.of("list-fleet-response", "/sessions/1/status", ListFleetResponse.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enumFields")
    void anUnknownEnumStringSurvivesDecodeAndEncode(String fixture, String pointer, Class<?> type) {
        assertRoundTrip(withString(fixture, pointer, "hibernating"), type);
    }

    @Test
    void unknownSandboxModelsAndMachineStatusesSurviveDecodeAndEncode() {
        String json = withString("sandbox-provider-stats-array", "/1/transportModel", "relay");
        json = Wire.compact(json).replace("\"wall-clock\"", "\"spot-priced\"");

        List<SandboxProviderStats> providers = decodeArray(json, SandboxProviderStats.class);

        assertThat(providers.get(1).transportModel().value()).isEqualTo("relay");
        assertThat(providers.get(1).transportModel().isKnown()).isFalse();
        assertThat(providers.get(1).billingModel().value()).isEqualTo("spot-priced");
        assertThat(providers.get(1).billingModel().isKnown()).isFalse();
        assertThat(encode(providers)).isEqualTo(json);

        String machines = withString("machine-stats-array", "/0/status", "hibernating");
        assertThat(decodeArray(machines, MachineStats.class).get(0).status().isKnown()).isFalse();
        assertThat(encode(decodeArray(machines, MachineStats.class))).isEqualTo(machines);
    }

    // --- absent versus zero ------------------------------------------------------------------------

    @Test
    void zeroCostsAreWrittenBecauseTheReferenceDoesNotOmitThem() {
        assertThat(encode(new ProviderCost("vercel", 0.0, 0))).isEqualTo("{\"provider\":\"vercel\",\"costUsd\":0.0,\"sessions\":0}");
    }

    @Test
    void emptyMachineCapacityLimitsAreLeftOut() {
        assertThat(encode(new MachineCapacity(4, 0, 0, 0, 0))).isEqualTo("{\"maxConcurrentSessions\":4}");
        assertThat(encode(MachineCapacity.empty())).isEqualTo("{\"maxConcurrentSessions\":0}");
    }

    @Test
    void anAbsentCapacityIsTheEmptyOne() {
        assertThat(decode("{\"id\":\"m1\"}", MachineStats.class).capacity()).isEqualTo(MachineCapacity.empty());
    }

    @Test
    void malformedStringTimestampsDoNotFailTheDecode() {
        StatsResponse stats = decode("{\"timestamp\":\"last tuesday\"}", StatsResponse.class);
        MachineStats machine = decode("{\"lastSeenAt\":\"0000-00-00\"}", MachineStats.class);

        assertThat(stats.timestamp()).isEqualTo("last tuesday");
        assertThat(machine.lastSeenAt()).isEqualTo("0000-00-00");
    }

    @Test
    void aNegativeMaxConcurrentMeansUnboundedAndIsKept() {
        assertThat(decodeArrayFixture("sandbox-provider-stats-array", SandboxProviderStats.class).get(1).maxConcurrent())
                .isEqualTo(-1);
    }

    // --- requests ----------------------------------------------------------------------------------

    @Test
    void aCostReportRequestWithoutTaskIsEmpty() {
        assertThat(encode(new CostReportRequest(""))).isEqualTo("{}");
    }

    @Test
    void aCostReportRequestForATaskNamesIt() {
        assertThat(encode(new CostReportRequest("task_01HZX4D1E2F3G4H5J6K7M8N9P0")))
                .isEqualTo("{\"taskId\":\"task_01HZX4D1E2F3G4H5J6K7M8N9P0\"}");
    }

    @Test
    void aFleetRequestWithoutFiltersIsEmpty() {
        assertThat(encode(new ListFleetRequest(List.of(), 0))).isEqualTo("{}");
        assertThat(encode(new ListFleetRequest(null, 0))).isEqualTo("{}");
    }

    @Test
    void aFleetRequestWritesStatusThenLimit() {
        assertThat(encode(new ListFleetRequest(List.of("working", "queued"), 25)))
                .isEqualTo("{\"status\":[\"working\",\"queued\"],\"limit\":25}");
        assertThat(encode(new ListFleetRequest(List.of(), 10))).isEqualTo("{\"limit\":10}");
    }
}
