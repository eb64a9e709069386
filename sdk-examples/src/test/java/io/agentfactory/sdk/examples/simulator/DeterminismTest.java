package io.agentfactory.sdk.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.session.ActivityType;

/** The same seed and the same requests and ticks give the same bytes; another seed gives another world. */
class DeterminismTest {

    @Test
    void theSameSeedGivesTheSameBytes() {
        assertThat(transcript(42)).isEqualTo(transcript(42));
    }

    @Test
    void anotherSeedGivesOtherIdsButTheSameShape() {
        try (AgentFactorySimulator a = AgentFactorySimulator.builder().seed(1).start();
                AgentFactorySimulator b = AgentFactorySimulator.builder().seed(2).start()) {

            assertThat(a.sessionId(SimulatedIds.WORKING_SESSION)).isNotEqualTo(b.sessionId(SimulatedIds.WORKING_SESSION));
            assertThat(a.sessions()).extracting(s -> s.identifier() + " " + s.status())
                    .isEqualTo(b.sessions().stream().map(s -> s.identifier() + " " + s.status()).toList());
        }
    }

    /** Everything a client could read after a fixed sequence of requests and ticks. */
    private static List<String> transcript(long seed) {
        try (AgentFactorySimulator sim = AgentFactorySimulator.builder().seed(seed).start()) {
            Http coordinator = new Http(sim.coordinatorBaseUrl());
            Http daemon = new Http(sim.daemonBaseUrl());
            String working = sim.sessionId(SimulatedIds.WORKING_SESSION);
            List<String> transcript = new ArrayList<>();
            sim.daemonFaults().errorRate(0.2);
            for (int round = 0; round < 5; round++) {
                sim.tick(20);
                transcript.add(coordinator.get("/api/public/sessions").text());
                transcript.add(coordinator.get(CoordinatorRoutesTest.activities(working, null)).text());
                transcript.add(daemon.get("/api/daemon/stats?pool=true").status() + daemon.get("/api/daemon/workareas").text());
            }
            sim.publishActivity(working, ActivityType.PROGRESS, "done");
            transcript.add(coordinator.post("/api/mcp/submit-task", "{\"issueId\":\"REN-300\"}").text());
            transcript.add(coordinator.get("/api/public/sessions/" + working + "/audit-chain").text());
            transcript.add(coordinator.get("/api/agents").text());
            transcript.add(daemon.get("/api/daemon/routing/config").text());
            transcript.add(daemon.post("/api/daemon/workareas/" + SimulatedIds.ARCHIVE_FINAL + "/restore", "{}").text());
            transcript.add(daemon.get(WorkareaDiffTest.diff(SimulatedIds.ARCHIVE_FINAL,
                    AgentFactorySimulator.syntheticArchive(900))).text());
            return transcript;
        }
    }
}
