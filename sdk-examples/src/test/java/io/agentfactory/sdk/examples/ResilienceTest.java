package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.error.ErrorKind;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;

/** Example 7: each failure case, what the SDK did about it, and what reached the caller. */
class ResilienceTest extends SimulatedServicesPerTest {

    private ReactorCoordinatorClient withoutRetries;
    private ReactorCoordinatorClient impatient;
    private Resilience resilience;

    @BeforeEach
    void createClients() {
        withoutRetries = ReactorCoordinatorClient.create(Resilience.withoutRetries(services.coordinatorOptions()));
        impatient = ReactorCoordinatorClient.create(Resilience.impatient(services.coordinatorOptions()));
        resilience = new Resilience(services.coordinator(), withoutRetries, impatient, sim);
    }

    @AfterEach
    void closeClients() {
        withoutRetries.close();
        impatient.close();
    }

    @Test
    void a429ThenA503AreRetriedAfterTheDelaysTheServerAskedFor() {
        Resilience.Outcome outcome = resilience.retriedUntilItWorks(sim).block();

        assertThat(outcome.error()).isNull();
        assertThat(outcome.outcome()).isEqualTo("stats: 3 agents working");
        assertThat(outcome.requests()).isEqualTo(3);
        assertThat(outcome.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void withRetriesOffThe429ReachesTheCallerWithItsRetryAfter() {
        Resilience.Outcome outcome = resilience.rateLimitedWithoutRetries(sim).block();

        assertThat(outcome.error()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(outcome.outcome()).isEqualTo("RateLimitedException (retryable)");
        assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(outcome.requests()).isOne();
        assertThat(outcome.elapsed()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aSlowAnswerEndsInARequestTimeoutLongBeforeItArrives() {
        Resilience.Outcome outcome = resilience.timedOut(sim).block();

        assertThat(outcome.error()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(outcome.requests()).isOne();
        assertThat(outcome.elapsed()).isGreaterThanOrEqualTo(Resilience.SHORT_TIMEOUT).isLessThan(Resilience.SLOW_ANSWER);
        // The latency is switched off again for whatever runs next.
        assertThat(impatient.getStats().block(Duration.ofSeconds(5)).workersOnline()).isEqualTo(3);
    }

    @Test
    void theCaseAfterTheTimeoutNoLongerMeetsTheLatency() {
        Resilience.Report report = resilience.run().block();

        assertThat(report.find("2 s of latency").orElseThrow().error()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(report.find("an unknown").orElseThrow().elapsed()).isLessThan(Resilience.SLOW_ANSWER);
    }

    @Test
    void notFoundIsHandledByTypeWithAFallback() {
        Resilience.Outcome outcome = resilience.notFoundHandled().block();

        assertThat(outcome.error()).isNull();
        assertThat(outcome.outcome()).isEqualTo("handled: 404 session not found: sess_does_not_exist -> fallback \"no such session\"");
        assertThat(outcome.requests()).isOne();
    }

    @Test
    void aPostIsNeverRetriedEvenWhenTheErrorIsRetryable() {
        Resilience.Outcome outcome = resilience.postNeverRetried(sim).block();

        assertThat(outcome.error()).isEqualTo(ErrorKind.UNAVAILABLE);
        assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(outcome.requests()).isOne();
        assertThat(sim.sessions()).hasSize(12);
    }

    @Test
    void againstARealCoordinatorOnlyTheNotFoundCaseRuns() {
        Resilience.Report report = new Resilience(services.coordinator(), withoutRetries, impatient, null).run().block();

        assertThat(report.outcomes()).singleElement().satisfies(outcome -> {
            assertThat(outcome.scenario()).startsWith("an unknown session id");
            assertThat(outcome.requests()).isEqualTo(-1);
        });
    }

    @Test
    void runPrintsEveryCaseAndPassesItsChecks() {
        assertThat(Resilience.run(services, out)).isTrue();
        assertThat(out.lines()).filteredOn(line -> line.startsWith("    -> ")).hasSize(5);
        assertThat(out.text()).contains("-> RequestTimeoutException (retryable) [TIMEOUT], 1 request,");
    }
}
