package io.agentfactory.sdk.kit;

import java.util.List;
import java.util.Map;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * KitContribution summarises what an applied kit added to a session. Corresponds to
 * KitContribution in 005 and the "KitContributionDiff" TUI primitive in 014-tui-operator-
 * surfaces.md.
 *
 * @param kitId the namespaced identifier of the contributing kit.
 * @param kitVersion the semver version string from the kit manifest.
 * @param commands the set of build/test/validate commands contributed by this kit. Keys are command names (e.g. "build", "test"); values are shell strings.
 * @param promptFragmentCount the number of prompt fragments contributed.
 * @param toolPermissionCount the number of tool permission grants contributed.
 * @param mcpServerNames lists the names of MCP servers registered by this kit.
 * @param skillRefs lists the SKILL.md skill references contributed.
 * @param workareaCleanDirs the union of clean_dirs declared by this kit.
 * @param appliedAt the RFC3339 timestamp when this kit's provide() ran.
 */
public record KitContribution(
        String kitId,
        String kitVersion,
        @OmitEmpty Map<String, String> commands,
        @OmitEmpty int promptFragmentCount,
        @OmitEmpty int toolPermissionCount,
        @OmitEmpty List<String> mcpServerNames,
        @OmitEmpty List<String> skillRefs,
        @OmitEmpty List<String> workareaCleanDirs,
        String appliedAt) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public KitContribution {
        kitId = Copies.text(kitId);
        kitVersion = Copies.text(kitVersion);
        commands = Copies.map(commands);
        mcpServerNames = Copies.list(mcpServerNames);
        skillRefs = Copies.list(skillRefs);
        workareaCleanDirs = Copies.list(workareaCleanDirs);
        appliedAt = Copies.text(appliedAt);
    }
}
