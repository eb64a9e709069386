package io.agentfactory.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.daemon.ControlToken;
import io.agentfactory.sdk.error.InvalidArgumentException;

/** The admission-v2 model of daemon.yaml, its normalization and the value types around it. */
class AdmissionV2ModelTest {

    private static final CredentialHelper GH = new CredentialHelper(CredentialHelperKind.GH, "", "");

    @Test
    void repositoryIdsAreTheUpstreamDigestOfProjectAndNormalizedSource() {
        // expected values computed independently: sha256("<project>\0<normalized source>")[:6] in hex
        assertThat(RepositoryIds.derive("foo-bar", "github.com/foo/bar")).isEqualTo("repo-25ac28a65efe");
        assertThat(RepositoryIds.derive("foo-bar", " GitHub.com/Foo/Bar.git// ")).isEqualTo("repo-25ac28a65efe");
        assertThat(RepositoryIds.derive("api", "https://GitHub.com/Acme/API.git")).isEqualTo("repo-c0948d9d7f30");
        assertThat(RepositoryIds.normalizeSource("https://GitHub.com/Acme/API.git/")).isEqualTo("https://github.com/acme/api");
    }

    @Test
    void updatingARepositoryUnderV2KeepsItsIdPathIdPrimaryFlagAndProject() {
        DaemonYAML config = DaemonYAML.empty().migrateToAdmissionV2().withRepositories(List.of(
                new RepositoryEntry("repo-row-7", "github:foo/bar", "platform", "github.com/foo/bar", true, null, null)))
                .enableProject("platform");

        DaemonYAML updated = config.addOrUpdateProject(new ProjectEntry("", "github.com/foo/bar.git",
                CloneStrategy.FULL, GH));

        assertThat(updated.repositories()).containsExactly(new RepositoryEntry("repo-row-7", "github:foo/bar",
                "platform", "github.com/foo/bar.git", true, CloneStrategy.FULL, GH));
        assertThat(updated.projects()).containsExactly(
                new ProjectEntry("platform", "github.com/foo/bar.git", CloneStrategy.FULL, GH));
        assertThat(updated.enabledProjectIds()).containsExactly("platform");
    }

    @Test
    void aLegacyConfigStaysLegacyWhenAProjectIsAdded() {
        DaemonYAML config = DaemonYAML.empty().addOrUpdateProject(new ProjectEntry("", "github.com/foo/bar", null, null));

        assertThat(config.isAdmissionV2()).isFalse();
        assertThat(config.projects()).containsExactly(new ProjectEntry("foo-bar", "github.com/foo/bar", null, null));
        assertThat(config.enabledProjectIds()).containsExactly("foo-bar");
        assertThat(config.removeProject("github.com/foo/bar").config().enabledProjectIds()).isEmpty();
    }

    @Test
    void credentialHelpersAreSetOnTheRepositoryAsV2() {
        DaemonYAML legacy = DaemonYAML.empty().addOrUpdateProject(new ProjectEntry("", "github.com/foo/bar", null, null));

        DaemonYAML.CredentialUpdate update = legacy.withRepositoryCredentialHelper("GITHUB.COM/foo/bar", GH);
        DaemonYAML.CredentialUpdate none = legacy.withRepositoryCredentialHelper("github.com/other/repo", GH);

        assertThat(update.updated()).isTrue();
        assertThat(update.config().isAdmissionV2()).isTrue();
        assertThat(update.config().projects()).singleElement()
                .satisfies(p -> assertThat(p.credentialHelper()).isEqualTo(GH));
        assertThat(none.updated()).isFalse();
        assertThat(none.config()).isSameAs(legacy);
    }

    @Test
    void allRoutedAdmitsEveryProjectOnlyUnderV2() {
        DaemonYAML v2 = DaemonYAML.empty().withProjectAdmissionMode(ProjectAdmissionMode.ALL_ROUTED);

        assertThat(v2.isAdmissionV2()).isTrue();
        assertThat(v2.admits("anything")).isTrue();
        assertThat(v2.withProjectAdmissionMode(ProjectAdmissionMode.ENUMERATED).admits("anything")).isFalse();
    }

    @Test
    void intentsCanonicalizeTheOlderDiskKeyAndApplyToTheModel() {
        CapacityIntent legacy = new CapacityIntent("capacity.poolMaxDiskGb", 0);

        assertThat(legacy.key()).isEqualTo(CapacityIntent.WORKAREA_MAX_DISK_GB);
        assertThat(legacy.section()).isEqualTo("capacity");
        assertThat(legacy.field()).isEqualTo("workareaMaxDiskGb");
        DaemonYAML base = DaemonYAML.empty().withCapacity(new CapacityConfig(4, 50));
        assertThat(base.withIntent(legacy).capacity()).isEqualTo(new CapacityConfig(4, 0));
        assertThat(base.withIntent(new CapacityIntent(CapacityIntent.REPO_KEEPER_ENABLED, 1)).repoKeeper())
                .isEqualTo(new RepoKeeperConfig(true, 0, 0, 0));
        assertThat(base.withIntent(new CapacityIntent(CapacityIntent.REPO_KEEPER_AUTHORIZATION_WINDOW_SECONDS, 60))
                .repoKeeper()).isEqualTo(new RepoKeeperConfig(false, 0, 0, 60));
        assertThatThrownBy(() -> new CapacityIntent("repoKeeper.mirrorRoot", 1))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("unsupported daemon.yaml key");
    }

    @Test
    void aControlTokenIsNeverShownAndMustBeAHeaderValue() {
        assertThat(new ControlToken("abc123").toString()).isEqualTo("ControlToken[REDACTED]");
        assertThatThrownBy(() -> new ControlToken("two words")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("two words");
        assertThatThrownBy(() -> new ControlToken("")).isInstanceOf(IllegalArgumentException.class);
    }
}
