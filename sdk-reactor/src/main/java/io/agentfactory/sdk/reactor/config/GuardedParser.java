package io.agentfactory.sdk.reactor.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CommentEvent;
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
 *
 * <p>It also takes out of the stream, and keeps, the comments the composer cannot hold: the
 * end-of-line comment of a {@code ---} or {@code ...} line (which the composer of
 * snakeyaml-engine 3.0.1 fails on with a {@code ClassCastException}, or hands to the emitter in
 * a place where it fails), and the end-of-line comment after each alias ({@code other: *b # c},
 * which the composer drops: an alias is the anchored node itself and has no comments of its own).
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
    private final String text;
    private final boolean bmpOnly;
    private final List<List<CommentLine>> aliasComments = new ArrayList<>();
    private @Nullable CommentLine startMarkerComment;
    private @Nullable CommentLine endMarkerComment;
    private @Nullable Event pending;
    private Event.@Nullable ID lastFetched;

    GuardedParser(Parser delegate, String file, String text, int maxDepth, int maxAliases) {
        this.delegate = delegate;
        this.file = file;
        this.text = text;
        this.bmpOnly = text.length() == text.codePointCount(0, text.length());
        this.maxDepth = maxDepth;
        this.maxAliases = maxAliases;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return hasNext() && peekEvent().getEventId() == id;
    }

    @Override
    public Event peekEvent() {
        if (pending == null) {
            pending = fetch();
        }
        return pending;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && delegate.hasNext()) {
            pending = fetch();
        }
        return pending != null;
    }

    @Override
    public Event next() {
        Event event = pending != null ? pending : fetch();
        pending = null;
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

    /**
     * The next event of the delegate, after taking out the comments the composer cannot hold
     * (see the class documentation); {@code null} after the end of the stream.
     */
    private @Nullable Event fetch() {
        while (delegate.hasNext()) {
            Event event = delegate.next();
            if (event instanceof CommentEvent comment && comment.getCommentType() == CommentType.IN_LINE) {
                if (lastFetched == Event.ID.Alias) {
                    aliasComments.get(aliasComments.size() - 1).add(new CommentLine(comment));
                    continue;
                }
                if (lastFetched == Event.ID.SequenceStart || lastFetched == Event.ID.MappingStart) {
                    // right after "[" or "{": the composer expects a node here and fails with a
                    // ClassCastException. Kept as a full-line comment above the first item.
                    event = new CommentEvent(CommentType.BLOCK, comment.getValue(), comment.getStartMark(),
                            comment.getEndMark());
                    return event;
                }
                // Only next to a document boundary (at most two per file): the line lookup is not free.
                if (lastFetched == Event.ID.DocumentStart && onMarkerLine(comment, "---")) {
                    startMarkerComment = new CommentLine(comment);
                    continue;
                }
                if ((lastFetched == Event.ID.DocumentEnd
                        || delegate.hasNext() && delegate.peekEvent().getEventId() == Event.ID.DocumentEnd)
                        && onMarkerLine(comment, "...")) {
                    endMarkerComment = new CommentLine(comment);
                    continue;
                }
            }
            if (event.getEventId() == Event.ID.Alias) {
                aliasComments.add(new ArrayList<>(1));
            }
            lastFetched = event.getEventId();
            return event;
        }
        return null;
    }

    /** Whether the comment ends a line that holds only the document marker {@code marker}. */
    private boolean onMarkerLine(CommentEvent comment, String marker) {
        if (comment.getStartMark().isEmpty()) {
            return false;
        }
        int codePoint = comment.getStartMark().get().getIndex();
        int column = comment.getStartMark().get().getColumn();
        if (column < marker.length() + 1) {
            return false;
        }
        int lineStart = bmpOnly ? codePoint - column : text.offsetByCodePoints(0, codePoint - column);
        int commentStart = bmpOnly ? codePoint : text.offsetByCodePoints(lineStart, column);
        return lineStart >= 0 && commentStart <= text.length() && text.startsWith(marker, lineStart)
                && text.substring(lineStart + marker.length(), commentStart).isBlank();
    }

    /** The end-of-line comments that followed each alias, in document order (an empty list for none). */
    List<List<CommentLine>> aliasComments() {
        return aliasComments;
    }

    /** The end-of-line comment of the {@code ---} line, if any. */
    @Nullable CommentLine startMarkerComment() {
        return startMarkerComment;
    }

    /** The end-of-line comment of the {@code ...} line, if any. */
    @Nullable CommentLine endMarkerComment() {
        return endMarkerComment;
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
