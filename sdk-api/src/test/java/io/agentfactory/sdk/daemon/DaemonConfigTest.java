package io.agentfactory.sdk.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DaemonConfigTest {

    @Test
    void theDefaultsAreLoopbackPort7734() {
        assertThat(DaemonConfig.defaults().baseUrl()).isEqualTo("http://127.0.0.1:7734");
        assertThat(DaemonConfig.defaults()).isEqualTo(new DaemonConfig("127.0.0.1", 7734));
    }

    @Test
    void anEmptyHostAndAZeroPortTakeTheDefaults() {
        assertThat(new DaemonConfig("", 0)).isEqualTo(DaemonConfig.defaults());
        assertThat(new DaemonConfig(null, 0)).isEqualTo(DaemonConfig.defaults());
        assertThat(new DaemonConfig("   ", 9000).host()).isEqualTo("127.0.0.1");
    }

    @Test
    void anIpv6LiteralIsBracketed() {
        assertThat(new DaemonConfig("::1", 7734).baseUrl()).isEqualTo("http://[::1]:7734");
        assertThat(new DaemonConfig("fe80::1", 9000).baseUrl()).isEqualTo("http://[fe80::1]:9000");
    }

    @Test
    void anAlreadyBracketedIpv6LiteralIsKept() {
        assertThat(new DaemonConfig("[::1]", 7734).baseUrl()).isEqualTo("http://[::1]:7734");
    }

    @Test
    void aHostNameAndPortMakeTheBaseUrl() {
        assertThat(new DaemonConfig("localhost", 17734).baseUrl()).isEqualTo("http://localhost:17734");
        assertThat(new DaemonConfig(" 10.0.0.5 ", 7734).baseUrl()).isEqualTo("http://10.0.0.5:7734");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, 100_000})
    void aPortOutsideTheTcpRangeIsRejected(int port) {
        assertThatThrownBy(() -> new DaemonConfig("127.0.0.1", port))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(port));
    }

    @Test
    void theHighestPortIsAccepted() {
        assertThat(new DaemonConfig("127.0.0.1", 65535).baseUrl()).isEqualTo("http://127.0.0.1:65535");
    }
}
