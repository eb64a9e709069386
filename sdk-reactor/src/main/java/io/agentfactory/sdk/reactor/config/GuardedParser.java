package io.agentfactory.sdk.reactor.config;

import java.util.HashSet;
import java.util.Set;

import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.DocumentEndEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.parser.Parser;

import io.agentfactory.sdk.error.ConfigFileException;

/**
 * A parser that enforces two limits before the (recursive) composer sees the events, naming the
 * line that breaks them: collections nested deeper than {@code maxDepth}, and more than
 * {@code maxAliases} aliases to collections (the composer has the same limit but cannot say
 * where). It also remembers whether the document had explicit {@code ---} / {@code ...}
 * markers, so that a rewrite keeps them.
 */
final class GuardedParser implements Parser {

    private final Parser delegate;
    private final String file;
    private final int maxDepth;
    private final int maxAliases;
    private final Set<Anchor> collectionAnchors = new HashSet<>();
    private int depth;
    private int aliases;
    private boolean explicitStart;
    private boolean explicitEnd;

    GuardedParser(Parser delegate, String file, int maxDepth, int maxAliases) {
        this.delegate = delegate;
        this.file = file;
        this.maxDepth = maxDepth;
        this.maxAliases = maxAliases;
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
                ((NodeEvent) event).getAnchor().ifPresent(collectionAnchors::add);
                if (++depth > maxDepth) {
                    throw limit(event, "collections nested deeper than " + maxDepth + " levels");
                }
            }
            case Scalar -> ((NodeEvent) event).getAnchor().ifPresent(collectionAnchors::remove); // redefined
            case Alias -> {
                if (collectionAnchors.contains(((AliasEvent) event).getAlias()) && ++aliases > maxAliases) {
                    throw limit(event, "more than " + maxAliases + " aliases to collections");
                }
            }
            case MappingEnd, SequenceEnd -> depth--;
            case DocumentStart -> explicitStart |= ((DocumentStartEvent) event).isExplicit();
            case DocumentEnd -> explicitEnd |= ((DocumentEndEvent) event).isExplicit();
            default -> {
                // comments and stream markers: nothing to count
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

    private ConfigFileException limit(Event event, String message) {
        return new ConfigFileException(file, event.getStartMark().map(mark -> mark.getLine() + 1).orElse(0), message,
                null);
    }
}
