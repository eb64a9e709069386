package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

import io.agentfactory.sdk.codeintel.CodeMatch;
import io.agentfactory.sdk.codeintel.CodeSearchHit;
import io.agentfactory.sdk.codeintel.Rescorer;
import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolKind;
import io.agentfactory.sdk.error.HttpError;
import io.agentfactory.sdk.error.ServerErrorException;
import io.agentfactory.sdk.reactor.faults.LogCapture;

/** The rescoring pass: head and tail, stable order, the budget on virtual time, one warning per failure. */
class RescoringPassTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration BUDGET = Duration.ofSeconds(10);

    private LogCapture logs;

    @BeforeEach
    void capture() {
        logs = LogCapture.start();
    }

    @AfterEach
    void release() {
        logs.close();
    }

    static CodeSearchHit hit(String name, double score) {
        return new CodeSearchHit(new Symbol(name, SymbolKind.FUNCTION, name + ".go", 1, 1, "func " + name + "()", "",
                true, "", "go"), score, CodeMatch.BM25);
    }

    static List<CodeSearchHit> ranking(int n) {
        List<CodeSearchHit> hits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hits.add(hit("s" + i, n - i));
        }
        return List.copyOf(hits);
    }

    private static Rescorer fixed(String name, CodeMatch match, Double... scores) {
        return new Rescorer() {
            @Override
            public Mono<List<Double>> rescore(String query, List<CodeSearchHit> candidates) {
                return Mono.just(Arrays.asList(scores));
            }

            @Override
            public CodeMatch match() {
                return match;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    private static Rescorer answering(String name, Mono<List<Double>> answer) {
        return new Rescorer() {
            @Override
            public Mono<List<Double>> rescore(String query, List<CodeSearchHit> candidates) {
                return answer;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    private static List<String> names(List<CodeSearchHit> hits) {
        return hits.stream().map(h -> h.symbol().name()).toList();
    }

    private List<String> warnings() {
        return logs.lines().stream().filter(line -> line.startsWith("WARN ")).toList();
    }

    private List<CodeSearchHit> run(List<CodeSearchHit> ranked, int head, Rescorer... stages) {
        return RescoringPass.apply("q", ranked, List.of(stages), head, BUDGET, Schedulers.parallel()).block(WAIT);
    }

    @Test
    void theHeadIsReorderedStablyAndTheTailKeepsItsOrder() {
        List<CodeSearchHit> out = run(ranking(5), 3, fixed("stage", CodeMatch.HYBRID, 0.5, 0.9, 0.5));

        assertThat(names(out)).containsExactly("s1", "s0", "s2", "s3", "s4");
        assertThat(out.get(0).score()).isEqualTo(0.9);
        assertThat(out.get(0).match()).isEqualTo(CodeMatch.HYBRID);
        assertThat(out.get(2).match()).isEqualTo(CodeMatch.HYBRID);
        assertThat(out.get(3)).isEqualTo(ranking(5).get(3));
        assertThat(out.get(4)).isEqualTo(ranking(5).get(4));
        assertThat(warnings()).isEmpty();
    }

    @Test
    void stagesApplyInOrderAndEachSeesTheOrderOfTheOneBefore() {
        List<List<String>> seen = new ArrayList<>();
        Rescorer second = new Rescorer() {
            @Override
            public Mono<List<Double>> rescore(String query, List<CodeSearchHit> candidates) {
                seen.add(names(candidates));
                return Mono.just(List.of(1.0, 2.0, 3.0));
            }
        };
        List<CodeSearchHit> out = run(ranking(3), 40, fixed("first", CodeMatch.HYBRID, 1.0, 3.0, 2.0), second);

        assertThat(seen).containsExactly(List.of("s1", "s2", "s0"));
        assertThat(names(out)).containsExactly("s0", "s2", "s1");
        assertThat(out).extracting(CodeSearchHit::match).containsOnly(CodeMatch.RERANKED);
        assertThat(out).extracting(CodeSearchHit::score).containsExactly(3.0, 2.0, 1.0);
    }

    @Test
    void aFailedStageKeepsThePreviousOrderEndsThePassAndWarnsOnce() {
        AtomicBoolean laterCalled = new AtomicBoolean();
        Rescorer later = new Rescorer() {
            @Override
            public Mono<List<Double>> rescore(String query, List<CodeSearchHit> candidates) {
                laterCalled.set(true);
                return Mono.just(List.of(1.0, 2.0, 3.0));
            }
        };
        ServerErrorException failure = new ServerErrorException(new HttpError("POST", "/v1/embeddings", 503,
                "secret-in-message", null, java.util.Map.of()));
        List<CodeSearchHit> out = run(ranking(3), 40, fixed("first", CodeMatch.HYBRID, 1.0, 3.0, 2.0),
                answering("second", Mono.error(failure)), later);

        assertThat(names(out)).containsExactly("s1", "s2", "s0");
        assertThat(laterCalled).isFalse();
        assertThat(warnings()).containsExactly("WARN io.agentfactory.sdk.reactor.codeintel.rescoring - "
                + "code search rescoring: second unavailable (HTTP 503), keeping the previous order");
    }

    @Test
    void invalidScoresKeepThePreviousOrderWithOneWarning() {
        List<CodeSearchHit> ranked = ranking(3);
        Object[][] cases = {
            {List.of(1.0, 2.0), "2 scores for 3 candidates"},
            {List.of(1.0, 2.0, 3.0, 4.0), "4 scores for 3 candidates"},
            {Arrays.asList(1.0, Double.NaN, 3.0), "a score that is not a finite number"},
            {Arrays.asList(1.0, Double.POSITIVE_INFINITY, 3.0), "a score that is not a finite number"},
            {Arrays.asList(1.0, null, 3.0), "a score that is not a finite number"},
        };
        for (Object[] c : cases) {
            logs.clear();
            @SuppressWarnings("unchecked")
            List<Double> scores = (List<Double>) c[0];
            assertThat(run(ranked, 40, answering("bad", Mono.just(scores)))).isEqualTo(ranked);
            assertThat(warnings()).containsExactly("WARN io.agentfactory.sdk.reactor.codeintel.rescoring - "
                    + "code search rescoring: bad unavailable (" + c[1] + "), keeping the previous order");
        }
    }

    @Test
    void anEmptyAnswerOrAThrowingStageKeepsTheOrder() {
        List<CodeSearchHit> ranked = ranking(2);
        assertThat(run(ranked, 40, answering("empty", Mono.empty()))).isEqualTo(ranked);
        Rescorer throwing = new Rescorer() {
            @Override
            public Mono<List<Double>> rescore(String query, List<CodeSearchHit> candidates) {
                throw new IllegalStateException("boom");
            }
        };
        assertThat(run(ranked, 40, throwing)).isEqualTo(ranked);
        assertThat(warnings()).hasSize(2);
        assertThat(warnings().get(0)).endsWith("empty unavailable (no scores), keeping the previous order");
        assertThat(warnings().get(1)).contains("(IllegalStateException)").doesNotContain("boom");
    }

    @Test
    void aStageOutOfBudgetIsCancelledAndTheOrderKept() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        AtomicInteger cancelled = new AtomicInteger();
        List<CodeSearchHit> ranked = ranking(3);
        Rescorer slow = answering("slow", Mono.<List<Double>>never().doOnCancel(cancelled::incrementAndGet));
        AtomicReference<List<CodeSearchHit>> out = new AtomicReference<>();

        RescoringPass.apply("q", ranked, List.of(slow), 40, BUDGET, time).subscribe(out::set);
        time.advanceTimeBy(BUDGET.minusMillis(1));
        assertThat(out.get()).as("still within the budget").isNull();
        assertThat(cancelled).hasValue(0);
        time.advanceTimeBy(Duration.ofMillis(1));

        assertThat(out.get()).isEqualTo(ranked);
        assertThat(cancelled).hasValue(1);
        assertThat(warnings()).containsExactly("WARN io.agentfactory.sdk.reactor.codeintel.rescoring - "
                + "code search rescoring: slow unavailable (out of budget), keeping the previous order");
        time.dispose();
    }

    @Test
    void theBudgetIsSharedByTheStages() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        List<CodeSearchHit> ranked = ranking(3);
        Rescorer first = answering("first", Mono.delay(Duration.ofSeconds(7), time).thenReturn(List.of(1.0, 3.0, 2.0)));
        Rescorer second = answering("second", Mono.delay(Duration.ofSeconds(4), time).thenReturn(List.of(3.0, 2.0, 1.0)));
        AtomicReference<List<CodeSearchHit>> out = new AtomicReference<>();

        RescoringPass.apply("q", ranked, List.of(first, second), 40, BUDGET, time).subscribe(out::set);
        time.advanceTimeBy(Duration.ofSeconds(7));
        assertThat(out.get()).isNull();
        time.advanceTimeBy(Duration.ofSeconds(3));

        assertThat(names(out.get())).containsExactly("s1", "s2", "s0");
        assertThat(warnings()).singleElement().asString().contains("second unavailable (out of budget)");
        time.dispose();
    }

    @Test
    void noStageOrNoHitIsTheIdentity() {
        List<CodeSearchHit> ranked = ranking(3);
        assertThat(RescoringPass.apply("q", ranked, List.of(), 40, BUDGET, Schedulers.parallel()).block(WAIT))
                .isSameAs(ranked);
        assertThat(run(List.of(), 40, fixed("x", CodeMatch.HYBRID))).isEmpty();
        assertThat(warnings()).isEmpty();
    }
}
