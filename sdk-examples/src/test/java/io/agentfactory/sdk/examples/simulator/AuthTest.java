package io.agentfactory.sdk.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The coordinator's bearer token and the daemon's separate control token (sdk-api/CONTRACT.md §3, §4). */
class AuthTest extends FreshSimulatorPerTest {

    private static final String TOKEN = "rsk_live_4f9c2a";
    private static final String CONTROL = "ctl_8d1e77";

    @Override
    AgentFactorySimulator.Builder simulator() {
        return AgentFactorySimulator.builder().coordinatorToken(TOKEN).daemonControlToken(CONTROL);
    }

    @Test
    void theCoordinatorRefusesARequestWithoutTheToken() {
        Http.Response response = coordinator.get("/api/public/stats");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.asMap()).containsOnlyKeys("error");
    }

    @Test
    void theCoordinatorRefusesAWrongToken() {
        assertThat(coordinator.withBearer("rsk_other").get("/api/public/stats").status()).isEqualTo(401);
    }

    @Test
    void theCoordinatorServesTheBearerOfItsToken() {
        assertThat(coordinator.withBearer(TOKEN).get("/api/public/stats").status()).isEqualTo(200);
        assertThat(coordinator.withBearer(TOKEN).post("/api/mcp/submit-task", "{\"issueId\":\"REN-9\"}").status())
                .isEqualTo(200);
    }

    @Test
    void daemonReadsNeedNoToken() {
        assertThat(daemon.get("/api/daemon/status").status()).isEqualTo(200);
        assertThat(daemon.get("/api/daemon/kits/spring/java").status()).isEqualTo(200);
    }

    @Test
    void daemonMutationsNeedTheControlToken() {
        Http.Response response = daemon.post("/api/daemon/pause");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text()).isEqualTo("{\"error\":\"missing or invalid control token\"}");
        assertThat(daemon.withBearer(CONTROL).post("/api/daemon/pause").status()).isEqualTo(200);
    }

    @Test
    void theDaemonDoesNotAcceptTheCoordinatorToken() {
        assertThat(daemon.withBearer(TOKEN).post("/api/daemon/kits/python/uv/enable").status()).isEqualTo(401);
    }

    @Test
    void eachServiceCountsTheHeadersItReceived() {
        coordinator.withBearer(TOKEN).get("/api/public/stats");
        daemon.get("/api/daemon/status");
        daemon.withBearer(CONTROL).post("/api/daemon/pause");

        assertThat(sim.coordinatorRequests().carrying("authorization")).isEqualTo(1);
        assertThat(sim.daemonRequests().carrying("Authorization")).isEqualTo(1);
        assertThat(sim.daemonRequests().carrying("X-Rensei-Org")).isZero();
    }

    @Test
    void tokensAreNeverPrintedOrEchoed() {
        AgentFactorySimulator.Builder builder = AgentFactorySimulator.builder().coordinatorToken(TOKEN)
                .daemonControlToken(CONTROL);

        assertThat(builder.toString()).contains("REDACTED").doesNotContain(TOKEN, CONTROL);
        assertThat(sim.toString()).doesNotContain(TOKEN, CONTROL);
        assertThat(coordinator.withBearer("rsk_guess").get("/api/public/stats").text()).doesNotContain("rsk_");
    }
}
