package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guided tour, run in-process as {@code ./mvnw -Pdemo} runs it (with a smaller diff). */
class DemoTest {

    private final Output out = new Output();

    @AfterEach
    void showTheTour() {
        // In the surefire report, for whoever reads why a tour failed.
        out.lines().forEach(System.out::println);
    }

    @Test
    void theTourRunsEveryExampleAgainstTheSimulatorAndExitsZero() {
        int exit = Example.exitStatus(new String[] {"--entries 100000"}, Map.of(), Demo::tour, out);

        assertThat(exit).as(out.text()).isZero();
        assertThat(out.lines().get(0)).startsWith("Running against embedded simulator (coordinator http://127.0.0.1:");
        IntStream.rangeClosed(1, 9).forEach(i -> assertThat(out.lines()).anySatisfy(line ->
                assertThat(line).startsWith("== " + i + "/9  ")));
        assertThat(out.lines()).filteredOn(line -> line.startsWith("-- ok in ")).hasSize(9);
        assertThat(out.text()).contains("Streamed 100,000 entries", "duplicates: none; gaps: none",
                "the daemon now allows github.com/acme/mobile-app: yes",
                "the original is the best match: yes");
        assertThat(out.lines()).last().asString().startsWith("9 of 9 examples passed in ");
    }

    @Test
    void unreachableServicesFailTheExamplesThatNeedThemAndTheTourExitsOne() throws IOException {
        String nothingListening = "http://127.0.0.1:" + closedPort();
        int exit = Example.exitStatus(new String[] {"--coordinator-url", nothingListening, "--daemon-url", nothingListening},
                Map.of(), Demo::tour, out);

        assertThat(exit).isOne();
        assertThat(out.text()).contains("FAILED: TransportException [TRANSPORT, retryable]: GET /api/public/",
                "Connection refused",
                "Skipped: this pauses and drains a real daemon; pass --allow-changes to run it.");
        assertThat(out.lines()).last().asString().contains("examples passed").contains("failed: [FleetDashboard,");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void badArgumentsExitTwoNamingTheFlag() {
        assertThat(Example.exitStatus(new String[] {"--entires", "10"}, Map.of(), Demo::tour, out)).isEqualTo(2);
        assertThat(out.lines()).singleElement().asString().startsWith("error: unknown flag --entires");
    }
}
