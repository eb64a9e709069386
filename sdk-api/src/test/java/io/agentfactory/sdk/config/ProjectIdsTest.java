package io.agentfactory.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.SpecVectors;
import io.agentfactory.sdk.SpecVectors.Pair;

class ProjectIdsTest {

    static List<Pair> vectors() {
        return SpecVectors.deriveProjectId();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void derivesEveryIdOfTheVectorsExactly(Pair pair) {
        assertThat(ProjectIds.derive(pair.input())).isEqualTo(pair.expected());
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "'  GitHub.com/Foo/Bar.git  ' | foo-bar",
            "ssh://git@github.com/foo/bar.git | foo-bar",
            "git@gitlab.example.com:group/sub/repo.git | sub-repo",
            "github.com/foo/bar/ | foo-bar",
            "github.com//foo//bar | foo-bar",
            "'--foo--/__bar__' | foo-bar",
            "github.com/foo/ünïcode | foo-n-code",
            "'   ' | project",
            "/// | project",
            "'.git' | project",
            "'!!!' | project"})
    void followsTheDocumentedRuleOnEdgeCases(String repoUrl, String expected) {
        assertThat(ProjectIds.derive(repoUrl)).isEqualTo(expected);
    }

    @Test
    void alwaysGivesAnIdTheDaemonAccepts() {
        for (Pair pair : vectors()) {
            assertThat(ProjectIds.derive(pair.input())).matches("[a-z0-9]+(-[a-z0-9]+)*");
        }
    }
}
