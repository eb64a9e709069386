package io.agentfactory.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.GoReference.GoField;
import io.agentfactory.sdk.internal.OmitEmpty;
import io.agentfactory.sdk.internal.OmitNull;

/**
 * The model covers the whole reference: every type of the reference's Index is a class of sdk-api
 * (or a documented mapping in {@code spec/reference-type-map.properties}), every JSON key of every
 * struct is a component of the same-named record, in the same order and with the same
 * optionality, and every string constant of the reference is a known value of its
 * {@link ExtensibleEnum}. Failures list everything missing, on stdout too.
 */
class ReferenceCoverageTest {

    private static final GoReference REFERENCE = GoReference.load("/spec/afclient-reference.txt");
    private static final SdkTypes SDK = SdkTypes.scan();
    private static final Map<String, String[]> MAPPED = mappings("/spec/reference-type-map.properties");

    /** The newer upstream generation: its fields and values of reference types extend the checks below. */
    private static final UpstreamNewer NEWER = UpstreamNewer.load("/spec/upstream-newer.txt");

    /**
     * Record components the newer upstream generation added after the reference (the
     * {@code field.<Struct>.<key>} entries of {@code spec/upstream-config-map.properties}, checked
     * by its own test): they may follow the reference's keys in a record.
     */
    private static final Set<String> NEWER_COMPONENTS = mappings("/spec/upstream-config-map.properties").keySet()
            .stream().filter(key -> key.startsWith("field.")).map(key -> key.substring("field.".length()))
            .collect(Collectors.toSet());

    /** Fields sdk-api/CONTRACT.md gives for types the reference lists without a body. */
    private static final Map<String, List<String>> CONTRACT_FIELDS = Map.of(
            "KitInstallResult", List.of("kit", "message"),
            "RoutingWeights", List.of("cost", "latency"),
            "ForwardPromptRequest", List.of("taskId", "message"));

    /** Values sdk-api/CONTRACT.md gives for enumerations the reference lists without constants. */
    private static final Map<String, Set<String>> CONTRACT_VALUES = Map.of(
            "KitStatus", Set.of("active", "disabled", "error"),
            "KitScope", Set.of("project", "org", "tenant", "global"));

    /** Go aliases of {@code string} (see the mapping file). */
    private static final Set<String> STRING_ALIASES = Set.of("KitID", "MachineID", "SandboxProviderID");

    /**
     * Records whose component order may differ from the reference's field order, and why. Their
     * key set is still checked.
     */
    private static final Map<String, String> ORDER_EXEMPT = Map.of(
            "DaemonConfig", "connection settings read from daemon.yaml, never a JSON body; (host, port) reads as an address");

    @Test
    void theReferenceIsParsed() {
        assertThat(REFERENCE.indexTypes()).hasSize(128).startsWith("ActivityEvent").endsWith("WorkareaSummary");
        assertThat(REFERENCE.structs()).hasSize(97);
        assertThat(REFERENCE.jsonKeys("KitManifest")).hasSize(26 + 17).startsWith("id", "name", "version")
                .endsWith("extractorNames");
        assertThat(REFERENCE.jsonKeys("StatsResponseV2")).hasSize(11).startsWith("workersOnline")
                .endsWith("timestamp", "machines", "providers");
        assertThat(REFERENCE.structs().get("SessionDetail")).filteredOn(f -> "costUsd".equals(f.jsonKey()))
                .singleElement().satisfies(f -> {
                    assertThat(f.goType()).isEqualTo("*float64");
                    assertThat(f.omitEmpty()).isTrue();
                });
        assertThat(REFERENCE.structs().get("DaemonYAML")).allMatch(GoField::yamlOnly);
        assertThat(REFERENCE.enumValues().get("SessionStatus"))
                .containsExactly("queued", "parked", "working", "completed", "failed", "stopped");
        assertThat(REFERENCE.enumValues().get("KitSource"))
                .containsExactly("local", "bundled", "tessl", "agentskills", "community");
        assertThat(SDK.named("SessionStatus")).containsExactly(io.agentfactory.sdk.session.SessionStatus.class);
        assertThat(SDK.named("ReferenceCoverageTest")).isEmpty();
    }

