package io.agentfactory.sdk.daemon;

import java.nio.file.Path;
import java.util.Map;

import io.agentfactory.sdk.internal.StatePaths;

/**
 * Where the daemon's control token file lives: {@value #ENV_VAR} when set and not blank, else
 * {@code ~/.donmai/}{@value #FILE_NAME} with {@code ~} the user's home directory (beside
 * {@code daemon.yaml}).
 */
public final class ControlTokenLocation {

    /** The environment variable that overrides the default path. */
    public static final String ENV_VAR = "DONMAI_CONTROL_TOKEN_FILE";

    /** The file's name in the daemon's state directory. */
    public static final String FILE_NAME = "control-token";

    private ControlTokenLocation() {
    }

    /** The path to use in this process (reads the environment and {@code user.home}; no file I/O). */
    public static Path defaultPath() {
        return resolve(System.getenv(), System.getProperty("user.home", ""));
    }

    /** The path for the given environment and home directory; a leading {@code ~/} is the home directory. */
    public static Path resolve(Map<String, String> environment, String userHome) {
        return StatePaths.resolve(environment, ENV_VAR, userHome, FILE_NAME);
    }
}
