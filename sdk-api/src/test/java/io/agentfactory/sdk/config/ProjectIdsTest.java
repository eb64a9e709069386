package io.agentfactory.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

    /**
     * Inputs and the ids the reference's {@code DeriveProjectID} gives them, worked through its
     * algorithm step by step (trim, lowercase, {@code .git}, scp form, scheme, last two segments,
     * sanitise): trailing and doubled slashes, white space Go trims and control characters it
     * keeps, case mappings that land in ASCII, scp forms with and without a path.
     */
    static List<Pair> reference() {
        return List.of(
                new Pair("github.com/foo/bar/", "bar"),
                new Pair("github.com/foo/bar.git/", "bar-git"),
                new Pair("https://github.com/foo/bar/", "bar"),
                new Pair("https://github.com/foo/bar//", "project"),
                new Pair("github.com//foo//bar", "bar"),
                new Pair("git@github.com:foo/bar/", "bar"),
                new Pair("  GitHub.com/Foo/Bar.git  ", "foo-bar"),
                new Pair("GIT@GITHUB.COM:FOO/BAR.GIT", "foo-bar"),
                new Pair("ssh://git@github.com/foo/bar.git", "foo-bar"),
                new Pair("https://user@github.com:443/foo/bar", "foo-bar"),
                new Pair("git@gitlab.example.com:group/sub/repo.git", "sub-repo"),
                new Pair("git@github.com:bar.git", "github-com-bar"),
                new Pair("user@host:path:with:colons", "host-path-with-colons"),
                new Pair("a:b@host", "host"),
                new Pair("@:", "project"),
                new Pair("file:///home/u/repo", "u-repo"),
                new Pair("C:\\repos\\x", "c-repos-x"),
                new Pair("https://github.com", "github-com"),
                new Pair("https://", "project"),
                new Pair("github.com/foo/bar.git.git", "foo-bar-git"),
                new Pair("github.com/foo/.git", "foo"),
                new Pair("github.com/foo/bar?ref=main#x", "foo-bar-ref-main-x"),
                new Pair("github.com/foo--bar/--baz--", "foo-bar-baz"),
                new Pair("--foo--/__bar__", "foo-bar"),
                new Pair("github.com/foo/\u00fcn\u00efcode", "foo-n-code"),
                new Pair("github.com/foo/caf\u00e9", "foo-caf"),
                new Pair("github.com/foo/\uD83D\uDE80rocket", "foo-rocket"),
                // Go trims Unicode white space (NBSP, em space, ideographic space) ...
                new Pair("github.com/foo/bar.git\u00a0", "foo-bar"),
                new Pair("\u2003github.com/foo/bar\u3000", "foo-bar"),
                new Pair("\u0085github.com/foo/bar.git\u2029", "foo-bar"),
                // ... but not other control characters, so the .git is not at the end
                new Pair("github.com/foo/bar.git\u0001", "foo-bar-git"),
                new Pair("\u0000github.com/foo/bar", "foo-bar"),
                // a capital dotted I lowercases to i (so .G\u0130T is .git), the Kelvin sign to k
                new Pair("GITHUB.COM/FOO/BAR.G\u0130T", "foo-bar"),
                new Pair("github.com/\u212Aube/x", "kube-x"),
                new Pair("\u0130", "i"),
                new Pair("bar", "bar"),
                new Pair("   ", "project"),
                new Pair("///", "project"),
                new Pair("/", "project"),
                new Pair(".git", "project"),
                new Pair("!!!", "project"),
                new Pair("", "project"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reference")
    void derivesWhatTheReferenceAlgorithmDerives(Pair pair) {
        assertThat(ProjectIds.derive(pair.input())).isEqualTo(pair.expected());
    }

    @Test
    void alwaysGivesAnIdTheDaemonAccepts() {
        for (Pair pair : Stream.concat(vectors().stream(), reference().stream()).toList()) {
            assertThat(ProjectIds.derive(pair.input())).matches("[a-z0-9]+(-[a-z0-9]+)*");
        }
    }
}
