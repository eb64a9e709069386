package io.agentfactory.sdk.kit;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * KitManifest is the full manifest detail for a kit, as returned by GET
 * /api/daemon/kits/&lt;id&gt;. Richer view used by `kit show`.
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
 * @param supportedOs the {@code supportedOs} field
 * @param supportedArch the {@code supportedArch} field
 * @param requiresRensei the {@code requiresRensei} field
 * @param requiresCapabilities the {@code requiresCapabilities} field
 * @param conflictsWith the {@code conflictsWith} field
 * @param composesWith the {@code composesWith} field
 * @param order the {@code order} field
 * @param detectToolchain [detect] detail
 * @param commands the {@code commands} field
 * @param commandsOverride [provide.commands_override.&lt;os&gt;] — OS-keyed command overlays.
 * @param toolchainInstall [provide.toolchain_install.&lt;os&gt;] — OS-keyed base-toolchain install scripts (005:196-208). os → {key: shell command}. Surfaced so the daemon HTTP detail (GET /api/daemon/kits/&lt;id&gt;) exposes the demand a platform KitManifestSource can resolve into a ToolchainDemand.
 * @param hooks [provide.hooks] — post_acquire / pre_release lifecycle scripts (005:216-223), with an optional OS-keyed overlay. Single command string per hook. {@code null} when absent
 * @param mcpServerNames provide arrays — names/ids only for summary.
 * @param skillFiles the {@code skillFiles} field
 * @param agentIds the {@code agentIds} field
 * @param a2aSkillIds the {@code a2aSkillIds} field
 * @param extractorNames the {@code extractorNames} field
 */
public record KitManifest(
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
        boolean providesExtractors,
        @OmitEmpty List<String> supportedOs,
        @OmitEmpty List<String> supportedArch,
        @OmitEmpty String requiresRensei,
        @OmitEmpty List<String> requiresCapabilities,
        @OmitEmpty List<String> conflictsWith,
        @OmitEmpty List<String> composesWith,
        @OmitEmpty String order,
        @OmitEmpty Map<String, String> detectToolchain,
        @OmitEmpty Map<String, String> commands,
        @OmitEmpty Map<String, Map<String, String>> commandsOverride,
        @OmitEmpty Map<String, Map<String, String>> toolchainInstall,
        @OmitNull @Nullable KitHooks hooks,
        @OmitEmpty List<String> mcpServerNames,
        @OmitEmpty List<String> skillFiles,
        @OmitEmpty List<String> agentIds,
        @OmitEmpty List<String> a2aSkillIds,
        @OmitEmpty List<String> extractorNames) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public KitManifest {
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
        supportedOs = Copies.list(supportedOs);
        supportedArch = Copies.list(supportedArch);
        requiresRensei = Copies.text(requiresRensei);
        requiresCapabilities = Copies.list(requiresCapabilities);
        conflictsWith = Copies.list(conflictsWith);
        composesWith = Copies.list(composesWith);
        order = Copies.text(order);
        detectToolchain = Copies.map(detectToolchain);
        commands = Copies.map(commands);
        commandsOverride = Copies.mapOfMaps(commandsOverride);
        toolchainInstall = Copies.mapOfMaps(toolchainInstall);
        mcpServerNames = Copies.list(mcpServerNames);
        skillFiles = Copies.list(skillFiles);
        agentIds = Copies.list(agentIds);
        a2aSkillIds = Copies.list(a2aSkillIds);
        extractorNames = Copies.list(extractorNames);
    }

    /** The value with every field absent: what the server means when it omits the object. */
    public static KitManifest empty() {
        return new KitManifest("", "", "", "", "", "", "", "", "", 0, KitStatus.of(""), KitSource.of(""), KitScope.of(""), KitTrustState.of(""), "", "", List.of(), "", false, false, false, false, false, false, false, false, List.of(), List.of(), "", List.of(), List.of(), List.of(), "", Map.of(), Map.of(), Map.of(), Map.of(), null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** The {@link Kit} summary fields of this manifest (the wire embeds them at the top level). */
    public Kit asKit() {
        return new Kit(id, name, version, description, author, authorId, license, homepage, repository, priority,
                status, source, scope, trust, signerId, signedAt, detectFiles, detectExec, providesCommands,
                providesPrompts, providesTools, providesMcpServers, providesSkills, providesAgents,
                providesA2aSkills, providesExtractors);
    }
}
