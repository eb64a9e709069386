package io.agentfactory.sdk.workarea;

/**
 * WorkareaDiffEnvelope is the single-JSON response shape from GET
 * /api/daemon/workareas/&lt;idA&gt;/diff/&lt;idB&gt; when entries ≤ the daemon's configured
 * streaming threshold (default 1000, see daemon.yaml key workarea.diffStreamingThreshold).
 * Consumers MUST handle both this shape and the NDJSON streaming variant via Content-Type
 * discrimination per ADR D4a.
 *
 * @param diff the {@code diff} field
 */
public record WorkareaDiffEnvelope(
        WorkareaDiffResult diff) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public WorkareaDiffEnvelope {
        diff = diff == null ? WorkareaDiffResult.empty() : diff;
    }
}
