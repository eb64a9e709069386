package io.agentfactory.sdk.queue;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The work queue, sessions and workers, each sorted (items by score then id, sessions and workers by
 * id). Lists are never {@code null}; empty is {@code []}.
 *
 * @param items the work items, queued ones first by score then id, then items no queue orders
 * @param sessions the sessions by id
 * @param workers the workers by id
 */
public record QueueSnapshot(List<WorkItem> items, List<SessionEntry> sessions, List<WorkerEntry> workers) {

    /** Copies the lists. */
    public QueueSnapshot {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        sessions = List.copyOf(Objects.requireNonNull(sessions, "sessions"));
        workers = List.copyOf(Objects.requireNonNull(workers, "workers"));
    }

    /** Every row's problem, in list order (items, sessions, workers); empty when every row was readable. */
    public List<ValueProblem> problems() {
        return Stream.of(items.stream().map(WorkItem::problem), sessions.stream().map(SessionEntry::problem),
                workers.stream().map(WorkerEntry::problem)).flatMap(s -> s).filter(Objects::nonNull).toList();
    }
}
