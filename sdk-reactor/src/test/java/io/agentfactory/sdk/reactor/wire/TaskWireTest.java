package io.agentfactory.sdk.reactor.wire;

import static io.agentfactory.sdk.reactor.wire.Wire.assertEncodesBackTo;
import static io.agentfactory.sdk.reactor.wire.Wire.decode;
import static io.agentfactory.sdk.reactor.wire.Wire.decodeFixture;
import static io.agentfactory.sdk.reactor.wire.Wire.encode;
import static io.agentfactory.sdk.reactor.wire.Wire.withUnknownFieldsEverywhere;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.task.ForwardPromptRequest;
import io.agentfactory.sdk.task.ForwardPromptResponse;
import io.agentfactory.sdk.task.StopAgentRequest;
import io.agentfactory.sdk.task.StopAgentResponse;
import io.agentfactory.sdk.task.SubmitTaskRequest;
import io.agentfactory.sdk.task.SubmitTaskResponse;

/** The {@code io.agentfactory.sdk.task} types map the coordinator's {@code /api/mcp/*} task routes exactly. */
class TaskWireTest {

    private static final String TASK = "task_01HZX3K8P7Q6R5S4T3V2W1X0Y9";

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("submit-task-response", SubmitTaskResponse.class),
                Arguments.of("stop-agent-response", StopAgentResponse.class),
                Arguments.of("forward-prompt-response", ForwardPromptResponse.class));
    }

    // --- every field of every response -------------------------------------------------------------

    @Test
    void submitTaskDecodesEveryField() {
        SubmitTaskResponse submitted = decodeFixture("submit-task-response", SubmitTaskResponse.class);

        assertThat(submitted).isEqualTo(new SubmitTaskResponse(true, "task_01HZX4D1E2F3G4H5J6K7M8N9P0", "REN-1431",
                "queued", 2, "development"));
        assertEncodesBackTo("submit-task-response", submitted);
    }

    @Test
    void stopAgentDecodesEveryField() {
        StopAgentResponse stopped = decodeFixture("stop-agent-response", StopAgentResponse.class);

        assertThat(stopped).isEqualTo(new StopAgentResponse(true, TASK, "REN-1423", "working", "stopped"));
        assertEncodesBackTo("stop-agent-response", stopped);
    }

    @Test
    void forwardPromptDecodesEveryField() {
        ForwardPromptResponse forwarded = decodeFixture("forward-prompt-response", ForwardPromptResponse.class);

        assertThat(forwarded).isEqualTo(new ForwardPromptResponse(true, "prm_01HZX4E5F6G7H8J9K0M1N2P3Q4", TASK,
                "REN-1423", "working"));
        assertEncodesBackTo("forward-prompt-response", forwarded);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void unknownFieldsAreIgnored(String fixture, Class<?> type) {
        assertThat(decode(withUnknownFieldsEverywhere(fixture), type)).isEqualTo(decodeFixture(fixture, type));
    }

    @Test
    void statusesTheReferenceTypesAsPlainStringsAreKeptAsSent() {
        StopAgentResponse stopped = decode("{\"previousStatus\":\"suspended-by-operator\",\"newStatus\":\"\"}",
                StopAgentResponse.class);

        assertThat(stopped.previousStatus()).isEqualTo("suspended-by-operator");
        assertThat(stopped.newStatus()).isEmpty();
    }

    // --- requests ----------------------------------------------------------------------------------

    @Test
    void aMinimalSubmitNamesOnlyTheIssue() {
        assertThat(encode(SubmitTaskRequest.of("REN-1"))).isEqualTo("{\"issueId\":\"REN-1\"}");
    }

    @Test
    void aFullSubmitWritesEveryFieldInReferenceOrder() {
        assertThat(encode(new SubmitTaskRequest("REN-1431", "Add retry metrics to the webhook dashboard", "development", 2)))
                .isEqualTo("{\"issueId\":\"REN-1431\",\"description\":\"Add retry metrics to the webhook dashboard\","
                        + "\"workType\":\"development\",\"priority\":2}");
    }

    @Test
    void theIssueIdIsAlwaysWrittenEvenWhenEmpty() {
        assertThat(encode(SubmitTaskRequest.of(""))).isEqualTo("{\"issueId\":\"\"}");
    }

    @Test
    void aNegativePriorityIsNotEmptyAndIsWritten() {
        assertThat(encode(new SubmitTaskRequest("REN-1", "", "", -1))).isEqualTo("{\"issueId\":\"REN-1\",\"priority\":-1}");
    }

    @Test
    void stopAgentAlwaysWritesTheTask() {
        assertThat(encode(new StopAgentRequest(TASK))).isEqualTo("{\"taskId\":\"" + TASK + "\"}");
        assertThat(encode(new StopAgentRequest(""))).isEqualTo("{\"taskId\":\"\"}");
    }

    @Test
    void forwardPromptAlwaysWritesTaskAndMessage() {
        assertThat(encode(new ForwardPromptRequest(TASK, "Also update the CHANGELOG.")))
                .isEqualTo("{\"taskId\":\"" + TASK + "\",\"message\":\"Also update the CHANGELOG.\"}");
        assertThat(encode(new ForwardPromptRequest("", ""))).isEqualTo("{\"taskId\":\"\",\"message\":\"\"}");
    }

    @Test
    void textIsEscapedAsJson() {
        assertThat(encode(new ForwardPromptRequest(TASK, "say \"hi\"\nthen ünïcode ✓")))
                .isEqualTo("{\"taskId\":\"" + TASK + "\",\"message\":\"say \\\"hi\\\"\\nthen ünïcode ✓\"}");
    }
}
