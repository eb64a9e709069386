package io.agentfactory.sdk.workarea;

/**
 * One element of a streamed workarea diff: an {@link WorkareaDiffEntry entry}, or the
 * {@link WorkareaDiffSummary summary} that always comes last.
 *
 * <pre>{@code
 * daemon.streamDiff(a, b).subscribe(event -> {
 *     if (event instanceof WorkareaDiffEntry entry) { ... }
 *     else if (event instanceof WorkareaDiffSummary summary) { ... }
 * });
 * }</pre>
 */
public sealed interface WorkareaDiffEvent permits WorkareaDiffEntry, WorkareaDiffSummary {
}
