package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.codeintel.Symbol;
import io.agentfactory.sdk.codeintel.SymbolKind;

class Bm25IndexTest {

    private static Symbol symbol(String name, SymbolKind kind, String path) {
        return new Symbol(name, kind, path, 1, 0, "", "", true, "", "typescript");
    }

    // Tokens: [getuser get user function a ts], [deleteuser delete user function b ts], [render method c ts]:
    // N = 3, lengths 6, 6, 4, average 16/3.
    private static final List<Symbol> CORPUS = List.of(
            symbol("getUser", SymbolKind.FUNCTION, "a.ts"),
            symbol("deleteUser", SymbolKind.FUNCTION, "b.ts"),
            symbol("render", SymbolKind.METHOD, "c.ts"));

    /** tf = 1 in a document of length 6: 1 * 2.5 / (1 + 1.5 * (0.25 + 0.75 * 6 / (16/3))). */
    private static final double TF_ONE_OF_SIX = 2.5 / 2.640625;

    @Test
    void scoresAreOkapiBm25WithK1OneAndAHalfAndBThreeQuarters() {
        Bm25Index index = Bm25Index.of(CORPUS);

        List<Bm25Index.Scored> user = index.score("user");
        assertThat(user).extracting(Bm25Index.Scored::document).containsExactly(0, 1);
        assertThat(user.get(0).score()).isCloseTo(Math.log(1.6) * TF_ONE_OF_SIX, within(1e-9));
        assertThat(user.get(1).score()).isCloseTo(Math.log(1.6) * TF_ONE_OF_SIX, within(1e-9));

        List<Bm25Index.Scored> getUser = index.score("get user");
        assertThat(getUser.get(0).score()).isCloseTo((Math.log(8.0 / 3) + Math.log(1.6)) * TF_ONE_OF_SIX, within(1e-9));
        assertThat(getUser.get(1).score()).isCloseTo(Math.log(1.6) * TF_ONE_OF_SIX, within(1e-9));
    }

    @Test
    void aRepeatedQueryTokenCountsAgainAndATermInEveryDocumentStillScores() {
        Bm25Index index = Bm25Index.of(CORPUS);

        assertThat(index.score("user user").get(0).score()).isCloseTo(2 * Math.log(1.6) * TF_ONE_OF_SIX, within(1e-9));
        // "ts" is in all three: idf = ln(0.5 / 3.5 + 1) > 0; in the 4-token document tf' = 2.5 / (1 + 1.5 * (0.25 + 0.5625)).
        assertThat(index.score("ts").get(2).score()).isCloseTo(Math.log(0.5 / 3.5 + 1) * 2.5 / 2.21875, within(1e-9));
    }

    @Test
    void anEmptyCorpusOrAQueryWithoutTokensScoresNothing() {
        assertThat(Bm25Index.of(List.of()).score("search")).isEmpty();
        assertThat(Bm25Index.of(CORPUS).score(" .,;() ")).isEmpty();
        assertThat(Bm25Index.of(CORPUS).score("absent")).isEmpty();
    }

    @Test
    void theDocumentIsNameKindSignatureDocumentationAndPath() {
        Symbol documented = new Symbol("getUserById", SymbolKind.FUNCTION, "src/users.ts", 3, 0, "getUserById(id: string): User",
                "Fetches a user by ID", true, "", "typescript");

        assertThat(Bm25Index.documentText(documented))
                .isEqualTo("getUserById function getUserById(id: string): User Fetches a user by ID src/users.ts");
        assertThat(Bm25Index.documentText(CORPUS.get(2))).isEqualTo("render method c.ts");
    }
}
