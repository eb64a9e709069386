package io.agentfactory.sdk.reactor.internal.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing git remotes down to host and path. */
class GitRemoteUrlTest {

    private static final GitRemoteUrl REPO = new GitRemoteUrl("github.com", "org/my-repo");

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/org/my-repo.git", "https://github.com/org/my-repo",
            "https://github.com/org/my-repo/", "http://GitHub.COM/org/my-repo", "git@github.com:org/my-repo.git",
            "github.com:org/my-repo", "ssh://git@github.com/org/my-repo.git", "ssh://git@github.com:22/org/my-repo.git",
            "https://x-access-token:ghp_secret@github.com/org/my-repo.git", "https://github.com:443/org/my-repo",
            "git://github.com/org/my-repo.git", "  https://github.com/org/my-repo.git\n"})
    void everyFormOfTheSameRepositoryParsesAlike(String remote) {
        assertThat(GitRemoteUrl.parse(remote)).contains(REPO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://github.com/org/my-repo-fork.git", "https://github.com.evil.example/org/my-repo",
            "https://evil.example/github.com/org/my-repo", "https://github.com@evil.example/org/my-repo",
            "https://github.com/org/my-repo/extra", "https://github.com/ORG/my-repo", "git@github.com:22/org/my-repo",
            "https://github.com/org", "https://evilgithub.com/org/my-repo", "https://github.com/other/org/my-repo"})
    void lookAlikesDoNotMatch(String remote) {
        assertThat(GitRemoteUrl.parse(remote)).isNotEqualTo(Optional.of(REPO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/srv/git/repo.git", "../repo", "file:///srv/repo.git", "org/my-repo",
            "https://github.com/org/../my-repo", "https://github.com//org/my-repo", "ftp://github.com/org/my-repo",
            "https://github.com/org/my-repo?x=1", "https://github.com/org/my repo"})
    void localPathsAndOddUrlsAreNotRemotes(String remote) {
        assertThat(GitRemoteUrl.parse(remote)).isEmpty();
    }

    @Test
    void anExpectedRepositoryMayBeBareHostAndPath() {
        assertThat(GitRemoteUrl.parseExpected("github.com/org/my-repo")).contains(REPO);
        assertThat(GitRemoteUrl.parseExpected("GitHub.com/org/my-repo.git")).contains(REPO);
        assertThat(GitRemoteUrl.parseExpected("org")).isEmpty();
        assertThat(GitRemoteUrl.parse("github.com/org/my-repo")).isEmpty();
    }

    @Test
    void shownRemotesCarryNoUserInfo() {
        assertThat(GitRemoteUrl.withoutUserInfo("https://x-access-token:ghp_secret@github.com/org/r.git?t=1"))
                .isEqualTo("https://github.com/org/r.git");
        assertThat(GitRemoteUrl.withoutUserInfo("git@github.com:org/r.git")).isEqualTo("github.com:org/r.git");
        assertThat(GitRemoteUrl.withoutUserInfo("https://github.com/org/r")).isEqualTo("https://github.com/org/r");
    }
}
