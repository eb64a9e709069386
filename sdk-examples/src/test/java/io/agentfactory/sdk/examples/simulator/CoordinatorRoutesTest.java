package io.agentfactory.sdk.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.agentfactory.sdk.agent.AgentCard;
import io.agentfactory.sdk.agent.AgentListResponse;
import io.agentfactory.sdk.audit.AuditChainEntry;
import io.agentfactory.sdk.coordinator.WhoAmIResponse;
import io.agentfactory.sdk.fleet.CostReportResponse;
import io.agentfactory.sdk.fleet.ListFleetResponse;
import io.agentfactory.sdk.fleet.MachineStats;
import io.agentfactory.sdk.fleet.SandboxProviderStats;
import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.fleet.StatsResponseV2;
import io.agentfactory.sdk.kit.KitContribution;
import io.agentfactory.sdk.kit.KitDetection;
import io.agentfactory.sdk.session.ActivityListResponse;
import io.agentfactory.sdk.session.ChatSessionRequest;
import io.agentfactory.sdk.session.ChatSessionResponse;
import io.agentfactory.sdk.session.ReconnectSessionRequest;
import io.agentfactory.sdk.session.ReconnectSessionResponse;
import io.agentfactory.sdk.session.SessionDetailResponse;
import io.agentfactory.sdk.session.SessionHash;
import io.agentfactory.sdk.session.SessionResponse;
import io.agentfactory.sdk.session.SessionStatus;
import io.agentfactory.sdk.session.SessionsListResponse;
import io.agentfactory.sdk.session.StopSessionReceipt;
import io.agentfactory.sdk.session.StopSessionResponse;
import io.agentfactory.sdk.task.ForwardPromptRequest;
import io.agentfactory.sdk.task.ForwardPromptResponse;
import io.agentfactory.sdk.task.StopAgentRequest;
import io.agentfactory.sdk.task.StopAgentResponse;
import io.agentfactory.sdk.task.SubmitTaskRequest;
import io.agentfactory.sdk.task.SubmitTaskResponse;
import io.agentfactory.sdk.workarea.WorkareaPoolStats;

/** Every coordinator route answers the contract's shape (sdk-api/CONTRACT.md §3), decoded with the SDK's types. */
class CoordinatorRoutesTest extends FreshSimulatorPerTest {

    /** The statuses of the first upstream generation, all of which the fleet shows; newer ones it need not. */
    private static final List<SessionStatus> FIRST_GENERATION_STATUSES = List.of(SessionStatus.QUEUED,
            SessionStatus.PARKED, SessionStatus.WORKING, SessionStatus.COMPLETED, SessionStatus.FAILED,
            SessionStatus.STOPPED);

    @Test
    void statsCountWorkingAndQueuedSessions() {
        Http.Response response = coordinator.get("/api/public/stats");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        StatsResponse stats = response.as(StatsResponse.class);
        assertThat(stats.agentsWorking()).isEqualTo(3);
        assertThat(stats.queueDepth()).isEqualTo(2);
        assertThat(stats.workersOnline()).isEqualTo(3);
        assertThat(stats.totalCostAllTime()).isGreaterThan(stats.totalCostToday());
        assertThat(stats.timestamp()).isEqualTo("2026-05-14T09:00:00Z");
    }

    @Test
    void statsV2AreFlatWithMachinesAndProvidersBesideTheStats() {
        Http.Response response = coordinator.get("/api/public/stats/v2");

        assertThat(response.asMap()).containsKeys("agentsWorking", "queueDepth", "machines", "providers")
                .doesNotContainKey("StatsResponse");
        StatsResponseV2 stats = response.as(StatsResponseV2.class);
        assertThat(stats.machines()).extracting(MachineStats::id)
                .containsExactly("mac-studio-berlin", "linux-builder-01", "linux-builder-02");
        assertThat(stats.providers()).extracting(p -> p.provider()).contains("claude", "codex", "ollama");
    }

    @Test
    void sessionsListTwelveSessionsAcrossEveryStatus() {
        SessionsListResponse list = coordinator.get("/api/public/sessions").as(SessionsListResponse.class);

        assertThat(list.count()).isEqualTo(12);
        assertThat(list.sessions()).extracting(SessionResponse::identifier).startsWith("REN-121").endsWith("REN-132");
        assertThat(list.sessions()).extracting(SessionResponse::status).containsAll(FIRST_GENERATION_STATUSES);
    }

