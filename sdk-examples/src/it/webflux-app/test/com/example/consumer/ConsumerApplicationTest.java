package com.example.consumer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;

import io.agentfactory.sdk.daemon.DaemonStatusResponse;
import io.agentfactory.sdk.examples.simulator.AgentFactorySimulator;
import io.agentfactory.sdk.examples.simulator.SimulatedIds;
import io.agentfactory.sdk.examples.simulator.SimulatedRoutes;
import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.daemon.DaemonClientOptions;
import io.agentfactory.sdk.reactor.daemon.ReactorDaemonClient;
import io.agentfactory.sdk.session.ActivityFollowRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service started as its users run it (random port, the SDK's embedded simulator as the
 * coordinator and the daemon), called over real HTTP.
 */
class ConsumerApplicationTest {

    private static final Duration POLL = Duration.ofMillis(100);

    private static AgentFactorySimulator simulator;
    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void start() {
        simulator = AgentFactorySimulator.start();
        app = new SpringApplicationBuilder(ConsumerApplication.class).run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--agentfactory.coordinator-url=" + simulator.coordinatorBaseUrl(),
                "--agentfactory.daemon-url=" + simulator.daemonBaseUrl());
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        say("Spring Boot " + SpringBootVersion.getVersion() + " started on port " + port + " (Java "
                + Runtime.version() + ", reactor-core " + version(Flux.class) + ", reactor-netty "
                + version(reactor.netty.http.client.HttpClient.class) + ", netty " + version(io.netty.channel.Channel.class)
                + ", jackson-databind "
                + version(tools.jackson.databind.ObjectMapper.class) + ", jackson-annotations "
                + version(com.fasterxml.jackson.annotation.JsonProperty.class) + ")");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void fleetComposesThreeSdkCallsAgainstTwoServices() throws Exception {
        StatsResponse stats;
        DaemonStatusResponse status;
        try (ReactorCoordinatorClient coordinator = ReactorCoordinatorClient.create(
                CoordinatorClientOptions.builder(simulator.coordinatorBaseUrl()).build());
                ReactorDaemonClient daemon = ReactorDaemonClient.create(
                        DaemonClientOptions.builder().baseUrl(simulator.daemonBaseUrl()).build())) {
            stats = coordinator.getStats().block(Duration.ofSeconds(10));
            status = daemon.getStatus().block(Duration.ofSeconds(10));
        }
        long statsBefore = simulator.coordinatorRequests().count("GET /api/public/stats");

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fleet")).build(),
                HttpResponse.BodyHandlers.ofString());

        say("GET /fleet -> " + response.statusCode() + " " + response.body());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String body = response.body();
        for (String field : List.of("\"workersOnline\":" + stats.workersOnline(),
                "\"agentsWorking\":" + stats.agentsWorking(),
                "\"sessions\":" + simulator.sessions().size(),
                "\"daemonStatus\":\"" + status.status().value() + "\"",
                "\"daemonVersion\":\"" + status.version() + "\"")) {
            assertTrue(body.contains(field), () -> body + " lacks " + field);
        }
        assertEquals(statsBefore + 1, simulator.coordinatorRequests().count("GET /api/public/stats"));
    }

    @Test
    void theEventStreamStopsPollingWhenItsClientDisconnects() throws Exception {
        String session = simulator.sessionId(SimulatedIds.WORKING_SESSION);
        List<String> data = new ArrayList<>();
        String contentType;
        long pollsWhileConnected;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /sessions/" + session + "/events?pollMillis=" + POLL.toMillis() + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("HTTP/1.1 200 OK", in.readLine());
            String header;
            String type = "";
            while (!(header = in.readLine()).isEmpty()) {
                if (header.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                    type = header.substring(13).trim();
                }
            }
            contentType = type;
            for (String line = in.readLine(); data.size() < 2; line = in.readLine()) {
                if (line.startsWith("data:")) {
                    data.add(line);
                }
            }
            // Connected and caught up: the service polls every 100 ms for the next event.
            long connected = activityPolls();
            await(() -> activityPolls() >= connected + 5, "the service to poll while its client is connected");
            pollsWhileConnected = activityPolls() - connected;
        }
        // The client has gone: the stream is cancelled, and with it the polling.
        app.getBean(StreamLedger.class).endings().filter(SignalType.CANCEL::equals)
                .blockFirst(Duration.ofSeconds(10));
        long atDisconnect = activityPolls();

        // Measure ten poll intervals with a follower of our own on a second simulator.
        long controlPolls;
        try (AgentFactorySimulator control = AgentFactorySimulator.start();
                ReactorCoordinatorClient client = ReactorCoordinatorClient.create(
                        CoordinatorClientOptions.builder(control.coordinatorBaseUrl()).build())) {
            Disposable follow = client.followActivities(ActivityFollowRequest.of(
                    control.sessionId(SimulatedIds.WORKING_SESSION)).withPollInterval(POLL)).subscribe();
            await(() -> control.coordinatorRequests().count(SimulatedRoutes.ACTIVITIES) >= 10,
                    "ten polls of the control follower");
            controlPolls = control.coordinatorRequests().count(SimulatedRoutes.ACTIVITIES);
            follow.dispose();
        }
        long afterDisconnect = activityPolls() - atDisconnect;

        say("GET /sessions/" + session + "/events -> " + contentType + ", first events " + data);
        say("activity polls: " + pollsWhileConnected + " while the client was connected and idle, "
                + afterDisconnect + " after it disconnected (while a control follower polled " + controlPolls
                + " times); stream endings " + app.getBean(StreamLedger.class).ended());
        assertTrue(contentType.startsWith("text/event-stream"), contentType);
        assertEquals(2, data.size());
        assertEquals(0, afterDisconnect, "polls after the client disconnected");
        assertEquals(List.of(SignalType.CANCEL), app.getBean(StreamLedger.class).ended());
    }

    private static long activityPolls() {
        return simulator.coordinatorRequests().count(SimulatedRoutes.ACTIVITIES);
    }

    /** Waits, on a timer, until {@code condition} holds; fails after 15 s. */
    private static void await(BooleanSupplier condition, String what) {
        Boolean met = Flux.interval(Duration.ofMillis(20))
                .map(tick -> condition.getAsBoolean())
                .filter(Boolean::booleanValue)
                .blockFirst(Duration.ofSeconds(15));
        assertTrue(Boolean.TRUE.equals(met), "waited for " + what);
    }

    private static String version(Class<?> type) {
        Package p = type.getPackage();
        return p == null || p.getImplementationVersion() == null ? "?" : p.getImplementationVersion();
    }

    private static void say(String line) {
        System.out.println("[consumer] " + line);
    }
}
