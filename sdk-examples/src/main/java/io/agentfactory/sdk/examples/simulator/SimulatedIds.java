package io.agentfactory.sdk.examples.simulator;

/**
 * Well-known ids of the simulated world, the same for every seed. Session ids are drawn from the
 * seed: find them with {@link AgentFactorySimulator#sessionId(String)} from these identifiers.
 */
public final class SimulatedIds {

    /** The machine the simulated daemon runs on. */
    public static final String DAEMON_MACHINE = Fleet.DAEMON_MACHINE;

    /** A session working from the start (it ends completed), on the daemon's machine. */
    public static final String WORKING_SESSION = "REN-121";
    /** A session working from the start that ends failed. */
    public static final String FAILING_SESSION = "REN-123";
    /** A queued session (no activity yet; detections and contributions answer {@code null}). */
    public static final String QUEUED_SESSION = "REN-124";
    /** A parked session. */
    public static final String PARKED_SESSION = "REN-126";
    /** A completed session with cost data. */
    public static final String COMPLETED_SESSION = "REN-127";
    /** A completed session whose provider reports no cost ({@code costUsd} absent). */
    public static final String COMPLETED_WITHOUT_COST_SESSION = "REN-128";
    /** A failed session. */
    public static final String FAILED_SESSION = "REN-130";
    /** A stopped session. */
    public static final String STOPPED_SESSION = "REN-132";

    /** An archive: the checkpoint of {@link #COMPLETED_SESSION}. */
    public static final String ARCHIVE_CHECKPOINT = "arc-ren-127-checkpoint";
    /** An archive: the final state of {@link #COMPLETED_SESSION} (diff from the checkpoint: 2 added, 1 removed, 3 modified). */
    public static final String ARCHIVE_FINAL = "arc-ren-127-final";
    /** An archive of the same repository with another change. */
    public static final String ARCHIVE_OTHER_CHANGE = "arc-ren-130-final";
    /** An archive of another repository. */
    public static final String ARCHIVE_OTHER_REPOSITORY = "arc-ren-129-final";
    /** A corrupted archive: restore and diff answer 400. */
    public static final String ARCHIVE_CORRUPTED = "arc-ren-131-final";

    /** An installed, signed and verified, active kit. */
    public static final String KIT_SPRING_JAVA = "spring/java";
    /** An installed, unsigned, disabled kit. */
    public static final String KIT_PYTHON_UV = "python/uv";
    /** An installable, signed and verified kit: installs without an override. */
    public static final String KIT_INSTALLABLE = "go/modules";
    /** An installable, signed but unverified kit: 403 without {@code trustOverride}. */
    public static final String KIT_UNVERIFIED = "elixir/mix";
    /** An installable, unsigned kit: 403 without {@code trustOverride}. */
    public static final String KIT_UNSIGNED = "acme/shell-tools";
    /** An installable kit whose package has no manifest: 422. */
    public static final String KIT_INVALID_PACKAGE = "broken/no-manifest";
    /** An installable kit that conflicts with {@link #KIT_SPRING_JAVA}: 409 while that one is active. */
    public static final String KIT_CONFLICTING = "java/gradle-legacy";

    private SimulatedIds() {
    }
}
