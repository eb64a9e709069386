package io.agentfactory.sdk.reactor.codeintel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.codeintel.ChangeKind;
import io.agentfactory.sdk.codeintel.ChangedFile;
import io.agentfactory.sdk.codeintel.DiffLimits;
import io.agentfactory.sdk.codeintel.DiffSource;
import io.agentfactory.sdk.codeintel.GatePolicy;
import io.agentfactory.sdk.codeintel.GateRequest;
import io.agentfactory.sdk.codeintel.GateVerdict;
import io.agentfactory.sdk.codeintel.ObservationKind;
import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.error.DiffTooLargeException;
import io.agentfactory.sdk.error.DiffUnavailableException;
import io.agentfactory.sdk.error.ForbiddenException;
import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.NotAuthenticatedException;
import io.agentfactory.sdk.error.NotFoundException;
import io.agentfactory.sdk.error.RateLimitedException;
import io.agentfactory.sdk.error.ServerErrorException;
import io.agentfactory.sdk.error.TransportException;
import io.agentfactory.sdk.error.UnexpectedStatusException;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.faults.Fault;
import io.agentfactory.sdk.reactor.faults.FaultServer;
import io.agentfactory.sdk.reactor.testing.LoopbackServer;
import io.agentfactory.sdk.reactor.testing.PoolProbe;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.Reply;

/** The GitHub pull request diff source against a fake GitHub REST API on loopback. */
class GitHubDiffSourceTest {

    @RegisterExtension
    static final LoopbackServer loopback = new LoopbackServer();

    private static final String TOKEN = "ghp_S3cretTokenValue42";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PULL = "{\"number\":7,\"title\":\"Change\",\"body\":null,\"changed_files\":1}";
    private static final String PATCH = "diff --git a/src/auth/login.ts b/src/auth/login.ts\n"
            + "--- a/src/auth/login.ts\n+++ b/src/auth/login.ts\n@@ -0,0 +1 @@\n+const r: Result<User, Error> = ok(user)\n";

    private PoolProbe pool;
    private GitHubDiffSource github;

    @BeforeEach
    void connect() {
        pool = PoolProbe.create("github-test", 4);
        github = GitHubDiffSource.create(GitHubDiffOptions.of(TOKEN).withBaseUrl(loopback.server().baseUrl() + "/api/v3")
                .withTransport(TransportOptions.builder().retryPolicy(RetryPolicy.none()).connectionProvider(pool.provider())
                        .responseTimeout(Duration.ofSeconds(5)).build()));
    }

    @AfterEach
    void close() {
        github.close();
        pool.close();
    }

    /** Answers the JSON route with {@code pull} and the diff route with {@code diff}. */
    private void fakeGitHub(String pull, Reply diff) {
        loopback.server().replyWith(request -> request.header("Accept").equals(GitHubDiffSource.DIFF_MEDIA_TYPE) ? diff
                : Reply.json(pull).header("Content-Type", "application/json; charset=utf-8"));
    }

    private static Reply diff(String text) {
        return Reply.status(200).header("Content-Type", "application/vnd.github.v3.diff; charset=utf-8").body(text);
    }

    @Test
    void aPullRequestIsReadWithExactRequestsAndJudgedOnItsRealPatch() {
        fakeGitHub(PULL, diff(PATCH));

        GateVerdict verdict = ArchitectureGate.evaluate(github.pullRequest("org", "repo", 7),
                GateRequest.of(GatePolicy.defaults()).requiringDiff()).block(WAIT);

        assertThat(verdict.mode()).isEqualTo("native-diff-only");
        assertThat(verdict.change().repository()).isEqualTo("127.0.0.1/org/repo");
        assertThat(verdict.change().title()).isEqualTo("Change");
        assertThat(verdict.change().body()).isEmpty();
        assertThat(verdict.files()).containsExactly(
                new ChangedFile("src/auth/login.ts", "src/auth/login.ts", ChangeKind.MODIFIED, false, false, 1, 0));
        assertThat(verdict.observations()).extracting(o -> o.kind(), o -> o.title()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ObservationKind.PATTERN, "Auth layer pattern"),
                org.assertj.core.groups.Tuple.tuple(ObservationKind.CONVENTION, "Result<T, E> error handling"));
        assertThat(verdict.gated()).isFalse();
        assertThat(verdict.warnings()).isEmpty();

