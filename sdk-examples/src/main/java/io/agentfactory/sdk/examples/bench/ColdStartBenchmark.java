package io.agentfactory.sdk.examples.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import io.agentfactory.sdk.reactor.internal.json.JsonCodec;

/**
 * Cold start: a fresh JVM per round ({@link ColdStartJvm}) against the {@link BenchServer}, measuring
 * JVM start → client built → first {@code getSessions} answer, the first call alone, and the
 * warm-up curve of the calls after it. Variants, interleaved round by round (order rotated): without
 * {@code warmup()}, with it, and both again on an AppCDS archive made by one training run of the
 * same program ({@code -XX:ArchiveClassesAtExit}, then {@code -XX:SharedArchiveFile}). Every JVM runs
 * on the same class path of jars (the directories of the build are packed first): CDS archives
 * classes from jars only, and a service runs from jars.
 */
final class ColdStartBenchmark {

    /** The name of this benchmark in the report. */
    static final String NAME = "cold start";

    static final String NO_WARMUP = "no warmup";
    static final String WARMUP = "warmup()";
    static final String WARMUP_CONNECTION = "warmup(withConnection())";
    static final String CDS_NO_WARMUP = "AppCDS without warmup";
    static final String CDS_WARMUP = "AppCDS + warmup()";

    /** Target: the first call after {@code warmup()}, median, ms. */
    static final double FIRST_CALL_WARM_TARGET_MS = 50;
    /** Target: the first call without {@code warmup()}, median, ms. */
    static final double FIRST_CALL_COLD_TARGET_MS = 250;
    /** Target: JVM start → first answer with the recipe (AppCDS + {@code warmup()}), median, ms. */
    static final double RECIPE_TARGET_MS = 800;
    /** Target: calls until steady state after {@code warmup()}, median. */
    static final double STEADY_TARGET_CALLS = 1_000;

    /** A steady block's median may be this much above the steady-state latency. */
    static final double STEADY_TOLERANCE = 1.25;
    /** Consecutive blocks within tolerance that make a steady state. */
    static final int STEADY_BLOCKS = 5;

    private static final long JVM_LIMIT_MINUTES = 5;

    private ColdStartBenchmark() {
    }

    /**
     * How big the benchmark is.
     *
     * @param rounds rounds per variant
     * @param calls calls per JVM, the first included
     */
    record Settings(int rounds, int calls) {

        /** {@code full}: 5 rounds of 10,000 calls; {@code smoke}: 1 round of 100 calls. */
        static Settings of(String mode) {
            return mode.equals("smoke") ? new Settings(1, 100) : new Settings(5, 10_000);
        }
    }

