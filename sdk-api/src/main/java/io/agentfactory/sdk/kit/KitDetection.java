package io.agentfactory.sdk.kit;

import java.util.Map;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * KitDetection is the result of running kit detection against a workarea. Corresponds to
 * KitDetectResult in 005 and the "KitDetectResult" TUI primitive in 014-tui-operator-surfaces.md.
 *
 * @param kitId the namespaced identifier of the detected kit.
 * @param kitVersion the semver version string from the kit manifest.
 * @param applies indicates whether the kit matched the workarea.
 * @param confidence the match confidence score in the range [0, 1].
 * @param reason a human-readable explanation of the detection outcome.
 * @param toolchainDemand the toolchain spec the kit would impose if applied. Keys are toolchain names (e.g. "java", "node"); values are semver ranges.
 * @param detectPhase records which detection phase produced this result. "declarative" means file-pattern match only; "executable" means the kit's detect binary also ran.
 */
public record KitDetection(
        String kitId,
        String kitVersion,
        boolean applies,
        double confidence,
        @OmitEmpty String reason,
        @OmitEmpty Map<String, String> toolchainDemand,
        @OmitEmpty String detectPhase) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public KitDetection {
        kitId = Copies.text(kitId);
        kitVersion = Copies.text(kitVersion);
        reason = Copies.text(reason);
        toolchainDemand = Copies.map(toolchainDemand);
        detectPhase = Copies.text(detectPhase);
    }
}
