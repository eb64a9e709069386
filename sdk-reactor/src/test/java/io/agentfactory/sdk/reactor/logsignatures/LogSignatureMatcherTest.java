package io.agentfactory.sdk.reactor.logsignatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.logsignatures.LogAnalysis;
import io.agentfactory.sdk.logsignatures.LogSignature;
import io.agentfactory.sdk.logsignatures.LogSignatureCatalog;
import io.agentfactory.sdk.logsignatures.LogSignatureMatch;
import io.agentfactory.sdk.logsignatures.PatternType;
import io.agentfactory.sdk.logsignatures.Severity;
import io.agentfactory.sdk.logsignatures.SignatureOccurrences;

class LogSignatureMatcherTest {

    private final LogSignatureMatcher matcher = LogSignatureMatcher.defaults();

    /** One real-looking line per default signature, which no earlier signature matches. */
    static Stream<Arguments> aLineForEachDefaultSignature() {
        return Stream.of(
                Arguments.of("approval-required", "Bash: This command requires approval"),
                Arguments.of("write-before-read",
                        "<tool_use_error>File has not been read yet. Read it first before writing to it.</tool_use_error>"),
                Arguments.of("file-does-not-exist", "File does not exist: /work/src/Main.java"),
                Arguments.of("path-does-not-exist", "Path does not exist: /work/missing"),
                Arguments.of("invalid-tool-param", "InputValidationError: Unknown JSON field \"recursive\""),
                Arguments.of("glob-in-write", "Glob patterns are not allowed in write operations"),
                Arguments.of("tool-api-error", "<tool_use_error>String to replace not found in file.</tool_use_error>"),
                Arguments.of("file-too-large", "File content (31000 tokens) exceeds maximum allowed tokens (25000)"),
                Arguments.of("dir-blocked", "cd in /etc was blocked by the sandbox"),
                Arguments.of("sandbox-permission", "mkdir: /usr/local/x: Operation not permitted"),
                Arguments.of("file-permission-denied", "open /root/.ssh/id_rsa: permission denied"),
                Arguments.of("file-not-found", "Error: ENOENT, open 'package.json'"),
                Arguments.of("network-timeout", "fetch https://registry.npmjs.org: connection timed out"),
                Arguments.of("rate-limit", "HTTP 429 Too Many Requests"),
                Arguments.of("network-connection", "connect ECONNREFUSED 127.0.0.1:5432"),
                Arguments.of("worktree-conflict", "fatal: 'main' is already checked out at '/repo'"),
                Arguments.of("tool-execution-failed", "Bash tool failed with exit code 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aLineForEachDefaultSignature")
    void aLineOfEachDefaultSignatureMapsToItsId(String id, String line) {
        assertThat(matcher.match(line)).map(LogSignature::id).contains(id);
    }

    @Test
    void onlyTheFirstCharactersOfALineAreExaminedButAMatchReportsTheWholeLine() {
        int bound = LogSignatureMatcher.MAX_EXAMINED_CHARS;
        String within = "x".repeat(bound - "timeout".length()) + "timeout" + " and more".repeat(10);
        String across = "x".repeat(bound - 3) + "timeout";

        assertThat(LogSignatureMatcher.defaults().match(within)).map(LogSignature::id).hasValue("network-timeout");
        assertThat(LogSignatureMatcher.defaults().match(across)).isEmpty();
        StepVerifier.create(LogSignatureMatcher.defaults().matches(Flux.just(within)))
                .assertNext(match -> assertThat(match.line()).isEqualTo(within))
                .verifyComplete();
        // the cut never splits a surrogate pair
        assertThat(LogSignatureMatcher.examined("x".repeat(bound - 1) + "\uD83D\uDE00 timeout")).hasSize(bound - 1);
    }

    @Test
    void aHundredKilobyteLineOfToolToolToolIsClassifiedAtOnce() {
        // issue 12, item 12: 8.6-9.6 s before (quadratic backtracking of tool.*error); the bound is generous
        String hostile = "tool ".repeat(20_000);
        String hostileTwiceAsLong = hostile + hostile;

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(LogSignatureMatcher.defaults().match(hostile)).isEmpty();
            assertThat(LogSignatureMatcher.defaults().match(hostileTwiceAsLong)).isEmpty();
            assertThat(LogSignatureMatcher.defaults().match(hostile + "error")).isEmpty(); // beyond the examined part
            assertThat(LogSignatureMatcher.defaults().match("tool " + hostile.substring(0, 4000) + "error"))
                    .map(LogSignature::id).hasValue("tool-execution-failed");
        });
    }

