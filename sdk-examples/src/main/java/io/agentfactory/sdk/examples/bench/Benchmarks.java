package io.agentfactory.sdk.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.daemon.DaemonClientOptions;
import io.agentfactory.sdk.reactor.daemon.ReactorDaemonClient;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.session.SessionsListResponse;
import io.agentfactory.sdk.workarea.WorkareaDiffEnvelope;

/**
 * Runs every benchmark and writes {@code BENCHMARKS.md} and {@code benchmarks.csv}.
 *
 * <pre>
 * ./mvnw -q -B -Pbench -DskipTests verify                       # the full run, about five minutes
 * ./mvnw -q -B -Pbench -DskipTests verify -Dbench.args=mode=smoke
 * </pre>
 *
 * <p>Arguments, {@code key=value}: {@code mode} ({@code full}, the default, or {@code smoke}),
 * {@code out} (the directory of the two reports, default {@code .}), {@code work} (scratch space
 * for the large diff file, default {@code target/bench}), {@code diff-jvm-options} (extra options
 * for the streaming-diff JVM, space-separated, e.g. a JFR recording).
 */
public final class Benchmarks {

    /** The report's file name. */
    static final String MARKDOWN = "BENCHMARKS.md";
    /** The CSV's file name. */
    static final String CSV = "benchmarks.csv";

    private static final Set<String> KEYS = Set.of("mode", "out", "work", "diff-jvm-options");
    private static final long FOLLOW_SEED = 7;
    /** Streamed diffs per round (after one warm-up diff) of the diff-stream allocation family. */
    private static final int DIFF_STREAM_CALLS = 2;

    private Benchmarks() {
    }

