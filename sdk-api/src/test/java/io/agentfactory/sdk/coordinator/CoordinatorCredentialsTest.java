package io.agentfactory.sdk.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CoordinatorCredentialsTest {

    private static final String TOKEN = "rsk_live_7Qx2mN4pL9sT1vW8";

    @Test
    void toStringNeverShowsTheToken() {
        CoordinatorCredentials credentials = new CoordinatorCredentials("https://platform.example", TOKEN);

        assertThat(credentials.toString())
                .doesNotContain(TOKEN)
                .doesNotContain("7Qx2")
                .isEqualTo("CoordinatorCredentials[baseUrl=https://platform.example, token=REDACTED]");
    }

    @Test
    void theTokenIsStillAvailableToTheCaller() {
        assertThat(new CoordinatorCredentials("https://platform.example", TOKEN).token()).isEqualTo(TOKEN);
    }

    @Test
    void bothPartsAreRequired() {
        assertThatThrownBy(() -> new CoordinatorCredentials(null, TOKEN)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CoordinatorCredentials("https://platform.example", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("token");
    }
}
