package io.agentfactory.sdk.reactor.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.codeintel.CodeIntel;
import io.agentfactory.sdk.codeintel.CodeMatch;
import io.agentfactory.sdk.codeintel.CodeQuery;
import io.agentfactory.sdk.codeintel.CodeSearchHit;
import io.agentfactory.sdk.codeintel.Rescorer;
import io.agentfactory.sdk.reactor.faults.LogCapture;
import io.agentfactory.sdk.reactor.testing.LoopbackServer;
import io.agentfactory.sdk.reactor.testing.PoolProbe;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.Reply;

/** {@link ReactorCodeIntel#searchCode} with rescoring, over a real tree and fake Voyage and Cohere on loopback. */
class RescoredSearchTest {

    @RegisterExtension
    static final LoopbackServer loopback = new LoopbackServer();

    private static final String VOYAGE_KEY = "pa-IntegrationVoyageKey5";
    private static final String COHERE_KEY = "co-IntegrationCohereKey6";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path root;

    private PoolProbe pool;
    private LogCapture logs;
    private VoyageRescorer voyage;
    private CohereRescorer cohere;

    @BeforeEach
    void tree() throws IOException {
        Files.writeString(root.resolve("a.go"), """
                package a

                // ParseConfig parses the config file.
                func ParseConfig(path string) error { return nil }

                // ParseArgs parses command line arguments.
                func ParseArgs(args []string) error { return nil }

                func parseHeader(line string) string { return line }
                """);
        Files.writeString(root.resolve("b.go"), """
                package b

                // Parser reads input.
                type Parser struct{}

                // Parse parses everything and parses it again.
                func (p *Parser) Parse(input string) error { return nil }

                func reparse() {}

                func unrelated() {}
                """);
        pool = PoolProbe.create("rescore-test", 8);
        logs = LogCapture.start();
        voyage = VoyageRescorer.create(RescorerOptions.voyage(VOYAGE_KEY)
                .withEndpoint(loopback.server().baseUrl() + "/v1/embeddings").withTransport(VoyageRescorerTest.transport(pool)));
        cohere = CohereRescorer.create(RescorerOptions.cohere(COHERE_KEY)
                .withEndpoint(loopback.server().baseUrl() + "/v2/rerank").withTransport(VoyageRescorerTest.transport(pool)));
    }

    @AfterEach
    void close() {
        voyage.close();
        cohere.close();
        pool.close();
        logs.close();
    }

    private CodeIntel open(Rescoring rescoring) {
        return ReactorCodeIntel.open(root, CodeIntelOptions.regexOnly().withPersistence(false).withRescoring(rescoring));
    }

    private static List<CodeSearchHit> search(CodeIntel code, int max) {
        return code.searchCode(new CodeQuery("parse", max, "")).collectList().block(WAIT);
    }

    private List<CodeSearchHit> plain(int max) {
        return search(open(Rescoring.none()), max);
    }

    private List<String> warnings() {
        return logs.lines().stream().filter(line -> line.startsWith("WARN ")).toList();
    }

    private void assertNoKeyLogged() {
        assertThat(logs.lines()).noneMatch(line -> line.contains(VOYAGE_KEY) || line.contains(COHERE_KEY));
    }

    /** Voyage answers (1, 0) for the query and for {@code favourite}'s text, (0, 1) for every other document. */
    private static Function<RecordedRequest, Reply> voyageFavouring(CodeSearchHit favourite) {
        String text = Rescorer.candidateText(favourite);
        return VoyageRescorerTest.fakeVoyage(input -> input.equals("parse") || input.equals(text) ? List.of(1.0, 0.0)
                : List.of(0.0, 1.0));
    }

    /** The expected blend: minmax(cos) is 1 for the favourite and 0 for the rest; then a stable sort. */
    private static List<CodeSearchHit> expectedBlend(List<CodeSearchHit> bm25, CodeSearchHit favourite) {
        double lo = bm25.stream().mapToDouble(CodeSearchHit::score).min().orElseThrow();
        double hi = bm25.stream().mapToDouble(CodeSearchHit::score).max().orElseThrow();
        List<CodeSearchHit> expected = new ArrayList<>();
        for (CodeSearchHit hit : bm25) {
            double lexical = hi == lo ? 0 : (hit.score() - lo) / (hi - lo);
            double semantic = hit.symbol().equals(favourite.symbol()) ? 1 : 0;
            expected.add(new CodeSearchHit(hit.symbol(), 0.45 * semantic + 0.55 * lexical, CodeMatch.HYBRID));
        }
        expected.sort(Comparator.comparingDouble(CodeSearchHit::score).reversed());
        return expected;
    }

