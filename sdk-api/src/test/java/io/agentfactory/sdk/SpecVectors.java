package io.agentfactory.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exact input/output pairs of {@code spec/vectors.json} (a copy of the shared
 * {@code vectors.json}), read with the test-scoped Jackson.
 */
public final class SpecVectors {

    private static final JsonNode ROOT = read("/spec/vectors.json");

    /**
     * One pair.
     *
     * @param input the input
     * @param expected the exact expected output
     */
    public record Pair(String input, String expected) {

        @Override
        public String toString() {
            return "\"" + input + "\" -> \"" + expected + "\"";
        }
    }

    private SpecVectors() {
    }

    /** The {@code sessionHash} pairs: session id → hash. */
    public static List<Pair> sessionHash() {
        return pairs("sessionHash", "sessionId", "sessionHash");
    }

    /** The {@code deriveProjectId} pairs: repository URL → project id. */
    public static List<Pair> deriveProjectId() {
        return pairs("deriveProjectId", "input", "output");
    }

    private static List<Pair> pairs(String section, String inputKey, String outputKey) {
        List<Pair> pairs = new ArrayList<>();
        for (JsonNode pair : ROOT.required(section).required("pairs")) {
            pairs.add(new Pair(pair.required(inputKey).asString(), pair.required(outputKey).asString()));
        }
        if (pairs.isEmpty()) {
            throw new IllegalStateException("no pairs in section " + section);
        }
        return List.copyOf(pairs);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = SpecVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return JsonMapper.shared().readTree(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
