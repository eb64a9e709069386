package io.agentfactory.sdk.reactor.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3629 UTF-8, nothing more and nothing less. */
class StrictUtf8Test {

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "plain ascii path/file.txt", "docs/日本語/ß.md", "emoji/😀.txt", "\u0080\u07FF\u0800\uFFFF",
        "\uD800\uDC00\uDBFF\uDFFF", "ascii run longer than eight bytes, then é, then more ascii"})
    void validTextPasses(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        assertThat(StrictUtf8.firstInvalid(bytes, 0, bytes.length)).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "61ff62,           FF never starts a sequence",
        "61f562,           F5 would be beyond U+10FFFF",
        "6180,             a stray continuation byte",
        "61c0af,           overlong '/' (C0 AF)",
        "61c18162,         overlong 'A' (C1 81)",
        "61e080af,         overlong 3-byte '/'",
        "61f08080af,       overlong 4-byte '/'",
        "61eda080,         a UTF-16 surrogate (U+D800)",
        "61f4908080,       beyond U+10FFFF",
        "61c328,           a lead byte without its continuation",
        "61e697,           a sequence cut at the end",
        "61f09f98,         a 4-byte sequence cut at the end"})
    void invalidSequencesAreFoundWhereTheyStart(String hex, String what) {
        byte[] bytes = HexFormat.of().parseHex(hex);

        assertThat(StrictUtf8.firstInvalid(bytes, 0, bytes.length)).as(what).isEqualTo(1);
    }

    @Test
    void anInvalidByteAfterALongAsciiRunIsFound() {
        byte[] bytes = ("0123456789abcdefghij" + "?").getBytes(StandardCharsets.US_ASCII);
        bytes[20] = (byte) 0xFF;

        assertThat(StrictUtf8.firstInvalid(bytes, 0, bytes.length)).isEqualTo(20);
    }

    @Test
    void onlyTheGivenRangeIsChecked() {
        byte[] bytes = {(byte) 0xFF, 'a', 'b', (byte) 0xFF};

        assertThat(StrictUtf8.firstInvalid(bytes, 1, 3)).isEqualTo(-1);
    }

    @Test
    void aSequenceCrossingTheRangeEndIsIncomplete() {
        byte[] bytes = "aß".getBytes(StandardCharsets.UTF_8);

        assertThat(StrictUtf8.firstInvalid(bytes, 0, bytes.length - 1)).isEqualTo(1);
    }
}
