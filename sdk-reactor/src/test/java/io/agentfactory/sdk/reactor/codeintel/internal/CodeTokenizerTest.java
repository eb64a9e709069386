package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CodeTokenizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "getUserById|getuserbyid get user by id",
            "get_user_by_id|get_user_by_id get user by id",
            "get-user-by-id|get-user-by-id get user by id",
            "SearchEngine|searchengine search engine",
            "MAX_RESULTS|max_results max results",
            "getURLById|geturlbyid get url by id",
            "find type usages|find type usages",
            "a.b(c)|a b c"})
    void splitsOnCodePunctuationThenExpandsCamelAndSnakeCase(String text, String tokens) {
        assertThat(CodeTokenizer.tokens(text)).containsExactly(tokens.split(" "));
    }

    @Test
    void camelPartsMayRepeatButSnakePartsAreNotEmittedTwiceForOneText() {
        assertThat(CodeTokenizer.tokens("user_id userId")).containsExactly("user_id", "user", "id", "userid", "user", "id");
        assertThat(CodeTokenizer.tokens("user get_user")).containsExactly("user", "get_user", "get");
        assertThat(CodeTokenizer.tokens("x_y ab_c")).containsExactly("x_y", "ab_c", "ab");
    }

    @ParameterizedTest
    @CsvSource({"helloWorld,hello World", "HTMLParser,HTML Parser", "getURLById,get URL By Id", "simple,simple"})
    void camelCaseSplitsAtLowerUpperAndAtTheEndOfAnUpperCaseRun(String word, String parts) {
        assertThat(CodeTokenizer.splitCamelCase(word)).isEqualTo(List.of(parts.split(" ")));
    }
}
