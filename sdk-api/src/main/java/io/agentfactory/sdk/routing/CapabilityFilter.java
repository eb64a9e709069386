package io.agentfactory.sdk.routing;

import io.agentfactory.sdk.internal.Copies;

/**
 * CapabilityFilter is a single hard constraint applied before scoring.
 *
 * @param field the capability field name (e.g. "os", "arch", "region").
 * @param op the operator: "eq", "in", "lte", "gte".
 * @param value the filter value (string, number, or array serialised to string).
 */
public record CapabilityFilter(
        String field,
        String op,
        String value) {

    /** Normalizes absent values: strings to {@code ""}, collections to empty unmodifiable copies. */
    public CapabilityFilter {
        field = Copies.text(field);
        op = Copies.text(op);
        value = Copies.text(value);
    }
}
