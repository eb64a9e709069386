package io.agentfactory.sdk.kit;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * The activation scope level of a kit, mirroring {{@literal @}link io.agentfactory.sdk.provider.ProviderScope}.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record KitScope(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "project"}: Active for one project. */
    public static final KitScope PROJECT = new KitScope("project");

    /** {@code "org"}: Active for an organization. */
    public static final KitScope ORG = new KitScope("org");

    /** {@code "tenant"}: Active for a tenant. */
    public static final KitScope TENANT = new KitScope("tenant");

    /** {@code "global"}: Active everywhere. */
    public static final KitScope GLOBAL = new KitScope("global");

    private static final List<KitScope> KNOWN = List.of(PROJECT, ORG, TENANT, GLOBAL);

    /** Checks the value is not {@code null}. */
    public KitScope {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static KitScope of(String value) {
        for (KitScope known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new KitScope(value);
    }

    /** The declared constants, in declaration order. */
    public static List<KitScope> values() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
