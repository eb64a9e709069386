package io.agentfactory.sdk.reactor.internal.diff;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.error.DiffStreamFailedException;
import io.agentfactory.sdk.error.DiffSummaryMismatchException;
import io.agentfactory.sdk.error.DiffTruncatedException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.reactor.internal.http.ServerText;
import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/**
 * The errors of one diff request, each naming its method and path.
 *
 * @param method the request's HTTP method
 * @param path the request's path, without query
 */
record DiffErrors(String method, String path) {

    /** How much of the daemon's mid-stream error message is kept: enough to act on, never a flood. */
    static final int MAX_SERVER_MESSAGE_CHARS = 1024;

    ResponseDecodeException decode(String message, @Nullable Throwable cause) {
        return new ResponseDecodeException(method, path, message, cause);
    }

    DiffTruncatedException truncated(long entriesReceived, String message, @Nullable Throwable cause) {
        return new DiffTruncatedException(method, path, entriesReceived, message, cause);
    }

    DiffStreamFailedException failed(String serverMessage) {
        return new DiffStreamFailedException(method, path, bounded(ServerText.escapeControls(serverMessage)));
    }

    DiffSummaryMismatchException mismatch(WorkareaDiffSummary summary, DiffTally streamed) {
        return new DiffSummaryMismatchException(method, path, summary, streamed.added(), streamed.removed(),
                streamed.modified(), streamed.total());
    }

    /** {@code message} cut to {@link #MAX_SERVER_MESSAGE_CHARS}, never inside a surrogate pair. */
    static String bounded(String message) {
        if (message.length() <= MAX_SERVER_MESSAGE_CHARS) {
            return message;
        }
        int end = MAX_SERVER_MESSAGE_CHARS;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end) + "… (" + (message.length() - end) + " more characters)";
    }
}
