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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.agent.AgentCard;
import io.agentfactory.sdk.agent.AgentCardScope;
import io.agentfactory.sdk.agent.AgentCardToolSurface;
import io.agentfactory.sdk.agent.AgentListResponse;
import io.agentfactory.sdk.agent.AgentScopeQuery;
import io.agentfactory.sdk.agent.AgentWorkType;
import io.agentfactory.sdk.agent.AuthRequirement;
import io.agentfactory.sdk.agent.PartialRef;
import io.agentfactory.sdk.agent.RuntimeKind;
import io.agentfactory.sdk.agent.RuntimePath;
import io.agentfactory.sdk.agent.SubstrateRequirement;
import io.agentfactory.sdk.agent.TrustClaims;
import io.agentfactory.sdk.agent.TrustProvenanceInfo;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.reactor.testing.Fixtures;

/** The {@code io.agentfactory.sdk.agent} types map the coordinator's agent-card routes exactly. */
class AgentWireTest {

    static final AgentCard BACKLOG_WRITER = new AgentCard(
            "ag_01HZ9M2N4P6Q8R0S2T4V6W8X0Y",
            "backlog-writer",
            "Backlog Writer",
            "Turns rough feature requests into groomed, estimable Linear issues.",
            7,
            AgentCardScope.ORG,
            "org_01HV8Z6K2M4N6P8Q0R2S4T6V8W",
            "tessl:acme/backlog-writer",
            "acme/backlog-writer@1.6.0",
            "2026-05-14T06:00:00Z",
            86400,
            List.of(new PartialRef("par_01HZ8A1B2C3D4E5F6G7H8J9K0M", "issue-writing-guidelines", "org", 10),
                    new PartialRef("par_01HZ8B2C3D4E5F6G7H8J9K0M1N", "estimation-rubric", "project", 20)),
            Map.of("canWriteCode", false, "canCreateIssues", true, "canReadRepository", true),
            List.of(new RuntimePath(RuntimeKind.NATIVE, Map.of("providerId", "claude", "modelProfileId", "mp_balanced"), 1),
                    new RuntimePath(RuntimeKind.MCP_SERVER, Map.of(
                            "transport", "stdio",
                            "command", "npx",
                            "args", List.of("-y", "@acme/backlog-writer-mcp@1.6.0"),
                            "env", Map.of("LOG_LEVEL", "info", "RETRY", Map.of("attempts", 3, "backoffMs", 250))), 2)),
            List.of(new AuthRequirement("oauth", "LINEAR_API_KEY", "linear", "vault://acme/linear/backlog-writer")),
            List.of(new SubstrateRequirement("network-egress", Map.of("hosts", List.of("api.linear.app", "api.github.com"))),
                    new SubstrateRequirement("long-running", Map.of("maxDurationSec", 3600, "suspendable", true))),
            new TrustClaims("partner", "ed25519:q8Vb3nT6yZ1xW4mK7pL0sR9dF2gH5jC8aE3uI6oN1vB4=", "did:web:tessl.io#key-2",
                    new TrustProvenanceInfo("https://github.com/acme/agents/tree/main/backlog-writer",
                            "8c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d", "user_01HV8Z7A9B1C3D5E7F9G1H3J5K",
                            "2026-04-28T09:41:17Z"),
                    0.87),
            AgentWorkType.BACKLOG_WRITING,
            new AgentCardToolSurface(List.of("linear.createIssue", "linear.updateIssue", "github.readFile"),
                    List.of("bash", "github.push")),
            "mp_balanced",
            "2026-05-02T12:00:00Z",
            "2026-06-30T00:00:00Z",
            List.of("planning", "linear"));

