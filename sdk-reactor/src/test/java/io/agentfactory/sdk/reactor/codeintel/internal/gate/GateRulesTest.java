package io.agentfactory.sdk.reactor.codeintel.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.DiffObservation;
import io.agentfactory.sdk.codeintel.GatePolicy;
import io.agentfactory.sdk.codeintel.ObservationKind;
import io.agentfactory.sdk.error.InvalidArgumentException;

/** The gate policies, as the reference pins them, except that unknown names are refused. */
class GateRulesTest {

    private static DiffObservation obs(ObservationKind kind, double confidence) {
        return new DiffObservation(kind, "t", "d", List.of(), List.of(), confidence, "project", "");
    }

    private static boolean gates(String policy, List<DiffObservation> observations) {
        return GateRules.gates(GatePolicy.parse(policy), observations);
    }

    @Test
    void noneNeverBlocks() {
        assertThat(gates("none", List.of(obs(ObservationKind.PATTERN, 0.9)))).isFalse();
    }

    @Test
    void zeroDeviationsBlocksOnAnyObservation() {
        assertThat(gates("zero-deviations", List.of())).isFalse();
        assertThat(gates("zero-deviations", List.of(obs(ObservationKind.PATTERN, 0.1)))).isTrue();
    }

    @Test
    void noSeverityHighBlocksFromConfidenceSixtyFiveAndIsTheDefault() {
        assertThat(gates("no-severity-high", List.of(obs(ObservationKind.PATTERN, 0.40)))).isFalse();
        assertThat(gates("no-severity-high", List.of(obs(ObservationKind.CONVENTION, 0.70)))).isTrue();
        assertThat(gates("no-severity-high", List.of(obs(ObservationKind.CONVENTION, 0.65)))).isTrue();
        assertThat(gates("no-severity-high", List.of(obs(ObservationKind.CONVENTION, 0.6499)))).isFalse();
        assertThat(gates("", List.of(obs(ObservationKind.PATTERN, 0.70)))).isTrue();
        assertThat(GatePolicy.parse("  ")).isEqualTo(GatePolicy.defaults());
    }

    @Test
    void maxBlocksOnMoreThanN() {
        List<DiffObservation> three = List.of(obs(ObservationKind.PATTERN, 0.3), obs(ObservationKind.CONVENTION, 0.4),
                obs(ObservationKind.DECISION, 0.5));
        assertThat(gates("max:3", three)).isFalse();
        assertThat(gates("max:2", three)).isTrue();
        assertThat(gates("max:0", three)).isTrue();
        assertThat(gates("max:0", List.of())).isFalse();
    }

    @Test
    void unknownOrMalformedPoliciesAreRefusedNotFailedOpen() {
        for (String bad : List.of("unknown-policy", "max:", "max:-1", "max:x", "max:99999999999", "MAX:2", "max: 2")) {
            assertThatThrownBy(() -> GatePolicy.parse(bad)).as(bad).isInstanceOf(InvalidArgumentException.class)
                    .hasMessageStartingWith("unknown gate policy");
        }
        assertThatThrownBy(() -> GatePolicy.parse("evil\u0000\n" + "x".repeat(100)))
                .hasMessageNotContaining("\n").hasMessageNotContaining("\u0000").hasMessageContaining("…");
    }

    @Test
    void policyNamesRoundTrip() {
        for (String name : List.of("none", "zero-deviations", "no-severity-high", "max:0", "max:12")) {
            assertThat(GatePolicy.parse(name).policyName()).isEqualTo(name);
        }
    }

    @Test
    void summariesCountByKindAndNameTheBlockingPolicy() {
        assertThat(GateRules.summary(List.of(), false, GatePolicy.defaults()))
                .isEqualTo("No architectural signals detected in the diff. Native diff-only mode (no LLM).");
        List<DiffObservation> three = List.of(obs(ObservationKind.PATTERN, 0.4), obs(ObservationKind.CONVENTION, 0.55),
                obs(ObservationKind.DECISION, 0.6));
        assertThat(GateRules.summary(three, false, GatePolicy.parse("none"))).isEqualTo("3 diff signal(s) detected "
                + "(1 patterns, 1 conventions, 1 decisions). Native diff-only mode — LLM-backed drift assessment "
                + "(layer 2) is not part of this SDK.");
        assertThat(GateRules.summary(three, true, GatePolicy.defaults()))
                .endsWith(" Change is BLOCKED by gate policy: no-severity-high.");
    }
}
