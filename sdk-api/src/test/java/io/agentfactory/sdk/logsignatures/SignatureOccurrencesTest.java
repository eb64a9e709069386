package io.agentfactory.sdk.logsignatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.error.InvalidArgumentException;

class SignatureOccurrencesTest {

    private static final LogSignature SIGNATURE = LogSignatureCatalog.defaults().signatures().get(0);

    @Test
    void anExampleIsCutToItsFirstTwoHundredBytes() {
        assertThat(SignatureOccurrences.example("x".repeat(500))).isEqualTo("x".repeat(200));
    }

    @Test
    void aShortExampleIsKeptWhole() {
        assertThat(SignatureOccurrences.example("permission denied")).isEqualTo("permission denied");
    }

    @Test
    void anExampleNeverEndsInsideAThreeByteCharacter() {
        String example = SignatureOccurrences.example("a".repeat(199) + "日本");

        assertThat(example).isEqualTo("a".repeat(199));
    }

    @Test
    void anExampleNeverSplitsASurrogatePair() {
        String example = SignatureOccurrences.example("a".repeat(197) + "\uD83D\uDE00" + "b");

        assertThat(example).isEqualTo("a".repeat(197));
        assertThat(SignatureOccurrences.example("a".repeat(196) + "\uD83D\uDE00" + "b").getBytes(StandardCharsets.UTF_8))
                .hasSize(200);
    }

    @Test
    void examplesAreCutWhenTheOccurrencesAreBuilt() {
        SignatureOccurrences occurrences = new SignatureOccurrences(SIGNATURE, 1, List.of("é".repeat(150)));

        assertThat(occurrences.examples()).containsExactly("é".repeat(100));
    }

    @Test
    void moreThanThreeExamplesAreRejected() {
        assertThatThrownBy(() -> new SignatureOccurrences(SIGNATURE, 4, List.of("a", "b", "c", "d")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("at most 3 examples");
    }

    @Test
    void moreExamplesThanOccurrencesAreRejected() {
        assertThatThrownBy(() -> new SignatureOccurrences(SIGNATURE, 1, List.of("a", "b")))
                .isInstanceOf(InvalidArgumentException.class);
    }
}
