package io.agentfactory.sdk.repoconfig;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * The package manager a repository or project builds with; {@code ""} when not set.
 *
 * <p>Unknown values are kept unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the string as written in the file
 */
public record PackageManager(@JsonValue String value) implements ExtensibleEnum {

    /** Not set: a project inherits the repository's package manager. */
    public static final PackageManager UNSET = new PackageManager("");

    /** {@code "pnpm"}. */
    public static final PackageManager PNPM = new PackageManager("pnpm");

    /** {@code "npm"}. */
    public static final PackageManager NPM = new PackageManager("npm");

    /** {@code "yarn"}. */
    public static final PackageManager YARN = new PackageManager("yarn");

    /** {@code "bun"}. */
    public static final PackageManager BUN = new PackageManager("bun");

    /** {@code "none"}: not a Node project (no dependency linking, no helper scripts). */
    public static final PackageManager NONE = new PackageManager("none");

    private static final List<PackageManager> KNOWN = List.of(PNPM, NPM, YARN, BUN, NONE);

    /** Checks the value is not {@code null}. */
    public PackageManager {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PackageManager of(String value) {
        if (value.isEmpty()) {
            return UNSET;
        }
        for (PackageManager known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new PackageManager(value);
    }

    /** The declared package managers, in declaration order ({@link #UNSET} is not one). */
    public static List<PackageManager> values() {
        return KNOWN;
    }

    /** Whether no package manager is set. */
    public boolean isUnset() {
        return value.isEmpty();
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
