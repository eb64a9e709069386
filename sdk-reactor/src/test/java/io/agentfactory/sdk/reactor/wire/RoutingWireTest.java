package io.agentfactory.sdk.reactor.wire;

import static io.agentfactory.sdk.reactor.wire.Wire.assertEncodesBackTo;
import static io.agentfactory.sdk.reactor.wire.Wire.decode;
import static io.agentfactory.sdk.reactor.wire.Wire.decodeFixture;
import static io.agentfactory.sdk.reactor.wire.Wire.encode;
import static io.agentfactory.sdk.reactor.wire.Wire.withUnknownFieldsEverywhere;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.routing.CapabilityFilter;
import io.agentfactory.sdk.routing.EliminatedProvider;
import io.agentfactory.sdk.routing.LLMProviderState;
import io.agentfactory.sdk.routing.RejectedCandidate;
import io.agentfactory.sdk.routing.RoutingConfig;
import io.agentfactory.sdk.routing.RoutingConfigResponse;
import io.agentfactory.sdk.routing.RoutingDecision;
import io.agentfactory.sdk.routing.RoutingExplainResponse;
import io.agentfactory.sdk.routing.RoutingTraceStep;
import io.agentfactory.sdk.routing.RoutingWeights;
import io.agentfactory.sdk.routing.SandboxProviderState;
import tools.jackson.core.JacksonException;

/** The {@code io.agentfactory.sdk.routing} types map the daemon's {@code /api/daemon/routing/*} routes exactly. */
class RoutingWireTest {

    private static final String SESSION = "sess_01HZX3K9QF7T2M8V4B6N1C5D0E";

    static final RoutingDecision LOCAL_CLAUDE = new RoutingDecision(SESSION, "local", "claude", List.of(
            new RejectedCandidate("e2b", "sandbox", "score-loss", "expected cost 4.2¢ vs 0.8¢ on local"),
            new RejectedCandidate("a2a:partner-labs", "sandbox", "capacity-filter", "provider unhealthy"),
            new RejectedCandidate("gemini", "llm", "tenant-policy", "org policy allows anthropic and openai only")),
            0.8312, 0.8, 412.5, Instant.parse("2026-05-14T15:57:41.918Z"));

