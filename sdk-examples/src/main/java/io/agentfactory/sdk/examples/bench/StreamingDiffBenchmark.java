package io.agentfactory.sdk.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.agentfactory.sdk.reactor.internal.json.JsonCodec;

/**
 * The large NDJSON diff through the SDK's {@code streamDiff} against the decode limit, in a fresh
 * JVM of its own ({@link StreamingDiffJvm}, {@code -Xmx64m}) while this JVM's {@link BenchServer}
 * sends the file; the server's CPU time is measured here, for the report. A second fresh JVM runs
 * the decode limit once, cold, so that the SDK's cold run has a cold baseline too.
 */
final class StreamingDiffBenchmark {

    /** The heap the benchmark JVM runs with. */
    static final String HEAP = "-Xmx64m";
    /** The smallest acceptable median ratio of the warm SDK to the decode limit (issue 18: one parse per line). */
    static final double TARGET = 1.3;
    /** The heap the SDK must stay within, in bytes. */
    static final long HEAP_TARGET_BYTES = 64L * 1024 * 1024;
    /** The resident set the SDK's diff JVM must stay within (issue 18), in bytes. */
    static final long RSS_TARGET_BYTES = 150L * 1000 * 1000;

    private StreamingDiffBenchmark() {
    }

    /**
     * Starts the benchmark JVM against {@code server} and waits for its report (blocking).
     *
     * @param jvmOptions extra options for the benchmark JVM (e.g. a JFR recording)
     * @throws IllegalStateException when the JVM fails or the variants disagree
     */
    static Result run(BenchServer server, RecordedBodies bodies, int warmup, int rounds, Path workDir,
            List<String> jvmOptions) {
        ThreadCosts before = ThreadCosts.take();
        StreamingDiffJvm.Report report = runJvm(server, bodies, List.of("warmup=" + warmup, "rounds=" + rounds),
                workDir.resolve("streaming-diff"), jvmOptions);
        long serverCpu = ThreadCosts.take().since(before).serverCpuNanos();
        StreamingDiffJvm.Report decodeCold = runJvm(server, bodies,
                List.of("warmup=0", "rounds=0", "decode-cold-only=true"), workDir.resolve("streaming-diff-decode-cold"),
                jvmOptions);
        return new Result(bodies.largeDiffEntries(), bodies.largeDiffBytes(), report, decodeCold.runs().get(0),
                serverCpu);
    }

