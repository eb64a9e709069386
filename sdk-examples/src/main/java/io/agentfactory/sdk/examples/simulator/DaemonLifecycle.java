package io.agentfactory.sdk.examples.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import io.agentfactory.sdk.daemon.DaemonActionResponse;
import io.agentfactory.sdk.daemon.DaemonRestartPreflightResponse;
import io.agentfactory.sdk.daemon.DaemonRestartPreflightState;
import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.daemon.SetCapacityResponse;
import io.agentfactory.sdk.fleet.MachineCapacity;

/**
 * The daemon's lifecycle and capacity settings. Pause is allowed from {@code ready} only, resume
 * from {@code paused} or {@code draining}; a stopped daemon refuses every action. A drain needs
 * {@value #DRAIN_SECONDS_PER_SESSION} simulated seconds per in-flight session and fails (409) when the
 * timeout is shorter; a timeout of 0 means the daemon default of {@value #DEFAULT_DRAIN_SECONDS} s.
 * Refusals are 409 {@code {"ok":false,"message":…}}. Guarded by the simulation lock.
 */
final class DaemonLifecycle {

    static final int DRAIN_SECONDS_PER_SESSION = 30;
    static final int DEFAULT_DRAIN_SECONDS = 300;

    final String version = "0.14.2";
    final Instant bootedAt;
    final int pid;
    final String workerId;
    DaemonStatus status = DaemonStatus.READY;
    int maxConcurrentSessions = 4;
    int poolMaxDiskGb = 50;

    DaemonLifecycle(SplittableRandom random, Instant epoch) {
        this.bootedAt = epoch.minus(Duration.ofHours(26));
        this.pid = 20_000 + random.nextInt(40_000);
        this.workerId = SeededIds.prefixed("wkr_", random, 20);
    }

    long uptimeSeconds(Instant now) {
        return Duration.between(bootedAt, now).getSeconds();
    }

    MachineCapacity capacity() {
        return new MachineCapacity(maxConcurrentSessions, 4, 8192, 2, 4096);
    }

    DaemonActionResponse pause() {
        refuseWhenStopped();
        if (status.equals(DaemonStatus.PAUSED)) {
            throw refused("daemon is already paused");
        }
        if (!status.equals(DaemonStatus.READY)) {
            throw refused("cannot pause while " + status.value());
        }
        status = DaemonStatus.PAUSED;
        return new DaemonActionResponse(true, "daemon paused: no new sessions will be accepted");
    }

    DaemonActionResponse resume() {
        refuseWhenStopped();
        if (status.equals(DaemonStatus.READY)) {
            throw refused("daemon is not paused");
        }
        status = DaemonStatus.READY;
        return new DaemonActionResponse(true, "daemon resumed: accepting sessions");
    }

    DaemonActionResponse drain(int timeoutSeconds, int inFlight) {
        refuseWhenStopped();
        int timeout = timeoutSeconds == 0 ? DEFAULT_DRAIN_SECONDS : timeoutSeconds;
        int needed = inFlight * DRAIN_SECONDS_PER_SESSION;
        status = DaemonStatus.DRAINING;
        if (needed > timeout) {
            throw refused("drain timed out after " + timeout + "s: " + inFlight + " session(s) still in flight");
        }
        return new DaemonActionResponse(true, "drained " + inFlight + " session(s) in " + needed + "s");
    }

    /**
     * The restart preflight: enters draining and prepares the one restart snapshot, fencing the
     * in-flight sessions' one authority scope ({@code prepared}), or proving there is nothing to fence
     * ({@code not_required}). Refused (typed 409, cause {@code acquire_lifecycle}) when stopped.
     */
    DaemonRestartPreflightResponse prepareRestart(int inFlight, String preparationId) {
        if (status.equals(DaemonStatus.STOPPED)) {
            throw new Rejection(Reply.json(409, Ordered.map("error", "daemon restart preflight refused",
                    "code", "restart_preflight_refused", "cause", "acquire_lifecycle")));
        }
        status = DaemonStatus.DRAINING;
        return inFlight > 0
                ? new DaemonRestartPreflightResponse(DaemonRestartPreflightResponse.PROTOCOL,
                        DaemonRestartPreflightState.PREPARED, preparationId, 1)
                : new DaemonRestartPreflightResponse(DaemonRestartPreflightResponse.PROTOCOL,
                        DaemonRestartPreflightState.NOT_REQUIRED, preparationId, 0);
    }

    DaemonActionResponse stop(int inFlight) {
        refuseWhenStopped();
        status = DaemonStatus.STOPPED;
        return new DaemonActionResponse(true, "daemon stopping: " + inFlight + " in-flight session(s) interrupted");
    }

    DaemonActionResponse update() {
        refuseWhenStopped();
        return new DaemonActionResponse(true, "update check complete: " + version + " is the latest version");
    }

    /**
     * Sets {@code maxConcurrentSessions} or the disk envelope ({@code workareaMaxDiskGb}, or its
     * older name {@code poolMaxDiskGb}; with or without the {@code capacity.} prefix) to a
     * non-negative integer. The answer names the key as asked.
     *
     * @throws Rejection 400 (plain text) for an unknown key or a value that is not a non-negative integer
     */
    SetCapacityResponse setCapacity(String key, String value) {
        String name = key.startsWith("capacity.") ? key.substring("capacity.".length()) : key;
        if (!name.equals("maxConcurrentSessions") && !name.equals("poolMaxDiskGb")
                && !name.equals("workareaMaxDiskGb")) {
            throw Rejection.badRequestText("unknown capacity key \"" + key + "\"");
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        }
        catch (NumberFormatException e) {
            parsed = -1;
        }
        if (parsed < 0) {
            throw Rejection.badRequestText("invalid value for capacity." + name + ": \"" + value
                    + "\" is not a non-negative integer");
        }
        if (name.equals("maxConcurrentSessions")) {
            maxConcurrentSessions = parsed;
        }
        else {
            poolMaxDiskGb = parsed;
        }
        return new SetCapacityResponse(true, "capacity." + name, Integer.toString(parsed),
                "capacity." + name + " set to " + parsed + " in daemon.yaml and reloaded");
    }

    private void refuseWhenStopped() {
        if (status.equals(DaemonStatus.STOPPED)) {
            throw refused("daemon is stopped");
        }
    }

    private static Rejection refused(String message) {
        return new Rejection(Reply.json(409, new DaemonActionResponse(false, message)));
    }
}
