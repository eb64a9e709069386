package io.agentfactory.sdk.reactor.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The child-environment rules of the reference's env composer, one rule per test. */
class ChildEnvironmentTest {

    private static final Map<String, String> PARENT = Map.of("PATH", "/usr/bin", "HOME", "/home/u",
            "ANTHROPIC_API_KEY", "host-key", "OPENAI_API_KEY", "host-openai", "ATTACH_TOKEN", "parent-secret",
            "ATTACH_TOKEN_FILE", "/parent/token", "ATTACH_URL", "wss://parent.invalid/v1/rooms/room-1",
            "DONMAI_SESSION_SHIM_SOCKET", "/tmp/shim", "EMPTY", "");

    @Test
    void theBlocklistAppliesToTheInheritedLayer() {
        List<String> env = ChildEnvironment.compose(PARENT, List.of(), null);

        assertThat(env).noneMatch(e -> e.startsWith("ANTHROPIC_API_KEY=") || e.startsWith("OPENAI_API_KEY="));
        assertThat(ChildEnvironment.DEFAULT_BLOCKLIST).containsExactlyInAnyOrder("AMP_API_KEY", "ANTHROPIC_API_KEY",
                "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL", "DONMAI_GATEWAY_UPSTREAM_API_KEY",
                "DONMAI_GATEWAY_UPSTREAM_BASE_URL", "GEMINI_API_KEY", "GOOGLE_API_KEY", "OPENCLAW_GATEWAY_TOKEN",
                "OPENAI_API_KEY");
    }

    @Test
    void explicitLayersAreTrustedAndMaySetBlocklistedKeys() {
        List<String> env = ChildEnvironment.compose(PARENT, List.of(Map.of("ANTHROPIC_API_KEY", "explicit-key")), null);

        assertThat(env).contains("ANTHROPIC_API_KEY=explicit-key").doesNotContain("ANTHROPIC_API_KEY=host-key");
    }

    @Test
    void runnerOnlyKeysAreRemovedFromEveryLayerExplicitOnesIncluded() {
        List<String> env = ChildEnvironment.compose(PARENT, List.of(Map.of("ATTACH_TOKEN", "explicit",
                "ATTACH_URL", "wss://x", "DONMAI_SESSION_SHIM_PID", "1", "LINEAR_ISSUE_ID", "issue-id")), null);

        assertThat(env).noneMatch(e -> e.startsWith("ATTACH_") || e.startsWith("DONMAI_SESSION_SHIM"))
                .contains("LINEAR_ISSUE_ID=issue-id");
        assertThat(ChildEnvironment.isRunnerOnly("DONMAI_SESSION_SHIM")).isTrue();
        assertThat(ChildEnvironment.isRunnerOnly("ATTACH_TOKENS")).isFalse();
    }

    @Test
    void filterRunnerOnlyAlsoDropsBareKeysWithoutEquals() {
        assertThat(ChildEnvironment.filterRunnerOnly(List.of("A=1", "BARE", "ATTACH_TOKEN=", "ATTACH_URL=x", "=x", "B=")))
                .containsExactly("A=1", "B=");
    }

    @Test
    void composeIsSortedByKeyAndKeepsEmptyValues() {
        List<String> env = ChildEnvironment.compose(PARENT, List.of(Map.of("ZED", "z", "ALPHA", "a")), null);

        assertThat(env).containsExactly("ALPHA=a", "EMPTY=", "HOME=/home/u", "PATH=/usr/bin", "ZED=z");
    }

    @Test
    void laterLayersReplaceEarlierValues() {
        List<String> env = ChildEnvironment.compose(Map.of("HOME", "/home/u"),
                List.of(Map.of("HOME", "/first"), Map.of("HOME", "/second")), null);

        assertThat(env).containsExactly("HOME=/second");
    }

    @Test
    void composeChildEnvKeepsTheParentsOrderThenAppendsExplicitKeysSorted() {
        List<String> parent = List.of("ZETA=1", "ATTACH_TOKEN=parent-secret", "BARE", "ANTHROPIC_API_KEY=k", "ALPHA=2",
                "MID=");
        Map<String, String> explicit = new LinkedHashMap<>();
        explicit.put("LINEAR_ISSUE_IDENTIFIER", "ENG-42");
        explicit.put("ALPHA", "override");
        explicit.put("LINEAR_ISSUE_ID", "issue-id");

        assertThat(ChildEnvironment.composeChildEnv(parent, List.of(explicit), null)).containsExactly("ZETA=1",
                "ALPHA=override", "MID=", "LINEAR_ISSUE_ID=issue-id", "LINEAR_ISSUE_IDENTIFIER=ENG-42");
    }

    @Test
    void aNullBlocklistMeansTheDefaultAndAnEmptyOneDisablesIt() {
        Map<String, String> parent = Map.of("ANTHROPIC_API_KEY", "host-key", "CUSTOM_SECRET", "s");

        assertThat(ChildEnvironment.compose(parent, List.of(), null)).containsExactly("CUSTOM_SECRET=s");
        assertThat(ChildEnvironment.compose(parent, List.of(), Set.of()))
                .containsExactly("ANTHROPIC_API_KEY=host-key", "CUSTOM_SECRET=s");
        assertThat(ChildEnvironment.compose(parent, List.of(), Set.of("CUSTOM_SECRET")))
                .containsExactly("ANTHROPIC_API_KEY=host-key");
    }

    @Test
    void theSameInputsAlwaysGiveTheSameOrder() {
        Map<String, String> shuffled = new LinkedHashMap<>();
        shuffled.put("B", "2");
        shuffled.put("A", "1");
        shuffled.put("C", "3");

        assertThat(ChildEnvironment.compose(shuffled, List.of(), null))
                .isEqualTo(ChildEnvironment.compose(Map.of("C", "3", "A", "1", "B", "2"), List.of(), null))
                .containsExactly("A=1", "B=2", "C=3");
    }

    @Test
    void looksSensitiveMatchesTheMarkersCaseInsensitively() {
        assertThat(List.of("GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "DB_PASSWORD", "MYSQL_PASSWD", "SSH_PRIVATE_KEY",
                "OPENAI_API_KEY", "linear_api_key", "x_token_y")).allMatch(ChildEnvironment::looksSensitive);
        assertThat(List.of("PATH", "HOME", "LINEAR_ISSUE_ID", "API", "KEYBOARD")).noneMatch(ChildEnvironment::looksSensitive);
    }

    @Test
    void logsShowSensitiveValuesRedacted() {
        assertThat(ChildEnvironment.redactedForLog(List.of("GITHUB_TOKEN=ghp_secret", "PATH=/usr/bin", "API_KEY=")))
                .containsExactly("GITHUB_TOKEN=REDACTED", "PATH=/usr/bin", "API_KEY=REDACTED");
    }
}