    static final AgentCard QA_REVIEWER = new AgentCard(
            "ag_01HZ9N3P5Q7R9S1T3V5W7X9Y1Z",
            "qa-reviewer",
            "QA Reviewer",
            "Reviews pull requests against the acceptance criteria and runs the test suite.",
            3,
            AgentCardScope.SYSTEM,
            null,
            "db:internal",
            null,
            null,
            null,
            List.of(new PartialRef("par_01HZ8C3D4E5F6G7H8J9K0M1N2P", "code-review-guidelines", "system", null)),
            Map.of("canWriteCode", false, "canRunTests", true),
            List.of(new RuntimePath(RuntimeKind.NATIVE, Map.of("providerId", "codex"), null)),
            List.of(new AuthRequirement("none", null, null, null)),
            List.of(new SubstrateRequirement("workarea", Map.of("mode", "fresh", "sizeMB", 2048))),
            new TrustClaims("system", null, null, new TrustProvenanceInfo(null, null, "system", "2026-03-01T00:00:00Z"),
                    null),
            AgentWorkType.QA,
            new AgentCardToolSurface(List.of("bash", "github.readFile"), List.of("github.push")),
            null,
            "2026-03-01T00:00:00Z",
            null,
            List.of("review"));

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("agent-card", AgentCard.class),
                Arguments.of("agent-list-response", AgentListResponse.class));
    }

    // --- every field of every response -------------------------------------------------------------

    @Test
    void anAgentCardDecodesEveryField() {
        AgentCard card = decodeFixture("agent-card", AgentCard.class);

        assertThat(card).isEqualTo(BACKLOG_WRITER);
        assertEncodesBackTo("agent-card", card);
    }

    @Test
    void theEnvelopedCardIsTheSameCard() {
        var envelope = tree(Fixtures.text("agent-card-envelope"));

        AgentCard card = JsonCodec.get().mapper().treeToValue(envelope.get("agent"), AgentCard.class);

        assertThat(envelope.propertyNames()).containsExactly("agent");
        assertThat(card).isEqualTo(BACKLOG_WRITER);
    }

    @Test
    void theAgentListDecodesEveryFieldAndAbsentOptionalsAsNull() {
        AgentListResponse list = decodeFixture("agent-list-response", AgentListResponse.class);

        assertThat(list).isEqualTo(new AgentListResponse(List.of(BACKLOG_WRITER, QA_REVIEWER), 2,
                "2026-05-14T16:12:33.481Z"));
        assertEncodesBackTo("agent-list-response", list);
    }

    @Test
    void knownValuesDecodeToTheDeclaredConstants() {
        AgentCard card = decodeFixture("agent-card", AgentCard.class);

        assertThat(card.scope()).isSameAs(AgentCardScope.ORG);
        assertThat(card.workType()).isSameAs(AgentWorkType.BACKLOG_WRITING);
        assertThat(card.runtimes().get(0).kind()).isSameAs(RuntimeKind.NATIVE);
        assertThat(card.runtimes().get(1).kind()).isSameAs(RuntimeKind.MCP_SERVER);
    }

    @Test
    void freeFormConfigKeepsJsonTypesAndIsUnmodifiableAtEveryDepth() {
        RuntimePath mcp = decodeFixture("agent-card", AgentCard.class).runtimes().get(1);

        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) mcp.config().get("env");
        @SuppressWarnings("unchecked")
        Map<String, Object> retry = (Map<String, Object>) env.get("RETRY");
        @SuppressWarnings("unchecked")
        List<Object> args = (List<Object>) mcp.config().get("args");

        assertThat(retry.get("attempts")).isEqualTo(3);
        assertThat(args).containsExactly("-y", "@acme/backlog-writer-mcp@1.6.0");
        assertThat(mcp.config().keySet()).containsExactly("transport", "command", "args", "env");
        assertThatThrownBy(() -> mcp.config().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> env.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> retry.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> args.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    // --- forward compatibility ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void unknownFieldsAreIgnoredAtEveryDepth(String fixture, Class<?> type) {
        assertThat(decode(withUnknownFieldsEverywhere(fixture, "capabilities", "config"), type))
                .isEqualTo(decodeFixture(fixture, type));
    }

    static Stream<Arguments> enumFields() {
        return Stream.of(
                Arguments.of("/scope", "team"),
                Arguments.of("/workType", "security-review"),
                Arguments.of("/runtimes/0/kind", "wasm-component"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("enumFields")
    void anUnknownEnumStringSurvivesDecodeAndEncode(String pointer, String value) {
        assertRoundTrip(withString("agent-card", pointer, value), AgentCard.class);
    }

    @Test
    void unknownScopeWorkTypeAndRuntimeKindAreKeptAndNotKnown() {
        String json = withString("agent-card", "/scope", "team");
        json = Wire.compact(json).replace("\"backlog-writing\"", "\"security-review\"").replace("\"native\"", "\"wasm\"");

        AgentCard card = decode(json, AgentCard.class);

        assertThat(card.scope().value()).isEqualTo("team");
        assertThat(card.scope().isKnown()).isFalse();
        assertThat(card.workType().value()).isEqualTo("security-review");
        assertThat(card.workType().isKnown()).isFalse();
        assertThat(card.runtimes().get(0).kind().value()).isEqualTo("wasm");
        assertThat(card.runtimes().get(0).kind().isKnown()).isFalse();
    }

    // --- absent versus zero ------------------------------------------------------------------------

    @Test
    void aNullScopeOwnerIsWrittenAsNullBecauseTheReferenceDoesNotOmitIt() {
        AgentCard card = decode("{\"id\":\"ag_1\",\"scope\":\"system\"}", AgentCard.class);

        assertThat(card.scopeOwnerId()).isNull();
        assertThat(encode(card)).contains("\"scope\":\"system\",\"scopeOwnerId\":null,\"sourceProviderId\":\"\"");
    }

    @Test
    void absentPointersAreNullAndLeftOutWhenWritten() {
        AgentCard card = decode("{\"id\":\"ag_1\"}", AgentCard.class);

        assertThat(card.sourceLocator()).isNull();
        assertThat(card.lastReconciledAt()).isNull();
        assertThat(card.reconcileTtlSec()).isNull();
        assertThat(card.modelProfileId()).isNull();
        assertThat(card.publishedAt()).isNull();
        assertThat(card.deprecatedAt()).isNull();
        assertThat(card.trust().evaluatedQualityScore()).isNull();
        assertThat(tree(encode(card)).propertyNames()).doesNotContain("sourceLocator", "lastReconciledAt",
                "reconcileTtlSec", "partials", "capabilities", "modelProfileId", "publishedAt", "deprecatedAt", "tags");
    }

    @Test
    void zeroPointerValuesAreKeptApartFromAbsentOnes() {
        AgentCard card = decode("{\"reconcileTtlSec\":0,\"trust\":{\"evaluatedQualityScore\":0},"
                + "\"runtimes\":[{\"kind\":\"npm\",\"config\":{},\"preference\":0}],"
                + "\"partials\":[{\"id\":\"par_1\",\"order\":0}]}", AgentCard.class);

        assertThat(card.reconcileTtlSec()).isZero();
        assertThat(card.trust().evaluatedQualityScore()).isZero();
        assertThat(card.runtimes().get(0).preference()).isZero();
        assertThat(card.partials().get(0).order()).isZero();
        assertThat(encode(card)).contains("\"reconcileTtlSec\":0,", "\"preference\":0", "\"order\":0",
                "\"evaluatedQualityScore\":0.0");
    }

    @Test
    void absentNestedObjectsAreTheirEmptyValues() {
        AgentCard card = decode("{\"id\":\"ag_1\"}", AgentCard.class);

        assertThat(card.trust()).isEqualTo(TrustClaims.empty());
        assertThat(card.trust().provenance()).isEqualTo(TrustProvenanceInfo.empty());
        assertThat(card.tools()).isEqualTo(AgentCardToolSurface.empty());
        assertThat(card.runtimes()).isEmpty();
        assertThat(card.capabilities()).isEmpty();
    }

    @Test
    void malformedStringTimestampsDoNotFailTheDecode() {
        AgentCard card = decode("{\"lastReconciledAt\":\"soon\",\"publishedAt\":\"\","
                + "\"trust\":{\"provenance\":{\"importedAt\":\"28.04.2026\"}}}", AgentCard.class);

        assertThat(card.lastReconciledAt()).isEqualTo("soon");
        assertThat(card.publishedAt()).isEmpty();
        assertThat(card.trust().provenance().importedAt()).isEqualTo("28.04.2026");
    }

    @Test
    void aNullInsideFreeFormConfigIsKept() {
        RuntimePath path = decode("{\"kind\":\"http\",\"config\":{\"url\":\"https://agents.acme.dev\",\"bodyTemplate\":null}}",
                RuntimePath.class);

        assertThat(path.config()).containsEntry("bodyTemplate", null);
        assertThat(encode(path)).isEqualTo("{\"kind\":\"http\",\"config\":{\"url\":\"https://agents.acme.dev\",\"bodyTemplate\":null}}");
    }

    // --- requests ----------------------------------------------------------------------------------

    @Test
    void anUnscopedAgentQueryIsEmpty() {
        assertThat(encode(AgentScopeQuery.all())).isEqualTo("{}");
    }

    @Test
    void aFullAgentQueryWritesEveryFilterInReferenceOrder() {
        assertThat(encode(new AgentScopeQuery("project", "org_01HV8Z6K2M4N6P8Q0R2S4T6V8W", "proj_01HV9A1B2C3D4E5F6G7H8J9K0M",
                "qa"))).isEqualTo("{\"scope\":\"project\",\"orgId\":\"org_01HV8Z6K2M4N6P8Q0R2S4T6V8W\","
                        + "\"projectId\":\"proj_01HV9A1B2C3D4E5F6G7H8J9K0M\",\"workType\":\"qa\"}");
    }

    @Test
    void anAgentQueryWritesOnlyTheFiltersItHas() {
        assertThat(encode(new AgentScopeQuery("", "", "", "development"))).isEqualTo("{\"workType\":\"development\"}");
    }
}
