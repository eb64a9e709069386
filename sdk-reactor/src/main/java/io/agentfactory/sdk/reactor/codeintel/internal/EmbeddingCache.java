package io.agentfactory.sdk.reactor.codeintel.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A bounded, thread-safe LRU cache of embeddings keyed {@code "<input_type>:<sha256(text)>"} (so a
 * query and a document of the same text never share a vector). Vectors are never modified once
 * stored. Not API.
 */
public final class EmbeddingCache {

    private final int capacity;
    private final LinkedHashMap<String, double[]> entries;

    /** A cache of at most {@code capacity} vectors ({@code 0}: nothing is kept). */
    public EmbeddingCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > EmbeddingCache.this.capacity;
            }
        };
    }

    /** The key of {@code text} embedded as {@code inputType}. */
    public static String key(String inputType, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return inputType + ":" + HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The vector under {@code key} (now the most recently used), or {@code null}. */
    public synchronized double @Nullable [] get(String key) {
        return entries.get(key);
    }

    /** Stores {@code vector} under {@code key}, dropping the least recently used entry when full. */
    public synchronized void put(String key, double[] vector) {
        if (capacity > 0) {
            entries.put(key, vector);
        }
    }

    /** How many vectors are held. */
    public synchronized int size() {
        return entries.size();
    }
}