        List<RecordedRequest> requests = loopback.server().requests();
        assertThat(requests).hasSize(2);
        for (RecordedRequest r : requests) {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.uri()).isEqualTo("/api/v3/repos/org/repo/pulls/7");
            assertThat(r.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(r.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
            assertThat(r.body()).isEmpty();
        }
        assertThat(requests.get(0).header("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(requests.get(1).header("Accept")).isEqualTo("application/vnd.github.v3.diff");
        pool.awaitIdle(WAIT);
    }

    @Test
    void aPullRequestUrlNamesTheSameRoute() {
        fakeGitHub(PULL, diff(PATCH));

        github.pullRequest("https://github.com/org/repo/pull/7").describe().block(WAIT);

        assertThat(loopback.server().onlyRequest().uri()).isEqualTo("/api/v3/repos/org/repo/pulls/7");
        for (String bad : new String[] {"not-a-pr", "https://github.com/org/repo/issues/7", "https://github.com/o/r/pull/x"}) {
            assertThatThrownBy(() -> github.pullRequest(bad)).isInstanceOf(InvalidArgumentException.class);
        }
    }

    @Test
    void invalidNamesAreRefusedBeforeAnythingIsSent() {
        for (String bad : new String[] {"..", "a/b", "a b", "", "x\u0000"}) {
            assertThatThrownBy(() -> github.pullRequest(bad, "repo", 1)).isInstanceOf(InvalidArgumentException.class);
            assertThatThrownBy(() -> github.pullRequest("org", bad, 1)).isInstanceOf(InvalidArgumentException.class);
        }
        assertThatThrownBy(() -> github.pullRequest("org", "repo", 0)).isInstanceOf(InvalidArgumentException.class);
        assertThat(loopback.server().requestCount()).isZero();
    }

    @Test
    void strictModeRefusesADiffThatDoesNotCoverTheChangedFiles() {
        fakeGitHub(PULL.replace("\"changed_files\":1", "\"changed_files\":2"), diff(PATCH));

        StepVerifier.create(ArchitectureGate.evaluate(github.pullRequest("org", "repo", 7),
                GateRequest.of(GatePolicy.defaults()).requiringDiff()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DiffUnavailableException.class)
                        .hasMessage("patch sections (1) do not match the changed-file list (2)"))
                .verify(WAIT);
    }

    @Test
    void strictModeFailsOnAFailedDiffWhileLenientModeJudgesTheDescriptionAndSaysSo() {
        fakeGitHub("{\"title\":\"We chose drizzle over prisma\",\"body\":\"\",\"changed_files\":1}",
                Reply.json(500, "{\"message\":\"boom\"}"));
        DiffSource pr = github.pullRequest("org", "repo", 7);

        StepVerifier.create(ArchitectureGate.evaluate(pr, GateRequest.of(GatePolicy.defaults()).requiringDiff()))
                .expectError(ServerErrorException.class).verify(WAIT);

        GateVerdict lenient = ArchitectureGate.evaluate(pr, GatePolicy.parse("zero-deviations")).block(WAIT);
        assertThat(lenient.files()).isEmpty();
        assertThat(lenient.observations()).extracting(o -> o.title()).containsExactly("drizzle chosen over prisma");
        assertThat(lenient.gated()).isTrue();
        assertThat(lenient.warnings()).hasSize(1);
        assertThat(lenient.warnings().get(0)).isEqualTo("diff unavailable, judged on the description only: GET /repos/org/repo/pulls/7: HTTP 500");
    }

    @Test
    void statusesMapToTypedErrors() {
        assertStatus(Reply.json(401, "{\"message\":\"Bad credentials\"}"), NotAuthenticatedException.class);
        assertStatus(Reply.json(403, "{\"message\":\"Resource not accessible by integration\"}"), ForbiddenException.class);
        assertStatus(Reply.json(404, "{\"message\":\"Not Found\"}"), NotFoundException.class);
        assertStatus(Reply.json(422, "{\"message\":\"Validation Failed\"}"), UnexpectedStatusException.class);
        assertStatus(Reply.json(502, "{\"message\":\"Server Error\"}"), ServerErrorException.class);
        assertStatus(Reply.json(406, "{\"message\":\"Sorry, the diff exceeded the maximum number of lines (20000)\"}"),
                DiffUnavailableException.class);
    }

    private void assertStatus(Reply reply, Class<? extends AgentFactoryException> type) {
        fakeGitHub(PULL, reply);
        StepVerifier.create(github.pullRequest("org", "repo", 7).lines()).expectError(type).verify(WAIT);
    }

    @Test
    void rateLimitsAreRateLimitedWithTheServersDelay() {
        fakeGitHub(PULL, Reply.json(403, "{\"message\":\"API rate limit exceeded for installation ID 1.\"}")
                .header("Retry-After", "30").header("X-RateLimit-Remaining", "0"));
        StepVerifier.create(github.pullRequest("org", "repo", 7).lines())
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(RateLimitedException.class);
                    assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(30));
                    assertThat(((RateLimitedException) e).status()).isEqualTo(403);
                }).verify(WAIT);

