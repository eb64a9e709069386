package io.agentfactory.sdk.examples.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.workarea.Workarea;
import io.agentfactory.sdk.workarea.WorkareaKind;
import io.agentfactory.sdk.workarea.WorkareaPoolStatus;
import io.agentfactory.sdk.workarea.WorkareaRestoreRequest;
import io.agentfactory.sdk.workarea.WorkareaSummary;

/**
 * The daemon's on-disk workarea archives and the workareas restored from them.
 *
 * <p>Fixed archives (listed by {@code GET /api/daemon/workareas}) hold small file trees:
 * <ul>
 * <li>{@code arc-ren-127-checkpoint} and {@code arc-ren-127-final}: one session's checkpoint and
 * final state; their diff has 2 added, 1 removed and 3 modified entries, some with non-ASCII paths;</li>
 * <li>{@code arc-ren-130-final} (same repository, another change) and {@code arc-ren-129-final}
 * (another repository);</li>
 * <li>{@code arc-ren-131-final}: corrupted — restoring or diffing it answers 400.</li>
 * </ul>
 * Synthetic archives {@code synthetic-<n>} ({@code n} from 0 to {@value #SYNTHETIC_MAX}) exist for
 * any {@code n} without being listed: any diff involving one has exactly {@code n} entries ({@code n}
 * of B when B is synthetic, else of A), produced on demand. Guarded by the simulation lock.
 */
final class ArchiveStore {

    /** The prefix of synthetic archive ids. */
    static final String SYNTHETIC_PREFIX = "synthetic-";

    /** The largest synthetic archive size. */
    static final long SYNTHETIC_MAX = 99_999_999L;