    static final RoutingDecision E2B_CODEX = new RoutingDecision("sess_01HZWY2C8R5P0K3J9H7G4F1D6A", "e2b", "codex",
            List.of(new RejectedCandidate("local", "sandbox", "capability-filter", "requires gpu")), 0.6475, 4.2, 1250.75,
            Instant.parse("2026-05-14T13:20:44Z"));

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("routing-config-response", RoutingConfigResponse.class),
                Arguments.of("routing-explain-response", RoutingExplainResponse.class));
    }

    // --- every field of every response -------------------------------------------------------------

    @Test
    void theRoutingConfigDecodesEveryField() {
        RoutingConfigResponse response = decodeFixture("routing-config-response", RoutingConfigResponse.class);

        assertThat(response).isEqualTo(new RoutingConfigResponse(new RoutingConfig(
                List.of(new CapabilityFilter("region", "in", "[\"home-network\",\"eu-central\"]"),
                        new CapabilityFilter("arch", "eq", "arm64"),
                        new CapabilityFilter("memoryMb", "gte", "4096")),
                new RoutingWeights(0.7, 0.3),
                List.of(new SandboxProviderState("local", 41.5, 6.5, 0.86, 0.8, 388.25, 47),
                        new SandboxProviderState("e2b", 12.25, 4.75, 0.71, 4.2, 1250.75, 16)),
                List.of(new LLMProviderState("claude", "claude-sonnet-4-5", 58.5, 7.5, 0.89, 65),
                        new LLMProviderState("codex", "gpt-5-codex", 21.5, 5.5, 0.78, 26)),
                List.of(LOCAL_CLAUDE, E2B_CODEX),
                Instant.parse("2026-05-14T16:12:33.481Z"))));
        assertEncodesBackTo("routing-config-response", response);
    }

    @Test
    void theExplainTraceDecodesEveryField() {
        RoutingExplainResponse explain = decodeFixture("routing-explain-response", RoutingExplainResponse.class);

        assertThat(explain).isEqualTo(new RoutingExplainResponse(SESSION, LOCAL_CLAUDE, List.of(
                new RoutingTraceStep(1, "capability-filter", "sandbox", List.of("local", "e2b"),
                        List.of(new EliminatedProvider("vercel", "capability-filter", "no arm64 runners")),
                        "region in [home-network, eu-central]"),
                new RoutingTraceStep(2, "capacity-filter", "sandbox", List.of("local", "e2b"),
                        List.of(new EliminatedProvider("a2a:partner-labs", "capacity-filter", "provider unhealthy")),
                        "2 of 3 healthy"),
                new RoutingTraceStep(3, "tenant-policy", "llm", List.of("claude", "codex"),
                        List.of(new EliminatedProvider("gemini", "tenant-policy",
                                "org policy allows anthropic and openai only")),
                        "org_01HV8Z6K2M4N6P8Q0R2S4T6V8W policy v12"),
                new RoutingTraceStep(4, "score", "sandbox", List.of("local"),
                        List.of(new EliminatedProvider("e2b", "score-loss", "0.6475 < 0.8312")),
                        "Thompson sample, weights cost 0.7 latency 0.3"))));
        assertEncodesBackTo("routing-explain-response", explain);
    }

    @Test
    void chosenLlmKeepsItsUpperCaseKey() {
        assertThat(encode(LOCAL_CLAUDE)).contains("\"chosenLLM\":\"claude\"");
        assertThat(decode("{\"chosenLLM\":\"codex\"}", RoutingDecision.class).chosenLLM()).isEqualTo("codex");
        assertThat(decode("{\"chosenLlm\":\"codex\"}", RoutingDecision.class).chosenLLM()).isEmpty();
    }

    // --- timestamps: time.Time is an RFC 3339 instant ----------------------------------------------

    @Test
    void decidedAtIsAnInstantWhateverTheOffset() {
        RoutingDecision decision = decode("{\"decidedAt\":\"2026-05-14T08:57:41.918-07:00\"}", RoutingDecision.class);

        assertThat(decision.decidedAt()).isEqualTo(Instant.parse("2026-05-14T15:57:41.918Z"));
    }

    @Test
    void capturedAtKeepsFractionalSecondsToTheNanosecond() {
        RoutingConfig config = decode("{\"capturedAt\":\"2026-05-14T18:12:33.123456789+02:00\"}", RoutingConfig.class);

        assertThat(config.capturedAt()).isEqualTo(Instant.parse("2026-05-14T16:12:33.123456789Z"));
        assertThat(encode(config)).endsWith("\"capturedAt\":\"2026-05-14T16:12:33.123456789Z\"}");
    }

    @Test
    void instantsAreWrittenAsRfc3339InUtc() {
        RoutingDecision decision = decode("{\"decidedAt\":\"2026-05-14T08:57:41-07:00\"}", RoutingDecision.class);

        assertThat(encode(decision)).endsWith("\"decidedAt\":\"2026-05-14T15:57:41Z\"}");
    }

    @Test
    void anAbsentDecisionTimeIsNull() {
        assertThat(decode("{\"sessionId\":\"sess_1\"}", RoutingDecision.class).decidedAt()).isNull();
        assertThat(decode("{}", RoutingConfig.class).capturedAt()).isNull();
    }

    @Test
    void aTimeTypedFieldThatIsNotRfc3339FailsTheDecodeAsInGo() {
        assertThatThrownBy(() -> decode("{\"decidedAt\":\"yesterday\"}", RoutingDecision.class))
                .isInstanceOf(JacksonException.class);
    }

    // --- forward compatibility ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void unknownFieldsAreIgnoredAtEveryDepth(String fixture, Class<?> type) {
        assertThat(decode(withUnknownFieldsEverywhere(fixture), type)).isEqualTo(decodeFixture(fixture, type));
    }

    // --- absent versus zero ------------------------------------------------------------------------

    @Test
    void absentEstimatesAreNullAndZeroEstimatesAreZero() {
        RoutingDecision absent = decode("{\"score\":0.5}", RoutingDecision.class);
        RoutingDecision zero = decode("{\"score\":0.5,\"estimatedCostCents\":0,\"estimatedLatencyMs\":0}",
                RoutingDecision.class);

        assertThat(absent.estimatedCostCents()).isNull();
        assertThat(absent.estimatedLatencyMs()).isNull();
        assertThat(zero.estimatedCostCents()).isZero();
        assertThat(zero.estimatedLatencyMs()).isZero();
        assertThat(encode(absent)).doesNotContain("estimated");
        assertThat(encode(zero)).contains("\"estimatedCostCents\":0.0,\"estimatedLatencyMs\":0.0");
    }

    @Test
    void absentRecentScoresAreNullAndLeftOut() {
        SandboxProviderState sandbox = decode("{\"providerId\":\"local\",\"alpha\":1.5,\"beta\":1.5,\"selectionCount\":0}",
                SandboxProviderState.class);
        LLMProviderState llm = decode("{\"providerId\":\"claude\",\"alpha\":1.5,\"beta\":1.5,\"recentScore\":0}",
                LLMProviderState.class);

        assertThat(sandbox.recentScore()).isNull();
        assertThat(sandbox.recentCostCents()).isNull();
        assertThat(sandbox.recentLatencyMs()).isNull();
        assertThat(encode(sandbox)).isEqualTo(
                "{\"providerId\":\"local\",\"alpha\":1.5,\"beta\":1.5,\"selectionCount\":0}");
        assertThat(llm.recentScore()).isZero();
        assertThat(encode(llm)).isEqualTo(
                "{\"providerId\":\"claude\",\"alpha\":1.5,\"beta\":1.5,\"recentScore\":0.0,\"selectionCount\":0}");
    }

    @Test
    void emptyOptionalListsAndNotesAreLeftOut() {
        RoutingTraceStep step = new RoutingTraceStep(1, "score", "llm", List.of(), List.of(), "");

        assertThat(encode(step)).isEqualTo("{\"step\":1,\"phase\":\"score\",\"dimension\":\"llm\",\"remaining\":[]}");
    }

    @Test
    void absentNestedObjectsAreTheirEmptyValues() {
        assertThat(decode("{}", RoutingConfigResponse.class).config()).isEqualTo(RoutingConfig.empty());
        assertThat(decode("{}", RoutingExplainResponse.class).decision()).isEqualTo(RoutingDecision.empty());
        assertThat(decode("{\"config\":{}}", RoutingConfigResponse.class).config().weights())
                .isEqualTo(RoutingWeights.empty());
    }
}
