/**
 * Kits: installed kits and manifests, install requests and results, registry sources, and the per-session kit detections and contributions.
 */
@NullMarked
package io.agentfactory.sdk.kit;

import org.jspecify.annotations.NullMarked;
