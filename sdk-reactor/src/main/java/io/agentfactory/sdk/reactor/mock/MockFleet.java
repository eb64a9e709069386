package io.agentfactory.sdk.reactor.mock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.agent.AgentCard;
import io.agentfactory.sdk.agent.AgentCardScope;
import io.agentfactory.sdk.agent.AgentCardToolSurface;
import io.agentfactory.sdk.agent.AgentWorkType;
import io.agentfactory.sdk.agent.AuthRequirement;
import io.agentfactory.sdk.agent.RuntimeKind;
import io.agentfactory.sdk.agent.RuntimePath;
import io.agentfactory.sdk.agent.TrustClaims;
import io.agentfactory.sdk.agent.TrustProvenanceInfo;
import io.agentfactory.sdk.audit.AuditChainEntry;
import io.agentfactory.sdk.coordinator.WhoAmIOrg;
import io.agentfactory.sdk.coordinator.WhoAmIProject;
import io.agentfactory.sdk.coordinator.WhoAmIResponse;
import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.fleet.MachineCapacity;
import io.agentfactory.sdk.fleet.MachineStats;
import io.agentfactory.sdk.fleet.ProviderCost;
import io.agentfactory.sdk.fleet.SandboxBillingModel;
import io.agentfactory.sdk.fleet.SandboxProviderStats;
import io.agentfactory.sdk.fleet.SandboxTransportModel;
import io.agentfactory.sdk.kit.KitContribution;
import io.agentfactory.sdk.kit.KitDetection;
import io.agentfactory.sdk.session.ActivityEvent;
import io.agentfactory.sdk.session.ActivityType;
import io.agentfactory.sdk.session.SessionStatus;
import io.agentfactory.sdk.workarea.WorkareaPoolMember;
import io.agentfactory.sdk.workarea.WorkareaPoolMemberStatus;
import io.agentfactory.sdk.workarea.WorkareaPoolStats;

/**
 * The mock's fixed data set: twelve sessions across every status with their activity scripts,
 * three machines, two sandbox providers, a workarea pool, agent cards for each work type. Every
 * value is derived from constants, so two mocks answer alike. Timestamps are relative to
 * {@link #NOW}.
 */
final class MockFleet {

    /** The instant the data set describes ("now" for every timestamp). */
    static final Instant NOW = Instant.parse("2025-05-01T10:00:00Z");

    /** One sample session and the activity it has produced (or will produce, while working). */
    record Session(String id, String identifier, SessionStatus status, String workType, String provider,
            @Nullable Double costUsd, int minutesAgo, int durationSeconds, String branch, String issueTitle,
            int inputTokens, int outputTokens, List<ActivityEvent> script, int visibleAtStart) {

        /** Whether the session's activity is still being produced (it plays out over time). */
        boolean playsOut() {
            return status.equals(SessionStatus.WORKING);
        }

        String startedAt() {
            return status.equals(SessionStatus.QUEUED) ? "" : at(minutesAgo);
        }
    }

    static final List<Session> SESSIONS = List.of(
            session("sess-001", "REN-101", SessionStatus.WORKING, "development", "anthropic", 0.84, 12,
                    "Add retry to the billing webhook", 18, 4),
            session("sess-002", "REN-102", SessionStatus.WORKING, "qa", "openai", 0.31, 7,
                    "Regression suite for checkout", 14, 3),
            session("sess-003", "REN-103", SessionStatus.WORKING, "research", "anthropic", 0.12, 3,
                    "Compare queue libraries", 10, 2),
            session("sess-004", "REN-104", SessionStatus.QUEUED, "development", "", null, 1,
                    "Upgrade to Java 21", 0, 0),
            session("sess-005", "REN-105", SessionStatus.QUEUED, "backlog-writing", "", null, 0,
                    "Split the onboarding epic", 0, 0),
            session("sess-006", "REN-106", SessionStatus.PARKED, "coordination", "anthropic", 0.05, 45,
                    "Wait for design review", 4, 4),
            session("sess-007", "REN-107", SessionStatus.COMPLETED, "development", "anthropic", 2.47, 180,
                    "Fix N+1 query on orders page", 16, 16),
            session("sess-008", "REN-108", SessionStatus.COMPLETED, "acceptance", "openai", 0.66, 240,
                    "Verify SSO login flow", 9, 9),
            session("sess-009", "REN-109", SessionStatus.COMPLETED, "qa", "google", 1.02, 300,
                    "Flaky test triage", 12, 12),
            session("sess-010", "REN-110", SessionStatus.FAILED, "development", "anthropic", 0.93, 95,
                    "Migrate cron jobs to queue", 8, 8),
            session("sess-011", "REN-111", SessionStatus.FAILED, "other", "openai", 0.18, 130,
                    "Rotate staging secrets", 5, 5),
            session("sess-012", "REN-112", SessionStatus.STOPPED, "research", "anthropic", 0.40, 60,
                    "Evaluate vector stores", 7, 7));

