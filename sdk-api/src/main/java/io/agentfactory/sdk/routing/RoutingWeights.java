package io.agentfactory.sdk.routing;

/**
 * The tenant-level scoring bias between cost and latency. Values sum to 1.0.
 *
 * @param cost the weight of cost.
 * @param latency the weight of latency.
 */
public record RoutingWeights(
        double cost,
        double latency) {

    /** The value with every field absent: what the server means when it omits the object. */
    public static RoutingWeights empty() {
        return new RoutingWeights(0.0, 0.0);
    }
}
