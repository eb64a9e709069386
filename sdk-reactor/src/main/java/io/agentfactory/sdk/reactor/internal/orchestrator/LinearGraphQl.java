package io.agentfactory.sdk.reactor.internal.orchestrator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.error.GraphQlErrorException;
import io.agentfactory.sdk.error.HttpError;
import io.agentfactory.sdk.error.RateLimitedException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.orchestrator.Issue;

/**
 * The Linear GraphQL documents the orchestrator sends and the decoding of their answers: one
 * issue by id, and a page of a project's issues in given states ({@code first}/{@code after},
 * {@code pageInfo{hasNextPage endCursor}}). Not API.
 */
public final class LinearGraphQl {

    /** The operation reading one issue. */
    public static final String ISSUE = "Issue";
    /** The operation reading a page of a project's issues. */
    public static final String PROJECT_ISSUES = "ProjectIssues";

    private static final String FIELDS = "id identifier title description url state { name } project { name } "
            + "labels { nodes { name } }";

    private static final String ISSUE_QUERY = "query Issue($id: String!) { issue(id: $id) { " + FIELDS + " } }";

    private static final String PROJECT_ISSUES_QUERY = "query ProjectIssues($project: String!, $states: [String!]!, "
            + "$first: Int!, $after: String) { issues(filter: { project: { name: { eq: $project } }, "
            + "state: { name: { in: $states } } }, first: $first, after: $after) { nodes { " + FIELDS
            + " } pageInfo { hasNextPage endCursor } } }";

    private LinearGraphQl() {
    }

    /** One page of issues and where the next one starts. */
    public record Page(List<Issue> issues, boolean hasNextPage, String endCursor) {
    }

    /** The request body reading issue {@code id}. */
    public static Map<String, Object> issueRequest(String id) {
        return request(ISSUE, ISSUE_QUERY, Map.of("id", id));
    }

    /** The request body reading a page of {@code project}'s issues in {@code states}. */
    public static Map<String, Object> projectIssuesRequest(String project, List<String> states, int first,
            @Nullable String after) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("project", project);
        variables.put("states", states);
        variables.put("first", first);
        variables.put("after", after);
        return request(PROJECT_ISSUES, PROJECT_ISSUES_QUERY, variables);
    }

    private static Map<String, Object> request(String operation, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operationName", operation);
        body.put("query", query);
        body.put("variables", variables);
        return body;
    }

    /**
     * The {@code data} of an answer; the server's messages pass through {@code redactor}.
     *
     * @throws AgentFactoryException when it carries {@code errors} (a {@link RateLimitedException}
     *         for Linear's {@code RATELIMITED} code, else a {@link GraphQlErrorException}) or no data
     */
    public static JsonNode data(String path, String operation, int status, JsonNode answer,
            UnaryOperator<String> redactor) {
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw errorsOf(path, operation, status, errors, redactor);
        }
        JsonNode data = answer.get("data");
        if (data == null || !data.isObject()) {
            throw new ResponseDecodeException("POST", path, "GraphQL " + operation + " answer has no data", null);
        }
        return data;
    }

    /** The typed error for a non-empty {@code errors} array. */
    public static AgentFactoryException errorsOf(String path, String operation, int status, JsonNode errors,
            UnaryOperator<String> redactor) {
        List<String> messages = new ArrayList<>();
        for (JsonNode error : errors) {
            String message = redactor.apply(JsonLines.text(error, "message"));
            messages.add(message.length() > 500 ? message.substring(0, 500) + "…" : message);
        }
        String code = JsonLines.text(errors.path(0).path("extensions"), "code");
        if (code.equals("RATELIMITED")) {
            return new RateLimitedException(new HttpError("POST", path, status, messages.get(0), null,
                    Map.of("code", code)));
        }
        return new GraphQlErrorException("POST", path, operation, messages, code.isEmpty() ? null : code);
    }

    /** The issue of an {@code Issue} answer's data, {@code null} when there is none. */
    public static @Nullable Issue issue(JsonNode data) {
        JsonNode node = data.get("issue");
        return node == null || node.isNull() ? null : issueOf(node);
    }

    /** The page of a {@code ProjectIssues} answer's data. */
    public static Page page(String path, JsonNode data) {
        JsonNode connection = data.path("issues");
        if (!connection.path("nodes").isArray()) {
            throw new ResponseDecodeException("POST", path, "GraphQL ProjectIssues answer has no issues.nodes", null);
        }
        List<Issue> issues = new ArrayList<>();
        for (JsonNode node : connection.path("nodes")) {
            issues.add(issueOf(node));
        }
        JsonNode info = connection.path("pageInfo");
        return new Page(issues, info.path("hasNextPage").asBoolean(false), JsonLines.text(info, "endCursor"));
    }

    private static Issue issueOf(JsonNode node) {
        String id = JsonLines.text(node, "id");
        if (id.isBlank()) {
            throw new ResponseDecodeException("POST", "/graphql", "Linear issue without an id", null);
        }
        List<String> labels = new ArrayList<>();
        for (JsonNode label : node.path("labels").path("nodes")) {
            labels.add(JsonLines.text(label, "name"));
        }
        return new Issue(id, JsonLines.text(node, "identifier"), JsonLines.text(node, "title"),
                JsonLines.text(node, "description"), JsonLines.text(node, "url"),
                JsonLines.text(node.path("project"), "name"), JsonLines.text(node.path("state"), "name"), labels);
    }
}
