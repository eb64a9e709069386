package io.agentfactory.sdk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DaemonYAMLTest {

    private static final CredentialHelper SSH_KEY = new CredentialHelper(CredentialHelperKind.SSH,
            "/home/me/.ssh/id_ed25519", "");

    private static final ProjectEntry FOO_BAR = new ProjectEntry("foo-bar", "github.com/foo/bar",
            CloneStrategy.SHALLOW, SSH_KEY);

    private static final ProjectEntry ACME_API = new ProjectEntry("acme-api", "github.com/acme/api",
            CloneStrategy.FULL, null);

    private static final DaemonYAML TWO_PROJECTS = DaemonYAML.empty().addOrUpdateProject(FOO_BAR)
            .addOrUpdateProject(ACME_API);

    @Test
    void addingANewRepositoryAppendsIt() {
        assertThat(TWO_PROJECTS.projects()).containsExactly(FOO_BAR, ACME_API);
    }

    @Test
    void addingAKnownRepositoryReplacesTheEntryInPlace() {
        ProjectEntry updated = new ProjectEntry("foo-bar", "github.com/foo/bar", CloneStrategy.REFERENCE_CLONE, null);

        DaemonYAML next = TWO_PROJECTS.addOrUpdateProject(updated);

        assertThat(next.projects()).containsExactly(updated, ACME_API);
    }

    @Test
    void anEntryWithoutAnIdGetsOneDerivedFromItsRepository() {
        DaemonYAML next = DaemonYAML.empty()
                .addOrUpdateProject(new ProjectEntry("", "git@github.com:Foo/Baz.git", CloneStrategy.of(""), null));

        assertThat(next.projects()).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo("foo-baz");
            assertThat(entry.repository()).isEqualTo("git@github.com:Foo/Baz.git");
        });
    }

    @Test
    void anExplicitIdIsKept() {
        DaemonYAML next = DaemonYAML.empty()
                .addOrUpdateProject(new ProjectEntry("my-own-id", "github.com/foo/bar", CloneStrategy.SHALLOW, null));

        assertThat(next.projects().get(0).id()).isEqualTo("my-own-id");
    }

    @Test
    void changesReturnANewValueAndLeaveTheOriginalAlone() {
        DaemonYAML original = DaemonYAML.empty().addOrUpdateProject(FOO_BAR);

        original.addOrUpdateProject(ACME_API);
        original.removeProject("github.com/foo/bar");
        original.withCapacity(new CapacityConfig(4, 50));

        assertThat(original).isEqualTo(new DaemonYAML(List.of(FOO_BAR), CapacityConfig.empty()));
    }

    @Test
    void findReturnsTheIndexOfTheRepository() {
        assertThat(TWO_PROJECTS.findProject("github.com/foo/bar")).isZero();
        assertThat(TWO_PROJECTS.findProject("github.com/acme/api")).isEqualTo(1);
    }

    @Test
    void findReturnsMinusOneForAnUnknownRepository() {
        assertThat(TWO_PROJECTS.findProject("github.com/nobody/nothing")).isEqualTo(-1);
        assertThat(DaemonYAML.empty().findProject("github.com/foo/bar")).isEqualTo(-1);
    }

    @Test
    void repositoriesAreComparedExactly() {
        assertThat(TWO_PROJECTS.findProject("GitHub.com/foo/bar")).isEqualTo(-1);
        assertThat(TWO_PROJECTS.findProject("https://github.com/foo/bar")).isEqualTo(-1);
        assertThat(TWO_PROJECTS.hasProject("github.com/foo/bar")).isTrue();
        assertThat(TWO_PROJECTS.hasProject("github.com/foo/bar.git")).isFalse();
    }

    @Test
    void removeReportsARemovalAndDropsTheEntry() {
        DaemonYAML.ProjectRemoval removal = TWO_PROJECTS.removeProject("github.com/foo/bar");

        assertThat(removal.removed()).isTrue();
        assertThat(removal.config().projects()).containsExactly(ACME_API);
    }

    @Test
    void removeOfAnUnknownRepositoryReportsNothingAndKeepsTheConfig() {
        DaemonYAML.ProjectRemoval removal = TWO_PROJECTS.removeProject("github.com/nobody/nothing");

        assertThat(removal.removed()).isFalse();
        assertThat(removal.config()).isSameAs(TWO_PROJECTS);
    }

    @Test
    void capacityIsKeptAcrossProjectChanges() {
        CapacityConfig capacity = new CapacityConfig(4, 50);

        DaemonYAML next = DaemonYAML.empty().withCapacity(capacity).addOrUpdateProject(FOO_BAR)
                .removeProject("github.com/foo/bar").config();

        assertThat(next.capacity()).isEqualTo(capacity);
    }

    @Test
    void theProjectListIsUnmodifiable() {
        assertThatThrownBy(() -> TWO_PROJECTS.projects().add(FOO_BAR)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEmptyConfigHasNoProjectsAndNoLimits() {
        assertThat(DaemonYAML.empty().projects()).isEmpty();
        assertThat(DaemonYAML.empty().capacity()).isEqualTo(new CapacityConfig(0, 0));
        assertThat(new DaemonYAML(null, null)).isEqualTo(DaemonYAML.empty());
    }
}