    static final List<MachineStats> MACHINES = List.of(
            new MachineStats("mac-eu-1", "eu-west-1", DaemonStatus.of("ready"), "1.8.2", 2,
                    new MachineCapacity(4, 2, 4096, 1, 1024), 86_400, at(0)),
            new MachineStats("mac-eu-2", "eu-west-1", DaemonStatus.of("ready"), "1.8.2", 1,
                    new MachineCapacity(4, 2, 4096, 1, 1024), 43_200, at(0)),
            new MachineStats("mac-us-1", "us-east-1", DaemonStatus.of("draining"), "1.8.1", 0,
                    new MachineCapacity(2, 0, 0, 0, 0), 3_600, at(2)));

    static final List<SandboxProviderStats> SANDBOX_PROVIDERS = List.of(
            new SandboxProviderStats("local", "Local daemon", SandboxTransportModel.of("dial-out"),
                    SandboxBillingModel.of("fixed"), 3, 0, 10, List.of("eu-west-1", "us-east-1"), false, true,
                    false, true, at(0)),
            new SandboxProviderStats("e2b", "E2B", SandboxTransportModel.of("dial-in"),
                    SandboxBillingModel.of("wall-clock"), 0, 1, 20, List.of("us-east-1"), true, true, false, true,
                    at(0)));

    static final WorkareaPoolStats WORKAREA_POOL = pool();

    static final List<AgentCard> AGENTS = AgentWorkType.values().stream().map(MockFleet::agent).toList();

    static final WhoAmIResponse WHO_AM_I = new WhoAmIResponse(new WhoAmIOrg("org-acme", "Acme Corp", "acme", "team"),
            List.of(new WhoAmIProject("prj-web", "Web", "web", true, "local", "core", "Core"),
                    new WhoAmIProject("prj-data", "Data", "data", false, "e2b", "data", "Data")),
            List.of("sessions:read", "sessions:write", "tasks:write", "fleet:read"));

    private MockFleet() {
    }

    /** The session with this id, or {@code null}. */
    static @Nullable Session session(String id) {
        for (Session s : SESSIONS) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }

    static String at(int minutesAgo) {
        return NOW.minusSeconds(60L * minutesAgo).toString();
    }

    static List<ProviderCost> providerCosts() {
        List<ProviderCost> out = new ArrayList<>();
        for (String provider : List.of("anthropic", "openai", "google")) {
            double cost = 0;
            int sessions = 0;
            for (Session s : SESSIONS) {
                if (s.provider().equals(provider)) {
                    sessions++;
                    cost += s.costUsd() == null ? 0 : s.costUsd();
                }
            }
            out.add(new ProviderCost(provider, round(cost), sessions));
        }
        return out;
    }

    static List<KitDetection> kitDetections(Session s) {
        if (!s.workType().equals("development") && !s.workType().equals("qa")) {
            return List.of(new KitDetection("docs/markdown", "0.4.0", false, 0.2, "no source tree", Map.of(), "scan"));
        }
        return List.of(
                new KitDetection("spring/java", "1.2.0", true, 0.94, "pom.xml with spring-boot parent",
                        Map.of("java", "21", "maven", "3.9"), "scan"),
                new KitDetection("node/pnpm", "2.0.1", false, 0.1, "no package.json", Map.of(), "scan"));
    }

    static List<KitContribution> kitContributions(Session s) {
        if (!s.workType().equals("development") && !s.workType().equals("qa")) {
            return List.of();
        }
        return List.of(new KitContribution("spring/java", "1.2.0",
                Map.of("build", "./mvnw -B verify", "test", "./mvnw -B test"), 3, 4, List.of("maven-docs"),
                List.of("java-style"), List.of("target"), s.startedAt()));
    }

    /** A hash-linked chain: session started, each tool action, and the end for a finished session. */
    static List<AuditChainEntry> auditChain(Session s) {
        List<AuditChainEntry> chain = new ArrayList<>();
        if (s.status().equals(SessionStatus.QUEUED)) {
            return chain;
        }
        List<String> kinds = new ArrayList<>();
        kinds.add("session.started");
        s.script().stream().filter(e -> e.type().equals(ActivityType.ACTION)).forEach(e -> kinds.add("tool.invoked"));
        if (s.status().isTerminal()) {
            kinds.add("session." + s.status().value());
        }
        String previous = "";
        for (int i = 0; i < kinds.size(); i++) {
            String hash = sha256(s.id() + "|" + (i + 1) + "|" + kinds.get(i) + "|" + previous);
            chain.add(new AuditChainEntry(i + 1, kinds.get(i), s.id(), "agent-" + s.workType(),
                    Map.of("identifier", s.identifier()), previous, hash, null, at(Math.max(0, s.minutesAgo() - i))));
            previous = hash;
        }
        return chain;
    }

