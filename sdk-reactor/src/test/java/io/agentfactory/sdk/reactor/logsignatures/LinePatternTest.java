package io.agentfactory.sdk.reactor.logsignatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.logsignatures.LogSignature;
import io.agentfactory.sdk.logsignatures.LogSignatureCatalog;

class LinePatternTest {

    /** Characters whose case mappings are irregular: Kelvin sign, long s, dotted and dotless i, sigmas, ß, titlecase dž. */
    private static final List<String> TRICKY = List.of(
            "k", "K", "\u212A", "s", "S", "\u017F", "i", "I", "\u0130", "\u0131", "\u03C3", "\u03A3", "\u03C2",
            "\u00DF", "SS", "\u1E9E", "\u01C4", "\u01C5", "\u01C6", "é", "É", "ǅ");

    @Test
    void aPlainAlternationIsSearchedAsLiterals() {
        assertThat(LinePattern.compile("timeout|ETIMEDOUT|connection timed out")).isInstanceOf(LinePattern.Literals.class);
    }

    @Test
    void aPatternWithAMetacharacterIsSearchedByTheRegexEngine() {
        assertThat(LinePattern.compile("tool.*error")).isInstanceOf(LinePattern.Regex.class);
        assertThat(LinePattern.compile("a\\|b")).isInstanceOf(LinePattern.Regex.class);
        assertThat(LinePattern.compile("(?-i)EACCES")).isInstanceOf(LinePattern.Regex.class);
    }

    @Test
    void aOneCharacterAlternativeIsLeftToTheRegexEngine() {
        assertThat(LinePattern.compile("\u00DF")).isInstanceOf(LinePattern.Regex.class);
        assertThat(LinePattern.compile("boom|k")).isInstanceOf(LinePattern.Regex.class);
    }

    @Test
    void literalSearchAgreesWithTheCaseInsensitiveUnicodeRegexOnIrregularCharacters() {
        for (String pattern : TRICKY) {
            for (String text : TRICKY) {
                for (String literal : List.of(pattern, "x" + pattern, "x|" + pattern + "y")) {
                    String line = "before x" + text + "y after";
                    assertThat(LinePattern.compile(literal).isFoundIn(line, LinePattern.fold(line)))
                            .as("pattern %s in line %s", literal, line)
                            .isEqualTo(regex(literal).matcher(line).find());
                }
            }
        }
    }

    @Test
    void foldingIsIdempotentOnEveryBmpCharacterSoALiteralMatchesExactlyAsTheRegexDoes() {
        // The regex accepts line char c for folded pattern char p when p == c or p == fold(c); the
        // literal search only when p == fold(c). They agree because p == c implies fold(c) == fold(p) == p.
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            String once = LinePattern.fold(String.valueOf((char) c));
            assertThat(LinePattern.fold(once)).as("U+%04X", c).isEqualTo(once);
        }
    }

    @Test
    void literalSearchAgreesWithTheRegexForEveryDefaultLiteralPattern() {
        List<String> lines = List.of("ERROR: EACCES", "Connection Timed Out", "HTTP 429", "Rate Limit hit",
                "no such FILE or directory", "This Command Requires Approval", "nothing here", "");
        for (LogSignature signature : LogSignatureCatalog.defaults().signatures()) {
            for (String line : lines) {
                assertThat(LinePattern.compile(signature.pattern()).isFoundIn(line, LinePattern.fold(line)))
                        .as("%s in %s", signature.id(), line)
                        .isEqualTo(regex(signature.pattern()).matcher(line).find());
            }
        }
    }

    @Test
    void anEmptyAlternativeMatchesEveryLineAsTheRegexDoes() {
        assertThat(LinePattern.compile("boom|").isFoundIn("quiet", "quiet")).isTrue();
        assertThat(regex("boom|").matcher("quiet").find()).isTrue();
    }

    @Test
    void anInvalidPatternIsRejected() {
        assertThatThrownBy(() -> LinePattern.compile("[unclosed")).isInstanceOf(PatternSyntaxException.class);
    }

    private static Pattern regex(String pattern) {
        return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
