package com.example.jpms;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import io.agentfactory.sdk.config.CloneStrategy;
import io.agentfactory.sdk.config.DaemonYAML;
import io.agentfactory.sdk.config.ProjectEntry;
import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.reactor.config.DaemonYamlStore;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.mock.MockCoordinatorClient;

/**
 * Runs on the module path: decodes a coordinator answer (Jackson reading the SDK's records),
 * writes and reads a daemon.yaml (snakeyaml-engine), uses the mock, and checks what the SDK's
 * modules export. Exits 1 when a check fails.
 */
public final class Main {

    private static final String STATS = "{\"workersOnline\":3,\"agentsWorking\":2,\"queueDepth\":5,\"completedToday\":17,"
            + "\"availableCapacity\":4,\"totalCostToday\":12.5,\"totalCostAllTime\":980.25,\"sessionCountToday\":21,"
            + "\"timestamp\":\"2025-05-01T10:00:00Z\"}";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Module sdk = ReactorCoordinatorClient.class.getModule();
        check(sdk.isNamed() && sdk.getName().equals("io.agentfactory.sdk.reactor"), "sdk-reactor is a named module: " + sdk);
        check(StatsResponse.class.getModule().getName().equals("io.agentfactory.sdk.api"), "sdk-api is a named module");
        check(sdk.isExported("io.agentfactory.sdk.reactor.coordinator"), "client packages are exported");
        check(!sdk.isExported("io.agentfactory.sdk.reactor.internal.http"), "internal packages are not exported");
        check(!StatsResponse.class.getModule().isExported("io.agentfactory.sdk.internal"), "sdk-api internals are not exported");
        say("modules: " + sdk.getDescriptor().toNameAndVersion() + " requires " + sdk.getDescriptor().requires().size()
                + " modules; exports " + sdk.getDescriptor().exports().size() + " packages");

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/public/stats", exchange -> {
            byte[] body = STATS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try (ReactorCoordinatorClient coordinator = ReactorCoordinatorClient.create(CoordinatorClientOptions
                .builder("http://127.0.0.1:" + server.getAddress().getPort()).build())) {
            StatsResponse stats = coordinator.getStats().block(Duration.ofSeconds(10));
            check(stats != null && stats.agentsWorking() == 2 && stats.totalCostAllTime() == 980.25, "decoded " + stats);
            say("GET /api/public/stats over HTTP -> " + stats);
        }
        finally {
            server.stop(0);
        }

        Path dir = Files.createTempDirectory("jpms-app");
        DaemonYamlStore store = DaemonYamlStore.at(dir.resolve("daemon.yaml"));
        DaemonYAML written = store.update(c -> c.addOrUpdateProject(new ProjectEntry("", "acme/widgets", CloneStrategy.SHALLOW, null)))
                .block(Duration.ofSeconds(10));
        DaemonYAML read = store.read().block(Duration.ofSeconds(10));
        check(read != null && read.hasProject("acme/widgets") && read.equals(written), "daemon.yaml round trip");
        say("daemon.yaml written and read back: " + Files.readString(dir.resolve("daemon.yaml")).strip().replace('\n', ' '));

        List<String> sessions = MockCoordinatorClient.create().getSessions().block(Duration.ofSeconds(10)).sessions()
                .stream().map(s -> s.id()).toList();
        check(sessions.size() == 12, "the mock's twelve sessions");
        say("MockCoordinatorClient: " + sessions.size() + " sessions, first " + sessions.get(0));
        say("all checks passed on the module path");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("[jpms] FAILED: " + what);
            System.exit(1);
        }
    }

    private static void say(String line) {
        System.out.println("[jpms] " + line);
    }
}
