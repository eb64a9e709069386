package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimHashTest {

    @Test
    void oneTokenVotesEveryBitSoTheFingerprintIsItsHash() {
        assertThat(SimHash.of("hello")).isEqualTo(SimHash.fnv1a("hello"));
        assertThat(SimHash.of("  Hello, HELLO!  ")).isEqualTo(SimHash.fnv1a("hello"));
        assertThat(Long.compareUnsigned(SimHash.of("hello"), Long.MAX_VALUE)).isPositive();
    }

    @Test
    void twoTokensSetOnlyTheBitsBothSetAndThreeTakeTheMajority() {
        long a = SimHash.fnv1a("aa");
        long b = SimHash.fnv1a("bb");
        long c = SimHash.fnv1a("cc");

        assertThat(SimHash.of("aa bb")).isEqualTo(a & b);
        assertThat(SimHash.of("aa bb cc")).isEqualTo((a & b) | (a & c) | (b & c));
    }

    @Test
    void tokensShorterThanTwoCodePointsAreDroppedAndNoTokensGiveZero() {
        assertThat(SimHash.of("")).isZero();
        assertThat(SimHash.of("a b c 1 2")).isZero();
        assertThat(SimHash.of("aa b")).isEqualTo(SimHash.fnv1a("aa"));
    }

    @Test
    void onlyUnicodePunctuationSplitsSoMathSymbolsStayInsideTokens() {
        assertThat(SimHash.tokens("x+y foo_bar a.b-cc <=> $v")).containsExactly("x+y", "foo", "bar", "cc", "<=>", "$v");
    }

    @ParameterizedTest
    @CsvSource({"0,0,0", "1,0,1", "255,0,8", "-1,0,64", "10,5,4"})
    void hammingDistanceCountsDifferingBits(long a, long b, int distance) {
        assertThat(SimHash.hammingDistance(a, b)).isEqualTo(distance);
    }

    @Test
    void aOneDigitEditIsInvisibleBecauseSingleCharacterTokensAreDropped() {
        String original = "func doSomething(x int) int { return x + 1 }\n".repeat(5);
        String edited = "func doSomething(x int) int { return x + 2 }\n".repeat(5);

        assertThat(SimHash.hammingDistance(SimHash.of(original), SimHash.of(edited))).isZero();
        assertThat(SimHash.hammingDistance(SimHash.of("func getUserById(id string) (*User, error)"),
                SimHash.of("func deleteAllRecords() error { return db.DeleteAll() }"))).isPositive();
    }

    @Test
    void normalisationUnifiesLineEndsTabsAndTrailingSpaces() {
        assertThat(DuplicateFingerprint.normalise("hello\r\n\tworld  \n  foo  ")).isEqualTo("hello\n  world\n  foo");
        assertThat(DuplicateFingerprint.normalise("  \n a\t \n\n")).isEqualTo("a");
    }
}
