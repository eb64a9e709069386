package io.agentfactory.sdk.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.agentfactory.sdk.internal.Copies;

/**
 * The part of {@code ~/.donmai/daemon.yaml} the SDK models: project admission, the repository
 * resources, the legacy project allowlist, the capacity limits and the repository keeper.
 * Immutable: every change returns a new value. Writing it back replaces only these keys in the
 * file; every other key is preserved by the writer.
 *
 * <h2>Two admission contracts</h2>
 * <ul>
 *   <li><b>Legacy</b> ({@code projectAdmissionVersion} absent, 0 here): the {@code projects}
 *       list is the allowlist. {@link #enabledProjectIds()} and {@link #repositories()} are then
 *       derived from it (plus whatever the file lists under those keys) and not written back.</li>
 *   <li><b>Version 2</b>: {@code enabledProjectIds} alone admits projects, {@code repositories}
 *       holds repository resources independent of admission (a project can be enabled before it
 *       has a repository), and {@code projects} is written as a compatibility projection (the
 *       repositories of enabled projects) so an older daemon still reads the same allowlist.
 *       {@code projectAdmissionMode: all-routed} admits every routed project.</li>
 * </ul>
 * The canonical constructor normalizes: ids trimmed, blanks dropped, duplicates removed and
 * sorted; repositories merged from both lists (an explicit repository wins over a legacy project
 * for the same project and source), blank ones dropped, ids derived, sorted by project and
 * normalized source; in version 2 the projects replaced by the projection.
 *
 * <p>A legacy config stays legacy until {@link #migrateToAdmissionV2()},
 * {@link #enableProject}, {@link #disableProject} or {@link #withProjectAdmissionMode} moves it
 * to version 2; {@link #addOrUpdateProject} and {@link #removeProject} follow the contract the
 * config already has.
 *
 * @param projectAdmissionVersion 0 (legacy) or {@value #PROJECT_ADMISSION_V2}
 * @param enabledProjectIds the admitted projects (authoritative in version 2)
 * @param projectAdmissionMode the standing consent (meaningful in version 2)
 * @param repositories the repository resources
 * @param projects the legacy allowlist, keyed by {@link ProjectEntry#repository()} compared exactly
 * @param capacity the capacity limits
 * @param repoKeeper the repository keeper's tunables
 */