    /** Runs one benchmark JVM to its end and reads its report; {@code name}.json and {@code name}.log are its files. */
    private static StreamingDiffJvm.Report runJvm(BenchServer server, RecordedBodies bodies, List<String> arguments,
            Path name, List<String> jvmOptions) {
        Path out = name.resolveSibling(name.getFileName() + ".json");
        Path log = name.resolveSibling(name.getFileName() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(HEAP);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(StreamingDiffJvm.class.getName());
        command.add("url=" + server.baseUrl());
        command.add("file=" + bodies.largeDiff());
        command.add("entries=" + bodies.largeDiffEntries());
        command.add("out=" + out);
        command.addAll(arguments);
        try {
            Files.deleteIfExists(out);
            Process jvm = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!jvm.waitFor(15, TimeUnit.MINUTES)) {
                jvm.destroyForcibly();
                throw new IllegalStateException("the streaming-diff JVM did not finish in 15 minutes; see " + log);
            }
            if (jvm.exitValue() != 0 || !Files.exists(out)) {
                throw new IllegalStateException("the streaming-diff JVM failed (exit " + jvm.exitValue() + "): "
                        + tail(log));
            }
            return JsonCodec.get().decode(Files.readAllBytes(out), StreamingDiffJvm.Report.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the streaming-diff JVM", e);
        }
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /**
     * The benchmark JVM's report and the server's cost.
     *
     * @param entries entries per diff
     * @param bytes bytes per diff
     * @param report what the benchmark JVM measured
     * @param decodeCold the decode limit's first run in another fresh JVM
     * @param serverCpuNanos the server's CPU time over all the SDK's runs
     */
    record Result(long entries, long bytes, StreamingDiffJvm.Report report, StreamingDiffJvm.Run decodeCold,
            long serverCpuNanos) {

        /** The name of this benchmark in the report. */
        static final String NAME = "streaming diff";

        Result {
            long sizes = decodeCold.sizes();
            for (StreamingDiffJvm.Run run : report.runs()) {
                if (run.sizes() != sizes) {
                    throw new IllegalStateException(run.variant() + " decoded other entries than the first run");
                }
            }
        }

        /** The SDK's first run in the fresh JVM. */
        StreamingDiffJvm.Run cold() {
            return report.runs().get(0);
        }

        /** The measured runs of {@code variant}, in order. */
        List<StreamingDiffJvm.Run> measured(String variant) {
            return report.runs().stream()
                    .filter(run -> run.phase().equals("measured") && run.variant().equals(variant))
                    .toList();
        }

        Spread spread(String variant, ToDoubleFunction<StreamingDiffJvm.Run> value) {
            return Spread.of(measured(variant).stream().map(value::applyAsDouble).toList());
        }

        /** The warm SDK over the decode limit, per round. */
        Ratio warmRatio() {
            return new Ratio(NAME, "SDK/" + StreamingDiffJvm.DECODE, "entries/s",
                    Ratio.paired(measured(StreamingDiffJvm.SDK), measured(StreamingDiffJvm.DECODE),
                            StreamingDiffJvm.Run::entriesPerSecond), TARGET, false);
        }

        /** The cold SDK run over the decode limit's cold run, each the first run of a fresh JVM (one value). */
        Ratio coldRatio() {
            return new Ratio(NAME, "SDK cold/" + StreamingDiffJvm.DECODE + " cold", "entries/s",
                    Spread.single(cold().entriesPerSecond() / decodeCold.entriesPerSecond()), null, false);
        }

        /** The cold SDK run over the median warm decode limit (one value): what the first diff of a process costs. */
        Ratio coldToWarmRatio() {
            return new Ratio(NAME, "SDK cold/" + StreamingDiffJvm.DECODE + " warm", "entries/s",
                    Spread.single(cold().entriesPerSecond()
                            / spread(StreamingDiffJvm.DECODE, StreamingDiffJvm.Run::entriesPerSecond).median()),
                    null, false);
        }

        /** Every SDK run's heap peak, the cold one included. */
        Spread sdkHeapPeakBytes() {
            return Spread.of(report.runs().stream().filter(run -> run.variant().equals(StreamingDiffJvm.SDK))
                    .map(run -> (double) run.heapPeakBytes()).toList());
        }

        /** Every SDK run's peak RSS ({@code VmHWM}, reset before each run), the cold one included. */
        Spread sdkRssPeakBytes() {
            return Spread.of(report.runs().stream().filter(run -> run.variant().equals(StreamingDiffJvm.SDK))
                    .map(run -> (double) run.rssPeakBytes()).toList());
        }

        /** The server's CPU per SDK run, averaged over every SDK run (cold and warm-up included). */
        double serverCpuMillisPerRun() {
            long sdkRuns = report.runs().stream().filter(run -> run.variant().equals(StreamingDiffJvm.SDK)).count();
            return serverCpuNanos / 1e6 / sdkRuns;
        }

        /** Every metric of every variant, for the CSV. */
        List<Measurement> measurements() {
            List<Measurement> rows = new ArrayList<>();
            rows.addAll(metrics("SDK cold (first run)", List.of(cold())));
            rows.addAll(metrics(StreamingDiffJvm.SDK + " (warm)", measured(StreamingDiffJvm.SDK)));
            rows.addAll(metrics(StreamingDiffJvm.DECODE + " (decode limit)", measured(StreamingDiffJvm.DECODE)));
            rows.addAll(metrics(StreamingDiffJvm.DECODE + " cold (first run)", List.of(decodeCold)));
            rows.add(new Measurement(NAME, "server (sendfile)", "server CPU", "ms/diff", Spread.single(serverCpuMillisPerRun())));
            return rows;
        }

        private List<Measurement> metrics(String variant, List<StreamingDiffJvm.Run> runs) {
            List<Measurement> rows = new ArrayList<>();
            rows.add(new Measurement(NAME, variant, "wall time", "s", of(runs, r -> r.wallNanos() / 1e9)));
            rows.add(new Measurement(NAME, variant, "throughput", "entries/s", of(runs, StreamingDiffJvm.Run::entriesPerSecond)));
            rows.add(new Measurement(NAME, variant, "throughput", "MB/s", of(runs, r -> bytes * 1e3 / r.wallNanos())));
            rows.add(new Measurement(NAME, variant, "process CPU", "s", of(runs, r -> r.cpuNanos() / 1e9)));
            rows.add(new Measurement(NAME, variant, "peak heap", "MiB", of(runs, r -> r.heapPeakBytes() / 1048576.0)));
            rows.add(new Measurement(NAME, variant, "live heap after GC", "MiB", of(runs, r -> r.liveHeapBytes() / 1048576.0)));
            rows.add(new Measurement(NAME, variant, "peak RSS", "MiB", of(runs, r -> r.rssPeakBytes() / 1048576.0)));
            rows.add(new Measurement(NAME, variant, "GC", "collections", of(runs, r -> r.gcCount())));
            rows.add(new Measurement(NAME, variant, "GC time", "ms", of(runs, r -> r.gcMillis())));
            return rows;
        }

        private static Spread of(List<StreamingDiffJvm.Run> runs, ToDoubleFunction<StreamingDiffJvm.Run> value) {
            return Spread.of(runs.stream().map(value::applyAsDouble).toList());
        }
    }
}