    @Test
    void costIsAbsentNotZeroWhenASessionHasNoCostData() {
        List<Object> sessions = listOfMaps(coordinator.get("/api/public/sessions").asMap().get("sessions"));

        Map<String, Object> queued = find(sessions, SimulatedIds.QUEUED_SESSION);
        Map<String, Object> localModel = find(sessions, SimulatedIds.COMPLETED_WITHOUT_COST_SESSION);
        Map<String, Object> completed = find(sessions, SimulatedIds.COMPLETED_SESSION);
        assertThat(queued).doesNotContainKeys("costUsd", "provider");
        assertThat(localModel).doesNotContainKey("costUsd").containsEntry("provider", "ollama");
        assertThat(completed).containsKey("costUsd");
    }

    @Test
    void sessionsFilterByProjectSlugOrId() {
        SessionsListResponse bySlug = coordinator.get("/api/public/sessions?project=web-console")
                .as(SessionsListResponse.class);
        WhoAmIResponse whoAmI = coordinator.get("/api/cli/whoami").as(WhoAmIResponse.class);
        String webConsoleId = whoAmI.projects().get(1).id();
        SessionsListResponse byId = coordinator.get("/api/public/sessions?project=" + webConsoleId)
                .as(SessionsListResponse.class);

        assertThat(bySlug.sessions()).extracting(SessionResponse::identifier).containsExactly("REN-124", "REN-126");
        assertThat(byId.sessions()).isEqualTo(bySlug.sessions());
        assertThat(coordinator.get("/api/public/sessions?project=nope").as(SessionsListResponse.class).count()).isZero();
    }

