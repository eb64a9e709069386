package io.agentfactory.sdk.examples.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.workarea.Workarea;
import io.agentfactory.sdk.workarea.WorkareaKind;
import io.agentfactory.sdk.workarea.WorkareaPoolMember;
import io.agentfactory.sdk.workarea.WorkareaPoolMemberStatus;
import io.agentfactory.sdk.workarea.WorkareaPoolStats;
import io.agentfactory.sdk.workarea.WorkareaPoolStatus;
import io.agentfactory.sdk.workarea.WorkareaSummary;

/**
 * The warm workarea pools of every machine. Sessions acquire a ready member of their repository
 * when they start and release it when they end; warming members become ready as time passes.
 * Guarded by the simulation lock.
 */
final class WorkareaPool {

    /** One pool member (mutable state of the simulation). */
    static final class Member {
        final String id;
        final String machineId;
        final Fleet.Project project;
        final String toolchainKey;
        final String cleanStateChecksum;
        final Instant createdAt;
        final long diskUsageMb;
        WorkareaPoolMemberStatus status;
        @Nullable String acquiredBy;
        @Nullable Instant lastAcquiredAt;

        Member(String id, String machineId, Fleet.Project project, String toolchainKey, String checksum,
                Instant createdAt, long diskUsageMb, WorkareaPoolMemberStatus status, @Nullable Instant lastAcquiredAt) {
            this.id = id;
            this.machineId = machineId;
            this.project = project;
            this.toolchainKey = toolchainKey;
            this.cleanStateChecksum = checksum;
            this.createdAt = createdAt;
            this.diskUsageMb = diskUsageMb;
            this.status = status;
            this.lastAcquiredAt = lastAcquiredAt;
        }

        WorkareaPoolMember toWire() {
            return new WorkareaPoolMember(id, project.repository(), "main", toolchainKey, status, cleanStateChecksum,
                    acquiredBy == null ? "" : acquiredBy, createdAt.toString(),
                    lastAcquiredAt == null ? "" : lastAcquiredAt.toString(), diskUsageMb);
        }

        WorkareaSummary toSummary(Instant now) {
            return new WorkareaSummary(id, WorkareaKind.ACTIVE, "local-pool", acquiredBy == null ? "" : acquiredBy,
                    project.id(), WorkareaPoolStatus.of(status.value()), "main", project.repository(), null, 0, "", "",
                    acquiredBy == null ? null : lastAcquiredAt, acquiredBy == null ? lastAcquiredAt : null,
                    Duration.between(createdAt, now).getSeconds());
        }

        Workarea toWorkarea() {
            return new Workarea(id, WorkareaKind.ACTIVE, "local-pool", acquiredBy == null ? "" : acquiredBy, project.id(),
                    WorkareaPoolStatus.of(status.value()), "/Users/donmai/.donmai/workareas/" + id, "main",
                    project.repository(), cleanStateChecksum, toolchain(toolchainKey), "exclusive", "pool-warm",
                    acquiredBy == null ? null : lastAcquiredAt, acquiredBy == null ? lastAcquiredAt : null, "",
                    acquiredBy == null ? "" : acquiredBy, Map.of());
        }
    }

    private final List<Member> members = new ArrayList<>();

    WorkareaPool(Fleet fleet, SplittableRandom random, Instant epoch) {
        Fleet.Project api = fleet.project("platform-api");
        Fleet.Project web = fleet.project("web-console");
        Fleet.Project billing = fleet.project("billing-service");
        String berlin = Fleet.DAEMON_MACHINE;
        add(random, berlin, api, "java-21+maven-3.9", epoch, 30, "ready", 3);
        add(random, berlin, api, "java-21+maven-3.9", epoch, 30, "ready", 5);
        add(random, berlin, api, "java-21+maven-3.9", epoch, 28, "ready", 3);
        add(random, berlin, web, "node-22+pnpm-9", epoch, 1, "warming", -1);
        add(random, berlin, billing, "java-17+gradle-8", epoch, 200, "ready", 96);
        add(random, "linux-builder-01", billing, "java-17+gradle-8", epoch, 50, "ready", 2);
        add(random, "linux-builder-01", billing, "java-17+gradle-8", epoch, 50, "ready", 20);
        add(random, "linux-builder-01", web, "node-22+pnpm-9", epoch, 70, "ready", 9);
        add(random, "linux-builder-01", api, "java-21+maven-3.9", epoch, 90, "invalid", 48);
        add(random, "linux-builder-02", api, "java-21+maven-3.9", epoch, 120, "releasing", 1);
        add(random, "linux-builder-02", web, "node-22+pnpm-9", epoch, 400, "retired", 300);
    }

