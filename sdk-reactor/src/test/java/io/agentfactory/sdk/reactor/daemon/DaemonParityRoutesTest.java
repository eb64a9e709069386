package io.agentfactory.sdk.reactor.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agentfactory.sdk.daemon.DaemonSessionHandle;
import io.agentfactory.sdk.daemon.SeatBudgetStatus;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.workarea.WorkareaKind;
import io.agentfactory.sdk.workarea.WorkareaPoolStatus;
import io.agentfactory.sdk.workarea.WorkareaRepository;
import io.agentfactory.sdk.workarea.WorkareaRestoreRequest;
import io.agentfactory.sdk.workarea.WorkareaSummaryV1;

/**
 * The daemon routes of the newer upstream generation on the wire: {@code GET /api/daemon/sessions}
 * with its display metadata, the workarea/pool key pair of the stats, and the workareas V1
 * projection of list, inspect and restore.
 */
class DaemonParityRoutesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final DaemonUnderTest UNDER_TEST = DaemonUnderTest.withOptions(o -> o.controlToken(DaemonWire.CONTROL_TOKEN));

    private final RecordingServer server = UNDER_TEST.server();
    private final ReactorDaemonClient daemon = UNDER_TEST.client();

    static final String SESSIONS = """
            [{"agentCardId":"card-1","agentCardName":"Reviewer","sessionId":"sess-1","pid":4242,\
            "acceptedAt":"2026-06-13T14:00:00Z","state":"running","worktreePath":"/home/u/.donmai/worktrees/sess-1",\
            "workareaRoot":"/home/u/.donmai/worktrees/sess-1","projectName":"acme","repository":"github.com/acme/web",\
            "harness":"loop-driver","model":"model-id","modelProvider":"vendor","modelAuthor":"lab",\
            "endpointOperator":"operator","protocol":"messages","workType":"development","issueIdentifier":"ACME-7",\
            "seatBudget":{"mode":"enforced","cpus":2,"memoryMb":4096,"detail":"cgroup v2"}},\
            {"sessionId":"sess-old","pid":77,"acceptedAt":"2026-06-13T14:05:00Z","state":"starting"}]""";

    static final String WORKAREA_V1 = """
            {"id":"wa-1","kind":"active","providerId":"local","sessionId":"sess-1","status":"acquired",\
            "path":"/w/sess-1/web","workareaRoot":"/w/sess-1","repositoryWorktreePath":"/w/sess-1/web",\
            "repositories":[{"name":"web","leaf":"web","path":"/w/sess-1/web","role":"primary","authority":"session",\
            "requestedRef":"main","resolvedRef":"0123abc","sourceDigest":"d1","sparsePaths":["src","docs"]}],\
            "ref":"main","repository":"github.com/acme/web"}""";

    @Test
    void listSessionsGetsEveryHandleWithItsDisplayMetadata() {
        server.replyWith(Reply.json(SESSIONS));

        List<DaemonSessionHandle> sessions = daemon.listSessions().collectList().block(WAIT);

        assertGet(server.onlyRequest(), "/api/daemon/sessions");
        assertThat(sessions).containsExactly(
                new DaemonSessionHandle("card-1", "Reviewer", "sess-1", 4242, "2026-06-13T14:00:00Z", "running",
                        "/home/u/.donmai/worktrees/sess-1", "/home/u/.donmai/worktrees/sess-1", "acme",
                        "github.com/acme/web", "loop-driver", "model-id", "vendor", "lab", "operator", "messages",
                        "development", "ACME-7", new SeatBudgetStatus("enforced", 2, 4096, "cgroup v2")),
                new DaemonSessionHandle("", "", "sess-old", 77, "2026-06-13T14:05:00Z", "starting", "", "", "", "",
                        "", "", "", "", "", "", "", "", null));
    }

    @Test
    void listSessionsOfAnIdleDaemonIsEmptyForNullOrAnEmptyArray() {
        server.replyWith(Reply.json("null"));
        assertThat(daemon.listSessions().collectList().block(WAIT)).isEmpty();

        server.replyWith(Reply.json("[]"));
        assertThat(daemon.listSessions().collectList().block(WAIT)).isEmpty();
    }

    @Test
    void statsOfANewerDaemonReadTheWorkareaKeyIntoBothComponents() {
        server.replyWith(Reply.json("""
                {"capacity":{"maxConcurrentSessions":4},"activeSessions":1,"queueDepth":0,\
                "timestamp":"2026-05-07T10:00:00Z","workarea":{"members":[],"totalMembers":3,"readyMembers":3,\
                "acquiredMembers":0,"warmingMembers":0,"invalidMembers":0,"totalDiskUsageMb":10,\
                "timestamp":"2026-05-07T10:00:00Z"}}"""));

        var stats = daemon.getStats(true, false).block(WAIT);

        assertGet(server.onlyRequest(), "/api/daemon/stats?pool=true");
        assertThat(stats.pool()).isNotNull();
        assertThat(stats.pool().totalMembers()).isEqualTo(3);
        assertThat(stats.workarea()).isEqualTo(stats.pool());
    }

    @Test
    void listWorkareasV1DecodesRootsWorktreesAndLeavesAndProjectsToTheOriginalShape() {
        server.replyWith(Reply.json("{\"active\":[" + WORKAREA_V1 + "],\"archived\":[{\"id\":\"arch-1\","
                + "\"kind\":\"archived\",\"providerId\":\"local\",\"status\":\"archived\","
                + "\"createdAt\":\"2026-05-01T08:00:00Z\",\"sizeBytes\":2048}]}"));

        var list = daemon.listWorkareasV1().block(WAIT);

        assertGet(server.onlyRequest(), "/api/daemon/workareas");
        WorkareaSummaryV1 active = list.active().get(0);
        assertThat(active.workareaRoot()).isEqualTo("/w/sess-1");
        assertThat(active.repositoryWorktreePath()).isEqualTo("/w/sess-1/web");
        assertThat(active.repositories()).containsExactly(new WorkareaRepository("web", "web", "/w/sess-1/web",
                "primary", "session", "main", "0123abc", "d1", List.of("src", "docs")));
        assertThat(list.archived().get(0).createdAt()).isEqualTo(Instant.parse("2026-05-01T08:00:00Z"));
        var legacy = list.legacy();
        assertThat(legacy.active().get(0).id()).isEqualTo("wa-1");
        assertThat(legacy.archived().get(0).sizeBytes()).isEqualTo(2048);
        assertThat(WorkareaSummaryV1.upgrade(legacy.active().get(0)).workareaRoot()).isEmpty();
    }

    @Test
    void getWorkareaV1EscapesTheIdAndDecodesTheV1Fields() {
        server.replyWith(Reply.json("{\"workarea\":" + WORKAREA_V1 + "}"));

        var envelope = daemon.getWorkareaV1("wa 1/x").block(WAIT);

        assertGet(server.onlyRequest(), "/api/daemon/workareas/wa%201%2Fx");
        assertThat(envelope.workarea().kind()).isEqualTo(WorkareaKind.ACTIVE);
        assertThat(envelope.workarea().status()).isEqualTo(WorkareaPoolStatus.ACQUIRED);
        assertThat(envelope.workarea().repositories()).singleElement()
                .satisfies(leaf -> assertThat(leaf.sparsePaths()).containsExactly("src", "docs"));
        assertThat(envelope.workarea().legacy().path()).isEqualTo("/w/sess-1/web");
    }

    @Test
    void restoreWorkareaV1PostsTheRequestAndDecodesTheNewWorkarea() {
        server.replyWith(Reply.json(201, "{\"workarea\":" + WORKAREA_V1.replace("wa-1", "wa-restored") + "}"));

        var restored = daemon.restoreWorkareaV1("arch-1", new WorkareaRestoreRequest("investigation", "sess-9"))
                .block(WAIT);

        RecordedRequest request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/api/daemon/workareas/arch-1/restore");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + DaemonWire.CONTROL_TOKEN);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.bodyText()).isEqualTo("{\"reason\":\"investigation\",\"intoSessionId\":\"sess-9\"}");
        assertThat(restored.workarea().id()).isEqualTo("wa-restored");
        assertThat(restored.workarea().workareaRoot()).isEqualTo("/w/sess-1");
    }

    private static void assertGet(RecordedRequest request, String rawUri) {
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri()).isEqualTo(rawUri);
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.hasHeader("Authorization")).as("Authorization on a GET").isFalse();
        assertThat(request.body()).isEmpty();
    }
}
