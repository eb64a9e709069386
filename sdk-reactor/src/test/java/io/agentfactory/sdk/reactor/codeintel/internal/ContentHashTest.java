package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentHashTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|ef46db3751d8e999",
            "a|d24ec4f1a98c6e5b",
            "abc|44bc2cf5ad770999",
            "hello|26c7827d889f6da3",
            "1234567890123456789012345678901|8f367cb873a5376e",
            "12345678901234567890123456789012|40fd1aa52d98274c",
            "The quick brown fox jumps over the lazy dog|0b242d361fda71bc"})
    void xxHash64WithSeedZeroMatchesThePublishedVectors(String text, String hex) {
        assertThat(XxHash64.hex(text)).isEqualTo(hex);
    }

    @Test
    void fnv1aOverCodePointsIsStandardForAscii() {
        assertThat(SimHash.fnv1a("hello")).isEqualTo(0xa430d84680aabd0bL);
        assertThat(Long.toUnsignedString(SimHash.fnv1a("hello"))).isEqualTo("11831194018420276491");
        // A code point above U+FFFF is one step, not two UTF-16 units.
        assertThat(SimHash.fnv1a("\uD83D\uDE00")).isEqualTo((SimHash.FNV_OFFSET ^ 0x1F600) * SimHash.FNV_PRIME);
    }

    @Test
    void gitBlobHashIsSha1OfTheHeaderAndTheBytes() {
        // The ids git itself gives the empty blob and "hello\n".
        assertThat(GitBlobHash.of(new byte[0])).isEqualTo("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
        assertThat(GitBlobHash.of("hello\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
    }
}
