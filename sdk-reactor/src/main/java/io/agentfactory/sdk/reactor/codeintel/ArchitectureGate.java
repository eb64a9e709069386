package io.agentfactory.sdk.reactor.codeintel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.codeintel.ChangeDescription;
import io.agentfactory.sdk.codeintel.DiffObservation;
import io.agentfactory.sdk.codeintel.DiffSource;
import io.agentfactory.sdk.codeintel.GatePolicy;
import io.agentfactory.sdk.codeintel.GateRequest;
import io.agentfactory.sdk.codeintel.GateVerdict;
import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.error.ClientClosedException;
import io.agentfactory.sdk.error.DiffTooLargeException;
import io.agentfactory.sdk.error.DiffUnavailableException;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.MalformedDiffException;
import io.agentfactory.sdk.reactor.codeintel.internal.gate.DiffReader;
import io.agentfactory.sdk.reactor.codeintel.internal.gate.GateRules;
import io.agentfactory.sdk.reactor.codeintel.internal.gate.ObservationRules;

/**
 * The architecture gate, layer 1: reads a change's unified diff into observations (zones, conventions,
 * decisions, acceptance criteria) and judges them by a {@link GatePolicy}, without a model or a store.
 * The diff is read as it streams (bounded memory, {@link io.agentfactory.sdk.codeintel.DiffLimits}) on
 * {@link Schedulers#parallel()}.
 *
 * <p>Errors: the source's description failing is the source's error; the diff failing is too in strict
 * mode ({@link GateRequest#requireDiff()}), as is a diff whose file sections do not match the source's
 * file count ({@link DiffUnavailableException}); in lenient mode such a change is judged on what there
 * is and the verdict's warnings say what was missing (also logged at WARN). A diff over its limits
 * ({@link io.agentfactory.sdk.error.DiffTooLargeException}) or with a malformed hunk header
 * ({@link io.agentfactory.sdk.error.MalformedDiffException}) always fails.
 */
public final class ArchitectureGate {

    private static final Logger log = LoggerFactory.getLogger(ArchitectureGate.class);
    private static final int PREFETCH = 256;

    private ArchitectureGate() {
    }

    /** {@link #evaluate(DiffSource, GateRequest)} leniently with {@code policy} and the default limits. */
    public static Mono<GateVerdict> evaluate(DiffSource source, GatePolicy policy) {
        return Mono.defer(() -> policy == null ? Mono.error(new InvalidArgumentException("policy is required"))
                : evaluate(source, GateRequest.of(policy)));
    }

    /** Fetches the change from {@code source}, reads its diff and judges it per {@code request}. */
    public static Mono<GateVerdict> evaluate(DiffSource source, GateRequest request) {
        return evaluate(source, request, Clock.systemUTC());
    }

    static Mono<GateVerdict> evaluate(DiffSource source, GateRequest request, Clock clock) {
        return Mono.defer(() -> {
            if (source == null || request == null) {
                return Mono.error(new InvalidArgumentException("source and request are required"));
            }
            return source.describe().flatMap(change -> read(change, source.lines(), request)
                    .map(read -> verdict(change, read.reading(), read.warnings(), request, clock)));
        });
    }

    /**
     * The observations of a change whose description and diff lines are at hand (no policy, no
     * strictness): the pure first layer, on {@link Schedulers#parallel()}.
     */
    public static Mono<List<DiffObservation>> observe(ChangeDescription change, Flux<String> lines,
            GateRequest request) {
        return Mono.defer(() -> {
            Objects.requireNonNull(change, "change");
            return readAll(lines, request)
                    .map(reading -> ObservationRules.observe(change, reading, request.acceptanceCriteria(),
                            request.scope()));
        });
    }

    private record Read(DiffReader.Reading reading, List<String> warnings) {
    }

    private static Mono<DiffReader.Reading> readAll(Flux<String> lines, GateRequest request) {
        return lines.publishOn(Schedulers.parallel(), PREFETCH)
                .collect(() -> new DiffReader(request.limits()), DiffReader::accept)
                .map(DiffReader::finish);
    }

    private static Mono<Read> read(ChangeDescription change, Flux<String> lines, GateRequest request) {
        Mono<Read> read = readAll(lines, request).map(reading -> {
            List<String> warnings = new ArrayList<>();
            change.expectedFiles().ifPresent(expected -> {
                if (expected != reading.files().size()) {
                    String message = "patch sections (" + reading.files().size()
                            + ") do not match the changed-file list (" + expected + ")";
                    if (request.requireDiff()) {
                        throw new DiffUnavailableException(message, null);
                    }
                    warnings.add(message);
                }
            });
            return new Read(reading, warnings);
        });
        if (request.requireDiff()) {
            return read;
        }
        return read.onErrorResume(ArchitectureGate::degradable, e -> {
            String message = "diff unavailable, judged on the description only: " + e.getMessage();
            log.warn("architecture gate: {} ({})", message, change.repository());
            return Mono.just(new Read(DiffReader.Reading.empty(), List.of(message)));
        });
    }

    /** Lenient mode judges without a diff that could not be fetched, never one that was too large or malformed. */
    private static boolean degradable(Throwable e) {
        return e instanceof AgentFactoryException && !(e instanceof DiffTooLargeException
                || e instanceof MalformedDiffException || e instanceof InvalidArgumentException
                || e instanceof ClientClosedException);
    }

    private static GateVerdict verdict(ChangeDescription change, DiffReader.Reading reading, List<String> warnings,
            GateRequest request, Clock clock) {
        List<DiffObservation> observations = ObservationRules.observe(change, reading, request.acceptanceCriteria(),
                request.scope());
        boolean gated = GateRules.gates(request.policy(), observations);
        return new GateVerdict(change, reading.files(), observations, request.policy(), gated,
                GateRules.summary(observations, gated, request.policy()), clock.instant(), GateVerdict.DIFF_ONLY,
                warnings);
    }
}
