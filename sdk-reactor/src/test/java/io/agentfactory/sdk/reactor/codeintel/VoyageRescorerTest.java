package io.agentfactory.sdk.reactor.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import io.agentfactory.sdk.codeintel.CodeMatch;
import io.agentfactory.sdk.codeintel.CodeSearchHit;
import io.agentfactory.sdk.codeintel.Rescorer;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolKind;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.NotAuthenticatedException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.error.ServerErrorException;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.faults.LogCapture;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.reactor.testing.LoopbackServer;
import io.agentfactory.sdk.reactor.testing.PoolProbe;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.Reply;

/** The Voyage embeddings rescorer against a fake Voyage on loopback. */
class VoyageRescorerTest {

    @RegisterExtension
    static final LoopbackServer loopback = new LoopbackServer();

    static final String KEY = "pa-V0yageS3cretKey77";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private PoolProbe pool;
    private VoyageRescorer voyage;
    private LogCapture logs;

    static CodeSearchHit hit(String name, String doc, double score) {
        return new CodeSearchHit(new Symbol(name, SymbolKind.FUNCTION, "pkg/" + name + ".go", 3, 5, "func " + name + "()",
                doc, true, "", "go"), score, CodeMatch.BM25);
    }

    static final CodeSearchHit ALPHA = hit("alpha", "Alpha parses.", 3.0);
    static final CodeSearchHit BETA = hit("beta", "", 2.0);
    static final CodeSearchHit GAMMA = hit("gamma", "", 1.0);

    static TransportOptions transport(PoolProbe pool) {
        return TransportOptions.builder().retryPolicy(RetryPolicy.none()).connectionProvider(pool.provider())
                .responseTimeout(Duration.ofSeconds(5)).build();
    }

    @BeforeEach
    void connect() {
        logs = LogCapture.start();
        pool = PoolProbe.create("voyage-test", 4);
        voyage = VoyageRescorer.create(RescorerOptions.voyage(KEY).withEndpoint(loopback.server().baseUrl() + "/v1/embeddings")
                .withTransport(transport(pool)));
    }

    @AfterEach
    void close() {
        voyage.close();
        pool.close();
        logs.close();
    }

    /** A fake Voyage: each input's vector is {@code vectors.apply(text)}; index order as given. */
    static Function<RecordedRequest, Reply> fakeVoyage(Function<String, List<Double>> vectors) {
        return request -> {
            JsonNode body = JsonCodec.get().mapper().readTree(request.body());
            StringBuilder data = new StringBuilder("{\"object\":\"list\",\"data\":[");
            int i = 0;
            for (JsonNode input : body.get("input")) {
                if (i > 0) {
                    data.append(',');
                }
                data.append("{\"object\":\"embedding\",\"embedding\":").append(JsonCodec.get().encodeToString(
                        vectors.apply(input.asString()))).append(",\"index\":").append(i++).append('}');
            }
            return Reply.json(data.append("],\"model\":\"voyage-code-3\",\"usage\":{\"total_tokens\":9}}").toString());
        };
    }

    /** Query "parse" → (1, 0); alpha (1, 0), beta (0, 1), gamma (1, 1); anything else (0.5, 0.5). */
    static List<Double> vectorOf(String text) {
        if (text.equals("parse")) {
            return List.of(1.0, 0.0);
        }
        if (text.contains("alpha")) {
            return List.of(1.0, 0.0);
        }
        if (text.contains("beta")) {
            return List.of(0.0, 1.0);
        }
        if (text.contains("gamma")) {
            return List.of(1.0, 1.0);
        }
        return List.of(0.5, 0.5);
    }

    private RecordedRequest request(String inputType) {
        return loopback.server().requests().stream()
                .filter(r -> r.bodyText().contains("\"input_type\":\"" + inputType + "\"")).findFirst().orElseThrow();
    }

