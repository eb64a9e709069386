package io.agentfactory.sdk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked-in list of the newer upstream generation ({@code spec/upstream-newer.txt}): one
 * {@link Row} per upstream type, field, method or value with its Java counterpart. The file's
 * header documents the format.
 */
record UpstreamNewer(List<Row> rows) {

    /** The kinds of rows. */
    enum Kind { TYPE, FIELD, METHOD, VALUE }

    /**
     * One row.
     *
     * @param line the 1-based line in the file, for messages
     * @param kind what the row names
     * @param upstream the Go name ({@code Type}, {@code Type.jsonKey}, {@code Receiver.Method}, {@code Type.value})
     * @param java the Java counterpart relative to {@code io.agentfactory.sdk}
     * @param source where upstream says so
     */
    record Row(int line, Kind kind, String upstream, String java, String source) {

        /** The Go type of a field or value row ({@code StopSessionResponse} of {@code StopSessionResponse.receipt}). */
        String upstreamType() {
            int dot = upstream.indexOf('.');
            return dot < 0 ? upstream : upstream.substring(0, dot);
        }

        /** The part after the Go type: a JSON key, method or wire value. */
        String upstreamMember() {
            int dot = upstream.indexOf('.');
            return dot < 0 ? "" : upstream.substring(dot + 1);
        }

        /** The Java class part ({@code session.StopSessionResponse}). */
        String javaClass() {
            int hash = java.indexOf('#');
            return hash < 0 ? java : java.substring(0, hash);
        }

        /** The Java member part, {@code ""} for a type row. */
        String javaMember() {
            int hash = java.indexOf('#');
            return hash < 0 ? "" : java.substring(hash + 1);
        }

        /** Whether the counterpart lives in sdk-reactor. */
        boolean inReactor() {
            return java.startsWith("reactor.");
        }

        @Override
        public String toString() {
            return "upstream-newer.txt:" + line + " " + kind.name().toLowerCase() + " " + upstream + " -> " + java;
        }
    }

    static UpstreamNewer load(String resource) {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = UpstreamNewer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] columns = text.split("\\s\\|\\s", -1);
                if (columns.length != 4) {
                    throw new IllegalStateException("upstream-newer.txt:" + number + ": expected 4 columns");
                }
                rows.add(new Row(number, Kind.valueOf(columns[0].strip().toUpperCase()), columns[1].strip(),
                        columns[2].strip(), columns[3].strip()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UpstreamNewer(List.copyOf(rows));
    }

    /** The rows of one kind. */
    List<Row> of(Kind kind) {
        return rows.stream().filter(r -> r.kind() == kind).toList();
    }

    /** Field rows grouped by Go type, JSON keys in file order. */
    Map<String, List<String>> fieldsByType() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        of(Kind.FIELD).forEach(r -> fields.computeIfAbsent(r.upstreamType(), k -> new ArrayList<>())
                .add(r.upstreamMember()));
        return fields;
    }

    /** Value rows grouped by Go type, wire values in file order. */
    Map<String, List<String>> valuesByType() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        of(Kind.VALUE).forEach(r -> values.computeIfAbsent(r.upstreamType(), k -> new ArrayList<>())
                .add(r.upstreamMember()));
        return values;
    }
}
