package io.agentfactory.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.provider.Provider;
import io.agentfactory.sdk.provider.ProviderFamily;
import io.agentfactory.sdk.provider.ProviderScope;
import io.agentfactory.sdk.provider.ProviderSource;
import io.agentfactory.sdk.provider.ProviderStatus;
import io.agentfactory.sdk.provider.ProviderTrustState;

/**
 * Every value type of sdk-api (found by scanning the packages, so a new record is covered without
 * registering it) is immutable and never hands out {@code null} where the wire means "absent":
 * strings become {@code ""}, collections empty unmodifiable copies, nested objects their empty
 * value. Copies are defensive; free-form JSON objects are unmodifiable at every depth.
 */
class ValueTypesTest {

    /** Records with rules of their own: they check arguments or apply defaults (tested on their own). */
    private static final Set<String> OWN_RULES = Set.of("ActivityFollowRequest", "FollowedActivity",
            "CoordinatorCredentials", "HttpError", "DaemonConfig", "CapacityIntent", "ControlToken");

    static Stream<Class<?>> valueRecords() {
        SdkTypes sdk = SdkTypes.scan();
        List<Class<?>> records = new ArrayList<>();
        for (String name : sdk.names()) {
            for (Class<?> type : sdk.named(name)) {
                if (type.isRecord() && !ExtensibleEnum.class.isAssignableFrom(type) && !OWN_RULES.contains(name)
                        && SdkTypes.isWireModel(type)) {
                    records.add(type);
                }
            }
        }
        return records.stream();
    }

    @Test
    void theScanFindsTheValueTypes() {
        assertThat(valueRecords()).hasSizeGreaterThan(90).contains(Provider.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueRecords")
    void absentValuesBecomeEmptyNeverNull(Class<?> record) throws Exception {
        Object value = construct(record, allAbsent(record));

        for (RecordComponent component : record.getRecordComponents()) {
            Object actual = component.getAccessor().invoke(value);
            if (isNullable(component)) {
                assertThat(actual).as(component.getName()).isNull();
            }
            else if (component.getType() == String.class) {
                assertThat(actual).as(component.getName()).isEqualTo("");
            }
            else if (ExtensibleEnum.class.isAssignableFrom(component.getType())) {
                assertThat(((ExtensibleEnum) actual).value()).as(component.getName()).isEmpty();
            }
            else if (!component.getType().isPrimitive()) {
                assertThat(actual).as(component.getName()).isNotNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueRecords")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void collectionsAreUnmodifiable(Class<?> record) throws Exception {
        Object value = construct(record, allAbsent(record));

        for (RecordComponent component : record.getRecordComponents()) {
            Object actual = component.getAccessor().invoke(value);
            if (actual instanceof List list) {
                assertThatThrownBy(() -> list.add(null)).as(component.getName())
                        .isInstanceOf(UnsupportedOperationException.class);
            }
            if (actual instanceof Map map) {
                assertThatThrownBy(() -> map.put("k", null)).as(component.getName())
                        .isInstanceOf(UnsupportedOperationException.class);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueRecords")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void collectionsAreCopiedNotShared(Class<?> record) throws Exception {
        Object[] arguments = allAbsent(record);
        RecordComponent[] components = record.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType() == List.class) {
                arguments[i] = new ArrayList<>();
            }
            else if (components[i].getType() == Map.class) {
                arguments[i] = new HashMap<>();
            }
        }
        Object value = construct(record, arguments);

        for (int i = 0; i < components.length; i++) {
            if (arguments[i] instanceof List source) {
                source.add("added later");
                assertThat((List<?>) components[i].getAccessor().invoke(value)).as(components[i].getName()).isEmpty();
            }
            if (arguments[i] instanceof Map source) {
                source.put("added", "later");
                assertThat((Map<?, ?>) components[i].getAccessor().invoke(value)).as(components[i].getName()).isEmpty();
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void freeFormObjectsAreUnmodifiableAtEveryDepthAndKeepJsonNulls() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("regions", new ArrayList<>(List.of("us-east-1", Map.of("zone", "b"))));
        nested.put("gpu", null);
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("sandbox", nested);

        Provider provider = provider(capabilities);
        ((List<Object>) nested.get("regions")).add("eu-west-1");
        nested.put("added", true);

        Map<String, Object> sandbox = (Map<String, Object>) provider.capabilities().get("sandbox");
        List<Object> regions = (List<Object>) sandbox.get("regions");
        assertThat(sandbox).containsOnlyKeys("regions", "gpu").containsEntry("gpu", null);
        assertThat(regions).containsExactly("us-east-1", Map.of("zone", "b"));
        assertThatThrownBy(() -> provider.capabilities().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> sandbox.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> regions.add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((Map<String, Object>) regions.get(1)).put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void freeFormObjectsKeepTheirKeyOrder() {
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("zeta", 1);
        capabilities.put("alpha", 2);
        capabilities.put("mid", 3);

        assertThat(provider(capabilities).capabilities().keySet()).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void aNullElementInATypedListIsRejected() {
        List<String> regions = new ArrayList<>();
        regions.add(null);

        assertThatThrownBy(() -> new io.agentfactory.sdk.fleet.SandboxProviderStats("e2b", "E2B", null, null, 0, 0, 0,
                regions, false, false, false, false, "")).isInstanceOf(NullPointerException.class);
    }

    // ---------------------------------------------------------------------------------------------

    private static Provider provider(Map<String, Object> capabilities) {
        return new Provider("claude", "Claude", "1.4.2", ProviderFamily.AGENT_RUNTIME, ProviderScope.GLOBAL,
                ProviderStatus.READY, ProviderSource.BUNDLED, ProviderTrustState.SIGNED_VERIFIED, "", "", true,
                capabilities);
    }

    private static boolean isNullable(RecordComponent component) {
        return component.getAnnotatedType().isAnnotationPresent(Nullable.class);
    }

    /** {@code null} for every reference component, the zero value for every primitive one. */
    private static Object[] allAbsent(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(c -> zero(c.getType())).toArray();
    }

    private static @Nullable Object zero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        return null;
    }

    private static Object construct(Class<?> record, Object[] arguments) throws Exception {
        Class<?>[] types = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<?> canonical = record.getDeclaredConstructor(types);
        try {
            return canonical.newInstance(arguments);
        }
        catch (InvocationTargetException e) {
            throw new AssertionError(record.getSimpleName() + " rejects absent values", e.getCause());
        }
    }
}
