package io.agentfactory.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.session.SessionStatus;

/**
 * Every {@link ExtensibleEnum} of sdk-api (found by scanning) behaves the same: known wire strings
 * give the declared constants, unknown ones a value that keeps the string, equality is by value.
 */
class ExtensibleEnumTest {

    static Stream<Class<?>> enumTypes() {
        SdkTypes sdk = SdkTypes.scan();
        List<Class<?>> types = new ArrayList<>();
        sdk.names().forEach(name -> sdk.named(name).stream()
                .filter(t -> ExtensibleEnum.class.isAssignableFrom(t) && !t.isInterface() && SdkTypes.isWireModel(t))
                .forEach(types::add));
        return types.stream();
    }

    @Test
    void theScanFindsTheEnumerations() {
        assertThat(enumTypes()).hasSizeGreaterThanOrEqualTo(24).contains(SessionStatus.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumTypes")
    void everyPublicConstantIsDeclaredKnownAndInValues(Class<?> type) throws Exception {
        List<ExtensibleEnum> constants = constants(type);
        List<Object> values = values(type);

        assertThat(constants).isNotEmpty();
        assertThat(values).containsExactlyInAnyOrderElementsOf(constants);
        assertThat(constants).allMatch(ExtensibleEnum::isKnown);
        assertThat(constants).extracting(ExtensibleEnum::value).doesNotHaveDuplicates().doesNotContain("");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumTypes")
    void aKnownWireStringGivesTheDeclaredConstantItself(Class<?> type) throws Exception {
        for (ExtensibleEnum constant : constants(type)) {
            assertThat(of(type, constant.value())).isSameAs(constant);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumTypes")
    void anUnknownWireStringIsKeptAsIsAndNotKnown(Class<?> type) throws Exception {
        ExtensibleEnum unknown = of(type, "added-by-a-newer-server");

        assertThat(unknown.value()).isEqualTo("added-by-a-newer-server");
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.toString()).isEqualTo("added-by-a-newer-server");
        assertThat(values(type)).doesNotContain(unknown);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumTypes")
    void equalityIsByValue(Class<?> type) throws Exception {
        ExtensibleEnum first = of(type, "x-new");
        ExtensibleEnum second = of(type, "x-new");

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second).isNotSameAs(second);
        assertThat(first).isNotEqualTo(of(type, "x-other"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumTypes")
    void matchingIsCaseSensitiveLikeTheWire(Class<?> type) throws Exception {
        ExtensibleEnum constant = constants(type).get(0);
        ExtensibleEnum shouted = of(type, constant.value().toUpperCase(java.util.Locale.ROOT));

        assertThat(shouted.isKnown()).isFalse();
        assertThat(shouted).isNotEqualTo(constant);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumTypes")
    void valuesIsUnmodifiable(Class<?> type) throws Exception {
        List<Object> values = values(type);

        assertThatThrownBy(() -> values.add(values.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enumTypes")
    void nullIsRejected(Class<?> type) {
        assertThatThrownBy(() -> of(type, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theEmptyStringIsAnUnknownValueNotAnError() {
        assertThat(SessionStatus.of("").isKnown()).isFalse();
        assertThat(SessionStatus.of("").value()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private static List<ExtensibleEnum> constants(Class<?> type) throws IllegalAccessException {
        List<ExtensibleEnum> constants = new ArrayList<>();
        for (var field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == type) {
                constants.add((ExtensibleEnum) field.get(null));
            }
        }
        return constants;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> values(Class<?> type) throws Exception {
        return (List<Object>) type.getMethod("values").invoke(null);
    }

    private static ExtensibleEnum of(Class<?> type, String value) throws Exception {
        Method of = type.getMethod("of", String.class);
        try {
            return (ExtensibleEnum) of.invoke(null, value);
        }
        catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