public record DaemonYAML(int projectAdmissionVersion, List<String> enabledProjectIds,
        ProjectAdmissionMode projectAdmissionMode, List<RepositoryEntry> repositories, List<ProjectEntry> projects,
        CapacityConfig capacity, RepoKeeperConfig repoKeeper) {

    /** The admission version that makes {@code enabledProjectIds} authoritative. */
    public static final int PROJECT_ADMISSION_V2 = 2;

    /** Normalizes as the type documentation says; absent values are the empty ones. */
    public DaemonYAML {
        List<ProjectEntry> givenProjects = Copies.list(projects);
        projectAdmissionMode = projectAdmissionMode == null ? ProjectAdmissionMode.ENUMERATED : projectAdmissionMode;
        capacity = capacity == null ? CapacityConfig.empty() : capacity;
        repoKeeper = repoKeeper == null ? RepoKeeperConfig.empty() : repoKeeper;
        boolean legacy = projectAdmissionVersion == 0;
        Set<String> ids = new TreeSet<>();
        for (String id : Copies.list(enabledProjectIds)) {
            addTrimmed(ids, id);
        }
        if (legacy) {
            for (ProjectEntry project : givenProjects) {
                addTrimmed(ids, projectIdOf(project));
            }
        }
        enabledProjectIds = List.copyOf(ids);
        repositories = normalizedRepositories(Copies.list(repositories), givenProjects);
        projects = projectAdmissionVersion == PROJECT_ADMISSION_V2 ? projection(repositories, ids) : givenProjects;
    }

    /** A legacy config with these projects and capacity limits, no repository keeper settings. */
    public DaemonYAML(List<ProjectEntry> projects, CapacityConfig capacity) {
        this(0, List.of(), ProjectAdmissionMode.ENUMERATED, List.of(), projects, capacity, RepoKeeperConfig.empty());
    }

    /** No projects, no capacity limits: what a missing file reads as. */
    public static DaemonYAML empty() {
        return new DaemonYAML(List.of(), CapacityConfig.empty());
    }

    /** Whether this config follows admission version 2. */
    public boolean isAdmissionV2() {
        return projectAdmissionVersion == PROJECT_ADMISSION_V2;
    }

    /**
     * This config under admission version 2: the enabled projects and repositories it already
     * derives become explicit. The same config when it is version 2 already.
     */
    public DaemonYAML migrateToAdmissionV2() {
        return isAdmissionV2() ? this : new DaemonYAML(PROJECT_ADMISSION_V2, enabledProjectIds, projectAdmissionMode,
                repositories, projects, capacity, repoKeeper);
    }

    /**
     * Adds {@code entry}, or replaces the entry with the same repository. An entry without an id
     * gets one derived from its repository ({@link ProjectIds#derive(String)}).
     *
     * <p>Legacy: the {@code projects} list is edited in place, compared exactly by repository.
     * Version 2: the repository resource with the same normalized source is replaced (keeping its
     * id, {@code pathId}, {@code primary} flag and, unless {@code entry} names one, its project) or
     * added, and its project enabled.
     */
    public DaemonYAML addOrUpdateProject(ProjectEntry entry) {
        boolean explicitId = !entry.id().isBlank();
        String projectId = explicitId ? entry.id().trim() : ProjectIds.derive(entry.repository());
        if (isAdmissionV2()) {
            List<RepositoryEntry> next = new ArrayList<>(repositories);
            int index = findRepository(entry.repository());
            RepositoryEntry existing = index >= 0 ? repositories.get(index) : null;
            if (existing != null && !explicitId) {
                projectId = existing.projectId();
            }
            RepositoryEntry repository = new RepositoryEntry(
                    existing == null ? RepositoryIds.derive(projectId, entry.repository()) : existing.id(),
                    existing == null ? "" : existing.pathId(), projectId, entry.repository(),
                    existing != null && existing.primary(), entry.cloneStrategy(), entry.credentialHelper());
            if (existing != null) {
                next.set(index, repository);
            }
            else {
                next.add(repository);
            }
            return withRepositories(next).enableProject(projectId);
        }
        ProjectEntry withId = new ProjectEntry(projectId, entry.repository(), entry.cloneStrategy(),
                entry.credentialHelper());
        List<ProjectEntry> next = new ArrayList<>(projects);
        int index = findProject(entry.repository());
        if (index >= 0) {
            next.set(index, withId);
        }
        else {
            next.add(withId);
        }
        return withProjects(next);
    }

    /** The index of the first project whose repository equals {@code repository}, or -1. */
    public int findProject(String repository) {
        for (int i = 0; i < projects.size(); i++) {
            if (projects.get(i).repository().equals(repository)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a project with this repository is in the allowlist. */
    public boolean hasProject(String repository) {
        return findProject(repository) >= 0;
    }

    /** The index of the repository resource whose source normalizes like {@code source}, or -1. */
    public int findRepository(String source) {
        String key = RepositoryIds.normalizeSource(source);
        for (int i = 0; i < repositories.size(); i++) {
            if (RepositoryIds.normalizeSource(repositories.get(i).source()).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Removes the project with this repository. The result tells whether one was removed; when
     * none was, its config is this one unchanged. Version 2: removes the repository resource
     * (matched by normalized source) and disables its project when no other repository of that
     * project remains.
     */
    public ProjectRemoval removeProject(String repository) {
        if (isAdmissionV2()) {
            int index = findRepository(repository);
            if (index < 0) {
                return new ProjectRemoval(this, false);
            }
            String projectId = repositories.get(index).projectId();
            List<RepositoryEntry> next = new ArrayList<>(repositories);
            next.remove(index);
            DaemonYAML removed = withRepositories(next);
            boolean stillLinked = next.stream().anyMatch(r -> r.projectId().equals(projectId));
            return new ProjectRemoval(stillLinked ? removed : removed.disableProject(projectId), true);
        }
        int index = findProject(repository);
        if (index < 0) {
            return new ProjectRemoval(this, false);
        }
        List<ProjectEntry> next = new ArrayList<>(projects);
        next.remove(index);
        return new ProjectRemoval(withProjects(next), true);
    }

    /** Admits {@code projectId} (idempotent; a blank id changes nothing but the version), as version 2. */
    public DaemonYAML enableProject(String projectId) {
        List<String> ids = new ArrayList<>(enabledProjectIds);
        ids.add(projectId);
        return new DaemonYAML(PROJECT_ADMISSION_V2, ids, projectAdmissionMode, repositories, projects, capacity,
                repoKeeper);
    }

    /** Withdraws admission of {@code projectId}, keeping its repositories, as version 2. */
    public DaemonYAML disableProject(String projectId) {
        DaemonYAML v2 = migrateToAdmissionV2();
        List<String> ids = new ArrayList<>(v2.enabledProjectIds);
        ids.remove(projectId.trim());
        return new DaemonYAML(PROJECT_ADMISSION_V2, ids, projectAdmissionMode, v2.repositories, v2.projects, capacity,
                repoKeeper);
    }

    /** Whether {@code projectId} is in the admission set (the mode is not consulted). */
    public boolean isProjectEnabled(String projectId) {
        return enabledProjectIds.contains(projectId);
    }

    /** Records the standing consent, as version 2 (the mode means nothing under the legacy contract). */
    public DaemonYAML withProjectAdmissionMode(ProjectAdmissionMode mode) {
        DaemonYAML v2 = migrateToAdmissionV2();
        return new DaemonYAML(PROJECT_ADMISSION_V2, v2.enabledProjectIds, mode, v2.repositories, v2.projects, capacity,
                repoKeeper);
    }

    /** Whether the daemon admits every routed project: version 2 and {@link ProjectAdmissionMode#ALL_ROUTED}. */
    public boolean admitsAnyRoutedProject() {
        return isAdmissionV2() && projectAdmissionMode == ProjectAdmissionMode.ALL_ROUTED;
    }

    /**
     * Whether the daemon would accept work for {@code projectId}: every project in all-routed mode,
     * else the enabled ones (legacy: the projects of the allowlist).
     */
    public boolean admits(String projectId) {
        return admitsAnyRoutedProject() || isProjectEnabled(projectId);
    }

    /**
     * Sets the credential helper of the repository with this source, as version 2. The result
     * tells whether one was found; when none was, its config is this one unchanged.
     */
    public CredentialUpdate withRepositoryCredentialHelper(String source, CredentialHelper helper) {
        DaemonYAML v2 = migrateToAdmissionV2();
        int index = v2.findRepository(source);
        if (index < 0) {
            return new CredentialUpdate(this, false);
        }
        List<RepositoryEntry> next = new ArrayList<>(v2.repositories);
        RepositoryEntry r = next.get(index);
        next.set(index, new RepositoryEntry(r.id(), r.pathId(), r.projectId(), r.source(), r.primary(),
                r.cloneStrategy(), helper));
        return new CredentialUpdate(v2.withRepositories(next), true);
    }

    /** A copy with other repository resources (normalized; legacy projects still contribute theirs). */
    public DaemonYAML withRepositories(List<RepositoryEntry> newRepositories) {
        return new DaemonYAML(projectAdmissionVersion, enabledProjectIds, projectAdmissionMode, newRepositories,
                isAdmissionV2() ? List.of() : projects, capacity, repoKeeper);
    }

    /** A copy with other capacity limits. */
    public DaemonYAML withCapacity(CapacityConfig newCapacity) {
        return new DaemonYAML(projectAdmissionVersion, enabledProjectIds, projectAdmissionMode, repositories, projects,
                newCapacity, repoKeeper);
    }

    /** A copy with other repository keeper settings. */
    public DaemonYAML withRepoKeeper(RepoKeeperConfig newRepoKeeper) {
        return new DaemonYAML(projectAdmissionVersion, enabledProjectIds, projectAdmissionMode, repositories, projects,
                capacity, newRepoKeeper);
    }

    /** A copy with the value {@code intent} sets. */
    public DaemonYAML withIntent(CapacityIntent intent) {
        long v = intent.value();
        CapacityConfig c = capacity;
        RepoKeeperConfig k = repoKeeper;
        return switch (intent.key()) {
            case CapacityIntent.MAX_CONCURRENT_SESSIONS -> withCapacity(new CapacityConfig((int) v, c.poolMaxDiskGb()));
            case CapacityIntent.WORKAREA_MAX_DISK_GB -> withCapacity(new CapacityConfig(c.maxConcurrentSessions(), (int) v));
            case CapacityIntent.REPO_KEEPER_ENABLED -> withRepoKeeper(new RepoKeeperConfig(v == 1, k.maxDiskGb(),
                    k.fetchIntervalSeconds(), k.authorizationWindowSeconds()));
            case CapacityIntent.REPO_KEEPER_MAX_DISK_GB -> withRepoKeeper(new RepoKeeperConfig(k.enabled(), v,
                    k.fetchIntervalSeconds(), k.authorizationWindowSeconds()));
            case CapacityIntent.REPO_KEEPER_FETCH_INTERVAL_SECONDS -> withRepoKeeper(new RepoKeeperConfig(k.enabled(),
                    k.maxDiskGb(), v, k.authorizationWindowSeconds()));
            default -> withRepoKeeper(new RepoKeeperConfig(k.enabled(), k.maxDiskGb(), k.fetchIntervalSeconds(), v));
        };
    }

    private DaemonYAML withProjects(List<ProjectEntry> newProjects) {
        // legacy only: the enabled ids and repositories the old projects contributed go with them
        return new DaemonYAML(0, List.of(), projectAdmissionMode, List.of(), newProjects, capacity, repoKeeper);
    }

    private static void addTrimmed(Set<String> ids, String id) {
        String trimmed = id.trim();
        if (!trimmed.isEmpty()) {
            ids.add(trimmed);
        }
    }

    private static String projectIdOf(ProjectEntry project) {
        return project.id().isBlank() ? ProjectIds.derive(project.repository()) : project.id();
    }

    /** Legacy projects first, explicit repositories over them; keyed and sorted by project and normalized source. */
    private static List<RepositoryEntry> normalizedRepositories(List<RepositoryEntry> explicit,
            List<ProjectEntry> legacy) {
        Map<String, RepositoryEntry> byKey = new TreeMap<>();
        for (ProjectEntry project : legacy) {
            String projectId = projectIdOf(project).trim();
            put(byKey, new RepositoryEntry("", "", projectId, project.repository(), false, project.cloneStrategy(),
                    project.credentialHelper()), false);
        }
        for (RepositoryEntry repository : explicit) {
            put(byKey, repository, true);
        }
        return List.copyOf(byKey.values());
    }

    private static void put(Map<String, RepositoryEntry> byKey, RepositoryEntry r, boolean wins) {
        String projectId = r.projectId().trim();
        String source = r.source().trim();
        if (projectId.isEmpty() || source.isEmpty()) {
            return;
        }
        String key = projectId + '\0' + RepositoryIds.normalizeSource(source);
        if (!wins && byKey.containsKey(key)) {
            return;
        }
        String id = r.id().isBlank() ? RepositoryIds.derive(projectId, source) : r.id();
        byKey.put(key, new RepositoryEntry(id, r.pathId(), projectId, source, r.primary(), r.cloneStrategy(),
                r.credentialHelper()));
    }

    /** The legacy view of version 2: one project entry per repository of an enabled project. */
    private static List<ProjectEntry> projection(List<RepositoryEntry> repositories, Set<String> enabled) {
        List<ProjectEntry> entries = new ArrayList<>();
        for (RepositoryEntry r : repositories) {
            if (enabled.contains(r.projectId())) {
                entries.add(new ProjectEntry(r.projectId(), r.source(), r.cloneStrategy(), r.credentialHelper()));
            }
        }
        return List.copyOf(entries);
    }

    /**
     * The outcome of {@link DaemonYAML#removeProject(String)}.
     *
     * @param config the config after the removal
     * @param removed whether an entry was removed
     */
    public record ProjectRemoval(DaemonYAML config, boolean removed) {
    }

    /**
     * The outcome of {@link DaemonYAML#withRepositoryCredentialHelper}.
     *
     * @param config the config after the update
     * @param updated whether a repository was found and updated
     */
    public record CredentialUpdate(DaemonYAML config, boolean updated) {
    }
}
