package io.agentfactory.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What the reference documentation of the Go package ({@code spec/afclient-reference.txt}) declares:
 * the type names of its Index, the JSON fields of every struct (embedded structs flattened, in
 * field order) and the string constants of every enumeration type.
 *
 * @param indexTypes the {@code - type X} names of the Index, in order
 * @param structs the fields of every {@code type X struct}, by struct name
 * @param enumValues the constant values of every typed {@code const ( … )} block, by type name
 */
record GoReference(List<String> indexTypes, Map<String, List<GoField>> structs, Map<String, Set<String>> enumValues) {

    private static final Pattern INDEX_TYPE = Pattern.compile("^- type (\\w+)$");
    private static final Pattern STRUCT_START = Pattern.compile("^type (\\w+) struct \\{$");
    private static final Pattern EMBEDDED = Pattern.compile("^\\s*([A-Z]\\w*)\\s*$");
    private static final Pattern FIELD = Pattern.compile("^\\s*([A-Z]\\w*)\\s+(\\S+)\\s+`([^`]*)`");
    private static final Pattern CONSTANT = Pattern.compile("\\b[A-Z]\\w*\\s+([A-Z]\\w*)\\s*=\\s*\"([^\"]*)\"");

    /**
     * One struct field of the reference.
     *
     * @param goName the Go field name
     * @param goType the Go type as written ({@code *float64}, {@code []Kit}, {@code map[string]any})
     * @param jsonKey the JSON key, or {@code null} when the field has no {@code json} tag
     * @param omitEmpty whether the JSON tag says {@code omitempty}
     * @param yamlOnly whether the key comes from a {@code yaml} tag (a file type, not a wire type)
     */
    record GoField(String goName, String goType, @Nullable String jsonKey, boolean omitEmpty, boolean yamlOnly) {

        boolean isPointer() {
            return goType.startsWith("*");
        }
    }

    /** Reads the reference from the test class path. */
    static GoReference load(String resource) {
        try (InputStream in = GoReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GoReference parse(String text) {
        List<String> lines = text.lines().toList();
        List<String> index = new ArrayList<>();
        Map<String, List<GoField>> structs = new LinkedHashMap<>();
        Map<String, List<String>> embeddedBy = new LinkedHashMap<>();
        Map<String, Set<String>> enums = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher indexType = INDEX_TYPE.matcher(line);
            if (indexType.matches()) {
                index.add(indexType.group(1));
                continue;
            }
            Matcher start = STRUCT_START.matcher(line);
            if (start.matches()) {
                List<GoField> fields = new ArrayList<>();
                List<String> embedded = new ArrayList<>();
                for (i++; i < lines.size() && !lines.get(i).equals("}"); i++) {
                    String body = lines.get(i).strip();
                    if (body.startsWith("//")) {
                        continue;
                    }
                    Matcher embed = EMBEDDED.matcher(body);
                    if (embed.matches()) {
                        // Go embedding: the embedded struct's fields sit at this level on the wire.
                        embedded.add(embed.group(1));
                        fields.add(new GoField(embed.group(1), "embedded", null, false, false));
                        continue;
                    }
                    Matcher field = FIELD.matcher(body);
                    if (field.find()) {
                        fields.add(field(field.group(1), field.group(2), field.group(3)));
                    }
                }
                structs.put(start.group(1), fields);
                embeddedBy.put(start.group(1), embedded);
                continue;
            }
            if (line.startsWith("const (")) {
                Matcher constant = CONSTANT.matcher(line);
                while (constant.find()) {
                    enums.computeIfAbsent(constant.group(1), k -> new LinkedHashSet<>()).add(constant.group(2));
                }
            }
        }
        Map<String, List<GoField>> flattened = new LinkedHashMap<>();
        structs.keySet().forEach(name -> flattened.put(name, flatten(name, structs)));
        return new GoReference(List.copyOf(index), flattened, enums);
    }

    private static GoField field(String goName, String goType, String tags) {
        Matcher json = Pattern.compile("json:\"([^\"]*)\"").matcher(tags);
        if (!json.find()) {
            Matcher yaml = Pattern.compile("yaml:\"([^\"]*)\"").matcher(tags);
            @Nullable String key = yaml.find() ? yaml.group(1).split(",", -1)[0] : null;
            return new GoField(goName, goType, key, false, true);
        }
        String[] parts = json.group(1).split(",", -1);
        boolean omitEmpty = false;
        for (int p = 1; p < parts.length; p++) {
            omitEmpty |= parts[p].equals("omitempty");
        }
        return new GoField(goName, goType, parts[0].equals("-") ? null : parts[0], omitEmpty, false);
    }

    private static List<GoField> flatten(String name, Map<String, List<GoField>> structs) {
        List<GoField> out = new ArrayList<>();
        for (GoField field : structs.get(name)) {
            if (field.goType().equals("embedded")) {
                out.addAll(flatten(field.goName(), structs));
            }
            else if (field.jsonKey() != null) {
                out.add(field);
            }
        }
        return out;
    }

    /** The JSON keys of struct {@code name}, in field order. */
    List<String> jsonKeys(String name) {
        return structs.getOrDefault(name, List.of()).stream().map(GoField::jsonKey).toList();
    }
}