    /** Paths in code-point order: byte order of their UTF-8, as the daemon sorts them. */
    static final Comparator<String> PATH_ORDER = (x, y) -> {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int cx = x.codePointAt(i);
            int cy = y.codePointAt(j);
            if (cx != cy) {
                return Integer.compare(cx, cy);
            }
            i += Character.charCount(cx);
            j += Character.charCount(cy);
        }
        return Boolean.compare(i < x.length(), j < y.length());
    };

    /** One file of an archive. */
    record FileMeta(long size, String mode, String hash) {
    }

    /** One archive. */
    record Archive(String id, String sessionId, Fleet.Project project, Instant createdAt, String disposition,
            boolean corrupted, SortedMap<String, FileMeta> tree) {

        long sizeBytes() {
            return tree.values().stream().mapToLong(FileMeta::size).sum();
        }

        String location() {
            return "/Users/donmai/.donmai/archives/" + id + ".tar.zst";
        }

        WorkareaSummary toSummary() {
            return new WorkareaSummary(id, WorkareaKind.ARCHIVED, "local-pool", sessionId, project.id(),
                    WorkareaPoolStatus.ARCHIVED, "main", project.repository(), createdAt, sizeBytes(), "local-pool",
                    disposition, null, null, 0);
        }

        Workarea toWorkarea() {
            return new Workarea(id, WorkareaKind.ARCHIVED, "local-pool", sessionId, project.id(),
                    WorkareaPoolStatus.ARCHIVED, "", "main", project.repository(), "", Map.of(), "", "", null, createdAt,
                    location(), sessionId, Ordered.map("version", 1, "files", tree.size(), "sizeBytes", sizeBytes(),
                            "corrupted", corrupted));
        }
    }

    private final Map<String, Archive> archives = new LinkedHashMap<>();
    private final Map<String, Workarea> restored = new LinkedHashMap<>();
    private final SplittableRandom random;
    private final long salt;

    ArchiveStore(SessionBook sessions, Fleet fleet, SplittableRandom random, long seed) {
        this.random = random;
        this.salt = seed;
        Fleet.Project api = fleet.project("platform-api");
        Fleet.Project billing = fleet.project("billing-service");
        SortedMap<String, FileMeta> base = tree(API_FILES, "base");
        SortedMap<String, FileMeta> paginated = new TreeMap<>(PATH_ORDER);
        paginated.putAll(base);
        paginated.remove("docs/日本語/運用.md");
        paginated.put("src/main/java/com/acme/platform/sessions/Page.java", file("Page.java", "v1", "100644"));
        paginated.put("src/test/java/com/acme/platform/sessions/PageTest.java", file("PageTest.java", "v1", "100644"));
        for (String changed : List.of("docs/日本語/ß.md", "src/main/java/com/acme/platform/sessions/SessionController.java",
                "src/main/java/com/acme/platform/sessions/SessionRepository.java")) {
            paginated.put(changed, file(changed, "v2", "100644"));
        }
        SortedMap<String, FileMeta> cached = new TreeMap<>(PATH_ORDER);
        cached.putAll(base);
        cached.put("src/main/java/com/acme/platform/fleet/MachineStatsCache.java", file("cache", "v1", "100644"));
        cached.put("src/main/java/com/acme/platform/fleet/MachineStatsQuery.java", file("query", "v2", "100644"));
        add("arc-ren-127-checkpoint", sessions, "REN-127", api, "checkpoint", false, base, Duration.ofMinutes(20));
        add("arc-ren-127-final", sessions, "REN-127", api, "completed", false, paginated, Duration.ZERO);
        add("arc-ren-130-final", sessions, "REN-130", api, "failed", false, cached, Duration.ZERO);
        add("arc-ren-129-final", sessions, "REN-129", billing, "completed", false, tree(BILLING_FILES, "base"),
                Duration.ZERO);
        add("arc-ren-131-final", sessions, "REN-131", api, "failed", true, cached, Duration.ZERO);
    }

    private static final List<String> API_FILES = List.of(".github/workflows/ci.yml", "README.md", "current",
            "docs/日本語/運用.md", "docs/日本語/ß.md", "pom.xml", "scripts/release.sh",
            "src/main/java/com/acme/platform/Application.java",
            "src/main/java/com/acme/platform/fleet/MachineStatsQuery.java",
            "src/main/java/com/acme/platform/sessions/SessionController.java",
            "src/main/java/com/acme/platform/sessions/SessionRepository.java",
            "src/main/java/com/acme/platform/webhook/Dispatcher.java", "src/main/resources/application.yaml",
            "src/test/java/com/acme/platform/sessions/SessionControllerTest.java");

    private static final List<String> BILLING_FILES = List.of("README.md", "build.gradle.kts",
            "fonts/NotoSansJP-日本語.otf", "src/main/kotlin/com/acme/billing/Invoice.kt",
            "src/main/kotlin/com/acme/billing/export/CsvExporter.kt", "src/main/resources/templates/invoice-ß.html");

    private SortedMap<String, FileMeta> tree(List<String> paths, String version) {
        SortedMap<String, FileMeta> tree = new TreeMap<>(PATH_ORDER);
        for (String path : paths) {
            String mode = path.endsWith(".sh") ? "100755" : path.equals("current") ? "120000" : "100644";
            tree.put(path, file(path, version, mode));
        }
        return tree;
    }

    private FileMeta file(String path, String version, String mode) {
        if (mode.equals("120000")) {
            // A symlink is compared by its target string.
            return new FileMeta(16, mode, SeededIds.sha256("releases/2026-05"));
        }
        return new FileMeta(200 + random.nextInt(48_000), mode, SeededIds.sha256(salt + ":" + path + "@" + version));
    }

    private void add(String id, SessionBook sessions, String identifier, Fleet.Project project, String disposition,
            boolean corrupted, SortedMap<String, FileMeta> tree, Duration beforeEnd) {
        SimSession session = sessions.all().stream().filter(s -> s.identifier.equals(identifier)).findFirst()
                .orElseThrow();
        Instant end = session.endedAt == null ? session.createdAt : session.endedAt;
        archives.put(id, new Archive(id, session.id, project, end.minus(beforeEnd), disposition, corrupted,
                Collections.unmodifiableSortedMap(tree)));
    }

    List<WorkareaSummary> archivedSummaries() {
        return archives.values().stream().map(Archive::toSummary).toList();
    }

    /** The size of a synthetic archive id, when {@code id} is one. */
    static OptionalLong syntheticSize(String id) {
        if (!id.startsWith(SYNTHETIC_PREFIX)) {
            return OptionalLong.empty();
        }
        String digits = id.substring(SYNTHETIC_PREFIX.length());
        if (digits.isEmpty() || digits.length() > 8 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || digits.length() > 1 && digits.charAt(0) == '0') {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    @Nullable Workarea restoredWorkarea(String id) {
        return restored.get(id);
    }

    /** Archived workarea {@code id}, fixed or synthetic. */
    Optional<Workarea> archivedWorkarea(String id) {
        Archive archive = archives.get(id);
        if (archive != null) {
            return Optional.of(archive.toWorkarea());
        }
        OptionalLong size = syntheticSize(id);
        if (size.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Workarea(id, WorkareaKind.ARCHIVED, "local-pool", "", "", WorkareaPoolStatus.ARCHIVED, "",
                "", "", "", Map.of(), "", "", null, null, "/Users/donmai/.donmai/archives/" + id + ".tar.zst", "",
                Ordered.map("version", 1, "synthetic", true, "entries", size.getAsLong())));
    }

    /**
     * The diff of {@code idA} and {@code idB}.
     *
     * @throws Rejection 404 for an unknown id, 400 when an id is not an archive or is corrupted
     */
    DiffPlan diff(String idA, String idB, WorkareaPool pool) {
        OptionalLong sizeA = syntheticSize(idA);
        OptionalLong sizeB = syntheticSize(idB);
        if (sizeA.isEmpty()) {
            requireArchive(idA, pool);
        }
        if (sizeB.isEmpty()) {
            requireArchive(idB, pool);
        }
        if (idA.equals(idB)) {
            return DiffPlan.synthetic(idA, idB, 0, salt);
        }
        if (sizeA.isPresent() || sizeB.isPresent()) {
            long size = sizeB.isPresent() ? sizeB.getAsLong() : sizeA.getAsLong();
            return DiffPlan.synthetic(idA, idB, size, salt ^ idA.hashCode() * 31L ^ idB.hashCode());
        }
        return DiffPlan.ofTrees(idA, requireArchive(idA, pool).tree(), idB, requireArchive(idB, pool).tree());
    }

    private Archive requireArchive(String id, WorkareaPool pool) {
        Archive archive = archives.get(id);
        if (archive == null) {
            if (pool.member(id).isPresent() || restored.containsKey(id)) {
                throw Rejection.badRequest("workarea " + id + " is not an archive: diff needs two archives");
            }
            throw Rejection.notFound("archive", id);
        }
        if (archive.corrupted()) {
            throw Rejection.badRequest("archive " + id + " is corrupted: manifest checksum mismatch");
        }
        return archive;
    }

    /**
     * Restores archive {@code archiveId} into a new active workarea, checked in this order.
     *
     * @throws Rejection 404 unknown archive, 400 not an archive or corrupted, 409 session id in use,
     *                   503 (with {@code Retry-After}) when the pool is saturated
     */
    Workarea restore(String archiveId, WorkareaRestoreRequest request, WorkareaPool pool,
            @Nullable RetryAfter saturated, Instant now) {
        if (syntheticSize(archiveId).isEmpty()) {
            requireArchive(archiveId, pool);
        }
        String into = request.intoSessionId();
        if (!into.isEmpty() && (pool.heldBy(into)
                || restored.values().stream().anyMatch(w -> w.sessionId().equals(into)))) {
            throw Rejection.conflict("session id already in use: " + into);
        }
        if (saturated != null) {
            throw new Rejection(Reply.error(503, "workarea pool saturated: no capacity to restore " + archiveId)
                    .withRetryAfter(saturated));
        }
        Workarea from = archivedWorkarea(archiveId).orElseThrow();
        String id = "wa-restored-" + SeededIds.hex(random, 6);
        Map<String, Object> manifest = Ordered.map("restoredFrom", archiveId);
        if (!request.reason().isEmpty()) {
            manifest.put("reason", request.reason());
        }
        Workarea workarea = new Workarea(id, WorkareaKind.ACTIVE, "local-pool", into, from.projectId(),
                into.isEmpty() ? WorkareaPoolStatus.READY : WorkareaPoolStatus.ACQUIRED,
                "/Users/donmai/.donmai/workareas/" + id, from.ref(), from.repository(), SeededIds.hex(random, 64),
                Map.of(), "exclusive", "cold", into.isEmpty() ? null : now, null, from.archiveLocation(), into, manifest);
        restored.put(id, workarea);
        return workarea;
    }

    /** Active summaries of the restored workareas. */
    List<WorkareaSummary> restoredSummaries(Instant now) {
        List<WorkareaSummary> summaries = new ArrayList<>();
        for (Workarea w : restored.values()) {
            summaries.add(new WorkareaSummary(w.id(), WorkareaKind.ACTIVE, w.providerId(), w.sessionId(), w.projectId(),
                    w.status(), w.ref(), w.repository(), null, 0, "", "", w.acquiredAt(), null,
                    w.acquiredAt() == null ? 0 : Duration.between(w.acquiredAt(), now).getSeconds()));
        }
        return summaries;
    }
}
