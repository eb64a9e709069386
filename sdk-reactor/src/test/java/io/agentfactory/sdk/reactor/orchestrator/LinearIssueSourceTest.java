package io.agentfactory.sdk.reactor.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import io.agentfactory.sdk.error.GraphQlErrorException;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.NotAuthenticatedException;
import io.agentfactory.sdk.error.RateLimitedException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.error.ServerErrorException;
import io.agentfactory.sdk.orchestrator.Issue;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.reactor.testing.DelayRecordingScheduler;
import io.agentfactory.sdk.reactor.testing.LoopbackServer;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/**
 * The Linear issue source against a fake Linear GraphQL server on loopback that answers by
 * operation: {@code Issue} by id, {@code ProjectIssues} paged by {@code first}/{@code after}.
 */
class LinearIssueSourceTest {

    @RegisterExtension
    static final LoopbackServer loopback = new LoopbackServer();

    private static final String KEY = "lin_api_secret123";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RetryPolicy EXACT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.0,
            Duration.ofSeconds(60), false);

    private final List<String> backlog = new ArrayList<>();

    private RecordingServer server() {
        return loopback.server();
    }

    @BeforeEach
    void fakeLinear() {
        backlog.clear();
        for (int i = 1; i <= 5; i++) {
            backlog.add(issueJson(i));
        }
        server().replyWith(this::answer);
    }

    private static String issueJson(int i) {
        return "{\"id\":\"uuid-" + i + "\",\"identifier\":\"ENG-" + i + "\",\"title\":\"Issue " + i
                + "\",\"description\":" + (i == 1 ? "null" : "\"Body " + i + "\"") + ",\"url\":\"https://linear.app/x/ENG-"
                + i + "\",\"state\":{\"name\":\"Backlog\"},\"project\":{\"name\":\"Alpha\"},"
                + "\"labels\":{\"nodes\":[{\"name\":\"bug\"}]}}";
    }

    /** The fake Linear: answers by operation name; pages are cut at {@code first}, cursors are offsets. */
    private Reply answer(RecordedRequest request) {
        JsonNode body = JsonCodec.get().mapper().readTree(request.bodyText());
        JsonNode variables = body.path("variables");
        switch (body.path("operationName").asString()) {
            case "Issue":
                String id = variables.path("id").asString();
                for (int i = 0; i < backlog.size(); i++) {
                    if (id.equals("uuid-" + (i + 1)) || id.equals("ENG-" + (i + 1))) {
                        return Reply.json("{\"data\":{\"issue\":" + backlog.get(i) + "}}");
                    }
                }
                return Reply.json("{\"data\":{\"issue\":null}}");
            case "ProjectIssues":
                int first = variables.path("first").asInt();
                int from = variables.path("after").isNull() ? 0 : Integer.parseInt(variables.path("after").asString());
                int to = Math.min(backlog.size(), from + first);
                return Reply.json("{\"data\":{\"issues\":{\"nodes\":[" + String.join(",", backlog.subList(from, to))
                        + "],\"pageInfo\":{\"hasNextPage\":" + (to < backlog.size()) + ",\"endCursor\":\"" + to
                        + "\"}}}}");
            default:
                return Reply.json(400, "{\"errors\":[{\"message\":\"Unknown operation\"}]}");
        }
    }

    private LinearIssueSource source(int pageSize, RetryPolicy retry) {
        return LinearIssueSource.create(LinearOptions.builder().endpoint(server().baseUrl() + "/graphql").apiKey(KEY)
                .pageSize(pageSize).transport(TransportOptions.builder().retryPolicy(retry).build()).build(Map.of()));
    }

    @Test
    void theBacklogIsReadPageByPageWithTheRawKey() {
        try (LinearIssueSource linear = source(2, RetryPolicy.none())) {
            List<Issue> issues = linear.backlog("Alpha").collectList().block(WAIT);

            assertThat(issues).extracting(Issue::identifier).containsExactly("ENG-1", "ENG-2", "ENG-3", "ENG-4", "ENG-5");
            assertThat(issues.get(0)).isEqualTo(new Issue("uuid-1", "ENG-1", "Issue 1", "",
                    "https://linear.app/x/ENG-1", "Alpha", "Backlog", List.of("bug")));
        }
        List<RecordedRequest> requests = server().requests();
        assertThat(requests).hasSize(3);
        RecordedRequest first = requests.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.uri()).isEqualTo("/graphql");
        assertThat(first.header("Authorization")).isEqualTo(KEY);
        assertThat(first.header("Content-Type")).isEqualTo("application/json");
        assertThat(first.bodyText()).isEqualTo("{\"operationName\":\"ProjectIssues\",\"query\":\"query ProjectIssues("
                + "$project: String!, $states: [String!]!, $first: Int!, $after: String) { issues(filter: { project: "
                + "{ name: { eq: $project } }, state: { name: { in: $states } } }, first: $first, after: $after) { "
                + "nodes { id identifier title description url state { name } project { name } labels { nodes { name } "
                + "} } pageInfo { hasNextPage endCursor } } }\",\"variables\":{\"project\":\"Alpha\",\"states\":"
                + "[\"Backlog\"],\"first\":2,\"after\":null}}");
        assertThat(requests.get(1).bodyText()).endsWith("\"first\":2,\"after\":\"2\"}}");
        assertThat(requests.get(2).bodyText()).endsWith("\"first\":2,\"after\":\"4\"}}");
    }

    @Test
    void theNextPageIsFetchedOnlyWhenAsked() {
        try (LinearIssueSource linear = source(2, RetryPolicy.none())) {
            StepVerifier.create(linear.backlog("Alpha"), 1)
                    .expectNextCount(1)
                    .thenRequest(1)
                    .expectNextCount(1)
                    // The first page is used up but nothing more is asked for: no request may go out.
                    .expectNoEvent(Duration.ofMillis(300))
                    .then(() -> assertThat(server().requestCount()).isEqualTo(1))
                    .thenRequest(1)
                    .expectNextCount(1)
                    .then(() -> assertThat(server().requestCount()).isEqualTo(2))
                    .thenCancel()
                    .verify(WAIT);
        }
        assertThat(server().requestCount()).isEqualTo(2);
    }

    @Test
    void oneIssueByIdentifierAndNoneForAnUnknownOne() {
        try (LinearIssueSource linear = source(50, RetryPolicy.none())) {
            assertThat(linear.issue("ENG-3").block(WAIT).description()).isEqualTo("Body 3");
            StepVerifier.create(linear.issue("ENG-99")).verifyComplete();
        }
        assertThat(server().requests().get(0).bodyText()).isEqualTo("{\"operationName\":\"Issue\",\"query\":"
                + "\"query Issue($id: String!) { issue(id: $id) { id identifier title description url state { name } "
                + "project { name } labels { nodes { name } } } }\",\"variables\":{\"id\":\"ENG-3\"}}");
    }

    @Test
    void unauthorizedIsTypedAndNeverShowsTheKey() {
        server().replyWith(Reply.json(401, "{\"error\":\"bad key " + KEY + "\"}"));

        try (LinearIssueSource linear = source(50, RetryPolicy.none())) {
            StepVerifier.create(linear.backlog("Alpha"))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotAuthenticatedException.class)
                            .hasMessage("POST /graphql: HTTP 401: bad key REDACTED"))
                    .verify(WAIT);
        }
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfter() {
        DelayRecordingScheduler time = DelayRecordingScheduler.create();
        server().replySequence(Reply.json(429, "{\"error\":\"slow down\"}").header("Retry-After", "7"),
                Reply.json("{\"data\":{\"issue\":" + issueJson(1) + "}}"));

        try (LinearIssueSource linear = source(50, EXACT)) {
            StepVerifier.withVirtualTime(() -> linear.issue("ENG-1"), () -> time, Long.MAX_VALUE)
                    .then(() -> assertThat(time.nextDelay(WAIT)).isEqualTo(Duration.ofSeconds(7)))
                    .thenAwait(Duration.ofSeconds(7))
                    .assertNext(issue -> assertThat(issue.identifier()).isEqualTo("ENG-1"))
                    .verifyComplete();
        }
        assertThat(server().requestCount()).isEqualTo(2);
    }

    @Test
    void tooManyRequestsWithoutRetriesIsARateLimitedError() {
        server().replyWith(Reply.json(429, "{\"error\":\"slow down\"}").header("Retry-After", "7"));

        try (LinearIssueSource linear = source(50, RetryPolicy.none())) {
            StepVerifier.create(linear.issue("ENG-1"))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(RateLimitedException.class);
                        assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(7));
                    })
                    .verify(WAIT);
        }
    }

    @Test
    void serverErrorsAreTyped() {
        server().replyWith(Reply.text(502, "bad gateway"));

        try (LinearIssueSource linear = source(50, RetryPolicy.none())) {
            StepVerifier.create(linear.backlog("Alpha")).expectError(ServerErrorException.class).verify(WAIT);
        }
    }

    @Test
    void graphQlErrorsAreTypedWithTheFirstMessageAndCodeAndNoKey() {
        server().replyWith(Reply.json("{\"data\":null,\"errors\":[{\"message\":\"Entity not found: " + KEY + "\","
                + "\"extensions\":{\"code\":\"INVALID_INPUT\"}},{\"message\":\"second\"}]}"));

        try (LinearIssueSource linear = source(50, RetryPolicy.none())) {
            StepVerifier.create(linear.issue("ENG-1"))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(GraphQlErrorException.class).hasMessage(
                                "POST /graphql: GraphQL Issue failed: Entity not found: REDACTED (INVALID_INPUT)");
                        assertThat(((GraphQlErrorException) e).messages()).containsExactly(
                                "Entity not found: REDACTED", "second");
                    })
                    .verify(WAIT);
        }
    }

    @Test
    void graphQlErrorsInABadRequestAreTypedToo() {
        server().replyWith(Reply.json(400, "{\"errors\":[{\"message\":\"Variable \\\"$first\\\" got invalid value\","
                + "\"extensions\":{\"code\":\"GRAPHQL_VALIDATION_FAILED\"}}]}"));

        try (LinearIssueSource linear = source(50, RetryPolicy.none())) {
            StepVerifier.create(linear.backlog("Alpha"))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(GraphQlErrorException.class)
                            .hasMessageContaining("got invalid value (GRAPHQL_VALIDATION_FAILED)"))
                    .verify(WAIT);
        }
    }

    @Test
    void linearsRateLimitedCodeIsARateLimitedError() {
        server().replyWith(Reply.json(400, "{\"errors\":[{\"message\":\"Rate limit exceeded\","
                + "\"extensions\":{\"code\":\"RATELIMITED\"}}]}"));

        try (LinearIssueSource linear = source(50, RetryPolicy.none())) {
            StepVerifier.create(linear.backlog("Alpha"))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(RateLimitedException.class)
                            .hasMessage("POST /graphql: HTTP 400: Rate limit exceeded"))
                    .verify(WAIT);
        }
    }

    @Test
    void pagingThatDoesNotAdvanceFailsInsteadOfLooping() {
        server().replyWith(Reply.json("{\"data\":{\"issues\":{\"nodes\":[" + issueJson(1) + "],"
                + "\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":\"same\"}}}}"));

        try (LinearIssueSource linear = source(1, RetryPolicy.none())) {
            StepVerifier.create(linear.backlog("Alpha"))
                    .expectNextCount(2)
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                            .hasMessageContaining("paging does not advance"))
                    .verify(WAIT);
        }
        assertThat(server().requestCount()).isEqualTo(2);
    }

    @Test
    void anAnswerThatIsNotGraphQlIsADecodeError() {
        server().replyWith(Reply.json("{\"data\":{\"issues\":{}}}"));

        try (LinearIssueSource linear = source(50, RetryPolicy.none())) {
            StepVerifier.create(linear.backlog("Alpha")).expectError(ResponseDecodeException.class).verify(WAIT);
        }
    }

    @Test
    void aBlankProjectFailsBeforeAnythingIsSent() {
        try (LinearIssueSource linear = source(50, RetryPolicy.none())) {
            StepVerifier.create(linear.backlog(" ")).expectError(InvalidArgumentException.class).verify(WAIT);
        }
        assertThat(server().requestCount()).isZero();
    }

    @Test
    void theKeyComesFromTheOptionsOrLinearApiKeyAndIsNeverShown() {
        assertThat(LinearOptions.builder().build(Map.of("LINEAR_API_KEY", "lin_env")).apiKey()).isEqualTo("lin_env");
        assertThat(LinearOptions.builder().apiKey("lin_given").build(Map.of("LINEAR_API_KEY", "lin_env")).apiKey())
                .isEqualTo("lin_given");
        assertThat(LinearOptions.builder().apiKey(KEY).build(Map.of()).toString()).doesNotContain(KEY)
                .contains("apiKey=REDACTED");
        assertThatThrownBy(() -> LinearOptions.builder().build(Map.of())).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("LINEAR_API_KEY is required");
        assertThatThrownBy(() -> LinearOptions.builder().apiKey("lin\r\nX-Injected: 1"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageNotContaining("Injected");
    }
}
