package io.agentfactory.sdk.reactor.internal.diff;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.workarea.WorkareaDiffEntry;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;
import io.agentfactory.sdk.workarea.WorkareaDiffResult;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * Gathers a diff's events into one {@link WorkareaDiffResult}, for {@code diffWorkareas}. Holds
 * every entry in memory: for small diffs only. Not API.
 */
public final class WorkareaDiffCollector {

    private WorkareaDiffCollector() {
    }

    /**
     * The entries and the summary of {@code events}, as produced by {@link WorkareaDiffDecoder}.
     * Errors of {@code events} pass through unchanged.
     *
     * @return the result; {@link IllegalStateException} when {@code events} is not a decoder's
     *         sequence (no summary, or an event after it)
     */
    public static Mono<WorkareaDiffResult> collect(Flux<? extends WorkareaDiffEvent> events) {
        return events.collect(Accumulator::new, Accumulator::add).map(Accumulator::result);
    }

    private static final class Accumulator {

        private final List<WorkareaDiffEntry> entries = new ArrayList<>();
        private @Nullable WorkareaDiffSummary summary;

        void add(WorkareaDiffEvent event) {
            if (summary != null) {
                throw new IllegalStateException("diff event after the summary: " + event);
            }
            if (event instanceof WorkareaDiffEntry entry) {
                entries.add(entry);
            } else if (event instanceof WorkareaDiffSummary last) {
                summary = last;
            }
        }

        WorkareaDiffResult result() {
            WorkareaDiffSummary last = summary;
            if (last == null) {
                throw new IllegalStateException("diff events ended without a summary after " + entries.size()
                        + " entries");
            }
            return new WorkareaDiffResult(last, entries);
        }
    }
}
