package io.agentfactory.sdk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.SpecVectors;
import io.agentfactory.sdk.SpecVectors.Pair;

class SessionHashTest {

    static List<Pair> vectors() {
        return SpecVectors.sessionHash();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void hashesEverySessionIdOfTheVectorsExactly(Pair pair) {
        assertThat(SessionHash.of(pair.input())).isEqualTo(pair.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void isThirtyTwoLowercaseHexCharacters(Pair pair) {
        assertThat(SessionHash.of(pair.input())).matches("[0-9a-f]{32}");
    }
}
