package io.agentfactory.sdk.config;

import java.util.ArrayList;
import java.util.List;

import io.agentfactory.sdk.internal.Copies;

/**
 * The part of {@code ~/.donmai/daemon.yaml} the SDK models: the project allowlist and the capacity
 * limits. Immutable: every change returns a new value. Writing it back replaces only
 * {@code projects} and {@code capacity} in the file; every other key is preserved by the writer.
 *
 * <p>Projects are keyed by {@link ProjectEntry#repository()}, compared exactly.
 *
 * @param projects the allowlist of repositories the daemon accepts work for
 * @param capacity the capacity limits
 */
public record DaemonYAML(List<ProjectEntry> projects, CapacityConfig capacity) {

    /** Copies the list; an absent capacity is the empty one. */
    public DaemonYAML {
        projects = Copies.list(projects);
        capacity = capacity == null ? CapacityConfig.empty() : capacity;
    }

    /** No projects, no capacity limits: what a missing file reads as. */
    public static DaemonYAML empty() {
        return new DaemonYAML(List.of(), CapacityConfig.empty());
    }

    /**
     * Adds {@code entry}, or replaces in place the entry with the same repository. An entry
     * without an id gets one derived from its repository ({@link ProjectIds#derive(String)}).
     */
    public DaemonYAML addOrUpdateProject(ProjectEntry entry) {
        ProjectEntry withId = entry.id().isBlank()
                ? new ProjectEntry(ProjectIds.derive(entry.repository()), entry.repository(), entry.cloneStrategy(),
                        entry.credentialHelper())
                : entry;
        List<ProjectEntry> next = new ArrayList<>(projects);
        int index = findProject(entry.repository());
        if (index >= 0) {
            next.set(index, withId);
        }
        else {
            next.add(withId);
        }
        return new DaemonYAML(next, capacity);
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

    /**
     * Removes the project with this repository. The result tells whether one was removed; when
     * none was, its config is this one unchanged.
     */
    public ProjectRemoval removeProject(String repository) {
        int index = findProject(repository);
        if (index < 0) {
            return new ProjectRemoval(this, false);
        }
        List<ProjectEntry> next = new ArrayList<>(projects);
        next.remove(index);
        return new ProjectRemoval(new DaemonYAML(next, capacity), true);
    }

    /** A copy with other capacity limits. */
    public DaemonYAML withCapacity(CapacityConfig newCapacity) {
        return new DaemonYAML(projects, newCapacity);
    }

    /**
     * The outcome of {@link DaemonYAML#removeProject(String)}.
     *
     * @param config the config after the removal
     * @param removed whether an entry was removed
     */
    public record ProjectRemoval(DaemonYAML config, boolean removed) {
    }
}