    /**
     * Runs the benchmarks the arguments describe (see the class documentation) and prints where the
     * reports went.
     */
    public static void main(String[] args) {
        quietLogging();
        Map<String, String> options = options(args);
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown argument " + key + "; expected one of " + KEYS);
            }
        }
        BenchSettings settings = BenchSettings.of(options.getOrDefault("mode", "full"));
        List<String> diffJvmOptions = Arrays.stream(options.getOrDefault("diff-jvm-options", "").split(" "))
                .filter(option -> !option.isBlank()).toList();
        Written written = run(settings, Path.of(options.getOrDefault("out", ".")),
                Path.of(options.getOrDefault("work", "target/bench")), diffJvmOptions,
                line -> System.out.println("[bench] " + line));
        System.out.println("[bench] wrote " + written.markdown().toAbsolutePath().normalize() + " and "
                + written.csv().toAbsolutePath().normalize());
    }

    /**
     * Runs every benchmark with {@code settings} and writes the two reports into {@code outDir},
     * keeping the hand-written analysis of a previous {@code BENCHMARKS.md} there. Blocks.
     *
     * @param workDir scratch space for the large diff file
     * @param diffJvmOptions extra options for the streaming-diff JVM
     * @param progress told what runs now
     */
    static Written run(BenchSettings settings, Path outDir, Path workDir, List<String> diffJvmOptions,
            Consumer<String> progress) {
        Instant started = Instant.now();
        long start = System.nanoTime();
        double loadAtStart = MachineInfo.loadAverage();
        progress.accept("recording the bodies from the simulator (" + settings.largeDiffEntries() + "-entry diff)");
        RecordedBodies bodies = RecordedBodies.record(workDir, settings.smallDiffEntries(), settings.largeDiffEntries());
        List<UnaryBenchmark.Result> unary = new ArrayList<>();
        UnaryBenchmark.Result smallDiff;
        UnaryBenchmark.Result diffStream;
        StreamingDiffBenchmark.Result diff;
        ColdStartBenchmark.Result coldStart;
        try (BenchServer server = BenchServer.start(bodies, settings.serverThreads())) {
            String url = server.baseUrl();
            int pool = TransportOptions.defaults().maxConnections();
            Map<String, UnaryBenchmark.Target> unaryTargets = new LinkedHashMap<>();
            unaryTargets.put(CallVariant.RAW_NETTY, new UnaryBenchmark.Target(1.0, false));
            unaryTargets.put(CallVariant.JDK, new UnaryBenchmark.Target(1.0, true));
            for (int concurrency : settings.concurrencies()) {
                String name = "unary getSessions c=" + concurrency;
                progress.accept(name);
                ReactorCoordinatorClient sdk = ReactorCoordinatorClient.create(CoordinatorClientOptions.builder(url).build());
                unary.add(withVariants(List.of(
                        CallVariant.of(CallVariant.SDK, sdk::getSessions, sdk),
                        CallVariant.rawNetty(url, BenchServer.SESSIONS_PATH, SessionsListResponse.class,
                                Function.identity(), pool),
                        CallVariant.jdk(url, BenchServer.SESSIONS_PATH, SessionsListResponse.class, Function.identity())),
                        variants -> UnaryBenchmark.run(name, variants, concurrency, settings.unaryCalls(),
                                settings.unaryCalls(), settings.unarySlices(), settings.unaryRounds(), unaryTargets)));
            }
            String smallName = "small diff (" + bodies.smallDiffEntries() + " entries) c=1";
            progress.accept(smallName);
            ReactorDaemonClient daemon = ReactorDaemonClient.create(DaemonClientOptions.builder().baseUrl(url).build());
            smallDiff = withVariants(List.of(
                    CallVariant.of(CallVariant.SDK, () -> daemon.diffWorkareas("bench-a", BenchServer.SMALL_DIFF), daemon),
                    CallVariant.rawNetty(url, BenchServer.SMALL_DIFF_PATH, WorkareaDiffEnvelope.class,
                            WorkareaDiffEnvelope::diff, pool),
                    CallVariant.jdk(url, BenchServer.SMALL_DIFF_PATH, WorkareaDiffEnvelope.class, WorkareaDiffEnvelope::diff)),
                    variants -> UnaryBenchmark.run(smallName, variants, 1, settings.smallDiffCalls(),
                            settings.smallDiffCalls(), settings.unarySlices(), settings.unaryRounds(), Map.of()));
            // Issue 18: the streaming diff's cost per call (and so per entry) in this JVM, beside the unary families.
            String streamName = "diff stream (" + bodies.largeDiffEntries() + " entries) c=1";
            progress.accept(streamName);
            ReactorDaemonClient streaming = ReactorDaemonClient.create(DaemonClientOptions.builder().baseUrl(url).build());
            diffStream = withVariants(List.of(CallVariant.of(CallVariant.SDK,
                    () -> streaming.streamDiff("bench-a", BenchServer.LARGE_DIFF).count(), streaming)),
                    variants -> UnaryBenchmark.run(streamName, variants, 1, DIFF_STREAM_CALLS, DIFF_STREAM_CALLS, 1,
                            settings.unaryRounds(), Map.of()));
            ColdStartBenchmark.Settings cold = ColdStartBenchmark.Settings.of(settings.mode());
            progress.accept("cold start (" + cold.rounds() + " rounds of fresh JVMs, " + cold.calls() + " calls each)");
            coldStart = ColdStartBenchmark.run(url, JsonCodec.get().decode(bodies.sessions(), SessionsListResponse.class)
                    .sessions().size(), cold.rounds(), cold.calls(), workDir);
            progress.accept("streaming diff (" + settings.largeDiffEntries() + " entries, JVM with "
                    + StreamingDiffBenchmark.HEAP + ")");
            diff = StreamingDiffBenchmark.run(server, bodies, settings.diffWarmupRounds(), settings.diffRounds(),
                    workDir, diffJvmOptions);
        }
        progress.accept("activity follow (" + settings.followWindow().toMillis() + " ms, poll interval "
                + settings.followPollInterval().toMillis() + " ms)");
        ActivityFollowBenchmark.Result follow = ActivityFollowBenchmark.run(settings.followPollInterval(),
                settings.followWindow(), settings.followMeanGap(), FOLLOW_SEED);
        BenchReport report = new BenchReport(settings, MachineInfo.current(), started,
                Duration.ofNanos(System.nanoTime() - start), loadAtStart, MachineInfo.loadAverage(), bodies, unary,
                smallDiff, diff, follow, coldStart, diffStream);
        return write(report, outDir);
    }

    private static UnaryBenchmark.Result withVariants(List<CallVariant> variants,
            Function<List<CallVariant>, UnaryBenchmark.Result> benchmark) {
        try {
            return benchmark.apply(variants);
        }
        finally {
            variants.forEach(CallVariant::close);
        }
    }

    private static Written write(BenchReport report, Path outDir) {
        try {
            Files.createDirectories(outDir);
            Path markdown = outDir.resolve(MARKDOWN);
            Path csv = outDir.resolve(CSV);
            String analysis = keptAnalysis(markdown);
            Files.writeString(markdown, report.markdown(analysis), StandardCharsets.UTF_8);
            Files.writeString(csv, report.csv(), StandardCharsets.UTF_8);
            return new Written(markdown, csv, report);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The hand-written analysis of the report at {@code markdown}, kept across runs, or a placeholder
     * asking for one when the file or its analysis is missing.
     */
    static String keptAnalysis(Path markdown) throws IOException {
        String analysis = Files.exists(markdown) ? analysisOf(Files.readString(markdown)) : "";
        return analysis.isBlank()
                ? "### Analysis\n\n(To be written from this run's numbers: misses, why, what would close them.)"
                : analysis;
    }

    /** The hand-written part of a previous report, between the analysis markers; empty when none. */
    static String analysisOf(String markdown) {
        int start = markdown.indexOf(BenchReport.ANALYSIS_START);
        int end = markdown.indexOf(BenchReport.ANALYSIS_END);
        if (start < 0 || end < start) {
            return "";
        }
        return markdown.substring(start + BenchReport.ANALYSIS_START.length(), end);
    }

    /** {@code key=value} arguments as a map; blank arguments (an empty Maven property) are skipped. */
    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("arguments are key=value: " + arg);
            }
            options.put(arg.substring(0, equals).trim(), arg.substring(equals + 1).trim());
        }
        return options;
    }

    /** The value of a required argument. */
    static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("missing argument " + key + "=…");
        }
        return value;
    }

    /** Logs at WARN and above only: the benchmark measures the clients, not their debug logging. */
    static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }

    /**
     * Where the reports went.
     *
     * @param markdown {@code BENCHMARKS.md}
     * @param csv {@code benchmarks.csv}
     * @param report what they hold
     */
    record Written(Path markdown, Path csv, BenchReport report) {
    }
}
