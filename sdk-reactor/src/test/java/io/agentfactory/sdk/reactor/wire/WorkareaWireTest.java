package io.agentfactory.sdk.reactor.wire;

import static io.agentfactory.sdk.reactor.wire.Wire.assertEncodesBackTo;
import static io.agentfactory.sdk.reactor.wire.Wire.assertRoundTrip;
import static io.agentfactory.sdk.reactor.wire.Wire.decode;
import static io.agentfactory.sdk.reactor.wire.Wire.decodeFixture;
import static io.agentfactory.sdk.reactor.wire.Wire.encode;
import static io.agentfactory.sdk.reactor.wire.Wire.withString;
import static io.agentfactory.sdk.reactor.wire.Wire.withUnknownFieldsEverywhere;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.reactor.testing.Fixtures;
import io.agentfactory.sdk.workarea.EvictPoolRequest;
import io.agentfactory.sdk.workarea.EvictPoolResponse;
import io.agentfactory.sdk.workarea.ListWorkareasResponse;
import io.agentfactory.sdk.workarea.Workarea;
import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEnvelope;
import io.agentfactory.sdk.workarea.WorkareaDiffResult;
import io.agentfactory.sdk.workarea.WorkareaDiffStatus;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;
import io.agentfactory.sdk.workarea.WorkareaEnvelope;
import io.agentfactory.sdk.workarea.WorkareaKind;
import io.agentfactory.sdk.workarea.WorkareaPoolMember;
import io.agentfactory.sdk.workarea.WorkareaPoolMemberStatus;
import io.agentfactory.sdk.workarea.WorkareaPoolStats;
import io.agentfactory.sdk.workarea.WorkareaPoolStatus;
import io.agentfactory.sdk.workarea.WorkareaRestoreRequest;
import io.agentfactory.sdk.workarea.WorkareaRestoreResult;
import io.agentfactory.sdk.workarea.WorkareaSummary;
import tools.jackson.databind.JsonNode;

/**
 * The {@code io.agentfactory.sdk.workarea} types map the daemon's {@code /api/daemon/workareas*} and
 * {@code /api/daemon/pool/*} routes and the coordinator's workarea-pool route exactly.
 */
class WorkareaWireTest {

