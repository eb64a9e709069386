package io.agentfactory.sdk.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import io.agentfactory.sdk.examples.simulator.AgentFactorySimulator;
import io.agentfactory.sdk.examples.simulator.SimulatedIds;

/**
 * The bodies the benchmark server answers with, recorded once from the simulator so that every
 * client reads exactly what the simulated services send: the 12-session list, a small diff
 * envelope, and a large NDJSON diff written to a file (too large for the heap of the JVM that
 * decodes it).
 *
 * @param sessions the body of {@code GET /api/public/sessions}
 * @param smallDiff the {@code application/json} body of a diff of {@code smallDiffEntries} entries
 * @param smallDiffEntries how many entries {@code smallDiff} holds
 * @param largeDiff the file holding the {@code application/x-ndjson} body of a large diff
 * @param largeDiffEntries how many entry lines {@code largeDiff} holds (plus its summary line)
 * @param largeDiffBytes the size of {@code largeDiff}
 */
record RecordedBodies(byte[] sessions, byte[] smallDiff, int smallDiffEntries, Path largeDiff,
        long largeDiffEntries, long largeDiffBytes) {

    /**
     * Records the bodies from a fresh simulator (blocking: call from {@code main} or a test).
     *
     * @param workDir where the large diff file is written (replaced if present)
     */
    static RecordedBodies record(Path workDir, int smallDiffEntries, long largeDiffEntries) {
        if (smallDiffEntries > AgentFactorySimulator.DEFAULT_DIFF_STREAMING_THRESHOLD
                || largeDiffEntries <= AgentFactorySimulator.DEFAULT_DIFF_STREAMING_THRESHOLD) {
            throw new IllegalArgumentException("the small diff must be answered as JSON and the large one as NDJSON");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (AgentFactorySimulator sim = AgentFactorySimulator.start()) {
            Files.createDirectories(workDir);
            byte[] sessions = get(http, sim.coordinatorBaseUrl() + "/api/public/sessions",
                    HttpResponse.BodyHandlers.ofByteArray(), "application/json");
            byte[] small = get(http, diffUrl(sim, smallDiffEntries), HttpResponse.BodyHandlers.ofByteArray(),
                    "application/json");
            Path large = get(http, diffUrl(sim, largeDiffEntries),
                    HttpResponse.BodyHandlers.ofFile(workDir.resolve("diff-" + largeDiffEntries + ".ndjson")),
                    "application/x-ndjson");
            return new RecordedBodies(sessions, small, smallDiffEntries, large, largeDiffEntries, Files.size(large));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording the bodies", e);
        }
    }

    private static String diffUrl(AgentFactorySimulator sim, long entries) {
        return sim.daemonBaseUrl() + "/api/daemon/workareas/" + SimulatedIds.ARCHIVE_FINAL + "/diff/"
                + AgentFactorySimulator.syntheticArchive(entries);
    }

    private static <T> T get(HttpClient http, String url, HttpResponse.BodyHandler<T> handler, String contentType)
            throws IOException, InterruptedException {
        HttpResponse<T> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), handler);
        String type = response.headers().firstValue("content-type").orElse("");
        if (response.statusCode() != 200 || !type.startsWith(contentType)) {
            throw new IllegalStateException("the simulator answered " + response.statusCode() + " " + type + " to " + url);
        }
        return response.body();
    }

    @Override
    public String toString() {
        return "RecordedBodies[sessions=" + sessions.length + " B, smallDiff=" + smallDiffEntries + " entries, "
                + smallDiff.length + " B, largeDiff=" + largeDiffEntries + " entries, " + largeDiffBytes + " B]";
    }
}
