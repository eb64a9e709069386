package io.agentfactory.sdk.logsignatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.error.InvalidArgumentException;

class LogSignatureCatalogTest {

    @Test
    void theDefaultCatalogHoldsTheSeventeenSignaturesOfTheReferenceInOrder() {
        assertThat(LogSignatureCatalog.defaults().signatures())
                .extracting(LogSignature::id, LogSignature::pattern, s -> s.type().value(), s -> s.severity().value())
                .containsExactly(
                        tuple("approval-required", "This command requires approval|requires approval", "approval_required", "critical"),
                        tuple("write-before-read", "File has not been read yet", "tool_misuse", "high"),
                        tuple("file-does-not-exist", "File does not exist", "tool_misuse", "medium"),
                        tuple("path-does-not-exist", "Path does not exist", "tool_misuse", "medium"),
                        tuple("invalid-tool-param", "Unknown JSON field", "tool_misuse", "high"),
                        tuple("glob-in-write", "Glob patterns are not allowed in write", "tool_misuse", "medium"),
                        tuple("tool-api-error", "<tool_use_error>.*</tool_use_error>", "tool_misuse", "high"),
                        tuple("file-too-large", "exceeds maximum allowed tokens", "tool_issue", "medium"),
                        tuple("dir-blocked", "cd in .* was blocked|only change directories to the allowed", "permission", "high"),
                        tuple("sandbox-permission", "sandbox.*not allowed|operation not permitted", "permission", "high"),
                        tuple("file-permission-denied", "permission denied|EACCES|access denied", "permission", "high"),
                        tuple("file-not-found", "ENOENT|no such file or directory", "tool_issue", "medium"),
                        tuple("network-timeout", "timeout|ETIMEDOUT|connection timed out", "performance", "medium"),
                        tuple("rate-limit", "rate limit|429|too many requests", "performance", "high"),
                        tuple("network-connection", "ECONNREFUSED|ENOTFOUND|connection refused", "tool_issue", "medium"),
                        tuple("worktree-conflict", "is already used by worktree|already checked out", "tool_issue", "high"),
                        tuple("tool-execution-failed", "tool.*error|tool.*failed|command failed", "tool_issue", "medium"));
    }

    @Test
    void everyDefaultSignatureHasAHumanTitleAndKnownTypeAndSeverity() {
        assertThat(LogSignatureCatalog.defaults().signatures()).allSatisfy(signature -> {
            assertThat(signature.title()).isNotBlank();
            assertThat(signature.type().isKnown()).isTrue();
            assertThat(signature.severity().isKnown()).isTrue();
        });
    }

    @Test
    void precededByPutsTheGivenSignaturesBeforeTheCatalogs() {
        LogSignature mine = new LogSignature("mine", "boom", PatternType.TOOL_ISSUE, Severity.LOW, "Boom");

        List<LogSignature> merged = LogSignatureCatalog.defaults().precededBy(List.of(mine)).signatures();

        assertThat(merged).hasSize(18).first().isEqualTo(mine);
        assertThat(merged.subList(1, 18)).isEqualTo(LogSignatureCatalog.defaults().signatures());
    }

    @Test
    void patternTypesIncludeRepeatedFailure() {
        assertThat(PatternType.values()).extracting(PatternType::value).containsExactly(
                "permission", "tool_issue", "tool_misuse", "performance", "repeated_failure", "approval_required");
        assertThat(PatternType.of("repeated_failure")).isSameAs(PatternType.REPEATED_FAILURE);
    }

    @Test
    void anUnknownTypeOrSeverityIsKeptAsWritten() {
        assertThat(PatternType.of("flaky_ci").isKnown()).isFalse();
        assertThat(PatternType.of("flaky_ci").value()).isEqualTo("flaky_ci");
        assertThat(Severity.of("blocker").isKnown()).isFalse();
        assertThat(Severity.of("blocker").value()).isEqualTo("blocker");
    }

    @Test
    void theUserCatalogLivesUnderConfigAfInTheHomeDirectory() {
        assertThat(LogSignatureCatalog.defaultUserFile())
                .isEqualTo(Paths.get(System.getProperty("user.home"), ".config", "af", "log-signatures.yaml"));
    }

    @Test
    void aSignatureWithoutIdOrPatternIsRejected() {
        assertThatThrownBy(() -> new LogSignature(" ", "x", PatternType.TOOL_ISSUE, Severity.LOW, "t"))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> new LogSignature("id", "", PatternType.TOOL_ISSUE, Severity.LOW, "t"))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("id");
    }
}