    @Test
    void voyageReordersTheHeadByTheBlend() {
        List<CodeSearchHit> bm25 = plain(40);
        assertThat(bm25).hasSizeGreaterThanOrEqualTo(4);
        CodeSearchHit favourite = bm25.get(bm25.size() - 1);
        loopback.server().replyWith(voyageFavouring(favourite));

        List<CodeSearchHit> out = search(open(Rescoring.of(voyage)), 0);

        List<CodeSearchHit> expected = expectedBlend(bm25, favourite);
        assertThat(out).extracting(CodeSearchHit::symbol).containsExactlyElementsOf(
                expected.stream().map(CodeSearchHit::symbol).toList());
        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-9));
            assertThat(out.get(i).match()).isEqualTo(CodeMatch.HYBRID);
        }
        assertThat(out).extracting(CodeSearchHit::symbol).isNotEqualTo(bm25.stream().map(CodeSearchHit::symbol).toList());
        assertThat(loopback.server().requestCount()).isEqualTo(2);
        assertThat(warnings()).isEmpty();
        assertNoKeyLogged();
    }

    @Test
    void theHeadIsRescoredBeforeTheLimitAndTheTailKeepsBm25Order() {
        List<CodeSearchHit> bm25 = plain(40);
        CodeSearchHit favourite = bm25.get(1);
        loopback.server().replyWith(voyageFavouring(favourite));

        List<CodeSearchHit> out = search(open(Rescoring.of(voyage).withHeadSize(3)), 40);

        List<CodeSearchHit> head = expectedBlend(bm25.subList(0, 3), favourite);
        assertThat(out.subList(0, 3)).extracting(CodeSearchHit::symbol)
                .containsExactlyElementsOf(head.stream().map(CodeSearchHit::symbol).toList());
        assertThat(out.subList(3, out.size())).isEqualTo(bm25.subList(3, bm25.size()));

        loopback.server().reset();
        loopback.server().replyWith(voyageFavouring(favourite));
        assertThat(search(open(Rescoring.of(voyage).withHeadSize(3)), 1)).extracting(CodeSearchHit::symbol)
                .containsExactly(head.get(0).symbol());
    }

    @Test
    void everyVoyageFailureKeepsTheBm25OrderWithOneWarning() {
        List<CodeSearchHit> bm25 = plain(0);
        Map<String, Reply> failures = new java.util.LinkedHashMap<>();
        failures.put("HTTP 500", Reply.json(500, "{\"detail\":\"" + VOYAGE_KEY + "\"}"));
        failures.put("HTTP 401", Reply.json(401, "{\"detail\":\"bad key " + VOYAGE_KEY + "\"}"));
        failures.put("ResponseDecodeException", Reply.json("{\"data\":[{\"embedding\":[1,0],\"index\":0}"));
        failures.put("ResponseDecodeException ", Reply.json("{\"data\":[{\"embedding\":[1,0],\"index\":0}]}"));
        failures.put("ResponseDecodeException  ", Reply.json("{\"data\":[{\"embedding\":[NaN,0],\"index\":0}]}"));
        for (Map.Entry<String, Reply> failure : failures.entrySet()) {
            logs.clear();
            loopback.server().reset();
            loopback.server().replyWith(request -> request.bodyText().contains("\"input_type\":\"query\"")
                    ? Reply.json("{\"data\":[{\"embedding\":[1,0],\"index\":0}]}")
                    : failure.getValue());
            try (VoyageRescorer fresh = VoyageRescorer.create(RescorerOptions.voyage(VOYAGE_KEY)
                    .withEndpoint(loopback.server().baseUrl() + "/v1/embeddings")
                    .withTransport(VoyageRescorerTest.transport(pool)))) {
                assertThat(search(open(Rescoring.of(fresh)), 0)).as(failure.getKey()).isEqualTo(bm25);
            }
            assertThat(warnings()).as(failure.getKey()).containsExactly(
                    "WARN io.agentfactory.sdk.reactor.codeintel.rescoring - code search rescoring: voyage unavailable ("
                            + failure.getKey().trim() + "), keeping the previous order");
            assertNoKeyLogged();
        }
        pool.awaitIdle(WAIT);
    }

    @Test
    void aDuplicateIndexIsRefused() {
        List<CodeSearchHit> bm25 = plain(0);
        loopback.server().replyWith(request -> {
            if (request.bodyText().contains("\"input_type\":\"query\"")) {
                return Reply.json("{\"data\":[{\"embedding\":[1,0],\"index\":0}]}");
            }
            StringBuilder data = new StringBuilder("{\"data\":[");
            for (int i = 0; i < bm25.size(); i++) {
                data.append(i == 0 ? "" : ",").append("{\"embedding\":[0,1],\"index\":").append(i == 1 ? 0 : i).append('}');
            }
            return Reply.json(data.append("]}").toString());
        });
        assertThat(search(open(Rescoring.of(voyage)), 0)).isEqualTo(bm25);
        assertThat(warnings()).singleElement().asString().contains("voyage unavailable (ResponseDecodeException)");
    }

    @Test
    void aSilentServerRunsOutOfBudgetAndItsConnectionsAreReleased() {
        List<CodeSearchHit> bm25 = plain(0);
        loopback.server().replyWith(Reply.custom((request, response) -> Mono.never()));

        assertThat(search(open(Rescoring.of(voyage).withBudget(Duration.ofMillis(300))), 0)).isEqualTo(bm25);

        assertThat(warnings()).containsExactly("WARN io.agentfactory.sdk.reactor.codeintel.rescoring - "
                + "code search rescoring: voyage unavailable (out of budget), keeping the previous order");
        pool.awaitIdle(WAIT);
    }

    @Test
    void cancellingASearchCancelsTheCallAndReleasesItsConnection() throws InterruptedException {
        plain(0);
        CountDownLatch arrived = new CountDownLatch(1);
        loopback.server().replyWith(request -> {
            arrived.countDown();
            return Reply.custom((req, response) -> Mono.never());
        });
        AtomicBoolean done = new AtomicBoolean();
        Disposable search = open(Rescoring.of(voyage)).searchCode(CodeQuery.of("parse"))
                .doOnTerminate(() -> done.set(true)).subscribe();
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.acquired()).isEqualTo(1);

        search.dispose();

        pool.awaitIdle(WAIT);
        assertThat(done).isFalse();
        assertThat(warnings()).as("a cancelled search is not a failure").isEmpty();
    }

    @Test
    void cohereReranksAfterVoyage() {
        List<CodeSearchHit> bm25 = plain(0);
        CodeSearchHit favourite = bm25.get(bm25.size() - 1);
        List<CodeSearchHit> voyageOrder = expectedBlend(bm25, favourite);
        Function<RecordedRequest, Reply> embeddings = voyageFavouring(favourite);
        List<String> sentToCohere = new ArrayList<>();
        loopback.server().replyWith(request -> {
            if (!request.path().equals("/v2/rerank")) {
                return embeddings.apply(request);
            }
            sentToCohere.add(request.bodyText());
            // relevance rises with the position in the Voyage order: the reverse comes out
            StringBuilder results = new StringBuilder("{\"results\":[");
            for (int i = voyageOrder.size() - 1; i >= 0; i--) {
                results.append(i == voyageOrder.size() - 1 ? "" : ",").append("{\"index\":").append(i)
                        .append(",\"relevance_score\":").append(0.1 * (i + 1)).append('}');
            }
            return Reply.json(results.append("]}").toString());
        });

        List<CodeSearchHit> out = search(open(Rescoring.of(voyage, cohere)), 0);

        List<CodeSearchHit> reversed = new ArrayList<>(voyageOrder);
        java.util.Collections.reverse(reversed);
        assertThat(out).extracting(CodeSearchHit::symbol)
                .containsExactlyElementsOf(reversed.stream().map(CodeSearchHit::symbol).toList());
        assertThat(out).extracting(CodeSearchHit::match).containsOnly(CodeMatch.RERANKED);
        assertThat(out.get(0).score()).isCloseTo(0.1 * voyageOrder.size(), within(1e-9));
        assertThat(sentToCohere).singleElement().asString()
                .startsWith("{\"model\":\"rerank-v3.5\",\"query\":\"parse\",\"documents\":[\""
                        + Rescorer.candidateText(voyageOrder.get(0)).replace("\n", "\\n") + "\"")
                .endsWith(",\"top_n\":" + voyageOrder.size() + "}");
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aCohereFailureKeepsTheVoyageOrder() {
        List<CodeSearchHit> bm25 = plain(0);
        CodeSearchHit favourite = bm25.get(bm25.size() - 1);
        Function<RecordedRequest, Reply> embeddings = voyageFavouring(favourite);
        loopback.server().replyWith(request -> request.path().equals("/v2/rerank")
                ? Reply.json(500, "{\"message\":\"" + COHERE_KEY + "\"}") : embeddings.apply(request));

        List<CodeSearchHit> out = search(open(Rescoring.of(voyage, cohere)), 0);

        assertThat(out).extracting(CodeSearchHit::symbol).containsExactlyElementsOf(
                expectedBlend(bm25, favourite).stream().map(CodeSearchHit::symbol).toList());
        assertThat(out).extracting(CodeSearchHit::match).containsOnly(CodeMatch.HYBRID);
        assertThat(warnings()).containsExactly("WARN io.agentfactory.sdk.reactor.codeintel.rescoring - "
                + "code search rescoring: cohere unavailable (HTTP 500), keeping the previous order");
        assertNoKeyLogged();
    }

    @Test
    void noKeyNoRequest() {
        List<CodeSearchHit> bm25 = plain(0);
        Rescoring fromEnvironment = Rescoring.fromEnvironment(Map.of("COHERE_API_KEY", COHERE_KEY, "PATH", "/usr/bin"));

        assertThat(search(open(fromEnvironment), 0)).isEqualTo(bm25);
        assertThat(loopback.server().requestCount()).isZero();
        assertThat(pool.used()).isFalse();
        assertThat(warnings()).isEmpty();
    }
}
