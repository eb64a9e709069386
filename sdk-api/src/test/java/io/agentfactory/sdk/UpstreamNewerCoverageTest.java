package io.agentfactory.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.UpstreamNewer.Kind;
import io.agentfactory.sdk.UpstreamNewer.Row;

/**
 * Every row of {@code spec/upstream-newer.txt} (the newer upstream generation) has its Java
 * counterpart: types exist, fields are record components of the same name, records of new types
 * have exactly the listed fields in order, methods are public methods, and values are known
 * constants with exactly the upstream wire string. Failures list every missing row, on stdout too.
 */
class UpstreamNewerCoverageTest {

    private static final UpstreamNewer NEWER = UpstreamNewer.load("/spec/upstream-newer.txt");
    private static final GoReference REFERENCE = GoReference.load("/spec/afclient-reference.txt");

    /** sdk-reactor's sources, seen from this module's directory (where Maven runs the tests). */
    private static final Path REACTOR_SOURCES = Path.of("..", "sdk-reactor", "src", "main", "java", "io",
            "agentfactory", "sdk");

    @Test
    void theListIsParsedAndEveryRowNamesItsSource() {
        assertThat(NEWER.rows()).hasSizeGreaterThan(100);
        assertThat(NEWER.of(Kind.TYPE)).extracting(Row::upstream).contains("StopSessionReceipt",
                "DaemonRestartPreflightResponse", "DaemonSessionHandle", "WorkareaV1");
        assertThat(NEWER.rows()).allSatisfy(row -> assertThat(row.source()).as(row.toString()).isNotBlank());
        assertThat(NEWER.rows()).filteredOn(row -> row.kind() != Kind.TYPE)
                .allSatisfy(row -> assertThat(row.javaMember()).as(row.toString()).isNotEmpty());
    }

    @Test
    void everyTypeHasItsJavaCounterpart() {
        List<String> missing = new ArrayList<>();
        NEWER.rows().forEach(row -> {
            if (row.inReactor() ? !Files.isRegularFile(reactorSource(row)) : type(row).isEmpty()) {
                missing.add(row + ": no such class");
            }
        });

        report("upstream-newer rows whose Java class is missing", missing);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyFieldIsAComponentOfTheSameJsonName() {
        List<String> missing = new ArrayList<>();
        for (Row row : NEWER.of(Kind.FIELD)) {
            if (row.inReactor()) {
                if (!declares(row)) {
                    missing.add(row + ": not declared in the sdk-reactor source");
                }
                continue;
            }
            Optional<Class<?>> type = type(row);
            if (type.isEmpty() || !type.get().isRecord()) {
                missing.add(row + ": not a record");
            }
            else if (!components(type.get()).contains(row.javaMember())) {
                missing.add(row + ": no such component");
            }
            else if (!row.javaMember().equals(row.upstreamMember())) {
                missing.add(row + ": the component must be named like the JSON key");
            }
        }

        report("upstream-newer fields missing from their records", missing);
        assertThat(missing).isEmpty();
    }

    @Test
    void recordsOfNewTypesHaveExactlyTheListedFieldsInOrder() {
        List<String> different = new ArrayList<>();
        Map<String, List<String>> fields = NEWER.fieldsByType();
        for (Row row : NEWER.of(Kind.TYPE)) {
            List<String> listed = fields.get(row.upstream());
            if (listed == null || REFERENCE.structs().containsKey(row.upstream()) || row.inReactor()) {
                continue;
            }
            type(row).filter(Class::isRecord).ifPresent(record -> {
                if (!List.copyOf(components(record)).equals(listed)) {
                    different.add(row + ": listed " + listed + " but record " + components(record));
                }
            });
        }

        report("records of new upstream types whose components differ from the listed fields", different);
        assertThat(different).isEmpty();
    }

    @Test
    void everyMethodIsAPublicMethod() {
        List<String> missing = new ArrayList<>();
        for (Row row : NEWER.of(Kind.METHOD)) {
            boolean found = row.inReactor() ? declares(row) : type(row).map(t -> Arrays.stream(t.getMethods())
                    .map(Method::getName).anyMatch(row.javaMember()::equals)).orElse(false);
            if (!found) {
                missing.add(row + ": no public method of that name");
            }
        }

        report("upstream-newer methods without a Java method", missing);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyValueIsAKnownConstantWithTheUpstreamWireString() {
        List<String> wrong = new ArrayList<>();
        for (Row row : NEWER.of(Kind.VALUE)) {
            Object constant = type(row).map(t -> constant(t, row.javaMember())).orElse(null);
            if (!(constant instanceof ExtensibleEnum value)) {
                wrong.add(row + ": no ExtensibleEnum constant of that name");
            }
            else if (!value.value().equals(row.upstreamMember()) || !value.isKnown()) {
                wrong.add(row + ": declared as \"" + value.value() + "\" (known " + value.isKnown() + ")");
            }
        }

        report("upstream-newer values missing or different", wrong);
        assertThat(wrong).isEmpty();
    }

    @Test
    void newEnumerationsDeclareNoValueUpstreamDoesNotHave() {
        List<String> invented = new ArrayList<>();
        Map<String, List<String>> values = NEWER.valuesByType();
        for (Row row : NEWER.of(Kind.TYPE)) {
            List<String> listed = values.get(row.upstream());
            if (listed == null || REFERENCE.enumValues().containsKey(row.upstream()) || row.inReactor()) {
                continue;
            }
            type(row).filter(ExtensibleEnum.class::isAssignableFrom).ifPresent(enumType -> {
                Set<String> declared = declaredValues(enumType);
                if (!declared.equals(new LinkedHashSet<>(listed))) {
                    invented.add(row + ": listed " + listed + " but declared " + declared);
                }
            });
        }

        report("new enumerations whose declared values differ from the listed upstream values", invented);
        assertThat(invented).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private static Optional<Class<?>> type(Row row) {
        try {
            return Optional.of(Class.forName("io.agentfactory.sdk." + row.javaClass(), false,
                    UpstreamNewerCoverageTest.class.getClassLoader()));
        }
        catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    private static Set<String> components(Class<?> record) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    private static Object constant(Class<?> type, String name) {
        try {
            Field field = type.getField(name);
            return Modifier.isStatic(field.getModifiers()) ? field.get(null) : null;
        }
        catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static Set<String> declaredValues(Class<?> enumType) {
        try {
            List<?> values = (List<?>) enumType.getMethod("values").invoke(null);
            Set<String> declared = new LinkedHashSet<>();
            values.forEach(v -> declared.add(((ExtensibleEnum) v).value()));
            return declared;
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(enumType + " has no static values()", e);
        }
    }

    private static Path reactorSource(Row row) {
        return REACTOR_SOURCES.resolve(row.javaClass().replace('.', '/') + ".java");
    }

    /** Whether the sdk-reactor source declares the member (a method, component or constant of that name). */
    private static boolean declares(Row row) {
        Path source = reactorSource(row);
        if (!Files.isRegularFile(source)) {
            return false;
        }
        try {
            String text = Files.readString(source);
            return text.matches("(?s).*\\b" + Pattern.quote(row.javaMember()) + "\\s*[(=,)].*");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void report(String title, List<String> problems) {
        if (!problems.isEmpty()) {
            System.out.println(title + " (" + problems.size() + "):");
            problems.forEach(problem -> System.out.println("  " + problem));
        }
    }
}
