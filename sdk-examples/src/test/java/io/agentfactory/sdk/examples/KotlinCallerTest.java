package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.examples.simulator.SimulatedIds;

/** Example 8: the Kotlin coroutine caller, called from Java through the Mono it bridges back to. */
class KotlinCallerTest extends SimulatedServicesPerTest {

    @Test
    void theBriefingAwaitsMonosAndCollectsFluxesAsFlows() {
        String completed = sim.sessionId(SimulatedIds.COMPLETED_SESSION);

        KotlinCaller.Briefing briefing = KotlinCaller.briefingMono(services.coordinator(), completed, 3)
                .block(Duration.ofSeconds(30));

        assertThat(briefing.getAgentsWorking()).isEqualTo(3);
        assertThat(briefing.getMachines()).containsExactly("mac-studio-berlin (ready)", "linux-builder-01 (ready)",
                "linux-builder-02 (draining)");
        assertThat(briefing.getFirstEvents()).hasSize(3).first().asString().startsWith("progress: Routed to claude");
        assertThat(briefing.getUnknownSession())
                .isEqualTo("NotFoundException: HTTP 404 /api/public/sessions/sess_does_not_exist");
    }

    @Test
    void takingTheFirstEventsOfASessionThatNeverEndsCancelsTheFollow() {
        // Time stands still: the working session never ends, so only take() can end the Flow.
        String working = sim.sessionId(SimulatedIds.WORKING_SESSION);

        KotlinCaller.Briefing briefing = KotlinCaller.briefingMono(services.coordinator(), working, 2)
                .block(Duration.ofSeconds(30));

        assertThat(briefing.getFirstEvents()).hasSize(2);
    }

    @Test
    void runPrintsTheBriefingAndPassesItsCheck() {
        assertThat(KotlinCaller.run(services, out)).isTrue();
        assertThat(out.text()).contains("  unknown session: NotFoundException: HTTP 404");
    }
}
