package io.agentfactory.sdk.kit;

import java.util.List;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * Kit is the API representation of an installed kit as returned by GET /api/daemon/kits and GET
 * /api/daemon/kits/&lt;id&gt;. Maps to the manifest schema in 005-kit-manifest-spec.md.
 *
 * @param id the {@code id} field
 * @param name the {@code name} field
 * @param version the {@code version} field
 * @param description the {@code description} field
 * @param author the {@code author} field
 * @param authorId did:web: identity
 * @param license the {@code license} field
 * @param homepage the {@code homepage} field
 * @param repository the {@code repository} field
 * @param priority the {@code priority} field
 * @param status the {@code status} field
 * @param source the {@code source} field
 * @param scope the {@code scope} field
 * @param trust the {@code trust} field
 * @param signerId the {@code signerId} field
 * @param signedAt the {@code signedAt} field
 * @param detectFiles detect summary — shows what the kit detects without running detect.
 * @param detectExec the {@code detectExec} field
 * @param providesCommands contribution summary — concise view of what the kit provides.
 * @param providesPrompts the {@code providesPrompts} field
 * @param providesTools the {@code providesTools} field
 * @param providesMcpServers the {@code providesMcpServers} field
 * @param providesSkills the {@code providesSkills} field
 * @param providesAgents the {@code providesAgents} field
 * @param providesA2aSkills the {@code providesA2aSkills} field
 * @param providesExtractors the {@code providesExtractors} field
 */
public record Kit(
        String id,
        String name,
        String version,
        @OmitEmpty String description,
        @OmitEmpty String author,
        @OmitEmpty String authorId,
        @OmitEmpty String license,
        @OmitEmpty String homepage,
        @OmitEmpty String repository,
        @OmitEmpty int priority,
        KitStatus status,
        KitSource source,
        KitScope scope,
        KitTrustState trust,
        @OmitEmpty String signerId,
        @OmitEmpty String signedAt,
        @OmitEmpty List<String> detectFiles,
        @OmitEmpty String detectExec,
        boolean providesCommands,
        boolean providesPrompts,
        boolean providesTools,
        boolean providesMcpServers,
        boolean providesSkills,
        boolean providesAgents,
        boolean providesA2aSkills,
        boolean providesExtractors) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public Kit {
        id = Copies.text(id);
        name = Copies.text(name);
        version = Copies.text(version);
        description = Copies.text(description);
        author = Copies.text(author);
        authorId = Copies.text(authorId);
        license = Copies.text(license);
        homepage = Copies.text(homepage);
        repository = Copies.text(repository);
        status = status == null ? KitStatus.of("") : status;
        source = source == null ? KitSource.of("") : source;
        scope = scope == null ? KitScope.of("") : scope;
        trust = trust == null ? KitTrustState.of("") : trust;
        signerId = Copies.text(signerId);
        signedAt = Copies.text(signedAt);
        detectFiles = Copies.list(detectFiles);
        detectExec = Copies.text(detectExec);
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static Kit empty() {
        return new Kit("", "", "", "", "", "", "", "", "", 0, KitStatus.of(""), KitSource.of(""), KitScope.of(""), KitTrustState.of(""), "", "", List.of(), "", false, false, false, false, false, false, false, false);
    }
}
