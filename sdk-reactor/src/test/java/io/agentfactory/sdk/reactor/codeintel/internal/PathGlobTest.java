package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {

    @ParameterizedTest
    @CsvSource({
            "*.go, afclient/native.go, true",
            "*.go, main.go, true",
            "*.go, main.gox, false",
            "src/**, src/a/b/c.ts, true",
            "src/**, src, true",
            "src/**, srcx/a.ts, false",
            "src/*.ts, src/a.ts, true",
            "src/*.ts, src/a/b.ts, false",
            "native.go, afclient/native.go, true",
            "nat?ve.go, lib/native.go, true",
            "*_test.go, pkg/a_test.go, true",
            "[ab].py, x/a.py, true",
            "[^ab].py, x/a.py, false",
            "[^ab].py, x/c.py, true",
            "[a-c]?.rs, b1.rs, true",
            "[unclosed, [unclosed, false",
            "a\\*b, a*b, true"})
    void followsTheReferenceRules(String pattern, String path, boolean matches) {
        assertThat(PathGlob.of(pattern).matches(path)).isEqualTo(matches);
    }
}
