package io.agentfactory.sdk.reactor.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The SDK's {@code User-Agent}: {@code agentfactory-sdk-java/<version> (Java <v>; <os>)}, the
 * version from the build. Not API.
 */
public final class UserAgent {

    /** The SDK version from the build ({@code unknown} when the resource is missing). */
    public static final String SDK_VERSION = readVersion();

    /** The default {@code User-Agent}. */
    public static final String DEFAULT = "agentfactory-sdk-java/" + SDK_VERSION + " (Java "
            + System.getProperty("java.version", "?") + "; " + System.getProperty("os.name", "?") + ")";

    private UserAgent() {
    }

    /** Checks a header value: no CR, LF or other control characters. */
    public static String checked(String value) {
        HeaderValues.check("User-Agent", value);
        return value;
    }

    private static String readVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("/META-INF/agentfactory-sdk.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        }
        catch (IOException e) {
            return "unknown";
        }
    }
}