    /**
     * Runs the training JVM, then {@code rounds} rounds of every variant; blocks.
     *
     * @param url the server's base URL
     * @param sessions the number of sessions every answer must hold
     * @param calls calls per JVM, the first included
     * @param workDir scratch space (the jars, the archive, the JVMs' reports and logs)
     * @throws IllegalStateException when a JVM fails
     */
    static Result run(String url, int sessions, int rounds, int calls, Path workDir) {
        Path dir = workDir.resolve("cold-start");
        try {
            Files.createDirectories(dir);
            String classPath = jarredClassPath(dir.resolve("classpath"));
            Path archive = dir.resolve("cold-start.jsa");
            Files.deleteIfExists(archive);
            runJvm(url, sessions, calls, "local", List.of("-XX:ArchiveClassesAtExit=" + archive), classPath,
                    dir.resolve("training"));
            boolean cds = Files.exists(archive);
            Map<String, List<String>> variants = new LinkedHashMap<>();
            variants.put(NO_WARMUP, List.of());
            variants.put(WARMUP, List.of());
            variants.put(WARMUP_CONNECTION, List.of());
            if (cds) {
                variants.put(CDS_NO_WARMUP, List.of("-XX:SharedArchiveFile=" + archive));
                variants.put(CDS_WARMUP, List.of("-XX:SharedArchiveFile=" + archive));
            }
            Map<String, List<Round>> runs = new LinkedHashMap<>();
            variants.keySet().forEach(name -> runs.put(name, new ArrayList<>()));
            List<String> names = new ArrayList<>(variants.keySet());
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < names.size(); i++) {
                    String name = names.get((round + i) % names.size());
                    String warmup = name.equals(WARMUP) || name.equals(CDS_WARMUP) ? "local"
                            : name.equals(WARMUP_CONNECTION) ? "connection" : "none";
                    runs.get(name).add(runJvm(url, sessions, calls, warmup, variants.get(name), classPath,
                            dir.resolve("round-" + round + "-" + name.replaceAll("[^A-Za-z]+", "-"))));
                }
            }
            return new Result(rounds, calls, cds, archive.getFileName().toString(),
                    cds ? Files.size(archive) : 0, runs);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One fresh JVM; {@code name}.json and {@code name}.log are its files. */
    private static Round runJvm(String url, int sessions, int calls, String warmup, List<String> jvmOptions,
            String classPath, Path name) throws IOException {
        Path out = name.resolveSibling(name.getFileName() + ".json");
        Path log = name.resolveSibling(name.getFileName() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        String logback = System.getProperty("logback.configurationFile");
        if (logback != null) {
            command.add("-Dlogback.configurationFile=" + logback);
        }
        command.add("-cp");
        command.add(classPath);
        command.add(ColdStartJvm.class.getName());
        command.add("url=" + url);
        command.add("warmup=" + warmup);
        command.add("calls=" + calls);
        command.add("sessions=" + sessions);
        command.add("out=" + out);
        Files.deleteIfExists(out);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            long launchEpochMillis = System.currentTimeMillis();
            Process jvm = builder.start();
            if (!jvm.waitFor(JVM_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                jvm.destroyForcibly();
                throw new IllegalStateException("a cold-start JVM did not finish in " + JVM_LIMIT_MINUTES
                        + " minutes; see " + log);
            }
            if (jvm.exitValue() != 0 || !Files.exists(out)) {
                throw new IllegalStateException("a cold-start JVM failed (exit " + jvm.exitValue() + "): "
                        + String.join("\n", Files.readAllLines(log)));
            }
            ColdStartJvm.Report report = JsonCodec.get().decode(Files.readAllBytes(out), ColdStartJvm.Report.class);
            return new Round(report, report.mainEpochMillis() - launchEpochMillis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a cold-start JVM", e);
        }
    }

    /**
     * This JVM's class path with every directory packed into a jar of its own under {@code dir}
     * (CDS archives classes from jars only).
     */
    static String jarredClassPath(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> entries = new ArrayList<>();
        String[] parts = System.getProperty("java.class.path").split(File.pathSeparator);
        for (int i = 0; i < parts.length; i++) {
            Path entry = Path.of(parts[i]).toAbsolutePath().normalize();
            if (!Files.isDirectory(entry)) {
                entries.add(parts[i]);
                continue;
            }
            Path parent = entry.getParent();
            Path module = parent == null ? null : parent.getParent();
            Path jar = dir.resolve(i + "-" + (module == null || module.getFileName() == null ? "" : module.getFileName() + "-")
                    + entry.getFileName() + ".jar");
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                    Stream<Path> files = Files.walk(entry)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    out.putNextEntry(new JarEntry(entry.relativize(f).toString().replace(File.separatorChar, '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            entries.add(jar.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * One JVM's measurements.
     *
     * @param report what the JVM measured itself
     * @param jvmStartMillis from the process's launch to its {@code main} (wall clock)
     */
    record Round(ColdStartJvm.Report report, long jvmStartMillis) {

        /** From launch to the first answer, ms. */
        double launchToFirstAnswerMillis() {
            return jvmStartMillis + report.mainToFirstAnswerNanos() / 1e6;
        }

        /** From launch to the first answer without the logging set-up (a service has logging before its clients), ms. */
        double launchToFirstAnswerWithoutLoggingMillis() {
            return launchToFirstAnswerMillis() - report.loggingNanos() / 1e6;
        }

        /** From {@code main} to the client built (logging set-up included), ms. */
        double mainToClientMillis() {
            return (report.loggingNanos() + report.clientNanos()) / 1e6;
        }

        /** The mean latency of calls {@code from} to {@code to} (1-based, inclusive), ms; -1 when not made. */
        double meanMillis(int from, int to) {
            long[] latencies = report.latencies();
            if (latencies.length < to) {
                return -1;
            }
            long sum = 0;
            for (int i = from - 1; i < to; i++) {
                sum += latencies[i];
            }
            return sum / 1e6 / (to - from + 1);
        }

        /** The block size of the steady-state search: a hundredth of the calls, at least 10. */
        int block() {
            return Math.max(10, report.latencies().length / 100);
        }

        /** The steady-state latency: the median of the last ten blocks of calls, µs. */
        double steadyMicros() {
            long[] latencies = report.latencies();
            int window = Math.min(latencies.length, 10 * block());
            long[] tail = Arrays.copyOfRange(latencies, latencies.length - window, latencies.length);
            return Spread.percentile(Spread.sorted(tail), 50) / 1e3;
        }

        /**
         * The calls made before steady state: the start of the first run of {@value #STEADY_BLOCKS}
         * consecutive blocks whose medians are all within {@value #STEADY_TOLERANCE}× the steady
         * latency; all the calls when none.
         */
        double callsToSteadyState() {
            long[] latencies = report.latencies();
            int block = block();
            int blocks = latencies.length / block;
            double limit = steadyMicros() * 1e3 * STEADY_TOLERANCE;
            int run = 0;
            for (int b = 0; b < blocks; b++) {
                long[] part = Arrays.copyOfRange(latencies, b * block, (b + 1) * block);
                run = Spread.percentile(Spread.sorted(part), 50) <= limit ? run + 1 : 0;
                if (run == STEADY_BLOCKS) {
                    return (double) (b - STEADY_BLOCKS + 1) * block;
                }
            }
            return latencies.length;
        }
    }

    /**
     * Every round of every variant.
     *
     * @param rounds rounds per variant
     * @param calls calls per JVM
     * @param cds whether the training run made an archive (else the AppCDS variants are absent)
     * @param archiveName the archive's file name
     * @param archiveBytes its size
     * @param runs per variant, in round order
     */
    record Result(int rounds, int calls, boolean cds, String archiveName, long archiveBytes,
            Map<String, List<Round>> runs) {

        /** {@code value} over the rounds of {@code variant}. */
        Spread spread(String variant, ToDoubleFunction<Round> value) {
            return Spread.of(runs.get(variant).stream().map(value::applyAsDouble).toList());
        }

        /** The warm-up curve's call ranges (1-based, inclusive) that fit in the calls made. */
        List<int[]> curveRanges() {
            List<int[]> ranges = new ArrayList<>();
            for (int[] range : new int[][] {{1, 1}, {2, 10}, {11, 100}, {101, 1_000}, {1_001, calls}}) {
                if (range[1] <= calls && range[0] <= range[1]) {
                    ranges.add(range);
                }
            }
            return ranges;
        }

        /** Target rows for the report's table: what, unit, min, median, max, target, verdict. */
        List<List<String>> targetRows() {
            List<List<String>> rows = new ArrayList<>();
            rows.add(targetRow("first call after client creation, with warmup()", "ms",
                    spread(WARMUP, r -> r.report().firstCallNanos() / 1e6), FIRST_CALL_WARM_TARGET_MS));
            rows.add(targetRow("first call after client creation, with " + WARMUP_CONNECTION, "ms",
                    spread(WARMUP_CONNECTION, r -> r.report().firstCallNanos() / 1e6), FIRST_CALL_WARM_TARGET_MS));
            rows.add(targetRow("first call after client creation, without warmup", "ms",
                    spread(NO_WARMUP, r -> r.report().firstCallNanos() / 1e6), FIRST_CALL_COLD_TARGET_MS));
            if (cds) {
                rows.add(targetRow("JVM start → first result, recipe (" + CDS_WARMUP + ")", "ms",
                        spread(CDS_WARMUP, Round::launchToFirstAnswerMillis), RECIPE_TARGET_MS));
                rows.add(targetRow("JVM start → first result, recipe, logging set-up excluded", "ms",
                        spread(CDS_WARMUP, Round::launchToFirstAnswerWithoutLoggingMillis), RECIPE_TARGET_MS));
            }
            rows.add(targetRow("JVM start → first result, " + NO_WARMUP, "ms",
                    spread(NO_WARMUP, Round::launchToFirstAnswerMillis), -1));
            rows.add(targetRow("calls until steady state after warmup()", "calls",
                    spread(WARMUP, Round::callsToSteadyState), STEADY_TARGET_CALLS));
            return rows;
        }

        private static List<String> targetRow(String what, String unit, Spread spread, double atMost) {
            String target = atMost < 0 ? "—" : "≤ " + BenchReport.num(atMost) + " " + unit;
            String verdict = atMost < 0 ? "—" : spread.median() <= atMost ? "met"
                    : String.format(java.util.Locale.ROOT, "missed by %.0f %%", (spread.median() - atMost) / atMost * 100);
            return List.of(NAME + ": " + what, unit, BenchReport.num(spread.min()), BenchReport.num(spread.median()),
                    BenchReport.num(spread.max()), target, verdict);
        }

        /** Every metric of every variant, for the CSV. */
        List<Measurement> measurements() {
            List<Measurement> rows = new ArrayList<>();
            for (String variant : runs.keySet()) {
                rows.add(new Measurement(NAME, variant, "JVM start to main", "ms", spread(variant, r -> r.jvmStartMillis())));
                rows.add(new Measurement(NAME, variant, "main to client built", "ms", spread(variant, Round::mainToClientMillis)));
                rows.add(new Measurement(NAME, variant, "warmup", "ms", spread(variant, r -> r.report().warmupNanos() / 1e6)));
                rows.add(new Measurement(NAME, variant, "first call", "ms", spread(variant, r -> r.report().firstCallNanos() / 1e6)));
                rows.add(new Measurement(NAME, variant, "JVM start to first result", "ms",
                        spread(variant, Round::launchToFirstAnswerMillis)));
                rows.add(new Measurement(NAME, variant, "JVM start to first result without logging set-up", "ms",
                        spread(variant, Round::launchToFirstAnswerWithoutLoggingMillis)));
                for (int[] range : curveRanges()) {
                    rows.add(new Measurement(NAME, variant, "mean latency of calls " + range[0] + "-" + range[1], "ms",
                            spread(variant, r -> r.meanMillis(range[0], range[1]))));
                }
                rows.add(new Measurement(NAME, variant, "steady-state latency", "µs", spread(variant, Round::steadyMicros)));
                rows.add(new Measurement(NAME, variant, "calls until steady state", "calls",
                        spread(variant, Round::callsToSteadyState)));
            }
            return rows;
        }

        /** The report's section. */
        String markdown(int sessionsBytes) {
            StringBuilder md = new StringBuilder();
            md.append("## 7. Cold start\n\n");
            md.append("A fresh JVM per round (default heap and collector, no JVM flags but the archive's) does what ")
                    .append("a service does when it starts: sets up logging, builds a `ReactorCoordinatorClient`, ")
                    .append("optionally `warmup()` (local: nothing sent) or `warmup(WarmupOptions.withConnection())` ")
                    .append("(also one connection opened ahead with an `OPTIONS` request), then its first `getSessions` (the ").append(BenchReport.num(sessionsBytes))
                    .append("-byte list from the benchmark server), then ").append(BenchReport.num(calls - 1))
                    .append(" more, one at a time, for the warm-up curve. ").append(rounds)
                    .append(" rounds, variants interleaved (order rotated). JVM start is the parent's launch of ")
                    .append("the process to the child's `main` (wall clock); the rest is timed in the child. ")
                    .append("Every JVM runs from jars (the build's class directories packed first), as a service ")
                    .append("does and as CDS requires. ");
            if (cds) {
                md.append("AppCDS: one training run of the same program with `warmup()` and `")
                        .append("-XX:ArchiveClassesAtExit=").append(archiveName).append("` (")
                        .append(BenchReport.num(archiveBytes / 1048576.0)).append(" MiB), then `-XX:SharedArchiveFile=")
                        .append(archiveName).append("` on every AppCDS round.\n\n");
            }
            else {
                md.append("AppCDS: the training run made no archive on this JVM, so its variants are absent.\n\n");
            }
            List<List<String>> rows = new ArrayList<>();
            for (String variant : runs.keySet()) {
                Spread first = spread(variant, r -> r.report().firstCallNanos() / 1e6);
                Spread total = spread(variant, Round::launchToFirstAnswerMillis);
                rows.add(List.of(variant, median(variant, r -> r.jvmStartMillis()),
                        median(variant, r -> r.report().loggingNanos() / 1e6),
                        median(variant, r -> r.report().clientNanos() / 1e6),
                        median(variant, r -> r.report().warmupNanos() / 1e6),
                        BenchReport.num(first.min()), BenchReport.num(first.median()), BenchReport.num(first.max()),
                        BenchReport.num(total.min()), BenchReport.num(total.median()), BenchReport.num(total.max()),
                        median(variant, Round::launchToFirstAnswerWithoutLoggingMillis)));
            }
            md.append(BenchReport.table(List.of("variant", "JVM start → main ms", "logging ms", "client built ms",
                    "warmup ms", "first call ms min", "median", "max", "JVM start → first result ms min", "median",
                    "max", "same without logging ms"), rows)).append('\n');
            md.append("Warm-up curve: mean latency of each range of calls (call 1 is the first call above), the ")
                    .append("steady-state latency (median of the last ").append(10).append(" blocks of calls; a block is ")
                    .append("a hundredth of the calls, at least 10) and the calls made before steady state (the start of ")
                    .append("the first ").append(STEADY_BLOCKS).append(" consecutive blocks whose medians are within ")
                    .append(STEADY_TOLERANCE).append("× of it); medians over rounds, calls to steady state as min/median/max.\n\n");
            List<String> header = new ArrayList<>();
            header.add("variant");
            for (int[] range : curveRanges()) {
                header.add(range[0] == range[1] ? "call " + range[0] + " ms"
                        : String.format(java.util.Locale.ROOT, "calls %,d–%,d ms", range[0], range[1]));
            }
            header.addAll(List.of("steady µs", "calls to steady min", "median", "max"));
            List<List<String>> curve = new ArrayList<>();
            for (String variant : runs.keySet()) {
                List<String> row = new ArrayList<>();
                row.add(variant);
                for (int[] range : curveRanges()) {
                    row.add(median(variant, r -> r.meanMillis(range[0], range[1])));
                }
                Spread steady = spread(variant, Round::callsToSteadyState);
                row.add(median(variant, Round::steadyMicros));
                row.add(BenchReport.num(steady.min()));
                row.add(BenchReport.num(steady.median()));
                row.add(BenchReport.num(steady.max()));
                curve.add(row);
            }
            md.append(BenchReport.table(header, curve)).append('\n');
            return md.toString();
        }

        private String median(String variant, ToDoubleFunction<Round> value) {
            return BenchReport.num(spread(variant, value).median());
        }
    }
}
