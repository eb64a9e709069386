package io.agentfactory.sdk.examples.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.session.ActivityEvent;
import io.agentfactory.sdk.session.ActivityType;
import io.agentfactory.sdk.session.SessionDetail;
import io.agentfactory.sdk.session.SessionResponse;
import io.agentfactory.sdk.session.SessionStatus;
import io.agentfactory.sdk.session.SessionTimeline;

/**
 * One coordinator session: its status, timeline, cost and the activity it has emitted so far
 * (event {@code n} has sequence number {@code n}, counted from 1). Guarded by the simulation lock.
 */
final class SimSession {

    final String id;
    final String identifier;
    final String issueTitle;
    final Fleet.Project project;
    final String workType;
    final String branch;
    final int priority;
    final Instant createdAt;
    final List<ActivityEvent> events = new ArrayList<>();
    @Nullable String provider;
    SessionStatus status = SessionStatus.QUEUED;
    @Nullable Instant queuedAt;
    @Nullable Instant startedAt;
    @Nullable Instant endedAt;
    @Nullable Double costUsd;
    @Nullable Integer inputTokens;
    @Nullable Integer outputTokens;
    @Nullable String machineId;
    @Nullable String workareaId;
    /** Events a working session emits before it ends, and how it ends. */
    int plannedEvents;
    SessionStatus plannedOutcome = SessionStatus.COMPLETED;

    SimSession(String id, String identifier, String issueTitle, Fleet.Project project, String workType,
            @Nullable String provider, int priority, Instant createdAt) {
        this.id = id;
        this.identifier = identifier;
        this.issueTitle = issueTitle;
        this.project = project;
        this.workType = workType;
        this.provider = provider;
        this.priority = priority;
        this.createdAt = createdAt;
        this.branch = "agent/" + identifier.toLowerCase(java.util.Locale.ROOT) + "-" + slug(issueTitle);
    }

    boolean isTerminal() {
        return SessionBook.isTerminal(status);
    }

    /** Whether this session's provider reports cost (local models do not). */
    boolean tracksCost() {
        return provider != null && !provider.equals("ollama");
    }

    ActivityEvent append(ActivityType type, String content, @Nullable String toolName, Instant at) {
        int sequence = events.size() + 1;
        ActivityEvent event = new ActivityEvent(eventId(sequence), type, content, toolName, at.toString());
        events.add(event);
        return event;
    }

    String eventId(int sequence) {
        return "evt_" + id.substring(0, 8) + "_" + String.format("%05d", sequence);
    }

    int duration(Instant now) {
        if (startedAt == null) {
            return 0;
        }
        return (int) Duration.between(startedAt, endedAt == null ? now : endedAt).getSeconds();
    }

    SessionResponse toResponse(Instant now) {
        return new SessionResponse(id, identifier, status, workType, stamp(startedAt == null ? createdAt : startedAt),
                duration(now), costUsd, provider);
    }

    SessionDetail toDetail(Instant now) {
        SessionTimeline timeline = new SessionTimeline(createdAt.toString(), stampOrNull(queuedAt),
                stampOrNull(startedAt), stampOrNull(endedAt));
        return new SessionDetail(id, identifier, status, workType, stamp(startedAt == null ? createdAt : startedAt),
                duration(now), timeline, provider, branch, issueTitle, costUsd, inputTokens, outputTokens);
    }

    private static String stamp(Instant at) {
        return at.toString();
    }

    private static @Nullable String stampOrNull(@Nullable Instant at) {
        return at == null ? null : at.toString();
    }

    private static String slug(String title) {
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 32 ? slug.substring(0, 32).replaceAll("-$", "") : slug;
    }
}
