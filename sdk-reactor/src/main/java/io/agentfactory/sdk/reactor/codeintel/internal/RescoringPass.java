package io.agentfactory.sdk.reactor.codeintel.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import io.agentfactory.sdk.codeintel.CodeSearchHit;
import io.agentfactory.sdk.codeintel.Rescorer;
import io.agentfactory.sdk.error.HttpStatusException;

/**
 * One rescoring pass over a BM25 ranking: the head (the first {@code headSize} hits) goes through
 * the stages in order, each re-sorting it by its scores (stable: ties keep the previous order);
 * the tail keeps its order after the head. The pass has one budget, measured on the given
 * scheduler's clock. A stage that fails, is late or answers anything but one finite score per
 * candidate ends the pass with the order of the stage before it and one warning naming the stage
 * and the HTTP status or the exception class (never a message: a server may echo a credential or
 * the candidates). Not API.
 */
public final class RescoringPass {

    private static final Logger log = LoggerFactory.getLogger("io.agentfactory.sdk.reactor.codeintel.rescoring");

    private RescoringPass() {
    }

    /**
     * The ranking after the stages.
     *
     * @param query the query text
     * @param ranked the BM25 ranking
     * @param stages the rescorers in order
     * @param headSize how many of the first hits are rescored
     * @param budget the time the pass may take
     * @param timer the scheduler whose clock and timers bound the pass
     * @return the new ranking, same hits and size; never an error
     */
    public static Mono<List<CodeSearchHit>> apply(String query, List<CodeSearchHit> ranked, List<Rescorer> stages,
            int headSize, Duration budget, Scheduler timer) {
        if (stages.isEmpty() || ranked.isEmpty()) {
            return Mono.just(ranked);
        }
        return Mono.defer(() -> {
            int k = Math.min(headSize, ranked.size());
            List<CodeSearchHit> head = List.copyOf(ranked.subList(0, k));
            List<CodeSearchHit> tail = ranked.subList(k, ranked.size());
            long deadline = timer.now(TimeUnit.NANOSECONDS) + budget.toNanos();
            return step(query, head, stages, 0, deadline, timer).map(rescored -> {
                List<CodeSearchHit> all = new ArrayList<>(ranked.size());
                all.addAll(rescored);
                all.addAll(tail);
                return List.copyOf(all);
            });
        });
    }

    private record Outcome(List<CodeSearchHit> head, boolean applied) {
    }

    private static Mono<List<CodeSearchHit>> step(String query, List<CodeSearchHit> head, List<Rescorer> stages,
            int index, long deadline, Scheduler timer) {
        if (index == stages.size()) {
            return Mono.just(head);
        }
        Rescorer stage = stages.get(index);
        long left = deadline - timer.now(TimeUnit.NANOSECONDS);
        if (left <= 0) {
            warn(stage, "no budget left");
            return Mono.just(head);
        }
        return Mono.defer(() -> stage.rescore(query, head))
                .timeout(Duration.ofNanos(left), timer)
                .map(scores -> {
                    String problem = problem(scores, head.size());
                    if (problem != null) {
                        warn(stage, problem);
                        return new Outcome(head, false);
                    }
                    return new Outcome(reorder(head, scores, stage), true);
                })
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    warn(stage, "no scores");
                    return new Outcome(head, false);
                }))
                .onErrorResume(e -> {
                    warn(stage, describe(e));
                    return Mono.just(new Outcome(head, false));
                })
                .flatMap(outcome -> outcome.applied()
                        ? step(query, outcome.head(), stages, index + 1, deadline, timer)
                        : Mono.just(outcome.head()));
    }

    /** What is wrong with {@code scores}, or {@code null} when there is one finite score per candidate. */
    static @Nullable String problem(@Nullable List<Double> scores, int expected) {
        if (scores == null || scores.size() != expected) {
            return (scores == null ? 0 : scores.size()) + " scores for " + expected + " candidates";
        }
        for (Double score : scores) {
            if (score == null || !Double.isFinite(score)) {
                return "a score that is not a finite number";
            }
        }
        return null;
    }

    private static List<CodeSearchHit> reorder(List<CodeSearchHit> head, List<Double> scores, Rescorer stage) {
        List<CodeSearchHit> rescored = new ArrayList<>(head.size());
        for (int i = 0; i < head.size(); i++) {
            rescored.add(new CodeSearchHit(head.get(i).symbol(), scores.get(i), stage.match()));
        }
        // List.sort is stable: equal scores keep the previous order.
        rescored.sort(Comparator.comparingDouble(CodeSearchHit::score).reversed());
        return List.copyOf(rescored);
    }

    private static String describe(Throwable e) {
        if (e instanceof TimeoutException) {
            return "out of budget";
        }
        if (e instanceof HttpStatusException status) {
            return "HTTP " + status.status();
        }
        return e.getClass().getSimpleName();
    }

    private static void warn(Rescorer stage, String reason) {
        log.warn("code search rescoring: {} unavailable ({}), keeping the previous order", safeName(stage), reason);
    }

    private static String safeName(Rescorer stage) {
        try {
            return stage.name();
        }
        catch (RuntimeException e) {
            return stage.getClass().getSimpleName();
        }
    }
}
