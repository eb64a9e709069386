package io.agentfactory.sdk.reactor.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.Rescorer;
import io.agentfactory.sdk.error.InvalidArgumentException;

/** The rescoring configuration and its environment variables. */
class RescoringTest {

    @Test
    void offByDefault() {
        assertThat(CodeIntelOptions.defaults().rescoring()).isEqualTo(Rescoring.none());
        assertThat(Rescoring.none().enabled()).isFalse();
        assertThat(Rescoring.none().headSize()).isEqualTo(40);
        assertThat(Rescoring.none().budget()).isEqualTo(Duration.ofSeconds(10));
        assertThat(Rescoring.fromEnvironment(Map.of())).isEqualTo(Rescoring.none());
        assertThat(Rescoring.fromEnvironment(Map.of("VOYAGE_API_KEY", "  ", "VOYAGE_AI_API_KEY", "")))
                .isEqualTo(Rescoring.none());
    }

    @Test
    void cohereAloneIsNotUsed() {
        assertThat(Rescoring.fromEnvironment(Map.of("COHERE_API_KEY", "co-key")).enabled()).isFalse();
    }

    @Test
    void voyageThenCohereFromTheEnvironment() {
        Rescoring voyageOnly = Rescoring.fromEnvironment(Map.of("VOYAGE_AI_API_KEY", " pa-old \n"));
        try {
            assertThat(voyageOnly.stages()).singleElement().isInstanceOf(VoyageRescorer.class);
        }
        finally {
            voyageOnly.close();
        }
        Rescoring both = Rescoring.fromEnvironment(Map.of("VOYAGE_API_KEY", "pa-new", "VOYAGE_AI_API_KEY", "pa-old",
                "COHERE_API_KEY", " co-key "));
        try {
            assertThat(both.stages()).extracting(Rescorer::name).containsExactly("voyage", "cohere");
            assertThat(both.stages().get(0).toString()).isEqualTo(
                    "VoyageRescorer[https://api.voyageai.com/v1/embeddings, voyage-code-3]");
            assertThat(both.stages().get(1).toString()).isEqualTo("CohereRescorer[https://api.cohere.com/v2/rerank, rerank-v3.5]");
            assertThat(both.toString()).doesNotContain("pa-new").doesNotContain("co-key");
        }
        finally {
            both.close();
        }
    }

    @Test
    void aKeyThatCannotBeAHeaderIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> Rescoring.fromEnvironment(Map.of("VOYAGE_API_KEY", "pa-\u0000secret")))
                .isInstanceOf(InvalidArgumentException.class).hasMessageNotContaining("secret");
    }

    @Test
    void headAndBudgetAreChecked() {
        assertThat(Rescoring.none().withHeadSize(128).withBudget(Duration.ofMillis(1)).headSize()).isEqualTo(128);
        assertThatThrownBy(() -> Rescoring.none().withHeadSize(0)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> Rescoring.none().withHeadSize(129)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> Rescoring.none().withBudget(Duration.ZERO)).isInstanceOf(InvalidArgumentException.class);
        assertThat(new Rescoring(List.of(), 1, Duration.ofSeconds(1)).enabled()).isFalse();
    }

    @Test
    void theOtherOptionsKeepTheRescoring() {
        Rescoring custom = Rescoring.none().withHeadSize(7);
        CodeIntelOptions options = CodeIntelOptions.regexOnly().withRescoring(custom).withMaxFileBytes(10)
                .withPersistence(false);
        assertThat(options.rescoring()).isEqualTo(custom);
        assertThat(new CodeIntelOptions(options.extractors(), 10, false).rescoring()).isEqualTo(Rescoring.none());
    }
}
