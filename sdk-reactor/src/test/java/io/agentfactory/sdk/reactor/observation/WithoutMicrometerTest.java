package io.agentfactory.sdk.reactor.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.reactor.testing.Fixtures;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/**
 * Micrometer is an optional dependency: a JVM whose class path lacks every Micrometer (and Brave)
 * jar builds both clients and calls them, unary and streaming, without a {@code NoClassDefFoundError}.
 */
class WithoutMicrometerTest {

    private static final String NDJSON = "{\"path\":\"a.txt\",\"status\":\"added\",\"sizeB\":3,\"hashB\":\"bb\"}\n"
            + "{\"summary\":{\"workareaA\":\"ar-1\",\"workareaB\":\"ar-2\",\"added\":1,\"removed\":0,\"modified\":0,"
            + "\"total\":1}}\n";

    @Test
    void bothClientsWorkWithMicrometerAbsentFromTheClassPath() throws IOException, InterruptedException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("micrometer") && !entry.contains("brave")
                        && !entry.contains("context-propagation"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(System.getProperty("java.class.path")).contains("micrometer-observation");
        Reply stats = Reply.json(Fixtures.text("stats-response"));
        Reply diff = Reply.status(200).header("Content-Type", "application/x-ndjson").body(NDJSON);
        try (RecordingServer server = RecordingServer.start()) {
            server.replyWith(request -> request.path().startsWith("/api/daemon/") ? diff : stats);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classPath, WithoutMicrometerMain.class.getName(), server.baseUrl())
                    .redirectErrorStream(true).start();
            child.getOutputStream().close();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            List<String> lines = output.lines().filter(l -> l.matches("[A-Z-]+( .*)?")).toList();
            assertThat(lines).as(output).containsExactly("MICROMETER-ABSENT", "COORDINATOR true", "DAEMON 2");
            assertThat(output).doesNotContain("NoClassDefFoundError");
            assertThat(child.exitValue()).isZero();
            assertThat(server.requests().get(0).header("User-Agent"))
                    .startsWith("no-micrometer/1 agentfactory-sdk-java/");
        }
    }
}
