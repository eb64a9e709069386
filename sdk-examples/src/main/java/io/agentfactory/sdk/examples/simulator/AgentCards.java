package io.agentfactory.sdk.examples.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import io.agentfactory.sdk.agent.AgentCard;
import io.agentfactory.sdk.agent.AgentCardScope;
import io.agentfactory.sdk.agent.AgentCardToolSurface;
import io.agentfactory.sdk.agent.AgentWorkType;
import io.agentfactory.sdk.agent.AuthRequirement;
import io.agentfactory.sdk.agent.PartialRef;
import io.agentfactory.sdk.agent.RuntimeKind;
import io.agentfactory.sdk.agent.RuntimePath;
import io.agentfactory.sdk.agent.SubstrateRequirement;
import io.agentfactory.sdk.agent.TrustClaims;
import io.agentfactory.sdk.agent.TrustProvenanceInfo;

/**
 * The agent cards of {@code GET /api/agents}: system cards visible to everyone, one owned by the
 * org, two owned by projects, covering several runtime kinds. {@code GET /api/agents/<id>} answers
 * system cards bare and every other card wrapped as {@code {"agent": card}} — both shapes are valid
 * and a client must accept either.
 */
final class AgentCards {

    private final List<AgentCard> cards;

    AgentCards(Fleet fleet, SplittableRandom random, Instant epoch) {
        String imported = epoch.minus(Duration.ofDays(40)).toString();
        String published = epoch.minus(Duration.ofDays(30)).toString();
        String orgId = fleet.org.id();
        String apiProject = fleet.project("platform-api").id();
        String webProject = fleet.project("web-console").id();
        this.cards = List.of(
                new AgentCard(id(random), "backlog-writer", "Backlog writer",
                        "Turns an epic into small, testable Linear issues.", 3, AgentCardScope.of("system"), null,
                        "db:internal", null, null, null,
                        List.of(new PartialRef(SeededIds.prefixed("par_", random, 16), "issue-writing-guidelines", "system", 1)),
                        Ordered.map("readsCode", true, "writesCode", false, "createsIssues", true),
                        List.of(new RuntimePath(RuntimeKind.of("native"),
                                Ordered.map("providerId", "claude", "modelProfileId", "mp_sonnet"), null)),
                        List.of(new AuthRequirement("oauth", null, "linear", null)),
                        List.of(new SubstrateRequirement("workarea", Map.of("mode", "fresh"))),
                        new TrustClaims("system", null, null, new TrustProvenanceInfo(null, null, "system", imported), 0.92),
                        AgentWorkType.of("backlog-writing"),
                        new AgentCardToolSurface(List.of("Read", "Grep", "linear.createIssue"), List.of("Bash", "Edit")),
                        "mp_sonnet", published, null, List.of("planning", "linear")),
                new AgentCard(id(random), "qa-runner", "QA runner",
                        "Reproduces flaky tests and bisects the change that made them flaky.", 5,
                        AgentCardScope.of("system"), null, "db:internal", null, null, null, List.of(),
                        Ordered.map("readsCode", true, "writesCode", true),
                        List.of(new RuntimePath(RuntimeKind.of("native"), Map.of("providerId", "codex"), 1),
                                new RuntimePath(RuntimeKind.of("native"), Map.of("providerId", "claude"), 2)),
                        List.of(new AuthRequirement("none", null, null, null)),
                        List.of(new SubstrateRequirement("host-binary", Ordered.map("name", "git", "minVersion", "2.40")),
                                new SubstrateRequirement("long-running", Ordered.map("maxDurationSec", 5400, "suspendable", true))),
                        new TrustClaims("system", null, null, new TrustProvenanceInfo(null, null, "system", imported), null),
                        AgentWorkType.of("qa"), new AgentCardToolSurface(List.of("Read", "Edit", "Bash"), List.of()),
                        null, published, null, List.of("testing")),
                new AgentCard(id(random), "release-notes-writer", "Release notes writer",
                        "Drafts release notes from merged pull requests.", 2, AgentCardScope.of("org"), orgId,
                        "github:acme/agents", "acme/agents@v2.1.0", epoch.minus(Duration.ofHours(6)).toString(), 86_400,
                        List.of(), Map.of("readsCode", true),
                        List.of(new RuntimePath(RuntimeKind.of("npm"),
                                Ordered.map("package", "@acme/release-notes-agent", "versionSpec", "^2.1.0"), null)),
                        List.of(new AuthRequirement("api-key", "GITHUB_TOKEN", null, "vault://acme/github/release-bot")),
                        List.of(new SubstrateRequirement("network-egress", Map.of("hosts", List.of("api.github.com")))),
                        new TrustClaims("partner", "c2lnbmF0dXJlLW9mLXJlbGVhc2Utbm90ZXM=", "key_acme_2026",
                                new TrustProvenanceInfo("https://github.com/acme/agents/tree/main/release-notes",
                                        SeededIds.hex(random, 40), "user:ops@acme.example", imported), 0.81),
                        AgentWorkType.of("coordination"), new AgentCardToolSurface(List.of("Read", "github.*"), List.of("Bash")),
                        null, published, null, List.of("release")),
                new AgentCard(id(random), "api-migrator", "API migrator",
                        "Moves endpoints from the legacy router to the app router, one route at a time.", 7,
                        AgentCardScope.of("project"), apiProject, "kit:spring/java", "spring/java@3.2.0", null, null,
                        List.of(new PartialRef(SeededIds.prefixed("par_", random, 16), "platform-api-conventions", "project", 1),
                                new PartialRef(SeededIds.prefixed("par_", random, 16), "code-review-guidelines", "org", 2)),
                        Ordered.map("readsCode", true, "writesCode", true, "opensPullRequests", true),
                        List.of(new RuntimePath(RuntimeKind.of("mcp-server"),
                                        Ordered.map("transport", "stdio", "command", "api-migrator-mcp", "args", List.of("--strict")), 1),
                                new RuntimePath(RuntimeKind.of("native"), Map.of("providerId", "claude"), 2)),
                        List.of(new AuthRequirement("service-account", null, null, "vault://acme/platform/migrator")),
                        List.of(new SubstrateRequirement("workarea", Ordered.map("mode", "persistent", "sizeMB", 4096))),
                        new TrustClaims("partner", null, null, new TrustProvenanceInfo(null, null, "kit:spring/java", imported), 0.88),
                        AgentWorkType.of("development"),
                        new AgentCardToolSurface(List.of("Read", "Edit", "Bash", "Grep"), List.of("WebFetch")),
                        "mp_sonnet", published, null, List.of("migration", "java")),
                new AgentCard(id(random), "sandbox-researcher", "Sandbox researcher",
                        "Benchmarks sandbox providers through a partner agent.", 1, AgentCardScope.of("system"), null,
                        "a2a:partner.example", "https://agents.partner.example/a2a", null, null, List.of(), Map.of(),
                        List.of(new RuntimePath(RuntimeKind.of("a2a-protocol"),
                                Ordered.map("endpoint", "https://agents.partner.example/a2a",
                                        "skillsAdvertised", List.of("benchmark", "report")), null)),
                        List.of(new AuthRequirement("oauth", null, "partner", null)), List.of(),
                        new TrustClaims("community", null, null,
                                new TrustProvenanceInfo("https://agents.partner.example", null, "user:ops@acme.example", imported), 0.64),
                        AgentWorkType.of("research"), new AgentCardToolSurface(List.of(), List.of()),
                        null, published, epoch.minus(Duration.ofDays(2)).toString(), List.of("deprecated")),
                new AgentCard(id(random), "acceptance-checker", "Acceptance checker",
                        "Walks the acceptance criteria of an issue against a preview deployment.", 4,
                        AgentCardScope.of("project"), webProject, "tessl:acme/acceptance", "acme/acceptance@1.4.0", null, null,
                        List.of(), Map.of("readsCode", true),
                        List.of(new RuntimePath(RuntimeKind.of("langchain-runnable"),
                                Ordered.map("hubRef", "acme/acceptance-checker", "sdk", "python"), null)),
                        List.of(new AuthRequirement("api-key", "PREVIEW_TOKEN", null, null)),
                        List.of(new SubstrateRequirement("network-egress", Map.of("hosts", List.of("*.vercel.app")))),
                        new TrustClaims("community", null, null, new TrustProvenanceInfo(null, null, "tessl", imported), null),
                        AgentWorkType.of("acceptance"), new AgentCardToolSurface(List.of("Read", "browser.*"), List.of("Edit")),
                        null, null, null, List.of()));
    }

    private static String id(SplittableRandom random) {
        return SeededIds.prefixed("ag_", random, 20);
    }

    /** The cards matching every non-empty filter. */
    List<AgentCard> list(String scope, String orgId, String projectId, String workType) {
        return cards.stream()
                .filter(card -> scope.isEmpty() || card.scope().value().equals(scope))
                .filter(card -> orgId.isEmpty() || card.scope().value().equals("org") && orgId.equals(card.scopeOwnerId()))
                .filter(card -> projectId.isEmpty()
                        || card.scope().value().equals("project") && projectId.equals(card.scopeOwnerId()))
                .filter(card -> workType.isEmpty() || card.workType().value().equals(workType))
                .toList();
    }

    Optional<AgentCard> find(String id) {
        return cards.stream().filter(card -> card.id().equals(id)).findFirst();
    }
}
