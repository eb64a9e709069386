package io.agentfactory.sdk.reactor.config;

import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.parser.Parser;

import io.agentfactory.sdk.error.ConfigFileException;

/**
 * A parser that refuses collections nested deeper than a limit before the (recursive) composer
 * sees them, and remembers whether the document had explicit {@code ---} / {@code ...} markers so
 * that a rewrite keeps them.
 */
final class GuardedParser implements Parser {

    private final Parser delegate;
    private final String file;
    private final int maxDepth;
    private int depth;
    private boolean explicitStart;
    private boolean explicitEnd;

    GuardedParser(Parser delegate, String file, int maxDepth) {
        this.delegate = delegate;
        this.file = file;
        this.maxDepth = maxDepth;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return delegate.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return delegate.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return delegate.hasNext();
    }

    @Override
    public Event next() {
        Event event = delegate.next();
        switch (event.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (++depth > maxDepth) {
                    int line = event.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
                    throw new ConfigFileException(file, line,
                            "collections nested deeper than " + maxDepth + " levels", null);
                }
            }
            case MappingEnd, SequenceEnd -> depth--;
            case DocumentStart -> explicitStart |= ((DocumentStartEvent) event).isExplicit();
            case DocumentEnd -> explicitEnd |= ((DocumentEndEvent) event).isExplicit();
            default -> {
                // scalars, aliases, comments, stream markers: no nesting
            }
        }
        return event;
    }

    /** Whether the document began with {@code ---}. */
    boolean explicitStart() {
        return explicitStart;
    }

    /** Whether the document ended with {@code ...}. */
    boolean explicitEnd() {
        return explicitEnd;
    }
}
