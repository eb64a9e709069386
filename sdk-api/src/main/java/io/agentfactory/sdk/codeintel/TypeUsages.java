package io.agentfactory.sdk.codeintel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to a {@link TypeUsageQuery}. Order: kind priority ({@link TypeUsageKind#priority()}), then
 * file path, then line. The total and the counts cover every usage found, before the cut to the limit.
 *
 * @param typeName the name searched for
 * @param usages the usages, at most the query's limit
 * @param totalUsages how many usages there are in all
 * @param counts how many usages of each kind there are in all (every kind present, zero included)
 */
public record TypeUsages(String typeName, List<TypeUsage> usages, int totalUsages, Map<TypeUsageKind, Integer> counts) {

    /** Copies the collections; kinds missing from {@code counts} count zero. */
    public TypeUsages {
        Objects.requireNonNull(typeName, "typeName");
        usages = List.copyOf(usages);
        EnumMap<TypeUsageKind, Integer> all = new EnumMap<>(TypeUsageKind.class);
        for (TypeUsageKind kind : TypeUsageKind.values()) {
            all.put(kind, counts.getOrDefault(kind, 0));
        }
        counts = Map.copyOf(all);
        if (totalUsages < usages.size()) {
            throw new IllegalArgumentException("totalUsages " + totalUsages + " < " + usages.size() + " usages");
        }
    }

    /** How many usages of {@code kind} there are in all. */
    public int count(TypeUsageKind kind) {
        return counts.get(kind);
    }

    /** The reference's {@code switchStatements}: the number of {@link TypeUsageKind#SWITCH_CASE} usages. */
    public int switchStatements() {
        return count(TypeUsageKind.SWITCH_CASE);
    }

    /** The reference's {@code mappingObjects}: the number of {@link TypeUsageKind#MAPPING_OBJECT} usages. */
    public int mappingObjects() {
        return count(TypeUsageKind.MAPPING_OBJECT);
    }

    /** Whether usages were left out because of the limit. */
    public boolean truncated() {
        return totalUsages > usages.size();
    }
}
