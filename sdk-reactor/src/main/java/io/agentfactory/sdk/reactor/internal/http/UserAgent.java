package io.agentfactory.sdk.reactor.internal.http;

/**
 * The SDK's {@code User-Agent}: {@code agentfactory-sdk-java/<version> (Java <v>; <os>)}, the
 * version from the jar's manifest ({@code Implementation-Version}). Nothing here reads a file: the
 * class may first be used on a non-blocking thread, and a blocking static initialiser would poison
 * it for the whole JVM (BlockHound). Not API.
 */
public final class UserAgent {

    /** The SDK version from the jar manifest ({@code unknown} when not run from the jar). */
    public static final String SDK_VERSION = version();

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

    /** The class loader read the manifest when it defined the package: asking for it is no I/O. */
    private static String version() {
        String version = UserAgent.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "unknown" : version;
    }
}