    @Test
    void sendsTheQueryAndTheDocumentsAndBlendsTheScores() {
        loopback.server().replyWith(fakeVoyage(VoyageRescorerTest::vectorOf));

        List<Double> scores = voyage.rescore("parse", List.of(ALPHA, BETA, GAMMA)).block(WAIT);

        // cos = 1, 0, 1/√2; minmax(cos) = 1, 0, 0.7071…; minmax(bm25 3, 2, 1) = 1, 0.5, 0
        assertThat(scores).hasSize(3);
        assertThat(scores.get(0)).isCloseTo(0.45 * 1 + 0.55 * 1, within(1e-9));
        assertThat(scores.get(1)).isCloseTo(0.55 * 0.5, within(1e-9));
        assertThat(scores.get(2)).isCloseTo(0.45 * 0.7071067811865476, within(1e-9));

        assertThat(loopback.server().requests()).extracting(RecordedRequest::bodyText)
                .allMatch(body -> body.startsWith("{\"model\":\"voyage-code-3\",\"input\":["))
                .hasSize(2);
        assertThat(loopback.server().requests().get(0).bodyText()).as("the query first").contains("\"input_type\":\"query\"");
        RecordedRequest query = request("query");
        assertThat(query.method()).isEqualTo("POST");
        assertThat(query.uri()).isEqualTo("/v1/embeddings");
        assertThat(query.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(query.header("Content-Type")).isEqualTo("application/json");
        assertThat(query.header("Accept")).isEqualTo("application/json");
        assertThat(query.bodyText()).isEqualTo(
                "{\"model\":\"voyage-code-3\",\"input\":[\"parse\"],\"input_type\":\"query\",\"output_dimension\":256}");
        assertThat(query.header("Content-Length")).isEqualTo(Integer.toString(query.body().length));
        RecordedRequest documents = request("document");
        assertThat(documents.uri()).isEqualTo("/v1/embeddings");
        assertThat(documents.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(documents.bodyText()).isEqualTo("{\"model\":\"voyage-code-3\",\"input\":["
                + "\"func alpha()\\nAlpha parses.\\nfunction alpha\\npkg/alpha.go\","
                + "\"func beta()\\nfunction beta\\npkg/beta.go\","
                + "\"func gamma()\\nfunction gamma\\npkg/gamma.go\"],"
                + "\"input_type\":\"document\",\"output_dimension\":256}");
        assertThat(voyage.match()).isEqualTo(CodeMatch.HYBRID);
        assertThat(voyage.name()).isEqualTo("voyage");
        pool.awaitIdle(WAIT);
    }

    @Test
    void answersOutOfIndexOrderAreReadByIndex() {
        loopback.server().replyWith(request -> request.bodyText().contains("\"query\"")
                ? Reply.json("{\"data\":[{\"embedding\":[1,0],\"index\":0}]}")
                : Reply.json("{\"data\":[{\"embedding\":[0,1],\"index\":1},{\"embedding\":[1,0],\"index\":0}]}"));

        List<Double> scores = voyage.rescore("parse", List.of(GAMMA, ALPHA)).block(WAIT);

        // GAMMA gets (1, 0): cos 1 → 0.45·1 + 0.55·0 (its bm25 1.0 is the lowest); ALPHA (0, 1): cos 0, bm25 top.
        assertThat(scores.get(0)).isCloseTo(0.45, within(1e-9));
        assertThat(scores.get(1)).isCloseTo(0.55, within(1e-9));
    }

    @Test
    void theCacheSendsOnlyNewDocumentsAndNotTheSameQueryAgain() {
        loopback.server().replyWith(fakeVoyage(VoyageRescorerTest::vectorOf));
        List<Double> first = voyage.rescore("parse", List.of(ALPHA, BETA)).block(WAIT);
        assertThat(loopback.server().requestCount()).isEqualTo(2);
        assertThat(voyage.cachedEmbeddings()).isEqualTo(3);
        loopback.server().reset();
        loopback.server().replyWith(fakeVoyage(VoyageRescorerTest::vectorOf));

        List<Double> second = voyage.rescore("parse", List.of(ALPHA, GAMMA, BETA)).block(WAIT);

        assertThat(loopback.server().onlyRequest().bodyText()).isEqualTo("{\"model\":\"voyage-code-3\",\"input\":["
                + "\"func gamma()\\nfunction gamma\\npkg/gamma.go\"],\"input_type\":\"document\",\"output_dimension\":256}");
        assertThat(first).hasSize(2);
        assertThat(second.get(0)).isCloseTo(1.0, within(1e-9));
        assertThat(second.get(1)).isCloseTo(0.45 * 0.7071067811865476, within(1e-9));
        assertThat(second.get(2)).isCloseTo(0.55 * 0.5, within(1e-9));

        loopback.server().reset();
        assertThat(voyage.rescore("parse", List.of(BETA, ALPHA)).block(WAIT)).hasSize(2);
        assertThat(loopback.server().requestCount()).as("everything cached").isZero();
    }

    @Test
    void aBoundedCacheForgetsTheLeastRecentlyUsed() {
        loopback.server().replyWith(fakeVoyage(VoyageRescorerTest::vectorOf));
        try (VoyageRescorer small = VoyageRescorer.create(RescorerOptions.voyage(KEY)
                .withEndpoint(loopback.server().baseUrl() + "/v1/embeddings").withTransport(transport(pool)), 2)) {
            small.rescore("parse", List.of(ALPHA)).block(WAIT);
            small.rescore("parse", List.of(BETA)).block(WAIT);
            assertThat(small.cachedEmbeddings()).isEqualTo(2);
            loopback.server().reset();
            loopback.server().replyWith(fakeVoyage(VoyageRescorerTest::vectorOf));
            small.rescore("parse", List.of(ALPHA)).block(WAIT);
            // beta's document evicted alpha's (the query was used more recently): only alpha is sent again
            assertThat(loopback.server().onlyRequest().bodyText()).contains("\"input\":[\"func alpha()")
                    .contains("\"input_type\":\"document\"");
            loopback.server().reset();
            loopback.server().replyWith(fakeVoyage(VoyageRescorerTest::vectorOf));
            small.rescore("parse", List.of(BETA)).block(WAIT);
            // and alpha's evicted beta's: only beta is sent again, the query stays cached
            assertThat(loopback.server().onlyRequest().bodyText()).contains("\"input\":[\"func beta()")
                    .contains("\"input_type\":\"document\"");
        }
    }

    @Test
    void errorStatusesAreTypedAndNeverCarryTheKey() {
        loopback.server().replyWith(Reply.json(401, "{\"detail\":\"Provided API key is invalid: " + KEY + "\"}"));
        StepVerifier.create(voyage.rescore("parse", List.of(ALPHA)))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(NotAuthenticatedException.class);
                    assertThat(e.toString()).doesNotContain(KEY);
                })
                .verify(WAIT);

        loopback.server().replyWith(Reply.json(500, "{\"detail\":\"oops " + KEY + "\"}"));
        StepVerifier.create(voyage.rescore("parse", List.of(ALPHA)))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ServerErrorException.class);
                    assertThat(e.toString()).doesNotContain(KEY);
                })
                .verify(WAIT);
        assertThat(logs.lines()).noneMatch(line -> line.contains(KEY));
        assertThat(voyage.toString()).doesNotContain(KEY);
        assertThat(RescorerOptions.voyage(KEY).toString()).doesNotContain(KEY).contains("apiKey=REDACTED");
        pool.awaitIdle(WAIT);
    }

    @Test
    void hostileAnswersAreDecodeErrors() {
        Map<String, String> bodies = Map.of(
                "not JSON", "{\"data\":[",
                "missing index", "{\"data\":[{\"embedding\":[1,0],\"index\":0}]}",
                "duplicate index", "{\"data\":[{\"embedding\":[1,0],\"index\":0},{\"embedding\":[0,1],\"index\":0}]}",
                "index out of range", "{\"data\":[{\"embedding\":[1,0],\"index\":0},{\"embedding\":[0,1],\"index\":2}]}",
                "NaN", "{\"data\":[{\"embedding\":[NaN,0],\"index\":0},{\"embedding\":[0,1],\"index\":1}]}",
                "overflow", "{\"data\":[{\"embedding\":[1e999,0],\"index\":0},{\"embedding\":[0,1],\"index\":1}]}",
                "string value", "{\"data\":[{\"embedding\":[\"1\",0],\"index\":0},{\"embedding\":[0,1],\"index\":1}]}",
                "mixed dimensions", "{\"data\":[{\"embedding\":[1,0],\"index\":0},{\"embedding\":[0,1,0],\"index\":1}]}",
                "no data", "{\"detail\":\"" + KEY + "\"}",
                "fractional index", "{\"data\":[{\"embedding\":[1,0],\"index\":0.5},{\"embedding\":[0,1],\"index\":1}]}");
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            loopback.server().reset();
            loopback.server().replyWith(request -> request.bodyText().contains("\"query\"")
                    ? Reply.json("{\"data\":[{\"embedding\":[1,0],\"index\":0}]}")
                    : Reply.json(body.getValue()));
            try (VoyageRescorer fresh = VoyageRescorer.create(RescorerOptions.voyage(KEY)
                    .withEndpoint(loopback.server().baseUrl() + "/v1/embeddings").withTransport(transport(pool)))) {
                StepVerifier.create(fresh.rescore("parse", List.of(ALPHA, BETA)))
                        .expectErrorSatisfies(e -> {
                            assertThat(e).as(body.getKey()).isInstanceOf(ResponseDecodeException.class);
                            assertThat(e.toString()).doesNotContain(KEY);
                        })
                        .verify(WAIT);
                assertThat(fresh.cachedEmbeddings()).as("no document cached from a bad answer").isLessThanOrEqualTo(1);
            }
        }
        pool.awaitIdle(WAIT);
    }

    @Test
    void queryAndDocumentsOfOtherDimensionsAreRefused() {
        loopback.server().replyWith(request -> request.bodyText().contains("\"query\"")
                ? Reply.json("{\"data\":[{\"embedding\":[1,0,0],\"index\":0}]}")
                : Reply.json("{\"data\":[{\"embedding\":[1,0],\"index\":0}]}"));
        StepVerifier.create(voyage.rescore("parse", List.of(ALPHA)))
                .expectError(ResponseDecodeException.class)
                .verify(WAIT);
    }

    @Test
    void cancellingReleasesTheConnection() throws InterruptedException {
        CountDownLatch arrived = new CountDownLatch(1);
        loopback.server().replyWith(request -> {
            arrived.countDown();
            return Reply.custom((req, res) -> Mono.never());
        });
        Disposable call = voyage.rescore("parse", List.of(ALPHA)).subscribe();
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.acquired()).isEqualTo(1);
        call.dispose();
        pool.awaitIdle(WAIT);
    }

    @Test
    void optionsAreValidatedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> RescorerOptions.voyage("  ")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> RescorerOptions.voyage("key\r\nX-Evil: 1")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageNotContaining("X-Evil");
        assertThatThrownBy(() -> RescorerOptions.voyage(KEY).withEndpoint("ftp://example.com/v1"))
                .isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> RescorerOptions.voyage(KEY).withModel(" ")).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> VoyageRescorer.create(RescorerOptions.voyage(KEY), -1))
                .isInstanceOf(InvalidArgumentException.class);
        assertThat(RescorerOptions.voyage(" " + KEY + "\t").apiKey()).isEqualTo(KEY);
        assertThat(voyage.rescore("parse", List.of()).block(WAIT)).isEmpty();
        assertThat(loopback.server().requestCount()).isZero();
        assertThat(Rescorer.candidateText(BETA)).isEqualTo("func beta()\nfunction beta\npkg/beta.go");
    }
}