        loopback.server().replyWith(Reply.json(429, "{\"message\":\"You have exceeded a secondary rate limit\"}")
                .header("Retry-After", "7"));
        StepVerifier.create(github.pullRequest("org", "repo", 7).describe())
                .expectErrorSatisfies(e -> assertThat(((RateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(7)))
                .verify(WAIT);
    }

    @Test
    void theTokenNeverReachesAnErrorOrALogInAnyEncoding() {
        String b64 = Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
        String echo = "{\"message\":\"Bad token " + TOKEN + " / " + b64 + " / ghp%5FS3cretTokenValue42 / "
                + TOKEN.replace("S", "\\u0053") + "\"}";
        Queue<String> lines = new ConcurrentLinkedQueue<>();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger sdk = context.getLogger("io.agentfactory");
        Level previous = sdk.getLevel();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                        : ch.qos.logback.classic.spi.ThrowableProxyUtil.asString(event.getThrowableProxy())));
            }
        };
        appender.setContext(context);
        appender.start();
        root.addAppender(appender);
        sdk.setLevel(Level.DEBUG);
        try {
            for (int status : new int[] {401, 403, 422, 500}) {
                fakeGitHub(PULL, Reply.json(status, echo));
                Throwable e = github.pullRequest("org", "repo", 7).lines().then().onErrorResume(x -> reactor.core.publisher.Mono
                        .error(x)).materialize().block(WAIT).getThrowable();
                assertThat(e).isInstanceOf(AgentFactoryException.class);
                assertThat(describe(e)).doesNotContain(TOKEN).doesNotContain(b64).doesNotContain("S3cretTokenValue42");
                String echoed = ((io.agentfactory.sdk.error.HttpStatusException) e).detail("message").orElseThrow();
                assertThat(echoed).isEqualTo("Bad token REDACTED / REDACTED / REDACTED / REDACTED");
            }
            fakeGitHub(echo, diff(PATCH));
            GateVerdict lenient = ArchitectureGate.evaluate(github.pullRequest("org", "repo", 7), GatePolicy.defaults())
                    .block(WAIT);
            assertThat(lenient.toString()).doesNotContain("S3cretTokenValue42");
            assertThat(github.toString() + GitHubDiffOptions.of(TOKEN)).doesNotContain(TOKEN);
        }
        finally {
            root.detachAppender(appender);
            sdk.setLevel(previous);
        }
        assertThat(lines).isNotEmpty().noneMatch(l -> l.contains("S3cretTokenValue42") || l.contains(b64));
    }

    private static String describe(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    @Test
    void aDiffOverTheLimitFailsTypedAndReleasesTheConnection() {
        github.close();
        github = GitHubDiffSource.create(GitHubDiffOptions.of(TOKEN).withBaseUrl(loopback.server().baseUrl())
                .withLimits(new DiffLimits(64 * 1024, 1024, 100))
                .withTransport(TransportOptions.builder().retryPolicy(RetryPolicy.none()).connectionProvider(pool.provider())
                        .build()));
        StringBuilder big = new StringBuilder("diff --git a/x b/x\n@@ -0,0 +1,100000 @@\n");
        while (big.length() < 1 << 20) {
            big.append("+line of an endless added file\n");
        }
        fakeGitHub(PULL, diff(big.toString()).chunked(8192));

        StepVerifier.create(github.pullRequest("org", "repo", 7).lines().count())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DiffTooLargeException.class)
                        .hasMessage("diff exceeds the limit of 65536 bytes"))
                .verify(WAIT);
        pool.awaitIdle(WAIT);
    }

    @Test
    void cancellingMidBodyReleasesTheConnection() throws InterruptedException {
        CountDownLatch arrived = new CountDownLatch(1);
        loopback.server().replyWith(request -> {
            arrived.countDown();
            return diff(PATCH.repeat(200)).chunked(64).chunkDelay(Duration.ofMillis(200));
        });

        CountDownLatch firstLine = new CountDownLatch(1);
        Disposable call = github.pullRequest("org", "repo", 7).lines().subscribe(line -> firstLine.countDown());
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(firstLine.await(10, TimeUnit.SECONDS)).as("the body has started").isTrue();
        assertThat(pool.acquired()).isEqualTo(1);
        call.dispose();

        pool.awaitIdle(WAIT);
    }

    @Test
    void aBodyCutShortIsATypedTransportError() {
        try (FaultServer server = FaultServer.start();
                GitHubDiffSource cut = GitHubDiffSource.create(GitHubDiffOptions.of(TOKEN).withBaseUrl(server.baseUrl())
                        .withTransport(TransportOptions.builder().retryPolicy(RetryPolicy.none()).build()))) {
            byte[] bytes = PATCH.getBytes(StandardCharsets.UTF_8);
            server.answer(Fault.head(200, "Content-Type: application/vnd.github.v3.diff", "Content-Length: " + bytes.length)
                    .then(java.util.Arrays.copyOf(bytes, 60)).thenClose());

            StepVerifier.create(cut.pullRequest("org", "repo", 7).lines())
                    .expectNext("diff --git a/src/auth/login.ts b/src/auth/login.ts")
                    .expectError(TransportException.class).verify(WAIT);
        }
    }
}
