package io.agentfactory.sdk.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Defensive copies used by the compact constructors of the value types: collections become
 * unmodifiable and never {@code null}; absent plain strings become {@code ""}.
 *
 * <p>Not API: may change without notice.
 */
public final class Copies {

    private Copies() {
    }

    /** The string, or {@code ""} when {@code null} (the wire's "absent" for a non-optional string). */
    public static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    /**
     * An unmodifiable copy of {@code list}; {@code null} becomes an empty list.
     *
     * @throws NullPointerException if the list holds a {@code null} element
     */
    public static <T> List<T> list(@Nullable List<? extends T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * An unmodifiable, order-preserving copy of {@code map}; {@code null} becomes an empty map.
     *
     * @throws NullPointerException if the map holds a {@code null} key or value
     */
    public static <K, V> Map<K, V> map(@Nullable Map<? extends K, ? extends V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        LinkedHashMap<K, V> copy = new LinkedHashMap<>(map.size() * 2);
        map.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new NullPointerException("null key or value in map");
            }
            copy.put(k, v);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable copy of a map of maps (outer and inner); {@code null} becomes an empty map. */
    public static <V> Map<String, Map<String, V>> mapOfMaps(@Nullable Map<String, ? extends Map<String, ? extends V>> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        LinkedHashMap<String, Map<String, V>> copy = new LinkedHashMap<>(map.size() * 2);
        map.forEach((k, v) -> copy.put(k, map(v)));
        return map(copy);
    }

    /**
     * A deeply unmodifiable copy of a free-form JSON object: nested objects and arrays are copied
     * too. JSON {@code null} values are kept (as {@code null}); key order is kept.
     */
    public static Map<String, Object> jsonObject(@Nullable Map<String, ?> object) {
        if (object == null || object.isEmpty()) {
            return Map.of();
        }
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(object.size() * 2);
        object.forEach((k, v) -> copy.put(k, jsonValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object jsonValue(@Nullable Object value) {
        if (value instanceof Map<?, ?> map) {
            return jsonObject((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            ArrayList<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(jsonValue(element));
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
