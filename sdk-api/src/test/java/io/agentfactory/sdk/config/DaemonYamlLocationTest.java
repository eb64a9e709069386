package io.agentfactory.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DaemonYamlLocationTest {

    private static final String HOME = "/home/me";

    @Test
    void defaultsToDotDonmaiInTheHomeDirectory() {
        assertThat(DaemonYamlLocation.resolve(Map.of(), HOME)).isEqualTo(Path.of("/home/me/.donmai/daemon.yaml"));
    }

    @Test
    void theEnvironmentVariableOverridesTheDefault() {
        Map<String, String> environment = Map.of(DaemonYamlLocation.ENV_VAR, "/etc/donmai/daemon.yaml");

        assertThat(DaemonYamlLocation.resolve(environment, HOME)).isEqualTo(Path.of("/etc/donmai/daemon.yaml"));
    }

    @Test
    void aTildeInTheOverrideIsTheHomeDirectory() {
        Map<String, String> environment = Map.of(DaemonYamlLocation.ENV_VAR, "~/configs/daemon.yaml");

        assertThat(DaemonYamlLocation.resolve(environment, HOME)).isEqualTo(Path.of("/home/me/configs/daemon.yaml"));
    }

    @Test
    void aTildeElsewhereIsAnOrdinaryCharacter() {
        Map<String, String> environment = Map.of(DaemonYamlLocation.ENV_VAR, "/srv/~backup/daemon.yaml");

        assertThat(DaemonYamlLocation.resolve(environment, HOME)).isEqualTo(Path.of("/srv/~backup/daemon.yaml"));
    }

    @Test
    void theOverrideIsTrimmed() {
        Map<String, String> environment = Map.of(DaemonYamlLocation.ENV_VAR, "  /etc/donmai/daemon.yaml\n");

        assertThat(DaemonYamlLocation.resolve(environment, HOME)).isEqualTo(Path.of("/etc/donmai/daemon.yaml"));
    }

    @Test
    void aBlankOverrideIsIgnored() {
        Map<String, String> environment = Map.of(DaemonYamlLocation.ENV_VAR, "   ");

        assertThat(DaemonYamlLocation.resolve(environment, HOME)).isEqualTo(Path.of("/home/me/.donmai/daemon.yaml"));
    }

    @Test
    void otherVariablesDoNotMatter() {
        Map<String, String> environment = Map.of("HOME", "/somewhere/else", "DONMAI_CONTROL_TOKEN", "x");

        assertThat(DaemonYamlLocation.resolve(environment, HOME)).isEqualTo(Path.of("/home/me/.donmai/daemon.yaml"));
    }
}