    @Test
    void everyTypeOfTheReferenceIsAnSdkTypeOrAMappingWithAReason() {
        List<String> missing = REFERENCE.indexTypes().stream()
                .filter(name -> SDK.named(name).isEmpty() && !MAPPED.containsKey(name))
                .toList();

        report("reference types neither in sdk-api nor in reference-type-map.properties", missing);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyMappingIsNeededHasAReasonAndPointsAtAnExistingType() {
        List<String> problems = new ArrayList<>();
        MAPPED.forEach((name, targetAndReason) -> {
            if (!REFERENCE.indexTypes().contains(name)) {
                problems.add(name + ": not a type of the reference");
            }
            if (!SDK.named(name).isEmpty()) {
                problems.add(name + ": sdk-api has a class of that name, the mapping is stale");
            }
            if (targetAndReason.length != 2 || targetAndReason[1].isBlank()) {
                problems.add(name + ": no reason given");
            }
            String target = targetAndReason[0];
            boolean sdkRelative = target.matches("[a-z]+\\.[A-Z]\\w*");
            if (sdkRelative && !SDK.hasQualified(target)) {
                problems.add(name + ": target io.agentfactory.sdk." + target + " does not exist");
            }
        });

        report("stale or unexplained type mappings", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void everyJsonKeyOfTheReferenceIsAComponentOfTheSameNamedRecord() {
        List<String> missing = new ArrayList<>();
        structKeys().forEach((struct, keys) -> {
            Class<?> record = recordNamed(struct);
            if (record == null) {
                return;
            }
            Set<String> components = componentNames(record);
            keys.stream().filter(key -> !components.contains(key)).forEach(key -> missing.add(struct + "." + key));
        });

        report("JSON keys of the reference missing from the sdk-api records", missing);
        assertThat(missing).isEmpty();
    }

    @Test
    void recordsHaveExactlyTheReferenceKeysInTheReferenceOrder() {
        List<String> different = new ArrayList<>();
        structKeys().forEach((struct, keys) -> {
            Class<?> record = recordNamed(struct);
            if (record == null) {
                return;
            }
            List<String> components = componentNames(record).stream()
                    .filter(component -> !NEWER_COMPONENTS.contains(struct + "." + component)).toList();
            boolean same = ORDER_EXEMPT.containsKey(struct) ? Set.copyOf(components).equals(Set.copyOf(keys))
                    && components.size() == keys.size() : components.equals(keys);
            if (!same) {
                different.add(struct + ": reference " + keys + " but record " + components);
            }
        });

        report("records whose components differ from the reference keys (extra, missing or reordered)", different);
        assertThat(different).isEmpty();
    }

    @Test
    void optionalityFollowsTheReferenceTags() {
        List<String> wrong = new ArrayList<>();
        eachJsonField((struct, field, component) -> {
            boolean omitNull = component.isAnnotationPresent(OmitNull.class);
            boolean omitEmpty = component.isAnnotationPresent(OmitEmpty.class);
            boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            String where = struct + "." + field.jsonKey() + " (" + field.goType()
                    + (field.omitEmpty() ? ", omitempty" : "") + ")";
            if (field.isPointer()) {
                if (!nullable) {
                    wrong.add(where + ": a pointer must be @Nullable (absent is not zero)");
                }
                if (omitNull != field.omitEmpty() || omitEmpty) {
                    wrong.add(where + ": a pointer is @OmitNull exactly when omitempty, never @OmitEmpty");
                }
            }
            else if (omitEmpty != field.omitEmpty() || omitNull) {
                wrong.add(where + ": a value field is @OmitEmpty exactly when omitempty, never @OmitNull");
            }
        });

        report("components whose optionality differs from the reference tags", wrong);
        assertThat(wrong).isEmpty();
    }

    @Test
    void goTypesMapToTheirJavaTypes() {
        List<String> wrong = new ArrayList<>();
        eachJsonField((struct, field, component) -> {
            if (!matches(field.goType(), component.getGenericType())) {
                wrong.add(struct + "." + field.jsonKey() + ": Go " + field.goType() + " but Java "
                        + component.getGenericType().getTypeName());
            }
        });

        report("components whose Java type does not fit the reference's Go type", wrong);
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyStringConstantOfTheReferenceIsAKnownValueAndNoneIsInvented() {
        Map<String, Set<String>> expected = new TreeMap<>(REFERENCE.enumValues());
        expected.putAll(CONTRACT_VALUES);
        NEWER.valuesByType().forEach((type, values) -> {
            if (expected.containsKey(type)) {
                Set<String> merged = new LinkedHashSet<>(expected.get(type));
                merged.addAll(values);
                expected.put(type, merged);
            }
        });
        List<String> wrong = new ArrayList<>();
        expected.forEach((type, values) -> {
            Class<?> enumType = SDK.named(type).stream().filter(ExtensibleEnum.class::isAssignableFrom).findFirst()
                    .orElse(null);
            if (enumType == null) {
                wrong.add(type + ": no ExtensibleEnum of that name");
                return;
            }
            Set<String> declared = declaredValues(enumType);
            if (!declared.equals(values)) {
                wrong.add(type + ": reference " + values + " but declared " + declared);
            }
            values.stream().filter(value -> !valueOf(enumType, value).isKnown())
                    .forEach(value -> wrong.add(type + ".of(\"" + value + "\") is not known"));
        });

        report("enumeration values missing, invented or unknown", wrong);
        assertThat(wrong).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private interface FieldCheck {
        void check(String struct, GoField field, RecordComponent component);
    }

    /** Every JSON-tagged field of the reference with its record component, where both exist. */
    private static void eachJsonField(FieldCheck check) {
        REFERENCE.structs().forEach((struct, fields) -> {
            Class<?> record = recordNamed(struct);
            if (record == null) {
                return;
            }
            Map<String, RecordComponent> components = new LinkedHashMap<>();
            for (RecordComponent component : record.getRecordComponents()) {
                components.put(component.getName(), component);
            }
            for (GoField field : fields) {
                RecordComponent component = components.get(field.jsonKey());
                if (component != null && !field.yamlOnly()) {
                    check.check(struct, field, component);
                }
            }
        });
    }

    private static Map<String, List<String>> structKeys() {
        Map<String, List<String>> keys = new TreeMap<>();
        REFERENCE.structs().keySet().forEach(name -> keys.put(name, REFERENCE.jsonKeys(name)));
        keys.putAll(CONTRACT_FIELDS);
        // A newer upstream field of a reference struct follows the reference's own keys.
        NEWER.fieldsByType().forEach((type, fields) -> {
            if (keys.containsKey(type)) {
                List<String> extended = new ArrayList<>(keys.get(type));
                extended.addAll(fields);
                keys.put(type, extended);
            }
        });
        keys.values().removeIf(List::isEmpty);
        return keys;
    }

    private static @Nullable Class<?> recordNamed(String name) {
        return SDK.named(name).stream().filter(Class::isRecord).findFirst().orElse(null);
    }

    private static Set<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static boolean matches(String goType, Type javaType) {
        if (goType.startsWith("*")) {
            return matches(goType.substring(1), javaType) || matchesBoxed(goType.substring(1), javaType);
        }
        if (goType.startsWith("[]")) {
            return isParameterized(javaType, List.class) && matches(goType.substring(2), argument(javaType, 0));
        }
        if (goType.startsWith("map[string]")) {
            return isParameterized(javaType, Map.class) && argument(javaType, 0) == String.class
                    && matches(goType.substring("map[string]".length()), argument(javaType, 1));
        }
        return switch (goType) {
            case "string" -> javaType == String.class
                    || javaType instanceof Class<?> c && ExtensibleEnum.class.isAssignableFrom(c);
            case "bool" -> javaType == boolean.class || javaType == Boolean.class;
            case "int" -> javaType == int.class;
            case "int64", "uint64" -> javaType == long.class;
            case "float64" -> javaType == double.class;
            case "any" -> javaType == Object.class;
            case "time.Time" -> javaType == Instant.class;
            default -> STRING_ALIASES.contains(goType) ? javaType == String.class
                    : javaType instanceof Class<?> c && c.getSimpleName().equals(goType);
        };
    }

    private static boolean matchesBoxed(String goType, Type javaType) {
        return switch (goType) {
            case "int" -> javaType == Integer.class;
            case "float64" -> javaType == Double.class;
            case "bool" -> javaType == Boolean.class;
            default -> false;
        };
    }

    private static boolean isParameterized(Type type, Class<?> raw) {
        return type instanceof ParameterizedType p && p.getRawType() == raw;
    }

    private static Type argument(Type type, int index) {
        return ((ParameterizedType) type).getActualTypeArguments()[index];
    }

    private static Set<String> declaredValues(Class<?> enumType) {
        try {
            List<?> values = (List<?>) enumType.getMethod("values").invoke(null);
            return values.stream().map(v -> ((ExtensibleEnum) v).value())
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(enumType + " has no static values()", e);
        }
    }

    private static ExtensibleEnum valueOf(Class<?> enumType, String value) {
        try {
            Method of = enumType.getMethod("of", String.class);
            return (ExtensibleEnum) of.invoke(null, value);
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(enumType + " has no static of(String)", e);
        }
    }

    private static Map<String, String[]> mappings(String resource) {
        Properties properties = new Properties();
        try (InputStream in = ReferenceCoverageTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String[]> mapped = new TreeMap<>();
        properties.forEach((key, value) -> mapped.put((String) key,
                Arrays.stream(((String) value).split("\\|", 2)).map(String::strip).toArray(String[]::new)));
        return mapped;
    }

    private static void report(String title, List<String> problems) {
        if (!problems.isEmpty()) {
            System.out.println(title + " (" + problems.size() + "):");
            problems.forEach(problem -> System.out.println("  " + problem));
        }
    }
}
