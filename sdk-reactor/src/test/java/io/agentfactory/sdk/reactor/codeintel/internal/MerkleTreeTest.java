package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);
    private static final String C = "c".repeat(40);

    @Test
    void theEmptyTreeIsGitsEmptyTree() {
        assertThat(MerkleTree.rootHash(Map.of())).isEqualTo("4b825dc642cb6eb9a060e54bf8d69288fbee4904");
    }

    @Test
    void directoriesHashTheirSortedNameHashLines() {
        // sha1("tree <len>\0" + sorted "name:hash" joined by "\n"), computed independently
        assertThat(MerkleTree.rootHash(Map.of("a.go", A, "pkg/z.go", C, "pkg/b.go", B)))
                .isEqualTo("6561f6538d7beef622474692555b90dee6bdd800");
        assertThat(MerkleTree.rootHash(Map.of("pkg/b.go", B, "pkg/z.go", C)))
                .isNotEqualTo(MerkleTree.rootHash(Map.of("pkg/b.go", B, "pkg/z.go", A)));
    }
}
