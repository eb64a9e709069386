package io.agentfactory.sdk.reactor.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import io.agentfactory.sdk.session.SessionsListResponse;

/**
 * The SDK's codec creates records through {@link DirectCreators}: the values, defaults and errors
 * must be exactly those of Jackson's own instantiator (a mapper without the module).
 */
class DirectCreatorsTest {

    /** A record whose constructor checks its argument, as the sdk-api records do. */
    public record Checked(String name, int count, List<String> tags) {
        public Checked {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
        }
    }

    /** A record whose constructor fails with an Error: Jackson lets Errors through. */
    public record Fatal(String name) {
        public Fatal {
            if (name.equals("boom")) {
                throw new AssertionError("boom");
            }
        }
    }

    private static final JsonMapper PLAIN = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final JsonMapper codec = JsonCodec.get().mapper();

    @Test
    void decodesRecordsAsJacksonDoes() {
        String json = "{\"name\":\"a\",\"count\":3,\"tags\":[\"x\",\"y\"],\"extra\":1}";
        Checked direct = codec.readValue(json, Checked.class);
        assertThat(direct).isEqualTo(new Checked("a", 3, List.of("x", "y")))
                .isEqualTo(PLAIN.readValue(json, Checked.class));
    }

    @Test
    void absentPropertiesAreTheSameDefaults() {
        assertThat(codec.readValue("{}", Checked.class)).isEqualTo(PLAIN.readValue("{}", Checked.class))
                .isEqualTo(new Checked(null, 0, null));
    }

    @Test
    void aConstructorRefusingAValueFailsWithJacksonsErrorAndMessage() {
        String json = "{\"name\":\"a\",\"count\":-1}";
        Throwable plain = catchFrom(() -> PLAIN.readValue(json, Checked.class));
        assertThatThrownBy(() -> codec.readValue(json, Checked.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessage(plain.getMessage())
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("count must not be negative");
    }

    @Test
    void anErrorFromAConstructorIsNotWrapped() {
        assertThatThrownBy(() -> codec.readValue("{\"name\":\"boom\"}", Fatal.class))
                .isExactlyInstanceOf(AssertionError.class).hasMessage("boom");
        assertThatThrownBy(() -> PLAIN.readValue("{\"name\":\"boom\"}", Fatal.class))
                .isExactlyInstanceOf(AssertionError.class).hasMessage("boom");
    }

    @Test
    void anSdkResponseDecodesToTheSameRecordsAsWithoutTheModule() {
        String json = "{\"sessions\":[{\"id\":\"s1\",\"status\":\"running\"},{\"id\":\"s2\"}],\"count\":2}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(codec.readValue(bytes, SessionsListResponse.class))
                .isEqualTo(PLAIN.readValue(bytes, SessionsListResponse.class));
    }

    private static Throwable catchFrom(Runnable call) {
        try {
            call.run();
        }
        catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected a failure");
    }
}
