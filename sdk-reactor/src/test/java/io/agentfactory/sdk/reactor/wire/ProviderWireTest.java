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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.provider.ListProvidersResponse;
import io.agentfactory.sdk.provider.Provider;
import io.agentfactory.sdk.provider.ProviderEnvelope;
import io.agentfactory.sdk.provider.ProviderFamily;
import io.agentfactory.sdk.provider.ProviderScope;
import io.agentfactory.sdk.provider.ProviderSource;
import io.agentfactory.sdk.provider.ProviderStatus;
import io.agentfactory.sdk.provider.ProviderTrustState;

/** The {@code io.agentfactory.sdk.provider} types map the daemon's {@code /api/daemon/providers*} routes exactly. */
class ProviderWireTest {

    static final Provider CLAUDE = new Provider("claude", "Claude Code", "1.4.2", ProviderFamily.AGENT_RUNTIME,
            ProviderScope.GLOBAL, ProviderStatus.READY, ProviderSource.BUNDLED, ProviderTrustState.SIGNED_VERIFIED,
            "did:web:rensei.dev#release-2026", "2026-04-30T18:22:05Z", true, claudeCapabilities());

    static final Provider E2B = new Provider("e2b", "E2B Sandboxes", "0.9.0", ProviderFamily.SANDBOX, ProviderScope.ORG,
            ProviderStatus.DEGRADED, ProviderSource.REGISTRY, ProviderTrustState.SIGNED_UNVERIFIED,
            "did:web:e2b.dev#key-1", "2026-03-12T07:45:00Z", false, Map.of("transportModel", "dial-in",
                    "billingModel", "wall-clock", "regions", List.of("us-east-1", "eu-west-1"), "pauseResume", true));

