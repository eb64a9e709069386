package io.agentfactory.sdk.logsignatures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected values were computed outside Java: {@code printf '%s' 'type:title' | sha256sum | cut -c1-16}. */
class SignatureHashTest {

    @Test
    void hashIsAgentEnvFollowedByTheFirstSixteenHexCharactersOfSha256OfTypeColonTitle() {
        assertThat(SignatureHash.of(PatternType.APPROVAL_REQUIRED, "Command requires approval in autonomous mode"))
                .isEqualTo("agent-env-aed0b7e18df4768e");
    }

    @Test
    void sameTypeAndTitleAlwaysGiveTheSameHash() {
        String title = new String("Write attempted before read".toCharArray());

        assertThat(SignatureHash.of(PatternType.of("tool_misuse"), title))
                .isEqualTo(SignatureHash.of(PatternType.TOOL_MISUSE, "Write attempted before read"))
                .isEqualTo("agent-env-fd20b073def69d3e");
    }

    @Test
    void aDifferentTypeChangesTheHash() {
        assertThat(SignatureHash.of(PatternType.TOOL_ISSUE, "Write attempted before read"))
                .isEqualTo("agent-env-0546ddfac0dd68f9")
                .isNotEqualTo(SignatureHash.of(PatternType.TOOL_MISUSE, "Write attempted before read"));
    }

    @Test
    void onlyTheFirstHundredBytesOfTheTitleAreHashed() {
        String hundred = "x".repeat(100);

        assertThat(SignatureHash.of(PatternType.TOOL_ISSUE, hundred + " and more"))
                .isEqualTo(SignatureHash.of(PatternType.TOOL_ISSUE, hundred))
                .isEqualTo("agent-env-f3619eea28adc55f");
    }

    @Test
    void aCharacterAcrossTheHundredthByteIsLeftOutWhole() {
        // 99 ASCII bytes, then 'é' (2 bytes) would end at byte 101.
        assertThat(SignatureHash.of(PatternType.TOOL_ISSUE, "a".repeat(99) + "é tail"))
                .isEqualTo(SignatureHash.of(PatternType.TOOL_ISSUE, "a".repeat(99)))
                .isEqualTo("agent-env-acb80ef734279328");
    }

    @Test
    void aSignatureHashesItsTypeAndTitle() {
        LogSignature signature = LogSignatureCatalog.defaults().signatures().get(0);

        assertThat(signature.hash()).isEqualTo("agent-env-aed0b7e18df4768e");
    }
}
