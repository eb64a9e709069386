package io.agentfactory.sdk.reactor.orchestrator;

import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import io.agentfactory.sdk.orchestrator.DispatchOutcome;
import io.agentfactory.sdk.orchestrator.DispatchStatus;
import io.agentfactory.sdk.orchestrator.Issue;
import io.agentfactory.sdk.orchestrator.IssueClaimer;

/**
 * Claims held in this JVM: share one instance between work loops so they never take the same
 * issue. A claim is atomic (by issue id); a completed issue stays claimed for the instance's
 * life, a failed or skipped one is freed so a later loop may retry it.
 */
public final class InProcessIssueClaimer implements IssueClaimer {

    private final ConcurrentHashMap<String, String> owners = new ConcurrentHashMap<>();

    /** Emits true when no loop held {@code issue}; a second claim, even by the same owner, is refused. */
    @Override
    public Mono<Boolean> claim(Issue issue, String owner) {
        return Mono.fromSupplier(() -> owners.putIfAbsent(issue.id(), owner) == null);
    }

    @Override
    public Mono<Void> release(Issue issue, String owner, DispatchOutcome outcome) {
        return Mono.fromRunnable(() -> {
            if (outcome.status() != DispatchStatus.COMPLETED) {
                owners.remove(issue.id(), owner);
            }
        });
    }

    /** Whether some loop holds {@code issue}. */
    public boolean isClaimed(Issue issue) {
        return owners.containsKey(issue.id());
    }
}
