package io.agentfactory.sdk.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.error.AmbiguousSelectorException;
import io.agentfactory.sdk.error.ErrorKind;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.RedisUrlRequiredException;

/** The queue values: key layouts, selectors, results and the queue errors. */
class QueueValuesTest {

    @Test
    void theLayoutsDifferOnlyWhereTheWritersDiffer() {
        assertThat(KeyLayout.REFERENCE.mergeEntriesKey("org/repo")).isEqualTo("merge:entry:org/repo");
        assertThat(KeyLayout.TS_SERVER.mergeEntriesKey("org/repo")).isEqualTo("merge:items:org/repo");
        assertThat(KeyLayout.REFERENCE.mergeOutcomes()).isEqualTo(KeyLayout.MergeOutcomes.SORTED_SETS);
        assertThat(KeyLayout.TS_SERVER.mergeOutcomes()).isEqualTo(KeyLayout.MergeOutcomes.HASHES_WITH_REASON);
        assertThat(KeyLayout.TS_SERVER.mergeProcessingPrefix()).isEqualTo("merge:processing:");
        assertThat(KeyLayout.TS_WORK_STATE.workStatePrefix()).isEqualTo("work:state:");
        assertThat(KeyLayout.TS_WORK_STATE.withWorkStatePrefix(null).withName("ts-server")).isEqualTo(KeyLayout.TS_SERVER);
        for (KeyLayout layout : List.of(KeyLayout.REFERENCE, KeyLayout.TS_SERVER, KeyLayout.TS_WORK_STATE)) {
            assertThat(layout.sessionKey("s1")).isEqualTo("agent:session:s1");
            assertThat(layout.claimKey("s1")).isEqualTo("work:claim:s1");
            assertThat(layout.workerKey("w1")).isEqualTo("work:worker:w1");
            assertThat(layout.workQueue()).isEqualTo("work:queue");
            assertThat(layout.workItems()).isEqualTo("work:items");
        }
        assertThat(KeyLayout.TS_SERVER).hasToString("KeyLayout[ts-server]");
    }

    @Test
    void aSelectorIsNeitherBlankNorControlCharacters() {
        assertThat(SessionSelector.of("sess-1").value()).isEqualTo("sess-1");
        assertThatThrownBy(() -> SessionSelector.of("")).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("would select every session");
        assertThatThrownBy(() -> new SessionSelector(null)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> SessionSelector.of("a\u0000")).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void anAmbiguousSelectorListsAtMostTwentyCandidates() {
        List<String> ids = IntStream.range(0, 30).mapToObj(i -> String.format("s-%02d", i)).toList();

        AmbiguousSelectorException e = new AmbiguousSelectorException("s-", ids, 30);

        assertThat(e.candidates()).hasSize(20).startsWith("s-00").endsWith("s-19");
        assertThat(e.matches()).isEqualTo(30);
        assertThat(e.getMessage()).startsWith("selector \"s-\" matches 30 ids: s-00, s-01").endsWith("s-19, …");
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void aDropCountsWhatItRemovedAndASnapshotCollectsProblems() {
        assertThat(new DropResult("s", true, false, true, true, false).removed()).isEqualTo(3);
        ValueProblem problem = new ValueProblem("agent:session:x", ValueProblem.Kind.UNREADABLE_JSON, "not valid JSON");
        QueueSnapshot snapshot = new QueueSnapshot(List.of(),
                List.of(new SessionEntry("x", null, null, null, null, null, null, null, "{", problem)), List.of());
        assertThat(snapshot.problems()).containsExactly(problem);
        assertThatThrownBy(() -> snapshot.sessions().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theMissingUrlHasTheReferencesMessage() {
        assertThat(new RedisUrlRequiredException()).hasMessage("REDIS_URL environment variable is required")
                .isInstanceOf(InvalidArgumentException.class);
    }
}
