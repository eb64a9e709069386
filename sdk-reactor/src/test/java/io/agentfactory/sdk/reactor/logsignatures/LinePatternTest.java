package io.agentfactory.sdk.reactor.logsignatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
        assertThat(LinePattern.compile("tool.+error")).isInstanceOf(LinePattern.Regex.class);
        assertThat(LinePattern.compile("tool.*?error")).isInstanceOf(LinePattern.Regex.class);
        assertThat(LinePattern.compile("a.*bc")).isInstanceOf(LinePattern.Regex.class);
        assertThat(LinePattern.compile("a\\|b")).isInstanceOf(LinePattern.Regex.class);
        assertThat(LinePattern.compile("(?-i)EACCES")).isInstanceOf(LinePattern.Regex.class);
    }

    @Test
    void everyDefaultPatternIsMatchedInLinearTime() {
        // issue 12, item 12: tool.*error, sandbox.*not allowed, cd in .* was blocked and
        // <tool_use_error>.*</tool_use_error> went to the backtracking engine (quadratic)
        for (LogSignature signature : LogSignatureCatalog.defaults().signatures()) {
            assertThat(LinePattern.compile(signature.pattern())).as(signature.id()).isInstanceOf(LinePattern.Literals.class);
        }
    }

    @Test
    void wordsJoinedByDotStarAgreeWithTheRegexOnLinesWithTerminatorsAndRandomLines() {
        List<String> patterns = List.of("tool.*error|tool.*failed|command failed", "<tool_use_error>.*</tool_use_error>",
                "cd in .* was blocked", "to.*ol.*.*er", ".*", "to.*", ".*er", "aba.*aba", "tool.*tool.*tool");
        List<String> lines = new ArrayList<>(List.of("", "tool", "tool error", "TOOL ERROR", "toolerror", "errortool",
                "tool\nerror", "tool\r\nerror", "tool\u2028error", "tool\u0085error", "x\ntool error\ny", "ababa", "abaaba",
                "<tool_use_error>bad</tool_use_error>", "<TOOL_USE_ERROR>\n</tool_use_error>", "cd in /x was blocked",
                "cd in  was blocked", "tooltooltool", "tool tool", "\u212Aool error"));
        Random random = new Random(12);
        String alphabet = "tolerab \n\r\u2028T";
        for (int i = 0; i < 3000; i++) {
            StringBuilder line = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            lines.add(line.toString());
        }
        for (String pattern : patterns) {
            LinePattern compiled = LinePattern.compile(pattern);
            assertThat(compiled).as(pattern).isInstanceOf(LinePattern.Literals.class);
            for (String line : lines) {
                assertThat(compiled.isFoundIn(line, LinePattern.fold(line))).as("pattern %s in line %s", pattern, line)
                        .isEqualTo(regex(pattern).matcher(line).find());
            }
        }
    }

    @Test
    void aHostileLineOfAMillionCharactersIsSearchedInLinearTime() {
        // The backtracking engine needs ~9 s for 100 KB of "tool " (x4 per doubling): hours for this
        // line. The word search needs milliseconds; the bound is generous for a loaded CI machine.
        String line = "tool ".repeat(200_000);
        LinePattern pattern = LinePattern.compile("tool.*error|tool.*failed|command failed");

        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThat(pattern.isFoundIn(line, LinePattern.fold(line))).isFalse());
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
