package io.agentfactory.sdk.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.workarea.WorkareaDiffSummary;

/** The errors raised on the client side: no answer, broken connection, bad body, broken diff, bad argument, bad file. */
class ClientSideExceptionTest {

    @Test
    void aTimeoutNamesItsRequestAndIsRetryable() {
        RequestTimeoutException exception = new RequestTimeoutException("GET", "/api/public/stats",
                "no response within PT10S", new TimeoutException());

        assertThat(exception).hasMessage("GET /api/public/stats: no response within PT10S")
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(exception.kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(exception.isRetryable()).isTrue();
        assertThat(exception.retryAfter()).isEmpty();
    }

    @Test
    void aTransportFailureIsRetryable() {
        TransportException exception = new TransportException("POST", "/api/mcp/submit-task", "connection refused",
                new IOException("Connection refused"));

        assertThat(exception).hasMessage("POST /api/mcp/submit-task: connection refused");
        assertThat(exception.kind()).isEqualTo(ErrorKind.TRANSPORT);
        assertThat(exception.isRetryable()).isTrue();
    }

    @Test
    void aBodyThatDoesNotDecodeIsNotRetryable() {
        ResponseDecodeException exception = new ResponseDecodeException("GET", "/api/public/sessions",
                "not valid JSON for SessionsListResponse", null);

        assertThat(exception).hasMessage("GET /api/public/sessions: not valid JSON for SessionsListResponse");
        assertThat(exception.kind()).isEqualTo(ErrorKind.DECODE);
        assertThat(exception.isRetryable()).isFalse();
    }

    @Test
    void withoutARequestTheMessageHasNoPrefix() {
        ResponseDecodeException exception = new ResponseDecodeException(null, null, "bad line", null);

        assertThat(exception).hasMessage("bad line");
        assertThat(exception.method()).isEmpty();
        assertThat(exception.path()).isEmpty();
    }

    @Test
    void aTruncatedDiffCountsWhatArrivedAndMayBeRetried() {
        DiffTruncatedException exception = new DiffTruncatedException("GET",
                "/api/daemon/workareas/ar_a/diff/ar_b", 1500, "stream ended without its summary line", null);

        assertThat(exception).hasMessage("GET /api/daemon/workareas/ar_a/diff/ar_b: stream ended without its summary line");
        assertThat(exception.entriesReceived()).isEqualTo(1500);
        assertThat(exception.kind()).isEqualTo(ErrorKind.DIFF_STREAM);
        assertThat(exception.isRetryable()).isTrue();
    }

    @Test
    void aDiffThatFailedMidStreamCarriesTheDaemonsMessage() {
        DiffStreamFailedException exception = new DiffStreamFailedException("GET",
                "/api/daemon/workareas/ar_a/diff/ar_b", "archive ar_b unreadable");

        assertThat(exception).hasMessage("GET /api/daemon/workareas/ar_a/diff/ar_b: daemon failed mid-stream: archive ar_b unreadable");
        assertThat(exception.serverMessage()).isEqualTo("archive ar_b unreadable");
        assertThat(exception.isRetryable()).isFalse();
    }

    @Test
    void aSummaryMismatchStatesBothCounts() {
        WorkareaDiffSummary summary = new WorkareaDiffSummary("ar_a", "ar_b", 3, 1, 2, 6);

        DiffSummaryMismatchException exception = new DiffSummaryMismatchException("GET",
                "/api/daemon/workareas/ar_a/diff/ar_b", summary, 3, 1, 1, 7);

        assertThat(exception).hasMessage("GET /api/daemon/workareas/ar_a/diff/ar_b: diff summary says added=3 removed=1"
                + " modified=2 total=6 but the stream carried added=3 removed=1 modified=1 total=7");
        assertThat(exception.summary()).isEqualTo(summary);
        assertThat(exception.streamedAdded()).isEqualTo(3);
        assertThat(exception.streamedRemoved()).isEqualTo(1);
        assertThat(exception.streamedModified()).isEqualTo(1);
        assertThat(exception.streamedTotal()).as("unknown statuses count toward the total only").isEqualTo(7);
        assertThat(exception.isRetryable()).isFalse();
    }

    @Test
    void anInvalidArgumentIsNeverRetryable() {
        InvalidArgumentException exception = new InvalidArgumentException("repoUrl must not be blank");

        assertThat(exception).hasMessage("repoUrl must not be blank");
        assertThat(exception.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
        assertThat(exception.isRetryable()).isFalse();
        assertThat(exception.method()).isEmpty();
    }

    @Test
    void aConfigFileErrorNamesTheFileAndLine() {
        ConfigFileException exception = new ConfigFileException("/home/me/.donmai/daemon.yaml", 12,
                "projects must be a list", null);

        assertThat(exception).hasMessage("/home/me/.donmai/daemon.yaml:12: projects must be a list");
        assertThat(exception.file()).isEqualTo("/home/me/.donmai/daemon.yaml");
        assertThat(exception.line()).hasValue(12);
        assertThat(exception.kind()).isEqualTo(ErrorKind.CONFIG_FILE);
        assertThat(exception.isRetryable()).isFalse();
    }

    @Test
    void aConfigFileErrorWithoutALineNamesTheFileOnly() {
        ConfigFileException exception = new ConfigFileException("/home/me/.donmai/daemon.yaml", 0,
                "permission denied", null);

        assertThat(exception).hasMessage("/home/me/.donmai/daemon.yaml: permission denied");
        assertThat(exception.line()).isEmpty();
    }
}
