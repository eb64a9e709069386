package io.agentfactory.sdk.coordinator;

import io.agentfactory.sdk.internal.Copies;

/**
 * WhoAmIProject is a project from whoami.
 *
 * @param id the {@code id} field
 * @param name the {@code name} field
 * @param slug the {@code slug} field
 * @param isDefault the {@code isDefault} field
 * @param sandboxProvider the {@code sandboxProvider} field
 * @param teamSlug the {@code teamSlug} field
 * @param teamName the {@code teamName} field
 */
public record WhoAmIProject(
        String id,
        String name,
        String slug,
        boolean isDefault,
        String sandboxProvider,
        String teamSlug,
        String teamName) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public WhoAmIProject {
        id = Copies.text(id);
        name = Copies.text(name);
        slug = Copies.text(slug);
        sandboxProvider = Copies.text(sandboxProvider);
        teamSlug = Copies.text(teamSlug);
        teamName = Copies.text(teamName);
    }
}