    @Test
    void sessionDetailCarriesTimelineBranchAndTokens() {
        String id = sim.sessionId(SimulatedIds.COMPLETED_SESSION);

        SessionDetailResponse detail = coordinator.get("/api/public/sessions/" + id).as(SessionDetailResponse.class);

        assertThat(detail.session().id()).isEqualTo(id);
        assertThat(detail.session().status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(detail.session().timeline().started()).isNotNull();
        assertThat(detail.session().timeline().completed()).isNotNull();
        assertThat(detail.session().branch()).startsWith("agent/ren-127-");
        assertThat(detail.session().inputTokens()).isPositive();
        assertThat(detail.session().duration()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /api/public/sessions/%s", "POST /api/public/sessions/%s/stop",
            "POST /api/public/sessions/%s/prompt", "POST /api/public/sessions/%s/reconnect",
            "GET /api/public/sessions/%s/kit-detections", "GET /api/public/sessions/%s/kit-contributions",
            "GET /api/public/sessions/%s/audit-chain"})
    void anUnknownSessionIs404WithAnErrorBody(String route) {
        String[] parts = route.split(" ");
        String path = String.format(parts[1], "no-such-session");
        Http.Response response = parts[0].equals("GET") ? coordinator.get(path)
                : coordinator.post(path, new ChatSessionRequest("hello"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.asMap()).containsEntry("error", "session not found: no-such-session");
    }

    @Test
    void stoppingAWorkingSessionStopsItOnce() {
        String id = sim.sessionId(SimulatedIds.WORKING_SESSION);

        StopSessionResponse first = coordinator.post("/api/public/sessions/" + id + "/stop").as(StopSessionResponse.class);
        StopSessionResponse second = coordinator.post("/api/public/sessions/" + id + "/stop").as(StopSessionResponse.class);

        assertThat(first).isEqualTo(new StopSessionResponse(true, id, SessionStatus.WORKING, SessionStatus.STOPPED,
                false, "", StopSessionReceipt.sessionStop(id, "stop:public:" + id, "1", SessionStatus.STOPPED, false)));
        // Stopping again replays the receipt of the one stop.
        assertThat(second).isEqualTo(new StopSessionResponse(false, id, SessionStatus.STOPPED, SessionStatus.STOPPED,
                false, "", StopSessionReceipt.sessionStop(id, "stop:public:" + id, "1", SessionStatus.STOPPED, true)));
    }

    @Test
    void aPromptReachesAWorkingSessionAndShowsInItsActivity() {
        String id = sim.sessionId(SimulatedIds.WORKING_SESSION);

        ChatSessionResponse response = coordinator.post("/api/public/sessions/" + id + "/prompt",
                new ChatSessionRequest("please also update the changelog")).as(ChatSessionResponse.class);

        assertThat(response.delivered()).isTrue();
        assertThat(response.promptId()).startsWith("prm_");
        assertThat(response.sessionStatus()).isEqualTo(SessionStatus.WORKING);
        assertThat(allActivity(id)).last().asString().contains("please also update the changelog");
    }

    @Test
    void aPromptToAnEndedSessionIsNotDelivered() {
        String id = sim.sessionId(SimulatedIds.COMPLETED_SESSION);

        ChatSessionResponse response = coordinator.post("/api/public/sessions/" + id + "/prompt",
                new ChatSessionRequest("too late")).as(ChatSessionResponse.class);

        assertThat(response.delivered()).isFalse();
        assertThat(response.sessionStatus()).isEqualTo(SessionStatus.COMPLETED);
    }

    @Test
    void aBlankPromptIs400() {
        String id = sim.sessionId(SimulatedIds.WORKING_SESSION);

        Http.Response response = coordinator.post("/api/public/sessions/" + id + "/prompt", new ChatSessionRequest(" "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.asMap()).containsEntry("error", "prompt is required");
    }

    @Test
    void reconnectCountsTheEventsMissedSinceTheCursor() {
        String id = sim.sessionId(SimulatedIds.COMPLETED_SESSION);
        ActivityListResponse first = coordinator.get(activities(id, null)).as(ActivityListResponse.class);
        int total = allActivity(id).size();

        ReconnectSessionResponse fromCursor = coordinator.post("/api/public/sessions/" + id + "/reconnect",
                new ReconnectSessionRequest(first.cursor(), null)).as(ReconnectSessionResponse.class);
        ReconnectSessionResponse fromEvent = coordinator.post("/api/public/sessions/" + id + "/reconnect",
                new ReconnectSessionRequest(null, first.activities().get(0).id())).as(ReconnectSessionResponse.class);
        ReconnectSessionResponse fromNothing = coordinator.post("/api/public/sessions/" + id + "/reconnect", "{}")
                .as(ReconnectSessionResponse.class);

        assertThat(fromCursor).isEqualTo(new ReconnectSessionResponse(true, id, SessionStatus.COMPLETED, total - 3));
        assertThat(fromEvent.missedEvents()).isEqualTo(total - 1);
        assertThat(fromNothing.missedEvents()).isEqualTo(total);
    }

    @Test
    void aSubmittedTaskBecomesAQueuedSession() {
        SubmitTaskResponse response = coordinator.post("/api/mcp/submit-task", new SubmitTaskRequest("REN-200", "", "", 0))
                .as(SubmitTaskResponse.class);

        assertThat(response.submitted()).isTrue();
        assertThat(response).extracting(SubmitTaskResponse::issueId, SubmitTaskResponse::status,
                SubmitTaskResponse::priority, SubmitTaskResponse::workType)
                .containsExactly("REN-200", "queued", 3, "development");
        assertThat(sim.session(response.taskId())).get().extracting(SessionResponse::identifier).isEqualTo("REN-200");
    }

    @Test
    void aTaskWithoutIssueIdIs400() {
        Http.Response response = coordinator.post("/api/mcp/submit-task", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.asMap()).containsEntry("error", "issueId is required");
    }

    @Test
    void stopAgentStopsTheTaskAndNamesItsIssue() {
        String id = sim.sessionId(SimulatedIds.FAILING_SESSION);

        StopAgentResponse response = coordinator.post("/api/mcp/stop-agent", new StopAgentRequest(id))
                .as(StopAgentResponse.class);

        assertThat(response).isEqualTo(new StopAgentResponse(true, id, "REN-123", "working", "stopped"));
        assertThat(coordinator.post("/api/mcp/stop-agent", new StopAgentRequest("nope")).status()).isEqualTo(404);
    }

    @Test
    void forwardPromptReachesTheTask() {
        String id = sim.sessionId(SimulatedIds.WORKING_SESSION);

        ForwardPromptResponse response = coordinator.post("/api/mcp/forward-prompt",
                new ForwardPromptRequest(id, "rebase on main")).as(ForwardPromptResponse.class);

        assertThat(response.forwarded()).isTrue();
        assertThat(response.issueId()).isEqualTo("REN-121");
        assertThat(response.sessionStatus()).isEqualTo("working");
        assertThat(coordinator.post("/api/mcp/forward-prompt", new ForwardPromptRequest(id, "")).status()).isEqualTo(400);
    }

    @Test
    void theCostReportSumsTheSessionsThatReportCost() {
        CostReportResponse report = coordinator.get("/api/mcp/cost-report").as(CostReportResponse.class);
        List<SessionResponse> sessions = sim.sessions();

        assertThat(report.totalSessions()).isEqualTo(12);
        assertThat(report.sessionsWithCostData()).isEqualTo((int) sessions.stream().filter(s -> s.costUsd() != null).count());
        assertThat(report.totalCostUsd()).isCloseTo(sessions.stream().filter(s -> s.costUsd() != null)
                .mapToDouble(SessionResponse::costUsd).sum(), org.assertj.core.data.Offset.offset(0.001));
        assertThat(report.totalInputTokens()).isPositive();
    }

    @Test
    void theFleetListingFiltersByStatusAndLimits() {
        ListFleetResponse all = coordinator.get("/api/mcp/list-fleet").as(ListFleetResponse.class);
        ListFleetResponse working = coordinator.get("/api/mcp/list-fleet?status=working,queued&limit=4")
                .as(ListFleetResponse.class);

        assertThat(all.total()).isEqualTo(12);
        assertThat(all.returned()).isEqualTo(12);
        assertThat(working.total()).isEqualTo(5);
        assertThat(working.returned()).isEqualTo(4);
        assertThat(working.sessions()).extracting(SessionResponse::status)
                .allMatch(s -> s.equals(SessionStatus.WORKING) || s.equals(SessionStatus.QUEUED));
    }

    @Test
    void whoAmINamesTheOrgAndItsProjects() {
        WhoAmIResponse whoAmI = coordinator.get("/api/cli/whoami").as(WhoAmIResponse.class);

        assertThat(whoAmI.org().slug()).isEqualTo("acme");
        assertThat(whoAmI.org().id()).startsWith("org_");
        assertThat(whoAmI.projects()).extracting(p -> p.slug()).containsExactly("platform-api", "web-console",
                "billing-service");
        assertThat(whoAmI.projects().get(0).isDefault()).isTrue();
        assertThat(whoAmI.scopes()).contains("sessions:read");
    }

    @Test
    void machinesAnswerABareArray() {
        Http.Response response = coordinator.get("/api/public/machines");

        assertThat(response.text()).startsWith("[");
        assertThat(Arrays.asList(response.as(MachineStats[].class))).extracting(MachineStats::activeSessions)
                .containsExactly(2, 1, 0);
    }

    @Test
    void theWorkareaPoolIsPerMachineOrTheAggregate() {
        WorkareaPoolStats all = coordinator.get("/api/public/workarea-pool").as(WorkareaPoolStats.class);
        WorkareaPoolStats berlin = coordinator.get("/api/public/workarea-pool?machine=mac-studio-berlin")
                .as(WorkareaPoolStats.class);

        assertThat(all.totalMembers()).isEqualTo(11);
        assertThat(berlin.totalMembers()).isEqualTo(berlin.members().size()).isEqualTo(5);
        assertThat(berlin.acquiredMembers()).isEqualTo(2);
        assertThat(berlin.totalDiskUsageMb()).isEqualTo(berlin.members().stream().mapToLong(m -> m.diskUsageMb()).sum());
        assertThat(coordinator.get("/api/public/workarea-pool?machine=nope").status()).isEqualTo(404);
    }

    @Test
    void sandboxProvidersAnswerABareArray() {
        SandboxProviderStats[] providers = coordinator.get("/api/public/sandbox-providers").as(SandboxProviderStats[].class);

        assertThat(providers).extracting(SandboxProviderStats::id).containsExactly("local", "e2b", "vercel", "a2a-partner");
        assertThat(providers[3].isA2ARemote()).isTrue();
        assertThat(providers[0].provisionedActive()).isEqualTo(3);
    }

    @Test
    void kitDetectionsAndContributionsOfAStartedSession() {
        String id = sim.sessionId(SimulatedIds.WORKING_SESSION);

        KitDetection[] detections = coordinator.get("/api/public/sessions/" + id + "/kit-detections")
                .as(KitDetection[].class);
        KitContribution[] contributions = coordinator.get("/api/public/sessions/" + id + "/kit-contributions")
                .as(KitContribution[].class);

        assertThat(detections).extracting(KitDetection::kitId).contains("spring/java");
        assertThat(detections[0].applies()).isTrue();
        assertThat(contributions).extracting(KitContribution::kitId).containsExactly("spring/java");
        assertThat(contributions[0].commands()).containsKeys("build", "test");
    }

    @Test
    void aSessionThatHasNotStartedAnswersNullForDetectionsAndContributions() {
        String id = sim.sessionId(SimulatedIds.QUEUED_SESSION);

        assertThat(coordinator.get("/api/public/sessions/" + id + "/kit-detections").text()).isEqualTo("null");
        assertThat(coordinator.get("/api/public/sessions/" + id + "/kit-contributions").text()).isEqualTo("null");
    }

    @Test
    void theAuditChainLinksEachEntryToThePreviousOne() {
        String id = sim.sessionId(SimulatedIds.COMPLETED_SESSION);

        AuditChainEntry[] chain = coordinator.get("/api/public/sessions/" + id + "/audit-chain").as(AuditChainEntry[].class);

        assertThat(chain).extracting(AuditChainEntry::eventKind).startsWith("session-accepted").endsWith("session-completed");
        assertThat(chain[0].previousHash()).isEqualTo("0".repeat(64));
        for (int i = 1; i < chain.length; i++) {
            assertThat(chain[i].sequence()).isEqualTo(i + 1);
            assertThat(chain[i].previousHash()).isEqualTo(chain[i - 1].entryHash());
        }
        assertThat(chain).filteredOn(entry -> entry.actorId().startsWith("daemon:"))
                .allMatch(entry -> entry.attestation() != null && entry.attestation().verified());
    }

    @Test
    void agentsFilterByScopeOwnerAndWorkType() {
        WhoAmIResponse whoAmI = coordinator.get("/api/cli/whoami").as(WhoAmIResponse.class);

        assertThat(agents("")).hasSize(6);
        assertThat(agents("?scope=system")).extracting(AgentCard::metadataId)
                .containsExactly("backlog-writer", "qa-runner", "sandbox-researcher");
        assertThat(agents("?orgId=" + whoAmI.org().id())).extracting(AgentCard::metadataId)
                .containsExactly("release-notes-writer");
        assertThat(agents("?projectId=" + whoAmI.projects().get(0).id())).extracting(AgentCard::metadataId)
                .containsExactly("api-migrator");
        assertThat(agents("?workType=qa")).extracting(AgentCard::metadataId).containsExactly("qa-runner");
    }

    @Test
    void anAgentCardIsBareForSystemCardsAndWrappedOtherwise() {
        AgentListResponse list = coordinator.get("/api/agents").as(AgentListResponse.class);
        AgentCard system = list.agents().get(0);
        AgentCard project = list.agents().get(3);

        assertThat(coordinator.get("/api/agents/" + system.id()).as(AgentCard.class)).isEqualTo(system);
        Http.Response wrapped = coordinator.get("/api/agents/" + project.id());
        assertThat(wrapped.asMap()).containsOnlyKeys("agent");
        assertThat(coordinator.get("/api/agents/ag_missing").status()).isEqualTo(404);
    }

    @Test
    void anUnknownPathIsAPlainText404() {
        Http.Response response = coordinator.get("/api/public/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.text()).isEqualTo("404 page not found\n");
    }

    private List<AgentCard> agents(String query) {
        AgentListResponse list = coordinator.get("/api/agents" + query).as(AgentListResponse.class);
        assertThat(list.count()).isEqualTo(list.agents().size());
        return list.agents();
    }

    private List<String> allActivity(String id) {
        List<String> contents = new java.util.ArrayList<>();
        String cursor = null;
        while (true) {
            ActivityListResponse page = coordinator.get(activities(id, cursor)).as(ActivityListResponse.class);
            page.activities().forEach(event -> contents.add(event.content()));
            if (page.cursor() == null) {
                return contents;
            }
            cursor = page.cursor();
        }
    }

    static String activities(String id, String cursor) {
        return "/api/public/session-activities?sessionId=" + id + "&sessionHash=" + SessionHash.of(id)
                + (cursor == null ? "" : "&after=" + cursor);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOfMaps(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(List<Object> sessions, String identifier) {
        return sessions.stream().map(s -> (Map<String, Object>) s).filter(s -> identifier.equals(s.get("identifier")))
                .findFirst().orElseThrow();
    }
}