    private void add(SplittableRandom random, String machine, Fleet.Project project, String toolchain, Instant epoch,
            int ageHours, String status, int hoursSinceAcquired) {
        String id = "wa-" + project.slug() + "-" + SeededIds.hex(random, 6);
        members.add(new Member(id, machine, project, toolchain, SeededIds.hex(random, 64),
                epoch.minus(Duration.ofHours(ageHours)), 380 + random.nextInt(2400),
                WorkareaPoolMemberStatus.of(status),
                hoursSinceAcquired < 0 ? null : epoch.minus(Duration.ofHours(hoursSinceAcquired))));
    }

    /** Acquires a ready member of {@code project} on {@code machine} for a session; its id, or {@code null}. */
    @Nullable String acquire(String machine, Fleet.Project project, String sessionId, Instant now) {
        for (Member member : members) {
            if (member.machineId.equals(machine) && member.project.equals(project)
                    && member.status.equals(WorkareaPoolMemberStatus.READY)) {
                member.status = WorkareaPoolMemberStatus.ACQUIRED;
                member.acquiredBy = sessionId;
                member.lastAcquiredAt = now;
                return member.id;
            }
        }
        return null;
    }

    void release(@Nullable String memberId) {
        member(memberId).ifPresent(member -> {
            member.status = WorkareaPoolMemberStatus.READY;
            member.acquiredBy = null;
        });
    }

    /** Warming members finish warming, one in four per tick. */
    void tick(SplittableRandom random) {
        for (Member member : members) {
            if (member.status.equals(WorkareaPoolMemberStatus.WARMING) && random.nextInt(4) == 0) {
                member.status = WorkareaPoolMemberStatus.READY;
            }
        }
    }

    Optional<Member> member(@Nullable String id) {
        return members.stream().filter(m -> m.id.equals(id)).findFirst();
    }

    List<Member> members(String machine) {
        return members.stream().filter(m -> m.machineId.equals(machine)).toList();
    }

    /** Whether a member of the pool is held by {@code sessionId}. */
    boolean heldBy(String sessionId) {
        return members.stream().anyMatch(m -> sessionId.equals(m.acquiredBy));
    }

    /** The pool of {@code machine}, or of every machine when {@code null}. */
    WorkareaPoolStats stats(@Nullable String machine, String stamp) {
        List<WorkareaPoolMember> selected = members.stream()
                .filter(m -> machine == null || m.machineId.equals(machine))
                .map(Member::toWire)
                .toList();
        return new WorkareaPoolStats(selected, selected.size(),
                count(selected, WorkareaPoolMemberStatus.READY), count(selected, WorkareaPoolMemberStatus.ACQUIRED),
                count(selected, WorkareaPoolMemberStatus.WARMING), count(selected, WorkareaPoolMemberStatus.INVALID),
                selected.stream().mapToLong(WorkareaPoolMember::diskUsageMb).sum(), stamp);
    }

    /**
     * Destroys the members of {@code machine} cloned from {@code repository} that nobody holds and
     * that were last used more than {@code olderThanSeconds} ago; how many went.
     */
    int evict(String machine, String repository, long olderThanSeconds, Instant now) {
        int evicted = 0;
        for (Iterator<Member> it = members.iterator(); it.hasNext();) {
            Member member = it.next();
            Instant lastUsed = member.lastAcquiredAt == null ? member.createdAt : member.lastAcquiredAt;
            if (member.machineId.equals(machine) && member.project.repository().equals(repository)
                    && member.acquiredBy == null
                    && Duration.between(lastUsed, now).getSeconds() > olderThanSeconds) {
                it.remove();
                evicted++;
            }
        }
        return evicted;
    }

    private static int count(List<WorkareaPoolMember> members, WorkareaPoolMemberStatus status) {
        return (int) members.stream().filter(m -> m.status().equals(status)).count();
    }

    /** {@code java-21+maven-3.9} → {@code {java: 21, maven: 3.9}}. */
    static Map<String, String> toolchain(String key) {
        Map<String, String> toolchain = new java.util.LinkedHashMap<>();
        for (String part : key.split("\\+")) {
            int dash = part.lastIndexOf('-');
            toolchain.put(part.substring(0, dash), part.substring(dash + 1));
        }
        return toolchain;
    }
}
