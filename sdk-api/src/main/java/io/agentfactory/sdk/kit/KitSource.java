package io.agentfactory.sdk.kit;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * KitSource identifies where a kit originated, per the federation order defined in 005-kit-manifest-spec.md § "Registry sources".
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record KitSource(@JsonValue String value) implements ExtensibleEnum {

    /** {@code "local"}: a kit file of the project ({@code .donmai/kits/*.kit.toml}). */
    public static final KitSource LOCAL = new KitSource("local");

    /** {@code "bundled"}: shipped with the OSS execution layer. */
    public static final KitSource BUNDLED = new KitSource("bundled");

    /** {@code "tessl"}: the Tessl registry ({@code registry.tessl.io}). */
    public static final KitSource TESSL = new KitSource("tessl");

    /** {@code "agentskills"}: the Agent Skills registry ({@code agentskills.io}). */
    public static final KitSource AGENTSKILLS = new KitSource("agentskills");

    /** {@code "community"}: a tenant-declared community or enterprise registry. */
    public static final KitSource COMMUNITY = new KitSource("community");

    private static final List<KitSource> KNOWN = List.of(LOCAL, BUNDLED, TESSL, AGENTSKILLS, COMMUNITY);

    /** Checks the value is not {@code null}. */
    public KitSource {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static KitSource of(String value) {
        for (KitSource known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new KitSource(value);
    }

    /** The declared constants, in declaration order. */
    public static List<KitSource> values() {
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