    @Test
    void theLinesAboveCoverEveryDefaultSignature() {
        assertThat(aLineForEachDefaultSignature().map(arguments -> arguments.get()[0]))
                .containsExactlyElementsOf(LogSignatureCatalog.defaults().signatures().stream().map(LogSignature::id).toList());
    }

    @Test
    void aLineThatMatchesNoSignatureHasNone() {
        assertThat(matcher.match("Compiled 42 source files in 3.1s")).isEmpty();
    }

    @Test
    void matchingIgnoresCase() {
        assertThat(matcher.match("OPEN /ROOT/.SSH: PERMISSION DENIED")).map(LogSignature::id).contains("file-permission-denied");
    }

    @Test
    void matchingIgnoresCaseBeyondAscii() {
        LogSignatureMatcher french = LogSignatureMatcher.of(new LogSignatureCatalog(List.of(
                new LogSignature("echec", "échec de la compilation", PatternType.TOOL_ISSUE, Severity.HIGH, "Échec"))));

        assertThat(french.match("ÉCHEC DE LA COMPILATION")).map(LogSignature::id).contains("echec");
    }

    @Test
    void aPatternIsFoundAnywhereInTheLine() {
        assertThat(matcher.match("2025-01-01T00:00:00Z [worker-3] git: is already used by worktree at /wt/a (exit 128)"))
                .map(LogSignature::id).contains("worktree-conflict");
    }

    @Test
    void theFirstSignatureInCatalogOrderWinsWhereverItsMatchIsInTheLine() {
        // "timeout" comes first in the line, but file-permission-denied comes first in the catalog.
        assertThat(matcher.match("timeout waiting for lock, then permission denied"))
                .map(LogSignature::id).contains("file-permission-denied");
    }

    @Test
    void errorLinesOnlySkipsALineWithoutAnErrorWord() {
        String line = "File does not exist: /work/src/Main.java";

        assertThat(matcher.match(line)).isPresent();
        assertThat(matcher.errorLinesOnly(true).match(line)).isEmpty();
    }

    @Test
    void errorLinesOnlyStillMatchesALineWithAnErrorWordInAnyCase() {
        assertThat(matcher.errorLinesOnly(true).match("ERROR: File does not exist: /work/src/Main.java"))
                .map(LogSignature::id).contains("file-does-not-exist");
        assertThat(matcher.errorLinesOnly(true).match("<tool_use_error>String not found</tool_use_error>"))
                .map(LogSignature::id).contains("tool-api-error");
    }

