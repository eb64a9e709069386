package io.agentfactory.sdk.routing;

/**
 * RoutingConfigResponse wraps RoutingConfig in the /api/daemon/routing/config response.
 *
 * @param config the {@code config} field
 */
public record RoutingConfigResponse(
        RoutingConfig config) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public RoutingConfigResponse {
        config = config == null ? RoutingConfig.empty() : config;
    }
}
