package io.agentfactory.sdk.reactor.internal.diff;

import java.util.List;

import io.netty.buffer.ByteBuf;
import reactor.core.publisher.Flux;

import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.workarea.WorkareaDiffEvent;

/**
 * Turns a diff body, chunk by chunk and synchronously, into batches of events for
 * {@code Flux.concat}: the entries each chunk completes, then at the end of the body the summary
 * or the reason there is none. A failure is the last signal of its batch; every later call answers
 * an empty batch. One per subscription; not thread-safe.
 */
interface DiffBodyParser {

    /** The events the lines or objects {@code chunk} completes; keeps no reference to the chunk. */
    Flux<WorkareaDiffEvent> read(ByteBuf chunk);

    /** The end of the body. */
    Flux<WorkareaDiffEvent> finish();

    /** The transport failed before the body ended. */
    Flux<WorkareaDiffEvent> cut(Throwable cause);

    /**
     * The heap ran out while decoding: Reactor rethrows {@link OutOfMemoryError} on the event loop
     * without signalling anyone, so the parser answers this instead and the subscriber is told.
     */
    static AgentFactoryException outOfMemory(DiffErrors errors, DiffTally tally) {
        return errors.truncated(tally.total(), "diff decoding ran out of heap after " + tally.total() + " entries",
                null);
    }

    /** {@code events}, then {@code failure}: the batch a parser answers when it fails. */
    static Flux<WorkareaDiffEvent> eventsThen(List<WorkareaDiffEvent> events, AgentFactoryException failure) {
        Flux<WorkareaDiffEvent> error = Flux.error(failure);
        return events.isEmpty() ? error : Flux.fromIterable(events).concatWith(error);
    }

    /** {@code events} as a batch. */
    static Flux<WorkareaDiffEvent> batch(List<WorkareaDiffEvent> events) {
        return events.isEmpty() ? Flux.empty() : Flux.fromIterable(events);
    }
}