    private static final String ARCHIVE = "ar_01HZX1Q2R3S4T5V6W7X8Y9Z0A1";
    private static final String PROJECT = "proj_01HV9A1B2C3D4E5F6G7H8J9K0M";
    private static final String CHECKSUM = "sha256:60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    static final WorkareaPoolStats POOL = new WorkareaPoolStats(List.of(
            new WorkareaPoolMember("wa_pool_7c1e2f9a", "github.com/acme/robot-api",
                    "4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39", "node-20+java-17", WorkareaPoolMemberStatus.ACQUIRED,
                    "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                    "sess_01HZX3K9QF7T2M8V4B6N1C5D0E", "2026-05-13T08:02:11Z", "2026-05-14T15:58:03Z", 2314),
            new WorkareaPoolMember("wa_pool_3b8d4e6f", "github.com/acme/robot-api", "main", "node-20+java-17",
                    WorkareaPoolMemberStatus.READY, CHECKSUM, "sess_01HZWY2C8R5P0K3J9H7G4F1D6A", "2026-05-13T08:04:37Z",
                    "2026-05-14T13:20:46Z", 2298),
            new WorkareaPoolMember("wa_pool_a1f5c9d2", "github.com/acme/firmware", "release/2.4", "rust-1.78",
                    WorkareaPoolMemberStatus.WARMING,
                    "sha256:fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13",
                    "sess_01HZX4A6M2N8B5V3C1X9Z7L0K4", "2026-05-14T16:11:59Z", "2026-05-14T16:12:01Z", 612)),
            3, 1, 1, 1, 0, 5224, "2026-05-14T16:12:33Z");

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("workarea-pool-stats", WorkareaPoolStats.class),
                Arguments.of("list-workareas-response", ListWorkareasResponse.class),
                Arguments.of("workarea-envelope", WorkareaEnvelope.class),
                Arguments.of("workarea-restore-result", WorkareaRestoreResult.class),
                Arguments.of("workarea-diff-envelope", WorkareaDiffEnvelope.class),
                Arguments.of("evict-pool-response", EvictPoolResponse.class));
    }

    // --- every field of every response -------------------------------------------------------------

    @Test
    void poolStatsDecodeEveryField() {
        WorkareaPoolStats pool = decodeFixture("workarea-pool-stats", WorkareaPoolStats.class);

        assertThat(pool).isEqualTo(POOL);
        assertEncodesBackTo("workarea-pool-stats", pool);
    }

    @Test
    void theWorkareaListDecodesEveryActiveAndArchiveField() {
        ListWorkareasResponse list = decodeFixture("list-workareas-response", ListWorkareasResponse.class);

        assertThat(list).isEqualTo(new ListWorkareasResponse(
                List.of(new WorkareaSummary("wa_pool_7c1e2f9a", WorkareaKind.ACTIVE, "local-pool",
                        "sess_01HZX3K9QF7T2M8V4B6N1C5D0E", PROJECT, WorkareaPoolStatus.ACQUIRED,
                        "ren-1423-retry-webhook-deliveries", "github.com/acme/robot-api", null, 0, "", "",
                        Instant.parse("2026-05-14T15:58:03Z"), Instant.parse("2026-05-14T13:20:44.512Z"), 871)),
                List.of(new WorkareaSummary(ARCHIVE, WorkareaKind.ARCHIVED, "local-pool", "sess_01HZWY2C8R5P0K3J9H7G4F1D6A",
                        PROJECT, WorkareaPoolStatus.ARCHIVED, "ren-1419-flaky-login-test", "github.com/acme/robot-api",
                        Instant.parse("2026-05-14T14:06:52.733Z"), 219348211, "local-pool", "kept-for-review", null,
                        null, 0))));
        assertEncodesBackTo("list-workareas-response", list);
    }

    @Test
    void aWorkareaDecodesEveryField() {
        WorkareaEnvelope envelope = decodeFixture("workarea-envelope", WorkareaEnvelope.class);

        assertThat(envelope).isEqualTo(new WorkareaEnvelope(new Workarea(ARCHIVE, WorkareaKind.ARCHIVED, "local-pool",
                "sess_01HZWY2C8R5P0K3J9H7G4F1D6A", PROJECT, WorkareaPoolStatus.ARCHIVED,
                "/home/mark/.donmai/workareas/archive/" + ARCHIVE, "ren-1419-flaky-login-test",
                "github.com/acme/robot-api", CHECKSUM, Map.of("java", "17.0.11", "node", "20.12.2"), "exclusive",
                "pool-warm", Instant.parse("2026-05-14T13:20:46.125Z"), Instant.parse("2026-05-14T14:06:51.387Z"),
                "file:///home/mark/.donmai/workareas/archive/" + ARCHIVE + ".tar.zst", "sess_01HZWY2C8R5P0K3J9H7G4F1D6A",
                Map.of("v1", Map.of("files", 1843, "bytes", 219348211, "compression", "zstd",
                        "excluded", List.of("target", "node_modules"),
                        "gitHead", Map.of("branch", "ren-1419-flaky-login-test",
                                "commit", "1c9f3e7a5b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a", "dirty", false))))));
        assertEncodesBackTo("workarea-envelope", envelope);
    }

    @Test
    void aRestoreResultDecodesEveryField() {
        WorkareaRestoreResult restored = decodeFixture("workarea-restore-result", WorkareaRestoreResult.class);

        assertThat(restored).isEqualTo(new WorkareaRestoreResult(new Workarea("wa_pool_e4c2a9b7", WorkareaKind.ACTIVE,
                "local-pool", "sess_01HZX5B7C9D1E3F5G7H9J1K3M5", PROJECT, WorkareaPoolStatus.ACQUIRED,
                "/home/mark/.donmai/workareas/active/wa_pool_e4c2a9b7", "ren-1419-flaky-login-test",
                "github.com/acme/robot-api", CHECKSUM, Map.of("java", "17.0.11", "node", "20.12.2"), "exclusive", "cold",
                Instant.parse("2026-05-14T16:13:05Z"), null,
                "file:///home/mark/.donmai/workareas/archive/" + ARCHIVE + ".tar.zst", "sess_01HZX5B7C9D1E3F5G7H9J1K3M5",
                Map.of("restoredFrom", ARCHIVE, "reason", "re-run the flaky login test with more logging"))));
        assertEncodesBackTo("workarea-restore-result", restored);
    }

    @Test
    void theDiffEnvelopeDecodesEveryField() {
        WorkareaDiffEnvelope envelope = decodeFixture("workarea-diff-envelope", WorkareaDiffEnvelope.class);

        assertThat(envelope).isEqualTo(new WorkareaDiffEnvelope(new WorkareaDiffResult(
                new WorkareaDiffSummary(ARCHIVE, "ar_01HZX5C8D0E2F4G6H8J0K2M4N6", 1, 1, 2, 4),
                List.of(new WorkareaDiffEntry("src/main/java/com/acme/auth/LoginService.java",
                                WorkareaDiffStatus.MODIFIED, 8214, 8702, "0644", "0644",
                                "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                                "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9"),
                        new WorkareaDiffEntry("src/test/java/com/acme/auth/LoginFlakeTest.java",
                                WorkareaDiffStatus.REMOVED, 1932, 0, "0644", "",
                                "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592", ""),
                        new WorkareaDiffEntry("src/test/java/com/acme/auth/LoginServiceTest.java",
                                WorkareaDiffStatus.ADDED, 0, 4410, "", "0644", "",
                                "ef2d127de37b942baad06145e54b0c619a1f22327b2ebbcfbec78f5564afe39d"),
                        new WorkareaDiffEntry("tools/run-login-tests.sh", WorkareaDiffStatus.MODIFIED, 312, 377, "0644",
                                "0755", "b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c",
                                "7d865e959b2466918c9863afca942d0fb89d7c9ac0c99bafc3749504ded97730")))));
        assertEncodesBackTo("workarea-diff-envelope", envelope);
    }

    @Test
    void theStreamedDiffHoldsTheSameEntriesLineByLineAndTheSummaryLast() {
        WorkareaDiffResult diff = decodeFixture("workarea-diff-envelope", WorkareaDiffEnvelope.class).diff();
        List<String> lines = Fixtures.text("workarea-diff-stream.ndjson").lines().toList();

        List<WorkareaDiffEntry> entries = lines.subList(0, lines.size() - 1).stream()
                .map(line -> decode(line, WorkareaDiffEntry.class)).toList();
        JsonNode last = Wire.tree(lines.get(lines.size() - 1));

        assertThat(entries).isEqualTo(diff.entries());
        assertThat(last.propertyNames()).containsExactly("summary");
        assertThat(decode(last.get("summary").toString(), WorkareaDiffSummary.class)).isEqualTo(diff.summary());
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\n").isNotBlank());
    }

    @Test
    void anEvictionDecodesEveryField() {
        EvictPoolResponse evicted = decodeFixture("evict-pool-response", EvictPoolResponse.class);

        assertThat(evicted).isEqualTo(new EvictPoolResponse(2,
                "evicted 2 pool members of github.com/acme/robot-api older than 86400s",
                "corr_01HZX4F8G9H0J1K2M3N4P5Q6R7"));
        assertEncodesBackTo("evict-pool-response", evicted);
    }

    @Test
    void knownValuesDecodeToTheDeclaredConstants() {
        ListWorkareasResponse list = decodeFixture("list-workareas-response", ListWorkareasResponse.class);
        WorkareaDiffResult diff = decodeFixture("workarea-diff-envelope", WorkareaDiffEnvelope.class).diff();

        assertThat(list.active().get(0).kind()).isSameAs(WorkareaKind.ACTIVE);
        assertThat(list.active().get(0).status()).isSameAs(WorkareaPoolStatus.ACQUIRED);
        assertThat(list.archived().get(0).kind()).isSameAs(WorkareaKind.ARCHIVED);
        assertThat(list.archived().get(0).status()).isSameAs(WorkareaPoolStatus.ARCHIVED);
        assertThat(diff.entries()).extracting(WorkareaDiffEntry::status).containsExactly(WorkareaDiffStatus.MODIFIED,
                WorkareaDiffStatus.REMOVED, WorkareaDiffStatus.ADDED, WorkareaDiffStatus.MODIFIED);
        assertThat(POOL.members().get(0).status()).isSameAs(WorkareaPoolMemberStatus.ACQUIRED);
        assertThat(decodeFixture("workarea-pool-stats", WorkareaPoolStats.class).members().get(2).status())
                .isSameAs(WorkareaPoolMemberStatus.WARMING);
    }

    // --- forward compatibility ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void unknownFieldsAreIgnoredAtEveryDepth(String fixture, Class<?> type) {
        assertThat(decode(withUnknownFieldsEverywhere(fixture, "toolchain", "manifest"), type))
                .isEqualTo(decodeFixture(fixture, type));
    }

    static Stream<Arguments> enumFields() {
        return Stream.of(
                Arguments.of("workarea-pool-stats", "/members/0/status", "draining", WorkareaPoolStats.class),
                Arguments.of("list-workareas-response", "/active/0/kind", "ephemeral", ListWorkareasResponse.class),
                Arguments.of("list-workareas-response", "/active/0/status", "suspended", ListWorkareasResponse.class),
                Arguments.of("workarea-envelope", "/workarea/kind", "ephemeral", WorkareaEnvelope.class),
                Arguments.of("workarea-envelope", "/workarea/status", "suspended", WorkareaEnvelope.class),
                Arguments.of("workarea-diff-envelope", "/diff/entries/0/status", "renamed", WorkareaDiffEnvelope.class));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("enumFields")
    void anUnknownEnumStringSurvivesDecodeAndEncode(String fixture, String pointer, String value, Class<?> type) {
        assertRoundTrip(withString(fixture, pointer, value), type);
    }

    @Test
    void anUnknownDiffStatusIsKeptAndNotKnown() {
        WorkareaDiffEntry entry = decode("{\"path\":\"a\",\"status\":\"type-changed\"}", WorkareaDiffEntry.class);

        assertThat(entry.status().value()).isEqualTo("type-changed");
        assertThat(entry.status().isKnown()).isFalse();
    }

    // --- timestamps: time.Time is an RFC 3339 instant ----------------------------------------------

    @Test
    void workareaTimestampsAreInstantsWhateverTheOffset() {
        Workarea workarea = decode("{\"acquiredAt\":\"2026-05-14T06:20:46.125-07:00\","
                + "\"releasedAt\":\"2026-05-14T16:06:51.387654+02:00\"}", Workarea.class);
        WorkareaSummary summary = decode("{\"createdAt\":\"2026-05-14T14:06:52.7Z\","
                + "\"acquiredAt\":\"2026-05-14T05:30:00-09:30\",\"releasedAt\":\"2026-05-14T15:00:00+00:00\"}",
                WorkareaSummary.class);

        assertThat(workarea.acquiredAt()).isEqualTo(Instant.parse("2026-05-14T13:20:46.125Z"));
        assertThat(workarea.releasedAt()).isEqualTo(Instant.parse("2026-05-14T14:06:51.387654Z"));
        assertThat(summary.createdAt()).isEqualTo(Instant.parse("2026-05-14T14:06:52.700Z"));
        assertThat(summary.acquiredAt()).isEqualTo(Instant.parse("2026-05-14T15:00:00Z"));
        assertThat(summary.releasedAt()).isEqualTo(Instant.parse("2026-05-14T15:00:00Z"));
    }

    @Test
    void absentWorkareaTimestampsAreNullAndLeftOut() {
        Workarea workarea = decode("{\"id\":\"wa_1\",\"kind\":\"active\",\"providerId\":\"local-pool\",\"status\":\"ready\"}",
                Workarea.class);

        assertThat(workarea.acquiredAt()).isNull();
        assertThat(workarea.releasedAt()).isNull();
        assertThat(encode(workarea)).isEqualTo(
                "{\"id\":\"wa_1\",\"kind\":\"active\",\"providerId\":\"local-pool\",\"status\":\"ready\"}");
    }

    @Test
    void malformedStringTimestampsDoNotFailTheDecode() {
        WorkareaPoolStats pool = decode("{\"members\":[{\"createdAt\":\"\",\"lastAcquiredAt\":\"never\"}],"
                + "\"timestamp\":\"now\"}", WorkareaPoolStats.class);

        assertThat(pool.members().get(0).createdAt()).isEmpty();
        assertThat(pool.members().get(0).lastAcquiredAt()).isEqualTo("never");
        assertThat(pool.timestamp()).isEqualTo("now");
    }

    @Test
    void aTimeTypedFieldThatIsNotRfc3339FailsTheDecodeAsInGo() {
        assertThatThrownBy(() -> decode("{\"acquiredAt\":\"last week\"}", Workarea.class))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
    }

    // --- absent versus zero ------------------------------------------------------------------------

    @Test
    void emptyOptionalSummaryFieldsAreLeftOut() {
        WorkareaSummary bare = new WorkareaSummary("wa_1", WorkareaKind.ACTIVE, "local-pool", "", "",
                WorkareaPoolStatus.READY, "", "", null, 0, "", "", null, null, 0);

        assertThat(encode(bare)).isEqualTo(
                "{\"id\":\"wa_1\",\"kind\":\"active\",\"providerId\":\"local-pool\",\"status\":\"ready\"}");
    }

    @Test
    void addedEntriesCarryOnlyTheBSideAndRemovedOnlyTheASide() {
        WorkareaDiffResult diff = decodeFixture("workarea-diff-envelope", WorkareaDiffEnvelope.class).diff();

        assertThat(encode(diff.entries().get(1))).doesNotContain("sizeB", "modeB", "hashB");
        assertThat(encode(diff.entries().get(2))).doesNotContain("sizeA", "modeA", "hashA");
    }

    @Test
    void anEmptyDiffIsAnEmptyListAndZeroCounts() {
        WorkareaDiffEnvelope empty = decode("{\"diff\":{\"summary\":{\"workareaA\":\"ar_1\",\"workareaB\":\"ar_1\","
                + "\"added\":0,\"removed\":0,\"modified\":0,\"total\":0},\"entries\":null}}", WorkareaDiffEnvelope.class);

        assertThat(empty.diff().entries()).isEmpty();
        assertThat(empty.diff().summary()).isEqualTo(new WorkareaDiffSummary("ar_1", "ar_1", 0, 0, 0, 0));
    }

    @Test
    void zeroCountsOfThePoolAreWritten() {
        WorkareaPoolStats empty = decode("{}", WorkareaPoolStats.class);

        assertThat(encode(empty)).isEqualTo("{\"members\":[],\"totalMembers\":0,\"readyMembers\":0,"
                + "\"acquiredMembers\":0,\"warmingMembers\":0,\"invalidMembers\":0,\"totalDiskUsageMb\":0,"
                + "\"timestamp\":\"\"}");
    }

    @Test
    void largeSizesFitInLongs() {
        WorkareaSummary summary = decode("{\"sizeBytes\":5497558138880,\"ageSeconds\":3153600000}", WorkareaSummary.class);

        assertThat(summary.sizeBytes()).isEqualTo(5_497_558_138_880L);
        assertThat(summary.ageSeconds()).isEqualTo(3_153_600_000L);
    }

    // --- requests ----------------------------------------------------------------------------------

    @Test
    void aRestoreWithNothingSetPostsAnEmptyObject() {
        assertThat(encode(WorkareaRestoreRequest.defaults())).isEqualTo("{}");
    }

    @Test
    void aFullRestoreWritesReasonThenSession() {
        assertThat(encode(new WorkareaRestoreRequest("re-run the flaky login test", "sess_01HZX5B7C9D1E3F5G7H9J1K3M5")))
                .isEqualTo("{\"reason\":\"re-run the flaky login test\",\"intoSessionId\":\"sess_01HZX5B7C9D1E3F5G7H9J1K3M5\"}");
        assertThat(encode(new WorkareaRestoreRequest("", "sess_01HZX5B7C9D1E3F5G7H9J1K3M5")))
                .isEqualTo("{\"intoSessionId\":\"sess_01HZX5B7C9D1E3F5G7H9J1K3M5\"}");
    }

    @Test
    void anEvictionAlwaysWritesBothFields() {
        assertThat(encode(new EvictPoolRequest("github.com/acme/robot-api", 86400)))
                .isEqualTo("{\"repoUrl\":\"github.com/acme/robot-api\",\"olderThanSeconds\":86400}");
        assertThat(encode(new EvictPoolRequest("", 0))).isEqualTo("{\"repoUrl\":\"\",\"olderThanSeconds\":0}");
    }
}
