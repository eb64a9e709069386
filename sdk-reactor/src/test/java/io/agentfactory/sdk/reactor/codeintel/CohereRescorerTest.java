package io.agentfactory.sdk.reactor.codeintel;

import static io.agentfactory.sdk.reactor.codeintel.VoyageRescorerTest.ALPHA;
import static io.agentfactory.sdk.reactor.codeintel.VoyageRescorerTest.BETA;
import static io.agentfactory.sdk.reactor.codeintel.VoyageRescorerTest.GAMMA;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.codeintel.CodeMatch;
import io.agentfactory.sdk.error.NotAuthenticatedException;
import io.agentfactory.sdk.error.RateLimitedException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.reactor.faults.LogCapture;
import io.agentfactory.sdk.reactor.testing.LoopbackServer;
import io.agentfactory.sdk.reactor.testing.PoolProbe;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.Reply;

/** The Cohere rerank rescorer against a fake Cohere on loopback. */
class CohereRescorerTest {

    @RegisterExtension
    static final LoopbackServer loopback = new LoopbackServer();

    private static final String KEY = "co-C0hereS3cretKey99";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private PoolProbe pool;
    private CohereRescorer cohere;
    private LogCapture logs;

    @BeforeEach
    void connect() {
        logs = LogCapture.start();
        pool = PoolProbe.create("cohere-test", 4);
        cohere = CohereRescorer.create(RescorerOptions.cohere(KEY).withEndpoint(loopback.server().baseUrl() + "/v2/rerank")
                .withTransport(VoyageRescorerTest.transport(pool)));
    }

    @AfterEach
    void close() {
        cohere.close();
        pool.close();
        logs.close();
    }

    @Test
    void sendsTheDocumentsAndReadsTheScoresByIndex() {
        loopback.server().replyWith(Reply.json("{\"id\":\"r1\",\"results\":[{\"index\":2,\"relevance_score\":0.91},"
                + "{\"index\":0,\"relevance_score\":0.5},{\"index\":1,\"relevance_score\":0.0125}],"
                + "\"meta\":{\"api_version\":{\"version\":\"2\"}}}"));

        List<Double> scores = cohere.rescore("parse it", List.of(ALPHA, BETA, GAMMA)).block(WAIT);

        assertThat(scores).containsExactly(0.5, 0.0125, 0.91);
        RecordedRequest request = loopback.server().onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).isEqualTo("/v2/rerank");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.bodyText()).isEqualTo("{\"model\":\"rerank-v3.5\",\"query\":\"parse it\",\"documents\":["
                + "\"func alpha()\\nAlpha parses.\\nfunction alpha\\npkg/alpha.go\","
                + "\"func beta()\\nfunction beta\\npkg/beta.go\","
                + "\"func gamma()\\nfunction gamma\\npkg/gamma.go\"],\"top_n\":3}");
        assertThat(cohere.match()).isEqualTo(CodeMatch.RERANKED);
        assertThat(cohere.name()).isEqualTo("cohere");
        pool.awaitIdle(WAIT);
    }

    @Test
    void partialOrHostileAnswersAreRefusedAsAWhole() {
        Map<String, String> bodies = Map.of(
                "partial", "{\"results\":[{\"index\":1,\"relevance_score\":0.9}]}",
                "duplicate", "{\"results\":[{\"index\":1,\"relevance_score\":0.9},{\"index\":1,\"relevance_score\":0.1}]}",
                "out of range", "{\"results\":[{\"index\":0,\"relevance_score\":0.9},{\"index\":-1,\"relevance_score\":0.1}]}",
                "no score", "{\"results\":[{\"index\":0,\"relevance_score\":0.9},{\"index\":1}]}",
                "string score", "{\"results\":[{\"index\":0,\"relevance_score\":0.9},{\"index\":1,\"relevance_score\":\"1\"}]}",
                "overflow", "{\"results\":[{\"index\":0,\"relevance_score\":1e999},{\"index\":1,\"relevance_score\":0.1}]}",
                "no results", "{\"message\":\"" + KEY + "\"}",
                "not JSON", "[{");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            loopback.server().replyWith(Reply.json(body.getValue()));
            StepVerifier.create(cohere.rescore("q", List.of(ALPHA, BETA)))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).as(body.getKey()).isInstanceOf(ResponseDecodeException.class);
                        assertThat(e.toString()).doesNotContain(KEY);
                    })
                    .verify(WAIT);
        }
        pool.awaitIdle(WAIT);
    }

    @Test
    void statusesAreTypedAndTheKeyStaysOut() {
        loopback.server().replyWith(Reply.json(401, "{\"message\":\"invalid api token " + KEY + "\"}"));
        StepVerifier.create(cohere.rescore("q", List.of(ALPHA)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotAuthenticatedException.class)
                        .hasMessageNotContaining(KEY))
                .verify(WAIT);
        loopback.server().replyWith(Reply.json(429, "{\"message\":\"slow down\"}").header("Retry-After", "3"));
        StepVerifier.create(cohere.rescore("q", List.of(ALPHA)))
                .expectError(RateLimitedException.class)
                .verify(WAIT);
        assertThat(logs.lines()).noneMatch(line -> line.contains(KEY));
        assertThat(cohere.toString()).doesNotContain(KEY);
        assertThat(loopback.server().requestCount()).as("no retry").isEqualTo(2);
    }
}
