package io.agentfactory.sdk.examples.orchestrator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.agentfactory.sdk.orchestrator.Issue;

/**
 * A Linear GraphQL endpoint on loopback ({@code POST /graphql}) serving a fixed set of issues: the
 * {@code Issue} operation by id or identifier and {@code ProjectIssues} filtered by project and
 * state, paged by {@code first}/{@code after} (cursors are offsets). A request without the
 * expected key in {@code Authorization} gets 401.
 */
public final class FakeLinear implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Issue> issues;
    private final String apiKey;
    private final AtomicInteger requests = new AtomicInteger();
    private final DisposableServer server;

    private FakeLinear(List<Issue> issues, String apiKey) {
        this.issues = List.copyOf(issues);
        this.apiKey = apiKey;
        this.server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/graphql", (request, response) -> request.receive().aggregate()
                        .asString().defaultIfEmpty("").flatMap(body -> {
                            requests.incrementAndGet();
                            if (!apiKey.equals(request.requestHeaders().get("Authorization"))) {
                                return response.status(HttpResponseStatus.UNAUTHORIZED)
                                        .header("Content-Type", "application/json")
                                        .sendString(Mono.just("{\"error\":\"invalid API key\"}")).then();
                            }
                            return response.header("Content-Type", "application/json")
                                    .sendString(Mono.just(answer(JSON.readTree(body)))).then();
                        })))
                .bindNow(Duration.ofSeconds(10));
    }

    /** Starts serving {@code issues} to callers presenting {@code apiKey}. */
    public static FakeLinear start(List<Issue> issues, String apiKey) {
        return new FakeLinear(issues, apiKey);
    }

    /** {@code http://127.0.0.1:<port>/graphql}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.port() + "/graphql";
    }

    /** How many GraphQL requests arrived. */
    public int requestCount() {
        return requests.get();
    }

    private String answer(JsonNode request) {
        JsonNode variables = request.path("variables");
        switch (request.path("operationName").asString("")) {
            case "Issue": {
                String id = variables.path("id").asString("");
                Object found = issues.stream().filter(i -> i.id().equals(id) || i.identifier().equals(id))
                        .findFirst().map(FakeLinear::node).orElse(null);
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("issue", found);
                return JSON.writeValueAsString(Map.of("data", data));
            }
            case "ProjectIssues": {
                String project = variables.path("project").asString("");
                List<String> states = new ArrayList<>();
                variables.path("states").forEach(s -> states.add(s.asString("")));
                List<Issue> matching = issues.stream()
                        .filter(i -> i.project().equals(project) && states.contains(i.state())).toList();
                int from = variables.path("after").isString() ? Integer.parseInt(variables.path("after").asString()) : 0;
                int to = Math.min(matching.size(), from + Math.max(1, variables.path("first").asInt(50)));
                Map<String, Object> page = new LinkedHashMap<>();
                page.put("nodes", matching.subList(Math.min(from, to), to).stream().map(FakeLinear::node).toList());
                page.put("pageInfo", Map.of("hasNextPage", to < matching.size(), "endCursor", String.valueOf(to)));
                return JSON.writeValueAsString(Map.of("data", Map.of("issues", page)));
            }
            default:
                return "{\"errors\":[{\"message\":\"Unknown operation\",\"extensions\":{\"code\":\"GRAPHQL_VALIDATION_FAILED\"}}]}";
        }
    }

    private static Map<String, Object> node(Issue issue) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("id", issue.id());
        node.put("identifier", issue.identifier());
        node.put("title", issue.title());
        node.put("description", issue.description());
        node.put("url", issue.url());
        node.put("state", Map.of("name", issue.state()));
        node.put("project", Map.of("name", issue.project()));
        node.put("labels", Map.of("nodes", issue.labels().stream().map(l -> Map.of("name", l)).toList()));
        return node;
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(10));
    }
}
