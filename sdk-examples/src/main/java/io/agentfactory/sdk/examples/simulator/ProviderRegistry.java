package io.agentfactory.sdk.examples.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.agentfactory.sdk.provider.ListProvidersResponse;
import io.agentfactory.sdk.provider.Provider;
import io.agentfactory.sdk.provider.ProviderFamily;
import io.agentfactory.sdk.provider.ProviderScope;
import io.agentfactory.sdk.provider.ProviderSource;
import io.agentfactory.sdk.provider.ProviderStatus;
import io.agentfactory.sdk.provider.ProviderTrustState;

/**
 * The daemon's provider registry as shipped today: only the {@code agent-runtime} family is
 * covered ({@code partialCoverage: true}), with the seven runtimes of the reference.
 */
final class ProviderRegistry {

    private final List<Provider> providers;

    ProviderRegistry(Instant epoch) {
        String signedAt = epoch.minus(Duration.ofDays(20)).toString();
        this.providers = List.of(
                runtime("claude", "Claude Code", "2.1.4", ProviderStatus.READY, ProviderTrustState.SIGNED_VERIFIED, signedAt,
                        Ordered.map("streaming", true, "maxContextTokens", 200_000, "tools", List.of("Read", "Edit", "Bash"),
                                "models", Map.of("default", "claude-sonnet-4-5"))),
                runtime("codex", "OpenAI Codex CLI", "0.46.0", ProviderStatus.READY, ProviderTrustState.SIGNED_VERIFIED,
                        signedAt, Ordered.map("streaming", true, "maxContextTokens", 272_000,
                                "models", Map.of("default", "gpt-5-codex"))),
                runtime("ollama", "Ollama (local models)", "0.12.3", ProviderStatus.DEGRADED,
                        ProviderTrustState.SIGNED_VERIFIED, signedAt, Ordered.map("streaming", true,
                                "maxContextTokens", 32_768, "models", Map.of("default", "qwen3-coder:30b"),
                                "degradedReason", "GPU memory above 90%")),
                runtime("opencode", "opencode", "0.15.1", ProviderStatus.READY, ProviderTrustState.SIGNED_UNVERIFIED,
                        signedAt, Ordered.map("streaming", true, "maxContextTokens", 128_000)),
                runtime("gemini", "Gemini CLI", "0.9.0", ProviderStatus.READY, ProviderTrustState.SIGNED_VERIFIED, signedAt,
                        Ordered.map("streaming", true, "maxContextTokens", 1_000_000,
                                "models", Map.of("default", "gemini-2.5-pro"))),
                runtime("amp", "Amp", "0.0.1760", ProviderStatus.UNHEALTHY, ProviderTrustState.SIGNED_VERIFIED, signedAt,
                        Ordered.map("streaming", true, "lastError", "401 from ampcode.com: token expired")),
                new Provider("stub", "Stub runtime (tests)", "0.0.0", ProviderFamily.of("agent-runtime"),
                        ProviderScope.of("project"), ProviderStatus.INACTIVE, ProviderSource.of("local"),
                        ProviderTrustState.UNSIGNED, "", "", true, Map.of("streaming", false)));
    }

    private static Provider runtime(String id, String name, String version, ProviderStatus status,
            ProviderTrustState trust, String signedAt, Map<String, Object> capabilities) {
        boolean signed = !trust.equals(ProviderTrustState.UNSIGNED);
        return new Provider(id, name, version, ProviderFamily.of("agent-runtime"), ProviderScope.of("global"), status,
                ProviderSource.of("bundled"), trust, signed ? "did:web:providers.rensei.dev" : "", signed ? signedAt : "",
                true, capabilities);
    }

    ListProvidersResponse list() {
        return new ListProvidersResponse(providers, true, List.of(ProviderFamily.of("agent-runtime")));
    }

    Optional<Provider> find(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