    private static Session session(String id, String identifier, SessionStatus status, String workType,
            String provider, @Nullable Double cost, int minutesAgo, String title, int events, int visibleAtStart) {
        int duration = status.equals(SessionStatus.QUEUED) ? 0 : minutesAgo * 60;
        int input = cost == null ? 0 : (int) Math.round(cost * 40_000);
        String branch = status.equals(SessionStatus.QUEUED) ? "" : identifier.toLowerCase() + "-"
                + title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return new Session(id, identifier, status, workType, provider, cost, minutesAgo, duration, branch, title,
                input, input / 3, script(identifier, title, status, events), visibleAtStart);
    }

    /** A believable run: read the issue, explore, edit and test in turns, then the outcome. */
    private static List<ActivityEvent> script(String identifier, String title, SessionStatus status, int count) {
        List<ActivityEvent> events = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String id = "evt-" + String.format("%03d", n);
            String time = NOW.minusSeconds(60L * 60 * 3).plusSeconds(20L * n).toString();
            ActivityEvent event;
            if (n == 1) {
                event = new ActivityEvent(id, ActivityType.THOUGHT, "Reading " + identifier + ": " + title, null, time);
            }
            else if (n == count && status.equals(SessionStatus.FAILED)) {
                event = new ActivityEvent(id, ActivityType.ERROR, "Build failed after 3 attempts; giving up", null, time);
            }
            else if (n == count && status.equals(SessionStatus.STOPPED)) {
                event = new ActivityEvent(id, ActivityType.RESPONSE, "Stopped by operator", null, time);
            }
            else if (n == count && (status.isTerminal() || status.equals(SessionStatus.WORKING))) {
                event = new ActivityEvent(id, ActivityType.RESPONSE, "Opened pull request for " + identifier, null, time);
            }
            else if (n % 4 == 0) {
                event = new ActivityEvent(id, ActivityType.PROGRESS, "Step " + n / 4 + " done", null, time);
            }
            else if (n % 2 == 0) {
                event = new ActivityEvent(id, ActivityType.ACTION, n % 3 == 0 ? "./mvnw -B test" : "git diff --stat",
                        "bash", time);
            }
            else {
                event = new ActivityEvent(id, ActivityType.THOUGHT, "Considering the next change (" + n + ")", null,
                        time);
            }
            events.add(event);
        }
        return List.copyOf(events);
    }

    private static WorkareaPoolStats pool() {
        List<WorkareaPoolMember> members = List.of(
                new WorkareaPoolMember("wa-001", "github.com/acme/web", "main", "node20", WorkareaPoolMemberStatus.of("ready"),
                        "sha256:1f2e", "", at(600), at(30), 812),
                new WorkareaPoolMember("wa-002", "github.com/acme/web", "main", "node20",
                        WorkareaPoolMemberStatus.of("acquired"), "sha256:1f2e", "sess-001", at(590), at(12), 830),
                new WorkareaPoolMember("wa-003", "github.com/acme/billing", "main", "java21",
                        WorkareaPoolMemberStatus.of("warming"), "", "", at(2), "", 120),
                new WorkareaPoolMember("wa-004", "github.com/acme/billing", "release/2.3", "java21",
                        WorkareaPoolMemberStatus.of("invalid"), "sha256:9a0b", "", at(900), at(400), 1_020));
        long disk = members.stream().mapToLong(WorkareaPoolMember::diskUsageMb).sum();
        return new WorkareaPoolStats(members, 4, 1, 1, 1, 1, disk, at(0));
    }

    private static AgentCard agent(AgentWorkType workType) {
        String name = workType.value();
        return new AgentCard("agent-" + name, name + "-default", Character.toUpperCase(name.charAt(0))
                + name.substring(1).replace('-', ' ') + " agent", "System-seeded agent for " + name + " work", 1,
                AgentCardScope.of("system"), null, "system", null, null, null, List.of(), Map.of("a2a", Boolean.TRUE),
                List.of(new RuntimePath(RuntimeKind.of("native"), Map.of("entrypoint", "agent-" + name), 1)),
                List.of(new AuthRequirement("env", "ANTHROPIC_API_KEY", null, null)), List.of(),
                new TrustClaims("system", null, null, new TrustProvenanceInfo(null, null, "system", at(60 * 24 * 30)),
                        null),
                workType, new AgentCardToolSurface(List.of("git", "bash"), List.of()), null, at(60 * 24 * 30), null,
                List.of("seeded"));
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