    @Test
    void matchesEmitsEachMatchingLineWithItsSignatureAndLineNumber() {
        Flux<String> lines = Flux.just("starting", "open x: permission denied", "still fine", "HTTP 429");

        StepVerifier.create(matcher.matches(lines))
                .assertNext(m -> assertThat(m).extracting(x -> x.signature().id(), LogSignatureMatch::lineNumber)
                        .containsExactly("file-permission-denied", 2L))
                .assertNext(m -> assertThat(m).extracting(x -> x.signature().id(), LogSignatureMatch::line, LogSignatureMatch::lineNumber)
                        .containsExactly("rate-limit", "HTTP 429", 4L))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void matchesRequestsLinesOnlyAsTheSubscriberDemandsThem() {
        AtomicLong produced = new AtomicLong();
        Flux<String> endless = Flux.generate(sink -> sink.next("line " + produced.incrementAndGet() + ": permission denied"));

        StepVerifier.create(matcher.matches(endless), 0)
                .thenRequest(2)
                .expectNextCount(2)
                .thenCancel()
                .verify(Duration.ofSeconds(5));

        assertThat(produced).hasValue(2);
    }

    @Test
    void eachSubscriptionNumbersLinesFromOne() {
        Flux<LogSignatureMatch> matches = matcher.matches(Flux.just("ok", "HTTP 429"));

        assertThat(matches.map(LogSignatureMatch::lineNumber).collectList().block(Duration.ofSeconds(5))).containsExactly(2L);
        assertThat(matches.map(LogSignatureMatch::lineNumber).collectList().block(Duration.ofSeconds(5))).containsExactly(2L);
    }

    @Test
    void analyzeCountsEachSignatureAndKeepsItsFirstThreeLinesAsExamples() {
        Flux<String> lines = Flux.just(
                "a: permission denied", "request timeout", "b: permission denied", "fine",
                "c: permission denied", "d: permission denied", "request timeout again");

        LogAnalysis analysis = matcher.analyze(lines).block(Duration.ofSeconds(5));

        assertThat(analysis.lines()).isEqualTo(7);
        assertThat(analysis.matchedLines()).isEqualTo(6);
        assertThat(analysis.signatures())
                .extracting(o -> o.signature().id(), SignatureOccurrences::count, SignatureOccurrences::examples)
                .containsExactly(
                        tuple("file-permission-denied", 4L, List.of("a: permission denied", "b: permission denied", "c: permission denied")),
                        tuple("network-timeout", 2L, List.of("request timeout", "request timeout again")));
    }

    @Test
    void analyzeCutsExamplesToTwoHundredBytes() {
        String line = "permission denied: " + "é".repeat(300);

        LogAnalysis analysis = matcher.analyze(Flux.just(line)).block(Duration.ofSeconds(5));

        String example = analysis.occurrencesOf("file-permission-denied").orElseThrow().examples().get(0);
        assertThat(example.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(200);
        assertThat(line).startsWith(example);
        assertThat(example).hasSize(19 + 90);
    }

    @Test
    void analyzingAnEmptyLogFindsNothing() {
        assertThat(matcher.analyze(Flux.empty()).block(Duration.ofSeconds(5))).isEqualTo(new LogAnalysis(0, 0, List.of()));
    }

    @Test
    void aMillionLineLogIsAnalyzedInBoundedMemory() {
        int lines = 1_000_000;
        // Generated one at a time: the log never exists as a whole.
        Flux<String> log = Flux.range(1, lines).map(LogSignatureMatcherTest::syntheticLine);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        // Flux.range emits on the subscribing thread, so all the work is this thread's CPU time.
        LogAnalysis analysis = matcher.analyze(log).block(Duration.ofMinutes(2));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000;
        System.out.printf("1,000,000-line log analyzed in %d ms wall, %d ms CPU (%d matched lines, %d signatures)%n",
                millis, cpuMillis, analysis.matchedLines(), analysis.signatures().size());

        assertThat(analysis.lines()).isEqualTo(lines);
        assertThat(analysis.matchedLines()).isEqualTo(100_000 + 10_000 + 127_143);
        assertThat(analysis.signatures())
                .extracting(o -> o.signature().id(), SignatureOccurrences::count)
                .containsExactly(
                        tuple("rate-limit", 10_000L),
                        tuple("worktree-conflict", 127_143L),
                        tuple("file-permission-denied", 100_000L));
        assertThat(analysis.signatures()).allSatisfy(o -> assertThat(o.examples()).hasSizeLessThanOrEqualTo(3));
        assertThat(analysis.occurrencesOf("file-permission-denied").orElseThrow().examples())
                .containsExactly(syntheticLine(10), syntheticLine(20), syntheticLine(30));
    }

    @Test
    void anInvalidPatternInACatalogIsRejectedNamingTheSignature() {
        LogSignatureCatalog catalog = new LogSignatureCatalog(List.of(
                new LogSignature("broken-group", "(unclosed", PatternType.TOOL_ISSUE, Severity.LOW, "Broken")));

        assertThatThrownBy(() -> LogSignatureMatcher.of(catalog))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("signature broken-group has an invalid pattern: Unclosed group");
    }

    /**
     * Line {@code n} of the synthetic log: every 10th a permission error (carrying its number, to
     * tell examples apart), those ending in 05 a rate limit, of the rest every 7th
     * a worktree conflict; everything else matches nothing.
     */
    private static String syntheticLine(int n) {
        if (n % 10 == 0) {
            return "2025-01-01T00:00:00Z open /data/" + n + ": permission denied";
        }
        if (n % 100 == 5) {
            return "2025-01-01T00:00:00Z HTTP 429 from api";
        }
        if (n % 7 == 0) {
            return "2025-01-01T00:00:00Z fatal: branch is already checked out";
        }
        return "2025-01-01T00:00:00Z compiled module in 12ms";
    }
}
