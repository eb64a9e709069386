package io.agentfactory.sdk.reactor.codeintel.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Run in a child JVM by {@link KotlinTreeSitterHostileTest}: extracts {@code args[0]} generated Kotlin
 * files after a warm-up and prints {@code grownKiB=<resident set growth> symbols=<total>}. The child's
 * Java heap is fixed and pre-touched, so the growth is native memory (and little else).
 */
public final class KotlinNativeLeakProbe {

    private KotlinNativeLeakProbe() {
    }

    public static void main(String[] args) throws Exception {
        int files = Integer.parseInt(args[0]);
        KotlinTreeSitterExtractor parser = new KotlinTreeSitterExtractor();
        if (!parser.prepare()) {
            throw new IllegalStateException(KotlinGrammar.failure());
        }
        List<String> sources = IntStream.range(0, 8).mapToObj(KotlinTreeSitterHostileTest::generated).toList();
        for (int i = 0; i < 1_000; i++) {
            parser.extract(sources.get(i % 8), "Warm.kt");
        }
        long before = residentKiB();
        long symbols = 0;
        for (int i = 0; i < files; i++) {
            symbols += parser.extract(sources.get(i % 8), "File" + i + ".kt").symbols().stream()
                    .filter(s -> s.parentName().equals("List")).count(); // parsed: the regex misses these methods
        }
        System.out.println("grownKiB=" + (residentKiB() - before) + " symbols=" + symbols);
    }

    static long residentKiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
