package io.agentfactory.sdk.reactor.internal.diff;

import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.ADDED;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.FUTURE_FIELD;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.MODIFIED;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.REMOVED;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.RENAMED;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SAMPLE_ENVELOPE;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SAMPLE_NDJSON;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.SUMMARY;
import static io.agentfactory.sdk.reactor.internal.diff.DiffFixtures.decoder;
import static io.agentfactory.sdk.reactor.internal.diff.TransportBody.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.DiffTruncatedException;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffResult;

/** One {@link WorkareaDiffResult} from the events of either shape. */
class WorkareaDiffCollectorTest {

    private static final WorkareaDiffResult SAMPLE_RESULT = new WorkareaDiffResult(SUMMARY,
            List.of(MODIFIED, ADDED, REMOVED, RENAMED, FUTURE_FIELD));

    @Test
    void theNdjsonStreamCollectsToEntriesAndSummary() {
        StepVerifier.create(WorkareaDiffCollector.collect(decoder().ndjson(TransportBody.whole(SAMPLE_NDJSON))))
                .expectNext(SAMPLE_RESULT)
                .verifyComplete();
    }

    @Test
    void theEnvelopeCollectsToTheSameResult() {
        StepVerifier.create(WorkareaDiffCollector.collect(decoder().envelope(utf8(SAMPLE_ENVELOPE))))
                .expectNext(SAMPLE_RESULT)
                .verifyComplete();
    }

    @Test
    void theDecodersErrorPassesThrough() {
        StepVerifier.create(WorkareaDiffCollector.collect(decoder().ndjson(TransportBody.whole("{\"path\":\"a\"}\n"))))
                .expectError(DiffTruncatedException.class)
                .verify();
    }

    @Test
    void eventsWithoutASummaryAreNotADecodersSequence() {
        StepVerifier.create(WorkareaDiffCollector.collect(Flux.just(MODIFIED)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalStateException.class)
                        .hasMessage("diff events ended without a summary after 1 entries"))
                .verify();
    }

    @Test
    void anEventAfterTheSummaryIsNotADecodersSequence() {
        Flux<WorkareaDiffEvent> events = Flux.just(SUMMARY, MODIFIED);

        StepVerifier.create(WorkareaDiffCollector.collect(events))
                .expectError(IllegalStateException.class)
                .verify();
    }
}