    private static Map<String, Object> claudeCapabilities() {
        Map<String, Object> capabilities = new HashMap<>();
        capabilities.put("streaming", true);
        capabilities.put("maxContextTokens", 200000);
        capabilities.put("models", List.of("claude-sonnet-4-5", "claude-opus-4-1"));
        capabilities.put("toolUse", Map.of("parallel", true, "maxToolsPerTurn", 64, "sandboxes", List.of(
                Map.of("id", "local", "latencyMs", 12.5), Map.of("id", "e2b", "latencyMs", 84.25))));
        capabilities.put("gpu", null);
        return capabilities;
    }

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("provider-envelope", ProviderEnvelope.class),
                Arguments.of("list-providers-response", ListProvidersResponse.class));
    }

    // --- every field of every response -------------------------------------------------------------

    @Test
    void aProviderDecodesEveryFieldWithItsFreeFormCapabilities() {
        ProviderEnvelope envelope = decodeFixture("provider-envelope", ProviderEnvelope.class);

        assertThat(envelope).isEqualTo(new ProviderEnvelope(CLAUDE));
        assertEncodesBackTo("provider-envelope", envelope);
    }

    @Test
    void theProviderListDecodesEveryField() {
        ListProvidersResponse list = decodeFixture("list-providers-response", ListProvidersResponse.class);

        assertThat(list).isEqualTo(new ListProvidersResponse(List.of(CLAUDE, E2B), true,
                List.of(ProviderFamily.AGENT_RUNTIME, ProviderFamily.SANDBOX)));
        assertEncodesBackTo("list-providers-response", list);
    }

    @Test
    void knownValuesDecodeToTheDeclaredConstants() {
        ListProvidersResponse list = decodeFixture("list-providers-response", ListProvidersResponse.class);
        Provider claude = list.providers().get(0);
        Provider e2b = list.providers().get(1);

        assertThat(list.coveredFamilies().get(0)).isSameAs(ProviderFamily.AGENT_RUNTIME);
        assertThat(claude.family()).isSameAs(ProviderFamily.AGENT_RUNTIME);
        assertThat(claude.scope()).isSameAs(ProviderScope.GLOBAL);
        assertThat(claude.status()).isSameAs(ProviderStatus.READY);
        assertThat(claude.source()).isSameAs(ProviderSource.BUNDLED);
        assertThat(claude.trust()).isSameAs(ProviderTrustState.SIGNED_VERIFIED);
        assertThat(e2b.status()).isSameAs(ProviderStatus.DEGRADED);
        assertThat(e2b.source()).isSameAs(ProviderSource.REGISTRY);
        assertThat(e2b.trust()).isSameAs(ProviderTrustState.SIGNED_UNVERIFIED);
    }

    @Test
    void capabilitiesAreUnmodifiableAtEveryDepthAndKeepJsonNulls() {
        Provider claude = decodeFixture("provider-envelope", ProviderEnvelope.class).provider();

        @SuppressWarnings("unchecked")
        Map<String, Object> toolUse = (Map<String, Object>) claude.capabilities().get("toolUse");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sandboxes = (List<Map<String, Object>>) toolUse.get("sandboxes");

        assertThat(claude.capabilities()).containsEntry("gpu", null);
        assertThat(claude.capabilities().keySet()).containsExactly("streaming", "maxContextTokens", "models", "toolUse",
                "gpu");
        assertThat(sandboxes.get(1).get("latencyMs")).isEqualTo(84.25);
        assertThatThrownBy(() -> claude.capabilities().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> toolUse.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> sandboxes.add(Map.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> sandboxes.get(0).put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    // --- forward compatibility ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void unknownFieldsAreIgnoredAtEveryDepth(String fixture, Class<?> type) {
        assertThat(decode(withUnknownFieldsEverywhere(fixture, "capabilities"), type))
                .isEqualTo(decodeFixture(fixture, type));
    }

    static Stream<Arguments> enumFields() {
        return Stream.of(
                Arguments.of("/provider/family", "observability"),
                Arguments.of("/provider/scope", "workspace"),
                Arguments.of("/provider/status", "rate-limited"),
                Arguments.of("/provider/source", "marketplace"),
                Arguments.of("/provider/trust", "revoked"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("enumFields")
    void anUnknownEnumStringSurvivesDecodeAndEncode(String pointer, String value) {
        assertRoundTrip(withString("provider-envelope", pointer, value), ProviderEnvelope.class);
    }

    @Test
    void anUnknownCoveredFamilySurvivesDecodeAndEncode() {
        ListProvidersResponse list = assertRoundTrip(
                withString("list-providers-response", "/coveredFamilies/1", "observability"), ListProvidersResponse.class);

        assertThat(list.coveredFamilies().get(1).value()).isEqualTo("observability");
        assertThat(list.coveredFamilies().get(1).isKnown()).isFalse();
    }

    // --- absent versus zero ------------------------------------------------------------------------

    @Test
    void emptySignerFieldsAreLeftOutAndCapabilitiesAlwaysWritten() {
        Provider unsigned = new Provider("stub", "Stub", "0.0.1", ProviderFamily.AGENT_RUNTIME, ProviderScope.PROJECT,
                ProviderStatus.INACTIVE, ProviderSource.LOCAL, ProviderTrustState.UNSIGNED, "", "", false, Map.of());

        assertThat(encode(unsigned)).isEqualTo("{\"id\":\"stub\",\"name\":\"Stub\",\"version\":\"0.0.1\","
                + "\"family\":\"agent-runtime\",\"scope\":\"project\",\"status\":\"inactive\",\"source\":\"local\","
                + "\"trust\":\"unsigned\",\"manifestOk\":false,\"capabilities\":{}}");
    }

    @Test
    void absentCapabilitiesAreAnEmptyMap() {
        assertThat(decode("{\"id\":\"stub\"}", Provider.class).capabilities()).isEmpty();
        assertThat(decode("{\"id\":\"stub\",\"capabilities\":null}", Provider.class).capabilities()).isEmpty();
    }

    @Test
    void anAbsentProviderIsTheEmptyOne() {
        assertThat(decode("{}", ProviderEnvelope.class).provider()).isEqualTo(Provider.empty());
    }
}
