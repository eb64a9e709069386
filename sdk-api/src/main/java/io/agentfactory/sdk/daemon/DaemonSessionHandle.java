package io.agentfactory.sdk.daemon;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * One session the local daemon runs, as {@code GET /api/daemon/sessions} lists it: identity,
 * process and lifecycle, where its worktree is, and its display metadata. Every field but
 * {@code sessionId}, {@code pid}, {@code acceptedAt} and {@code state} is absent on older daemons
 * and reads as {@code ""} (render as unknown).
 *
 * @param agentCardId the dispatched agent card's id (display only)
 * @param agentCardName the dispatched agent card's name (display only)
 * @param sessionId the platform session id
 * @param pid the worker process id
 * @param acceptedAt when the session was admitted, RFC 3339
 * @param state the lifecycle state ({@code starting}, {@code running}, ...)
 * @param worktreePath the absolute worktree path; {@code ""} when the daemon cannot resolve it
 * @param workareaRoot the session-owned workarea root (equals the worktree path for flat workareas)
 * @param projectName the allowlist-resolved project
 * @param repository the git URL or owner/name the session runs on
 * @param harness the loop driver (for example {@code claude-code})
 * @param model the resolved model id
 * @param modelProvider the model-serving vendor, an axis separate from the harness
 * @param modelAuthor who authored the model
 * @param endpointOperator who operates the serving endpoint
 * @param protocol the serving protocol
 * @param workType the workflow discriminant ({@code development}, {@code qa}, ...)
 * @param issueIdentifier the work item's human-readable id
 * @param seatBudget the seat budget the session runs under, {@code null} when budgeting is off or unreported
 */
public record DaemonSessionHandle(
        @OmitEmpty String agentCardId,
        @OmitEmpty String agentCardName,
        String sessionId,
        int pid,
        String acceptedAt,
        String state,
        @OmitEmpty String worktreePath,
        @OmitEmpty String workareaRoot,
        @OmitEmpty String projectName,
        @OmitEmpty String repository,
        @OmitEmpty String harness,
        @OmitEmpty String model,
        @OmitEmpty String modelProvider,
        @OmitEmpty String modelAuthor,
        @OmitEmpty String endpointOperator,
        @OmitEmpty String protocol,
        @OmitEmpty String workType,
        @OmitEmpty String issueIdentifier,
        @OmitNull @Nullable SeatBudgetStatus seatBudget) {

    /** Normalizes absent values to {@code ""}. */
    public DaemonSessionHandle {
        agentCardId = Copies.text(agentCardId);
        agentCardName = Copies.text(agentCardName);
        sessionId = Copies.text(sessionId);
        acceptedAt = Copies.text(acceptedAt);
        state = Copies.text(state);
        worktreePath = Copies.text(worktreePath);
        workareaRoot = Copies.text(workareaRoot);
        projectName = Copies.text(projectName);
        repository = Copies.text(repository);
        harness = Copies.text(harness);
        model = Copies.text(model);
        modelProvider = Copies.text(modelProvider);
        modelAuthor = Copies.text(modelAuthor);
        endpointOperator = Copies.text(endpointOperator);
        protocol = Copies.text(protocol);
        workType = Copies.text(workType);
        issueIdentifier = Copies.text(issueIdentifier);
    }
}
