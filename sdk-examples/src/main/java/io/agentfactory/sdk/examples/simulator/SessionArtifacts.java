package io.agentfactory.sdk.examples.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.audit.Attestation;
import io.agentfactory.sdk.audit.AttestationKeyAlgorithm;
import io.agentfactory.sdk.audit.AuditChainEntry;
import io.agentfactory.sdk.kit.KitContribution;
import io.agentfactory.sdk.kit.KitDetection;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.session.SessionStatus;

/**
 * What the coordinator knows about a session besides its activity: kit detections and
 * contributions (decided by the session's project) and its Layer 6 audit chain, a real hash chain.
 * Sessions that have not started have no detections or contributions yet: those routes answer
 * JSON {@code null}, as the Go server does for a nil slice.
 */
final class SessionArtifacts {

    private static final String GENESIS = "0".repeat(64);

    private SessionArtifacts() {
    }

    static @Nullable List<KitDetection> detections(SimSession session) {
        if (session.startedAt == null) {
            return null;
        }
        return switch (session.project.slug()) {
            case "web-console" -> List.of(
                    new KitDetection("ts/nextjs", "14.1.0", true, 0.99, "package.json depends on next@15",
                            Ordered.map("node", ">=20", "pnpm", "^9"), "executable"),
                    new KitDetection("spring/java", "3.2.0", false, 0.02, "no pom.xml or build.gradle", Map.of(),
                            "declarative"));
            case "billing-service" -> List.of(
                    new KitDetection("spring/java", "3.2.0", true, 0.91, "build.gradle.kts applies org.springframework.boot",
                            Ordered.map("java", ">=17", "gradle", "^8"), "declarative"),
                    new KitDetection("python/uv", "0.4.2", true, 0.55, "scripts/requirements.txt present",
                            Map.of("python", ">=3.11"), "executable"));
            default -> List.of(
                    new KitDetection("spring/java", "3.2.0", true, 0.97, "pom.xml and src/main/java found",
                            Ordered.map("java", ">=21", "maven", "^3.9"), "declarative"),
                    new KitDetection("ts/nextjs", "14.1.0", false, 0.04, "no package.json", Map.of(), "declarative"),
                    new KitDetection("rust/cargo", "1.2.0", false, 0.0, "", Map.of(), ""));
        };
    }

    static @Nullable List<KitContribution> contributions(SimSession session) {
        List<KitDetection> detections = detections(session);
        if (detections == null || session.startedAt == null) {
            return null;
        }
        String appliedAt = session.startedAt.plusSeconds(2).toString();
        List<KitContribution> contributions = new ArrayList<>();
        for (KitDetection detection : detections) {
            if (!detection.applies()) {
                continue;
            }
            contributions.add(switch (detection.kitId()) {
                case "ts/nextjs" -> new KitContribution("ts/nextjs", "14.1.0",
                        Ordered.map("build", "pnpm build", "test", "pnpm test", "lint", "pnpm lint"), 2, 4,
                        List.of(), List.of("skills/nextjs/SKILL.md"), List.of(".next", "node_modules/.cache"), appliedAt);
                case "python/uv" -> new KitContribution("python/uv", "0.4.2", Map.of("test", "uv run pytest"), 1, 1,
                        List.of(), List.of(), List.of(".venv"), appliedAt);
                default -> new KitContribution(detection.kitId(), detection.kitVersion(),
                        Ordered.map("build", "./mvnw -B package", "test", "./mvnw -B test"), 3, 5,
                        List.of("maven-central"), List.of("skills/spring-boot/SKILL.md"), List.of("target"), appliedAt);
            });
        }
        return contributions;
    }

    /** The session's audit chain: each entry's hash covers its predecessor's. */
    static List<AuditChainEntry> auditChain(SimSession session) {
        List<AuditChainEntry> chain = new ArrayList<>();
        String previous = GENESIS;
        for (Event event : events(session)) {
            long sequence = chain.size() + 1;
            String payload = JsonCodec.get().encodeToString(event.payload());
            String hash = SeededIds.sha256(previous + "|" + sequence + "|" + event.kind() + "|" + payload);
            Attestation attestation = event.actor().startsWith("daemon:") ? attest(event.actor(), hash, event.at()) : null;
            chain.add(new AuditChainEntry(sequence, event.kind(), session.id, event.actor(), event.payload(), previous,
                    hash, attestation, event.at().toString()));
            previous = hash;
        }
        return chain;
    }

    private record Event(String kind, String actor, Map<String, Object> payload, Instant at) {
    }

    private static List<Event> events(SimSession session) {
        List<Event> events = new ArrayList<>();
        events.add(new Event("session-accepted", "platform",
                ordered("identifier", session.identifier, "workType", session.workType, "priority", session.priority),
                session.createdAt));
        if (session.status.equals(SessionStatus.PARKED) && session.queuedAt != null) {
            events.add(new Event("session-parked", "platform", ordered("reason", "waiting on an upstream dependency"),
                    session.queuedAt.plusSeconds(60)));
        }
        if (session.startedAt != null) {
            String daemon = "daemon:" + session.machineId;
            events.add(new Event("routing-decision", daemon,
                    ordered("chosenSandbox", "local", "chosenLLM", String.valueOf(session.provider)), session.startedAt));
            events.add(new Event("workarea-acquired", daemon,
                    ordered("workareaId", session.workareaId == null ? "" : session.workareaId,
                            "acquirePath", session.workareaId == null ? "cold" : "pool-warm"),
                    session.startedAt));
            List<KitContribution> kits = contributions(session);
            for (KitContribution kit : kits == null ? List.<KitContribution>of() : kits) {
                events.add(new Event("kit-applied", daemon, ordered("kitId", kit.kitId(), "kitVersion", kit.kitVersion()),
                        session.startedAt.plusSeconds(2)));
            }
        }
        if (session.isTerminal() && session.endedAt != null) {
            String actor = session.status.equals(SessionStatus.STOPPED) ? "user:operator" : "agent:" + session.provider;
            Map<String, Object> payload = ordered("events", session.events.size());
            if (session.costUsd != null) {
                payload.put("costUsd", session.costUsd);
            }
            events.add(new Event("session-" + session.status.value(), actor, payload, session.endedAt));
        }
        return events;
    }

    private static Attestation attest(String actor, String entryHash, Instant at) {
        String key = SeededIds.sha256("attestation-key:" + actor);
        byte[] signature = HexFormat.of().parseHex(SeededIds.sha256(key + entryHash) + SeededIds.sha256(entryHash + key));
        return new Attestation(AttestationKeyAlgorithm.of("ed25519"),
                "ed25519:" + key.substring(0, 7) + "…" + key.substring(60), Base64.getEncoder().encodeToString(signature),
                at.toString(), true);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        return Ordered.map(keysAndValues);
    }
}
