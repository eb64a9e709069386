package io.agentfactory.sdk.reactor.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agentfactory.sdk.agent.AgentCard;
import io.agentfactory.sdk.agent.AgentScopeQuery;
import io.agentfactory.sdk.audit.AuditChainEntry;
import io.agentfactory.sdk.fleet.MachineStats;
import io.agentfactory.sdk.fleet.SandboxProviderStats;
import io.agentfactory.sdk.kit.KitContribution;
import io.agentfactory.sdk.kit.KitDetection;
import io.agentfactory.sdk.reactor.testing.LoopbackClient;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;
import io.agentfactory.sdk.session.ChatSessionRequest;
import io.agentfactory.sdk.session.ReconnectSessionRequest;
import io.agentfactory.sdk.session.SessionStatus;
import io.agentfactory.sdk.task.ForwardPromptRequest;
import io.agentfactory.sdk.task.StopAgentRequest;
import io.agentfactory.sdk.task.SubmitTaskRequest;

/**
 * Every coordinator route of sdk-api/CONTRACT.md §3 against a real loopback server(): the exact method, path,
 * query and body sent, and the answer decoded.
 */
class CoordinatorRoutesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final LoopbackClient<ReactorCoordinatorClient> loopback = LoopbackClient.of(Coordinators::withToken);

    private final ReactorCoordinatorClient client = loopback.client();

    private static RecordingServer server() {
        return loopback.server();
    }

    @Test
    void getStatsGetsPublicStats() {
        server().replyWith(Reply.json(CoordinatorWire.STATS));

        assertThat(client.getStats().block(WAIT).completedToday()).isEqualTo(17);
        assertSent("GET", "/api/public/stats", null);
    }

    @Test
    void getStatsV2GetsPublicStatsV2WithMachinesAndProvidersAtTopLevel() {
        server().replyWith(Reply.json(CoordinatorWire.STATS_V2));

        var stats = client.getStatsV2().block(WAIT);

        assertThat(stats.workersOnline()).isEqualTo(3);
        assertThat(stats.machines()).extracting(MachineStats::id).containsExactly("mac-1");
        assertThat(stats.providers()).singleElement().satisfies(p -> assertThat(p.sessions()).isEqualTo(9));
        assertSent("GET", "/api/public/stats/v2", null);
    }

    @Test
    void getSessionsGetsPublicSessionsWithoutQuery() {
        server().replyWith(Reply.json(CoordinatorWire.SESSIONS));

        var sessions = client.getSessions().block(WAIT);

        assertThat(sessions.sessions()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(SessionStatus.WORKING);
            assertThat(s.costUsd()).isEqualTo(0.42);
        });
        assertSent("GET", "/api/public/sessions", null);
    }

    @Test
    void getSessionsFilteredAddsTheProjectQuery() {
        server().replyWith(Reply.json(CoordinatorWire.SESSIONS));

        client.getSessionsFiltered("web-app").block(WAIT);

        assertSent("GET", "/api/public/sessions?project=web-app", null);
    }

    @Test
    void getSessionsFilteredWithAnEmptyProjectSendsNoQuery() {
        server().replyWith(Reply.json(CoordinatorWire.SESSIONS));

        client.getSessionsFiltered("").block(WAIT);

        assertSent("GET", "/api/public/sessions", null);
    }

    @Test
    void getSessionDetailGetsTheSessionById() {
        server().replyWith(Reply.json(CoordinatorWire.SESSION_DETAIL));

        var detail = client.getSessionDetail("sess-1").block(WAIT);

        assertThat(detail.session().branch()).isEqualTo("ren-101-fix");
        assertThat(detail.session().costUsd()).as("absent costUsd stays absent").isNull();
        assertSent("GET", "/api/public/sessions/sess-1", null);
    }

    @Test
    void getActivitiesWithATokenSendsSessionIdOnly() {
        server().replyWith(Reply.json(CoordinatorWire.ACTIVITIES));

        var page = client.getActivities("sess-1", null).block(WAIT);

        assertThat(page.cursor()).isEqualTo("c-1");
        assertThat(page.activities()).singleElement().satisfies(e -> assertThat(e.id()).isEqualTo("ev-1"));
        assertSent("GET", "/api/public/session-activities?sessionId=sess-1", null);
    }

    @Test
    void getActivitiesSendsTheAfterCursor() {
        server().replyWith(Reply.json(CoordinatorWire.ACTIVITIES));

        client.getActivities("sess-1", "c-41").block(WAIT);

        assertSent("GET", "/api/public/session-activities?sessionId=sess-1&after=c-41", null);
    }

    @Test
    void getActivitiesWithoutATokenAddsTheSessionHashOfTheVectors() {
        server().replyWith(Reply.json(CoordinatorWire.ACTIVITIES));
        try (ReactorCoordinatorClient anonymous = Coordinators.anonymous(server())) {
            anonymous.getActivities("linear-session-abc123", "c-1").block(WAIT);
        }

        assertSent("GET", "/api/public/session-activities?sessionId=linear-session-abc123"
                + "&sessionHash=0f043a06e2ad1353b14a0cb3f2f87f3d&after=c-1", null);
    }

    @Test
    void stopSessionPostsWithoutABody() {
        server().replyWith(Reply.json(CoordinatorWire.STOP_SESSION));

        var stopped = client.stopSession("sess-1").block(WAIT);

        assertThat(stopped.newStatus()).isEqualTo(SessionStatus.STOPPED);
        RecordedRequest request = assertSent("POST", "/api/public/sessions/sess-1/stop", "");
        assertThat(request.hasHeader("Content-Type")).isFalse();
    }

    @Test
    void chatSessionPostsThePrompt() {
        server().replyWith(Reply.json(CoordinatorWire.CHAT));

        var chat = client.chatSession("sess-1", new ChatSessionRequest("Add a test")).block(WAIT);

        assertThat(chat.promptId()).isEqualTo("p-1");
        assertSent("POST", "/api/public/sessions/sess-1/prompt", "{\"prompt\":\"Add a test\"}");
    }

    @Test
    void reconnectSessionPostsCursorAndLastEventIdWhenSet() {
        server().replyWith(Reply.json(CoordinatorWire.RECONNECT));

        var reconnected = client.reconnectSession("sess-1", new ReconnectSessionRequest("c-9", "ev-9")).block(WAIT);

        assertThat(reconnected.missedEvents()).isEqualTo(3);
        assertSent("POST", "/api/public/sessions/sess-1/reconnect", "{\"cursor\":\"c-9\",\"lastEventId\":\"ev-9\"}");
    }

    @Test
    void reconnectSessionLeavesOutUnsetFields() {
        server().replyWith(Reply.json(CoordinatorWire.RECONNECT));

        client.reconnectSession("sess-1", new ReconnectSessionRequest(null, null)).block(WAIT);

        assertSent("POST", "/api/public/sessions/sess-1/reconnect", "{}");
    }

    @Test
    void submitTaskPostsOnlyTheFieldsThatAreSet() {
        server().replyWith(Reply.json(CoordinatorWire.SUBMIT_TASK));

        var submitted = client.submitTask(new SubmitTaskRequest("REN-1", "", "", 0)).block(WAIT);

        assertThat(submitted.taskId()).isEqualTo("task-1");
        assertSent("POST", "/api/mcp/submit-task", "{\"issueId\":\"REN-1\"}");
    }

    @Test
    void stopAgentPostsTheTaskId() {
        server().replyWith(Reply.json(CoordinatorWire.STOP_AGENT));

        var stopped = client.stopAgent(new StopAgentRequest("task-1")).block(WAIT);

        assertThat(stopped.newStatus()).isEqualTo("stopped");
        assertSent("POST", "/api/mcp/stop-agent", "{\"taskId\":\"task-1\"}");
    }

    @Test
    void forwardPromptAlwaysWritesTaskIdAndMessage() {
        server().replyWith(Reply.json(CoordinatorWire.FORWARD_PROMPT));

        var forwarded = client.forwardPrompt(new ForwardPromptRequest("", "")).block(WAIT);

        assertThat(forwarded.forwarded()).isTrue();
        assertSent("POST", "/api/mcp/forward-prompt", "{\"taskId\":\"\",\"message\":\"\"}");
    }

    @Test
    void getCostReportGetsMcpCostReport() {
        server().replyWith(Reply.json(CoordinatorWire.COST_REPORT));

        assertThat(client.getCostReport().block(WAIT).totalCostUsd()).isEqualTo(123.45);
        assertSent("GET", "/api/mcp/cost-report", null);
    }

    @Test
    void listFleetGetsMcpListFleet() {
        server().replyWith(Reply.json(CoordinatorWire.LIST_FLEET));

        var fleet = client.listFleet().block(WAIT);

        assertThat(fleet.total()).isEqualTo(2);
        assertThat(fleet.sessions()).singleElement().satisfies(s -> assertThat(s.costUsd()).isNull());
        assertSent("GET", "/api/mcp/list-fleet", null);
    }

    @Test
    void whoAmIGetsCliWhoami() {
        server().replyWith(Reply.json(CoordinatorWire.WHO_AM_I));

        var me = client.whoAmI().block(WAIT);

        assertThat(me.org().slug()).isEqualTo("acme");
        assertThat(me.scopes()).containsExactly("sessions:read", "tasks:write");
        assertSent("GET", "/api/cli/whoami", null);
    }

    @Test
    void getMachineStatsStreamsTheBareArray() {
        server().replyWith(Reply.json(CoordinatorWire.MACHINES));

        List<MachineStats> machines = client.getMachineStats().collectList().block(WAIT);

        assertThat(machines).extracting(MachineStats::id).containsExactly("mac-1", "mac-2");
        assertSent("GET", "/api/public/machines", null);
    }

    @Test
    void getMachineStatsTreatsNullAsEmpty() {
        server().replyWith(Reply.json("null"));

        assertThat(client.getMachineStats().collectList().block(WAIT)).isEmpty();
    }

    @Test
    void getWorkareaPoolStatsWithoutMachineGetsTheAggregate() {
        server().replyWith(Reply.json(CoordinatorWire.WORKAREA_POOL));

        var pool = client.getWorkareaPoolStats("").block(WAIT);

        assertThat(pool.totalDiskUsageMb()).isEqualTo(512);
        assertSent("GET", "/api/public/workarea-pool", null);
    }

    @Test
    void getWorkareaPoolStatsAddsTheMachineQuery() {
        server().replyWith(Reply.json(CoordinatorWire.WORKAREA_POOL));

        client.getWorkareaPoolStats("mac-1").block(WAIT);

        assertSent("GET", "/api/public/workarea-pool?machine=mac-1", null);
    }

    @Test
    void getSandboxProviderStatsStreamsTheBareArray() {
        server().replyWith(Reply.json(CoordinatorWire.SANDBOX_PROVIDERS));

        List<SandboxProviderStats> providers = client.getSandboxProviderStats().collectList().block(WAIT);

        assertThat(providers).singleElement().satisfies(p -> assertThat(p.transportModel().value()).isEqualTo("dial-in"));
        assertSent("GET", "/api/public/sandbox-providers", null);
    }

    @Test
    void getKitDetectionsGetsTheSessionsDetections() {
        server().replyWith(Reply.json(CoordinatorWire.KIT_DETECTIONS));

        List<KitDetection> detections = client.getKitDetections("sess-1").collectList().block(WAIT);

        assertThat(detections).singleElement().satisfies(d -> assertThat(d.confidence()).isEqualTo(0.93));
        assertSent("GET", "/api/public/sessions/sess-1/kit-detections", null);
    }

    @Test
    void getKitContributionsGetsTheSessionsContributions() {
        server().replyWith(Reply.json(CoordinatorWire.KIT_CONTRIBUTIONS));

        List<KitContribution> contributions = client.getKitContributions("sess-1").collectList().block(WAIT);

        assertThat(contributions).singleElement()
                .satisfies(c -> assertThat(c.commands()).containsEntry("test", "./mvnw test"));
        assertSent("GET", "/api/public/sessions/sess-1/kit-contributions", null);
    }

    @Test
    void getAuditChainStreamsTheEntriesInOrder() {
        server().replyWith(Reply.json(CoordinatorWire.AUDIT_CHAIN));

        List<AuditChainEntry> chain = client.getAuditChain("sess-1").collectList().block(WAIT);

        assertThat(chain).extracting(AuditChainEntry::entryHash).containsExactly("h1", "h2");
        assertSent("GET", "/api/public/sessions/sess-1/audit-chain", null);
    }

    @Test
    void listAgentsWithAnEmptyScopeSendsNoQuery() {
        server().replyWith(Reply.json(CoordinatorWire.AGENT_LIST));

        List<AgentCard> agents = client.listAgents(new AgentScopeQuery("", "", "", "")).collectList().block(WAIT);

        assertThat(agents).extracting(AgentCard::name).containsExactly("Backend developer");
        assertSent("GET", "/api/agents", null);
    }

    @Test
    void listAgentsSendsEveryNonEmptyScopeField() {
        server().replyWith(Reply.json(CoordinatorWire.AGENT_LIST));

        client.listAgents(new AgentScopeQuery("project", "org-1", "prj-1", "qa")).collectList().block(WAIT);

        assertSent("GET", "/api/agents?scope=project&orgId=org-1&projectId=prj-1&workType=qa", null);
    }

    @Test
    void listAgentsSkipsEmptyScopeFields() {
        server().replyWith(Reply.json(CoordinatorWire.AGENT_LIST));

        client.listAgents(new AgentScopeQuery("", "org-1", "", "qa")).collectList().block(WAIT);

        assertSent("GET", "/api/agents?orgId=org-1&workType=qa", null);
    }

    @Test
    void getAgentAcceptsABareCard() {
        server().replyWith(Reply.json(CoordinatorWire.AGENT_CARD));

        AgentCard card = client.getAgent("agent-1").block(WAIT);

        assertThat(card.id()).isEqualTo("agent-1");
        assertThat(card.version()).isEqualTo(3);
        assertSent("GET", "/api/agents/agent-1", null);
    }

    @Test
    void getAgentAcceptsACardWrappedInAgent() {
        server().replyWith(Reply.json("{\"agent\":" + CoordinatorWire.AGENT_CARD + "}"));

        AgentCard card = client.getAgent("agent-1").block(WAIT);

        assertThat(card.id()).isEqualTo("agent-1");
        assertThat(card.tools().allow()).containsExactly("git");
    }

    /** Checks the one request the server() saw: method, raw URI (path and query) and body. */
    private static RecordedRequest assertSent(String method, String uri, String body) {
        RecordedRequest request = server().onlyRequest();
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.uri()).isEqualTo(uri);
        if (body == null) {
            assertThat(request.body()).as("GET body").isEmpty();
        }
        else {
            assertThat(request.bodyText()).isEqualTo(body);
            if (!body.isEmpty()) {
                assertThat(request.header("Content-Type")).isEqualTo("application/json");
                assertThat(request.header("Content-Length")).isEqualTo(String.valueOf(request.body().length));
            }
        }
        assertThat(request.header("Accept")).isEqualTo("application/json");
        return request;
    }
}
