package io.agentfactory.sdk.reactor.internal;

import java.security.CodeSource;

import org.jspecify.annotations.Nullable;

/**
 * Checks, once, that the libraries on the class path are ones the SDK can run on, so that a
 * consumer whose dependency management pinned an older version gets a message naming the artifact
 * and the version to use instead of a {@code NoClassDefFoundError} from deep inside Jackson.
 *
 * <p>Today's one requirement: Jackson 3.1 (the SDK's JSON) reads annotations that
 * {@code com.fasterxml.jackson.core:jackson-annotations} gained in 2.21; Spring Boot 3.5 manages
 * 2.19.2. The check loads (without initialising) two classes of that jar: no file is opened beyond
 * what the class loader does anyway, nothing runs in a static initialiser, and once passed it costs
 * a volatile read. Not API.
 */
public final class DependencyRequirements {

    /** The artifact the check is about. */
    public static final String JACKSON_ANNOTATIONS = "com.fasterxml.jackson.core:jackson-annotations";

    /** The oldest version of {@link #JACKSON_ANNOTATIONS} Jackson 3.1 runs on. */
    public static final String JACKSON_ANNOTATIONS_MINIMUM = "2.21";

    private static final String ANNOTATION_PACKAGE = "com.fasterxml.jackson.annotation.";

    /** Classes added in jackson-annotations 2.21 that jackson-databind 3.1 refers to. */
    private static final String[] ADDED_IN_MINIMUM = {"JsonSerializeAs", "JsonDeserializeAs"};

    private static volatile boolean satisfied;

    private DependencyRequirements() {
    }

    /**
     * Fails when the SDK's runtime dependencies are too old; called by every client factory before
     * it touches Jackson.
     *
     * @throws IllegalStateException naming the artifact, the version found and the minimum
     */
    public static void check() {
        if (!satisfied) {
            check(DependencyRequirements.class.getClassLoader());
            satisfied = true;
        }
    }

    /** {@link #check()} against the classes {@code loader} sees. */
    static void check(@Nullable ClassLoader loader) {
        for (String simpleName : ADDED_IN_MINIMUM) {
            try {
                Class.forName(ANNOTATION_PACKAGE + simpleName, false, loader);
            }
            catch (ClassNotFoundException | LinkageError missing) {
                throw new IllegalStateException(message(loader, simpleName), missing);
            }
        }
    }

    private static String message(@Nullable ClassLoader loader, String missingClass) {
        return "The AgentFactory SDK needs " + JACKSON_ANNOTATIONS + " " + JACKSON_ANNOTATIONS_MINIMUM
                + " or newer (Jackson 3.1 uses its " + missingClass + "), but the class path has "
                + found(loader) + ". Your dependency management pins an older version (Spring Boot 3.5 manages"
                + " 2.19.2): declare " + JACKSON_ANNOTATIONS + ":" + JACKSON_ANNOTATIONS_MINIMUM
                + " in your own dependencyManagement (Maven) or as a constraint (Gradle).";
    }

    /** The version and jar of jackson-annotations that {@code loader} sees, for the message. */
    private static String found(@Nullable ClassLoader loader) {
        Class<?> present;
        try {
            present = Class.forName(ANNOTATION_PACKAGE + "JsonProperty", false, loader);
        }
        catch (ClassNotFoundException | LinkageError absent) {
            return "no jackson-annotations at all";
        }
        Package pkg = present.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        CodeSource source = present.getProtectionDomain().getCodeSource();
        return "version " + (version == null ? "(unknown)" : version)
                + (source == null || source.getLocation() == null ? "" : " from " + source.getLocation());
    }
}
