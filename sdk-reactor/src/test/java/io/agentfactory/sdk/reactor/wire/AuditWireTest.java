package io.agentfactory.sdk.reactor.wire;

import static io.agentfactory.sdk.reactor.wire.Wire.compactFixture;
import static io.agentfactory.sdk.reactor.wire.Wire.decode;
import static io.agentfactory.sdk.reactor.wire.Wire.decodeArray;
import static io.agentfactory.sdk.reactor.wire.Wire.decodeArrayFixture;
import static io.agentfactory.sdk.reactor.wire.Wire.encode;
import static io.agentfactory.sdk.reactor.wire.Wire.withString;
import static io.agentfactory.sdk.reactor.wire.Wire.withUnknownFieldsEverywhere;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.audit.Attestation;
import io.agentfactory.sdk.audit.AttestationKeyAlgorithm;
import io.agentfactory.sdk.audit.AuditChainEntry;
import io.agentfactory.sdk.internal.Copies;

/** The {@code io.agentfactory.sdk.audit} types map the coordinator's audit-chain route exactly. */
class AuditWireTest {

    private static final String SESSION = "sess_01HZX3K9QF7T2M8V4B6N1C5D0E";

    @Test
    void theAuditChainIsABareArrayAndDecodesEveryField() {
        List<AuditChainEntry> chain = decodeArrayFixture("audit-chain-entry-array", AuditChainEntry.class);

        assertThat(chain).containsExactly(
                new AuditChainEntry(0, "session-accepted", SESSION, "daemon:mac-studio-marks-office",
                        Map.of("issueId", "REN-1423", "workType", "development",
                                "routing", Map.of("sandbox", "local", "llm", "claude", "score", 0.83)),
                        "0000000000000000000000000000000000000000000000000000000000000000",
                        "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
                        new Attestation(AttestationKeyAlgorithm.ED25519, "abc1234…d4f2",
                                "MEUCIQDx4k7yZ0q2b5bX9m1o3vR8Tn6sJ2cK4aL7pQ9wE1fG5gIgV3hN8jK2mP6rS9tU1wX4yZ7aB0cD3eF6gH9iJ2kL5mE=",
                                "2026-05-14T15:57:42Z", true),
                        "2026-05-14T15:57:42Z"),
                new AuditChainEntry(1, "workarea-acquired", SESSION, "daemon:mac-studio-marks-office",
                        Map.of("workareaId", "wa_pool_7c1e2f9a", "acquirePath", "pool-warm",
                                "toolchain", List.of("node-20", "java-17"), "durationMs", 412),
                        "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
                        "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9",
                        new Attestation(AttestationKeyAlgorithm.ECDSA_P256, "9f1e77a…0c3b",
                                "MEQCIF3mK8pW2xY5zA7bC9dE1fG3hJ5kL7mN9pQ1rS3tU5vWAiB2cD4eF6gH8jK0mN2pQ4rS6tU8vW0xY2zA4bC6dE8fG0hJ2k=",
                                "2026-05-14T15:58:03Z", false),
                        "2026-05-14T15:58:03Z"),
                new AuditChainEntry(2, "kit-applied", SESSION, "agent:claude",
                        Map.of("kitId", "spring/java", "kitVersion", "2.3.1",
                                "commands", Map.of("test", "./mvnw -B verify")),
                        "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9",
                        "7d865e959b2466918c9863afca942d0fb89d7c9ac0c99bafc3749504ded97730",
                        null,
                        "2026-05-14T15:58:05Z"));
        assertThat(encode(chain)).isEqualTo(compactFixture("audit-chain-entry-array"));
    }

    @Test
    void knownAlgorithmsDecodeToTheDeclaredConstants() {
        List<AuditChainEntry> chain = decodeArrayFixture("audit-chain-entry-array", AuditChainEntry.class);

        assertThat(chain.get(0).attestation().keyAlgorithm()).isSameAs(AttestationKeyAlgorithm.ED25519);
        assertThat(chain.get(1).attestation().keyAlgorithm()).isSameAs(AttestationKeyAlgorithm.ECDSA_P256);
    }

    @Test
    void theFreeFormPayloadIsUnmodifiableAtEveryDepthAndKeepsItsOrder() {
        AuditChainEntry entry = decodeArrayFixture("audit-chain-entry-array", AuditChainEntry.class).get(0);

        @SuppressWarnings("unchecked")
        Map<String, Object> routing = (Map<String, Object>) entry.payload().get("routing");

        assertThat(entry.payload().keySet()).containsExactly("issueId", "workType", "routing");
        assertThat(routing.get("score")).isEqualTo(0.83);
        assertThatThrownBy(() -> entry.payload().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> routing.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNullAuditChainMeansEmpty() {
        assertThat(Copies.list(decodeArray("null", AuditChainEntry.class))).isEmpty();
        assertThat(decodeArray("[]", AuditChainEntry.class)).isEmpty();
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryDepth() {
        assertThat(decodeArray(withUnknownFieldsEverywhere("audit-chain-entry-array", "payload"), AuditChainEntry.class))
                .isEqualTo(decodeArrayFixture("audit-chain-entry-array", AuditChainEntry.class));
    }

    @Test
    void anUnknownAlgorithmSurvivesDecodeAndEncode() {
        String json = withString("audit-chain-entry-array", "/0/attestation/keyAlgorithm", "ml-dsa-65");

        List<AuditChainEntry> chain = decodeArray(json, AuditChainEntry.class);

        assertThat(chain.get(0).attestation().keyAlgorithm().value()).isEqualTo("ml-dsa-65");
        assertThat(chain.get(0).attestation().keyAlgorithm().isKnown()).isFalse();
        assertThat(encode(chain)).isEqualTo(json);
    }

    @Test
    void anAbsentAttestationIsNullAndLeftOut() {
        AuditChainEntry entry = decode("{\"sequence\":3,\"eventKind\":\"session-completed\"}", AuditChainEntry.class);

        assertThat(entry.attestation()).isNull();
        assertThat(entry.payload()).isEmpty();
        assertThat(encode(entry)).isEqualTo("{\"sequence\":3,\"eventKind\":\"session-completed\",\"sessionId\":\"\","
                + "\"actorId\":\"\",\"previousHash\":\"\",\"entryHash\":\"\",\"occurredAt\":\"\"}");
    }

    @Test
    void aSequenceBeyondIntRangeIsKept() {
        AuditChainEntry entry = decode("{\"sequence\":9007199254740993}", AuditChainEntry.class);

        assertThat(entry.sequence()).isEqualTo(9007199254740993L);
    }

    @Test
    void malformedStringTimestampsDoNotFailTheDecode() {
        AuditChainEntry entry = decode("{\"occurredAt\":\"n/a\",\"attestation\":{\"signedAt\":\"2026-05-14 15:57\"}}",
                AuditChainEntry.class);

        assertThat(entry.occurredAt()).isEqualTo("n/a");
        assertThat(entry.attestation().signedAt()).isEqualTo("2026-05-14 15:57");
    }
}
