package io.agentfactory.sdk.reactor.codeintel;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.agentfactory.sdk.codeintel.ChangeDescription;
import io.agentfactory.sdk.codeintel.DiffSource;
import io.agentfactory.sdk.error.ForbiddenException;
import io.agentfactory.sdk.error.HttpError;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.RateLimitedException;
import io.agentfactory.sdk.error.DiffUnavailableException;
import io.agentfactory.sdk.error.UnexpectedStatusException;
import io.agentfactory.sdk.reactor.codeintel.internal.gate.DiffLineSplitter;
import io.agentfactory.sdk.reactor.internal.http.HttpPipeline;
import io.agentfactory.sdk.reactor.internal.http.Redaction;
import io.agentfactory.sdk.reactor.internal.http.ResponseDecoder;
import io.agentfactory.sdk.reactor.internal.http.Route;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;

/**
 * Pull request diffs from the GitHub REST API (through the SDK's HTTP pipeline, no {@code gh} CLI):
 * {@link DiffSource#describe()} reads {@code GET /repos/{owner}/{repo}/pulls/{n}} as JSON (title, body,
 * {@code changed_files}); {@link DiffSource#lines()} reads the same route with
 * {@code Accept: application/vnd.github.v3.diff}, streamed into lines within the options' limits.
 *
 * <p>Errors: 401 {@link io.agentfactory.sdk.error.NotAuthenticatedException}, 403
 * {@link ForbiddenException}, or {@link RateLimitedException} when GitHub says the rate limit is
 * exceeded (as it does with a 403 or a 429; {@code Retry-After} is honoured), 404
 * {@link io.agentfactory.sdk.error.NotFoundException}, 406 (the diff is too large for GitHub to render)
 * {@link DiffUnavailableException}, 422 {@link UnexpectedStatusException}, 5xx
 * {@link io.agentfactory.sdk.error.ServerErrorException}; a body cut short
 * {@link io.agentfactory.sdk.error.TransportException}; a diff over the limits
 * {@link io.agentfactory.sdk.error.DiffTooLargeException}. The token goes only into
 * {@code Authorization} and never into a log or an error, even when the server echoes it.
 */
public final class GitHubDiffSource implements AutoCloseable {

    /** The media type of a pull request's unified diff. */
    public static final String DIFF_MEDIA_TYPE = "application/vnd.github.v3.diff";
    /** The media type of GitHub's JSON. */
    public static final String JSON_MEDIA_TYPE = "application/vnd.github+json";
    /** The REST API version sent in {@code X-GitHub-Api-Version}. */
    public static final String API_VERSION = "2022-11-28";

    private static final String TEMPLATE = "/repos/{}/{}/pulls/{}";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern PR_URL = Pattern.compile("https://[^/\\s]+/([^/\\s]+)/([^/\\s]+)/pull/(\\d{1,9})/?");

