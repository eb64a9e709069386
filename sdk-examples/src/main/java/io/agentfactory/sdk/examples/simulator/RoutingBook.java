package io.agentfactory.sdk.examples.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.routing.CapabilityFilter;
import io.agentfactory.sdk.routing.EliminatedProvider;
import io.agentfactory.sdk.routing.LLMProviderState;
import io.agentfactory.sdk.routing.RejectedCandidate;
import io.agentfactory.sdk.routing.RoutingConfig;
import io.agentfactory.sdk.routing.RoutingDecision;
import io.agentfactory.sdk.routing.RoutingExplainResponse;
import io.agentfactory.sdk.routing.RoutingTraceStep;
import io.agentfactory.sdk.routing.RoutingWeights;
import io.agentfactory.sdk.routing.SandboxProviderState;

/**
 * The scheduler's routing decisions: every session that has started was routed once, to the local
 * fleet and its provider; a session that has not started has no decision (explain answers 404).
 * Decisions are derived from the seed and the session id, so they are stable.
 */
final class RoutingBook {

    private static final List<String> LLMS = List.of("claude", "codex", "gemini", "ollama", "amp");

    private final long seed;

    RoutingBook(long seed) {
        this.seed = seed;
    }

    @Nullable RoutingDecision decision(SimSession session) {
        if (session.startedAt == null || session.provider == null) {
            return null;
        }
        SplittableRandom random = new SplittableRandom(seed ^ session.id.hashCode());
        String runnerUp = LLMS.stream().filter(llm -> !llm.equals(session.provider)).findFirst().orElseThrow();
        return new RoutingDecision(session.id, "local", session.provider,
                List.of(new RejectedCandidate("e2b", "sandbox", "score-loss", "expected cost 4.1¢ against 0.0¢ on local"),
                        new RejectedCandidate("vercel", "sandbox", "capability-filter", "region iad1 is not allowed"),
                        new RejectedCandidate(runnerUp, "llm", "score-loss", "")),
                round(0.6 + random.nextDouble() * 0.35),
                session.tracksCost() ? round(12 + random.nextDouble() * 68) : null,
                round(800 + random.nextDouble() * 3200), session.startedAt);
    }

    RoutingExplainResponse explain(SimSession session) {
        RoutingDecision decision = decision(session);
        if (decision == null) {
            throw Rejection.notFound("routing decision for session", session.id);
        }
        List<String> llms = LLMS.stream().filter(llm -> !llm.equals("amp")).toList();
        List<EliminatedProvider> lostLlms = llms.stream().filter(llm -> !llm.equals(decision.chosenLLM()))
                .map(llm -> new EliminatedProvider(llm, "score-loss", "")).toList();
        return new RoutingExplainResponse(session.id, decision, List.of(
                new RoutingTraceStep(1, "capability-filter", "sandbox", List.of("local", "e2b"),
                        List.of(new EliminatedProvider("vercel", "capability-filter", "region iad1 is not allowed")),
                        "os in [darwin, linux]; region in [home-network, eu-central-1]"),
                new RoutingTraceStep(2, "tenant-policy", "sandbox", List.of("local", "e2b"), List.of(),
                        "no tenant policy applies"),
                new RoutingTraceStep(3, "capacity-filter", "sandbox", List.of("local", "e2b"), List.of(), ""),
                new RoutingTraceStep(4, "score", "sandbox", List.of("local"),
                        List.of(new EliminatedProvider("e2b", "score-loss", "cost weight 0.7")), ""),
                new RoutingTraceStep(5, "capability-filter", "llm", llms,
                        List.of(new EliminatedProvider("amp", "capability-filter", "provider unhealthy")), ""),
                new RoutingTraceStep(6, "score", "llm", List.of(decision.chosenLLM()), lostLlms, "")));
    }

    RoutingConfig config(Collection<SimSession> sessions, Instant now) {
        List<RoutingDecision> decisions = new ArrayList<>();
        for (SimSession session : sessions) {
            RoutingDecision decision = decision(session);
            if (decision != null) {
                decisions.add(decision);
            }
        }
        decisions.sort(Comparator.comparing(RoutingDecision::decidedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        List<LLMProviderState> llms = new ArrayList<>();
        for (String llm : LLMS) {
            int chosen = (int) decisions.stream().filter(d -> d.chosenLLM().equals(llm)).count();
            llms.add(new LLMProviderState(llm, model(llm), 1 + 3 * chosen, round(1 + chosen / 3.0),
                    chosen == 0 ? null : round(0.7 + chosen / 100.0), chosen));
        }
        return new RoutingConfig(
                List.of(new CapabilityFilter("os", "in", "[\"darwin\",\"linux\"]"),
                        new CapabilityFilter("region", "in", "[\"home-network\",\"eu-central-1\"]"),
                        new CapabilityFilter("arch", "eq", "arm64")),
                new RoutingWeights(0.7, 0.3),
                List.of(new SandboxProviderState("local", 42, 6, 0.88, 0.0, 1200.0, decisions.size()),
                        new SandboxProviderState("e2b", 7, 5, 0.58, 4.1, 2600.0, 3),
                        new SandboxProviderState("vercel", 3, 4, null, null, null, 0)),
                llms, decisions.subList(0, Math.min(50, decisions.size())), now);
    }

    private static String model(String llm) {
        return switch (llm) {
            case "claude" -> "claude-sonnet-4-5";
            case "codex" -> "gpt-5-codex";
            case "gemini" -> "gemini-2.5-pro";
            case "ollama" -> "qwen3-coder:30b";
            default -> "";
        };
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
