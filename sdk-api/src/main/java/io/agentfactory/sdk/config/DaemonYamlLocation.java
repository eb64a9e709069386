package io.agentfactory.sdk.config;

import java.nio.file.Path;
import java.util.Map;

import io.agentfactory.sdk.internal.StatePaths;

/**
 * Where {@code daemon.yaml} lives: {@value #ENV_VAR} when set and not blank, else
 * {@code ~/.donmai/daemon.yaml} with {@code ~} the user's home directory.
 */
public final class DaemonYamlLocation {

    /** The environment variable that overrides the default path. */
    public static final String ENV_VAR = "DONMAI_DAEMON_YAML";

    private DaemonYamlLocation() {
    }

    /** The path to use in this process (reads the environment and {@code user.home}; no file I/O). */
    public static Path defaultPath() {
        return resolve(System.getenv(), System.getProperty("user.home", ""));
    }

    /** The path for the given environment and home directory. */
    public static Path resolve(Map<String, String> environment, String userHome) {
        return StatePaths.resolve(environment, ENV_VAR, userHome, "daemon.yaml");
    }
}