    private static final ResponseDecoder<JsonNode> TREE = (body, length) -> {
        JsonNode tree = JsonCodec.get().mapper().readTree(body, 0, length);
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("pull request answer is not a JSON object");
        }
        return tree;
    };

    private final GitHubDiffOptions options;
    private final HttpPipeline pipeline;
    private final UnaryOperator<String> redactor;

    private GitHubDiffSource(GitHubDiffOptions options) {
        this.options = options;
        this.redactor = Redaction.of(options.token());
        String bearer = "Bearer " + options.token();
        this.pipeline = HttpPipeline.create(options.baseUrl(), options.transport(), (route, headers) -> {
            if (!options.token().isEmpty()) {
                headers.set(HttpHeaderNames.AUTHORIZATION, bearer);
            }
            headers.set("X-GitHub-Api-Version", API_VERSION);
        }, redactor, "agentfactory-github");
    }

    /**
     * A source for the GitHub the options describe; it holds a connection pool until {@link #close()}.
     *
     * @throws IllegalArgumentException when the base URL is not an absolute http(s) URL
     */
    public static GitHubDiffSource create(GitHubDiffOptions options) {
        return new GitHubDiffSource(Objects.requireNonNull(options, "options"));
    }

    /**
     * The diff source of pull request {@code number} of {@code owner/repo}.
     *
     * @throws InvalidArgumentException when a name is not a GitHub name or the number is not positive
     */
    public DiffSource pullRequest(String owner, String repo, int number) {
        String o = checkName(owner, "owner");
        String r = checkName(repo, "repo");
        if (number < 1) {
            throw new InvalidArgumentException("pull request number must be positive");
        }
        return new PullRequest(o, r, number);
    }

    /**
     * The diff source of a pull request URL ({@code https://github.com/<owner>/<repo>/pull/<n>}).
     *
     * @throws InvalidArgumentException when it is not such a URL
     */
    public DiffSource pullRequest(String url) {
        Matcher m = url == null ? null : PR_URL.matcher(url.strip());
        if (m == null || !m.matches()) {
            throw new InvalidArgumentException("not a pull request URL (https://<host>/<owner>/<repo>/pull/<n>)");
        }
        return pullRequest(m.group(1), m.group(2), Integer.parseInt(m.group(3)));
    }

    private static String checkName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new InvalidArgumentException(what + " must be a GitHub name (letters, digits, '-', '_', '.')");
        }
        return name;
    }

    /** One pull request. */
    private final class PullRequest implements DiffSource {
        private final String owner;
        private final String repo;
        private final int number;

        PullRequest(String owner, String repo, int number) {
            this.owner = owner;
            this.repo = repo;
            this.number = number;
        }

        private Route route(String accept) {
            return Route.get(TEMPLATE, owner, repo, Integer.toString(number)).accepting(accept);
        }

        @Override
        public Mono<ChangeDescription> describe() {
            return pipeline.exchange(() -> route(JSON_MEDIA_TYPE), TREE).map(pr -> {
                JsonNode files = pr.path("changed_files");
                return new ChangeDescription(host() + "/" + owner + "/" + repo, number, text(pr, "title"),
                        text(pr, "body"), files.isIntegralNumber() && files.asInt() >= 0
                                ? OptionalInt.of(files.asInt()) : OptionalInt.empty());
            }).onErrorMap(ForbiddenException.class, GitHubDiffSource::rateLimited);
        }

        @Override
        public Flux<String> lines() {
            return pipeline.stream(() -> route(DIFF_MEDIA_TYPE), (response, content) -> Flux.defer(() -> {
                DiffLineSplitter splitter = new DiffLineSplitter(options.limits());
                return content.asByteArray().concatMapIterable(splitter::feed)
                        .concatWith(Flux.defer(() -> Flux.fromIterable(splitter.finish())));
            })).onErrorMap(ForbiddenException.class, GitHubDiffSource::rateLimited)
                    .onErrorMap(e -> e instanceof UnexpectedStatusException u && u.status() == 406,
                            e -> new DiffUnavailableException("GitHub refused to render the diff of " + owner + "/" + repo
                                    + "#" + number + " (too large): " + ((UnexpectedStatusException) e).serverMessage(), e));
        }

        @Override
        public String toString() {
            return "GitHubDiffSource[" + owner + "/" + repo + "#" + number + "]";
        }
    }

    private String host() {
        String host = java.net.URI.create(pipeline.baseUrl()).getHost().toLowerCase(Locale.ROOT);
        return host.equals("api.github.com") ? "github.com" : host;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : "";
    }

    /** GitHub's primary and secondary rate limits answer 403 with a message saying so. */
    private static Throwable rateLimited(ForbiddenException e) {
        String message = e.serverMessage().isEmpty() ? e.detail("message").orElse("") : e.serverMessage();
        if (!message.toLowerCase(Locale.ROOT).contains("rate limit")) {
            return e;
        }
        HttpError error = new HttpError(e.method().orElse("GET"), e.path().orElse(""), e.status(), message,
                e.retryAfter().orElse(null), e.details());
        return new RateLimitedException(error);
    }

    /** Releases the connection pool. */
    @Override
    public void close() {
        pipeline.close();
    }
}
