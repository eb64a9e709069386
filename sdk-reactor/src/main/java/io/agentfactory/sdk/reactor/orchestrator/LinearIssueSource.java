package io.agentfactory.sdk.reactor.orchestrator;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.agentfactory.sdk.error.BadRequestException;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.orchestrator.Issue;
import io.agentfactory.sdk.orchestrator.IssueSource;
import io.agentfactory.sdk.reactor.internal.http.HttpPipeline;
import io.agentfactory.sdk.reactor.internal.http.Redaction;
import io.agentfactory.sdk.reactor.internal.http.ResponseDecoder;
import io.agentfactory.sdk.reactor.internal.http.Route;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.reactor.internal.orchestrator.LinearGraphQl;

/**
 * Issues from Linear over GraphQL ({@code POST} to the endpoint, through the SDK's HTTP pipeline):
 * {@link #issues} pages through {@code issues(filter: {project, state})} with {@code first}/
 * {@code after}, fetching the next page only as the subscriber asks for more; {@link #issue} reads
 * {@code issue(id:)}.
 *
 * <p>Errors: 401 {@link io.agentfactory.sdk.error.NotAuthenticatedException}, 403, 404, 429
 * {@link io.agentfactory.sdk.error.RateLimitedException} (retried per the transport's retry policy,
 * after {@code Retry-After}), 5xx {@link io.agentfactory.sdk.error.ServerErrorException}; an answer
 * with {@code errors} is a {@link io.agentfactory.sdk.error.GraphQlErrorException} (Linear's
 * {@code RATELIMITED} code a {@code RateLimitedException}). The key is sent as-is in
 * {@code Authorization} and never appears in a log or an error, even when the server echoes it.
 */
public final class LinearIssueSource implements IssueSource, AutoCloseable {

    private static final ResponseDecoder<JsonNode> TREE = (body, length) -> {
        JsonNode tree = JsonCodec.get().mapper().readTree(body, 0, length);
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("GraphQL answer is not a JSON object");
        }
        return tree;
    };

    private final LinearOptions options;
    private final HttpPipeline pipeline;
    private final String path;
    private final UnaryOperator<String> redactor;

    private LinearIssueSource(LinearOptions options) {
        this.options = options;
        URI endpoint = URI.create(options.endpoint());
        this.path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        this.redactor = Redaction.of(options.apiKey());
        this.pipeline = HttpPipeline.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority(),
                options.transport(), (route, headers) -> headers.set(HttpHeaderNames.AUTHORIZATION, options.apiKey()),
                redactor, "agentfactory-linear");
    }

    /** A source for the Linear the options describe. */
    public static LinearIssueSource create(LinearOptions options) {
        return new LinearIssueSource(Objects.requireNonNull(options, "options"));
    }

    @Override
    public Flux<Issue> issues(String project, List<String> states) {
        return Flux.defer(() -> {
            if (project == null || project.isBlank()) {
                return Flux.error(new InvalidArgumentException("project must not be blank"));
            }
            if (states.isEmpty() || states.stream().anyMatch(s -> s == null || s.isBlank())) {
                return Flux.error(new InvalidArgumentException("states must be non-empty names"));
            }
            return pagesFrom(project, List.copyOf(states), null);
        });
    }

    /*
     * The next page is asked for only when an issue past the current page is requested: concatWith
     * moves on as soon as the page's last issue is emitted, so the next page waits behind a
     * concatMap without prefetch, which takes its one cursor only on the subscriber's demand.
     */
    private Flux<Issue> pagesFrom(String project, List<String> states, @Nullable String after) {
        return page(project, states, after).flatMapMany(page -> {
            Flux<Issue> issues = Flux.fromIterable(page.issues());
            if (!page.hasNextPage()) {
                return issues;
            }
            if (page.endCursor().isEmpty() || page.endCursor().equals(after)) {
                return issues.concatWith(Flux.error(new ResponseDecodeException("POST", path, page.endCursor()
                        .isEmpty() ? "GraphQL ProjectIssues says hasNextPage but gives no endCursor"
                        : "GraphQL ProjectIssues paging does not advance (the same endCursor twice)", null)));
            }
            // hide(): a scalar source would be mapped, and the page fetched, at subscription.
            return issues.concatWith(Flux.just(page.endCursor()).hide()
                    .concatMap(next -> pagesFrom(project, states, next), 0));
        });
    }

    private Mono<LinearGraphQl.Page> page(String project, List<String> states, @Nullable String after) {
        return query(LinearGraphQl.PROJECT_ISSUES,
                LinearGraphQl.projectIssuesRequest(project, states, options.pageSize(), after))
                .map(data -> LinearGraphQl.page(path, data));
    }

    @Override
    public Mono<Issue> issue(String idOrIdentifier) {
        return Mono.defer(() -> {
            if (idOrIdentifier == null || idOrIdentifier.isBlank()) {
                return Mono.error(new InvalidArgumentException("issue id must not be blank"));
            }
            return query(LinearGraphQl.ISSUE, LinearGraphQl.issueRequest(idOrIdentifier.trim()))
                    .flatMap(data -> Mono.justOrEmpty(LinearGraphQl.issue(data)));
        });
    }

    /** Sends one GraphQL query (a read, so the pipeline may retry it) and gives its {@code data}. */
    private Mono<JsonNode> query(String operation, Map<String, Object> body) {
        return pipeline.exchange(() -> new Route("POST", path, path, "", null, Route.JSON, true).json(body), TREE)
                .map(answer -> LinearGraphQl.data(path, operation, 200, answer, redactor))
                .onErrorMap(BadRequestException.class, e -> {
                    Object errors = e.details().get("errors");
                    return errors == null ? e : LinearGraphQl.errorsOf(path, operation, e.status(),
                            JsonCodec.get().mapper().valueToTree(errors), redactor);
                });
    }

    /** Releases the connection pool. */
    @Override
    public void close() {
        pipeline.close();
    }
}
