package io.agentfactory.sdk.reactor.codeintel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.agentfactory.sdk.codeintel.Rescorer;
import io.agentfactory.sdk.error.InvalidArgumentException;

/**
 * Whether and how {@link ReactorCodeIntel#searchCode} rescores: the stages, applied in order to the
 * top {@code headSize} hits of the BM25 ranking (the rest keeps its BM25 order), all within
 * {@code budget}. A stage that fails, runs out of budget or gives invalid scores keeps the order of
 * the stage before it, ends the pass and logs one warning (the stage's name and the HTTP status or
 * exception class, nothing else). Off by default ({@link #none()}): no stage, no network.
 *
 * @param stages the rescorers, in the order they apply; empty means off
 * @param headSize how many of the best BM25 hits are rescored (1 to {@value #MAX_HEAD_SIZE})
 * @param budget the time the whole pass may take
 */
public record Rescoring(List<Rescorer> stages, int headSize, Duration budget) {

    /** The default head: the reference's 40 candidates. */
    public static final int DEFAULT_HEAD_SIZE = 40;
    /** The largest head: one Voyage batch. */
    public static final int MAX_HEAD_SIZE = 128;
    /** The default budget of a pass: 10 s, as the reference. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);

    /**
     * Checks the configuration.
     *
     * @throws InvalidArgumentException when the head size is out of range or the budget is not positive
     */
    public Rescoring {
        stages = List.copyOf(stages);
        Objects.requireNonNull(budget, "budget");
        if (headSize < 1 || headSize > MAX_HEAD_SIZE) {
            throw new InvalidArgumentException("headSize must be between 1 and " + MAX_HEAD_SIZE + ": " + headSize);
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new InvalidArgumentException("the rescoring budget must be positive");
        }
    }

    /** No rescoring: the BM25 order as it is, and no network. */
    public static Rescoring none() {
        return new Rescoring(List.of(), DEFAULT_HEAD_SIZE, DEFAULT_BUDGET);
    }

    /** These stages in order, with the default head and budget. */
    public static Rescoring of(Rescorer... stages) {
        return new Rescoring(List.of(stages), DEFAULT_HEAD_SIZE, DEFAULT_BUDGET);
    }

    /**
     * The reference's configuration from environment variables: a {@link VoyageRescorer} when
     * {@code VOYAGE_API_KEY} (or else {@code VOYAGE_AI_API_KEY}) is set, followed by a
     * {@link CohereRescorer} when {@code COHERE_API_KEY} is also set; otherwise {@link #none()}
     * (Cohere alone is not used, as in the reference). Keys are trimmed; blank counts as unset. The
     * rescorers hold connection pools until {@link #close()}.
     *
     * @param environment for example {@code System.getenv()}
     * @throws InvalidArgumentException when a key holds control or non-Latin-1 characters
     */
    public static Rescoring fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        String voyage = variable(environment, "VOYAGE_API_KEY");
        if (voyage.isEmpty()) {
            voyage = variable(environment, "VOYAGE_AI_API_KEY");
        }
        if (voyage.isEmpty()) {
            return none();
        }
        String cohere = variable(environment, "COHERE_API_KEY");
        List<Rescorer> stages = new ArrayList<>(2);
        stages.add(VoyageRescorer.of(voyage));
        if (!cohere.isEmpty()) {
            stages.add(CohereRescorer.of(cohere));
        }
        return new Rescoring(stages, DEFAULT_HEAD_SIZE, DEFAULT_BUDGET);
    }

    private static String variable(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null ? "" : value.trim();
    }

    /** Whether any stage is configured. */
    public boolean enabled() {
        return !stages.isEmpty();
    }

    /** This configuration with another head size. */
    public Rescoring withHeadSize(int size) {
        return new Rescoring(stages, size, budget);
    }

    /** This configuration with another budget. */
    public Rescoring withBudget(Duration time) {
        return new Rescoring(stages, headSize, time);
    }

    /** Closes the stages that hold resources (the Voyage and Cohere rescorers' connection pools). */
    public void close() {
        for (Rescorer stage : stages) {
            if (stage instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                }
                catch (Exception e) {
                    // A stage that cannot close leaves nothing for the others to do: go on.
                }
            }
        }
    }
}
