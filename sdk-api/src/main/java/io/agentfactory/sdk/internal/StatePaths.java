package io.agentfactory.sdk.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/** Where the daemon's state files live: {@code ~/.donmai/<file>}, or the path an environment variable names. */
public final class StatePaths {

    private StatePaths() {
    }

    /**
     * {@code variable}'s value when set and not blank (trimmed; a leading {@code ~/} is
     * {@code userHome}), else {@code <userHome>/.donmai/<fileName>}.
     */
    public static Path resolve(Map<String, String> environment, String variable, String userHome, String fileName) {
        String override = environment.get(variable);
        if (override != null && !override.isBlank()) {
            String trimmed = override.trim();
            if (trimmed.equals("~") || trimmed.startsWith("~/")) {
                return Paths.get(userHome + trimmed.substring(1));
            }
            return Paths.get(trimmed);
        }
        return Paths.get(userHome, ".donmai", fileName);
    }
}
