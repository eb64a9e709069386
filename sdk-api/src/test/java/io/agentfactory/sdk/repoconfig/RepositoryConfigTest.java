package io.agentfactory.sdk.repoconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.error.InvalidArgumentException;

class RepositoryConfigTest {

    @Test
    void effectiveAllowedProjectsAreTheProjectPathsNamesInTheirOrder() {
        Map<String, ProjectConfig> paths = new LinkedHashMap<>();
        paths.put("Zeta", ProjectConfig.atPath("apps/zeta"));
        paths.put("Alpha", ProjectConfig.atPath("apps/alpha"));
        paths.put("Mid", ProjectConfig.atPath("apps/mid"));

        RepositoryConfig config = config(List.of(), paths);

        assertThat(config.effectiveAllowedProjects()).containsExactly("Zeta", "Alpha", "Mid");
        assertThat(config.allowsAllProjects()).isFalse();
    }

    @Test
    void withoutProjectPathsTheAllowedProjectsAreTheEffectiveOnes() {
        RepositoryConfig config = config(List.of("Agent", "Social"), Map.of());

        assertThat(config.effectiveAllowedProjects()).containsExactly("Agent", "Social");
        assertThat(config.isProjectAllowed("Social")).isTrue();
        assertThat(config.isProjectAllowed("Other")).isFalse();
    }

    @Test
    void listingNoProjectsAllowsEveryProject() {
        RepositoryConfig config = config(List.of(), Map.of());

        assertThat(config.allowsAllProjects()).isTrue();
        assertThat(config.effectiveAllowedProjects()).isEmpty();
        assertThat(config.isProjectAllowed("Anything")).isTrue();
    }

    @Test
    void projectNamesMatchExactlyAndCaseSensitively() {
        RepositoryConfig config = config(List.of(), Map.of("Family", ProjectConfig.atPath("apps/family")));

        assertThat(config.isProjectAllowed("Family")).isTrue();
        assertThat(config.isProjectAllowed("family")).isFalse();
        assertThat(config.isProjectAllowed("Family ")).isFalse();
        assertThat(config.project("FAMILY")).isEmpty();
    }

    @Test
    void aProjectInheritsTheRepositoryPackageManagerAndCommandsWhereItsOwnAreEmpty() {
        RepositoryConfig config = config(List.of(), Map.of(
                "Family", new ProjectConfig("apps/family", PackageManager.UNSET, "", "make test", "")));

        assertThat(config.project("Family")).contains(
                new ProjectConfig("apps/family", PackageManager.PNPM, "pnpm build", "make test", "pnpm typecheck"));
    }

    @Test
    void aProjectKeepsItsOwnPackageManagerAndCommands() {
        ProjectConfig own = new ProjectConfig("apps/ios", PackageManager.NONE, "make build", "make test", "make lint");
        RepositoryConfig config = config(List.of(), Map.of("iOS", own));

        assertThat(config.project("iOS")).contains(own);
        assertThat(config.projectPaths().get("iOS")).isEqualTo(own);
    }

    @Test
    void allowedProjectsAndProjectPathsCannotBothBeNonEmpty() {
        assertThatThrownBy(() -> config(List.of("Agent"), Map.of("Family", ProjectConfig.atPath("apps/family"))))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("mutually exclusive");
    }

    @Test
    void anUnsetPackageManagerIsNeitherKnownNorAValue() {
        assertThat(PackageManager.of("")).isSameAs(PackageManager.UNSET);
        assertThat(PackageManager.UNSET.isUnset()).isTrue();
        assertThat(PackageManager.UNSET.isKnown()).isFalse();
        assertThat(PackageManager.of("gradle").isKnown()).isFalse();
        assertThat(PackageManager.of("bun")).isSameAs(PackageManager.BUN);
    }

    private static RepositoryConfig config(List<String> allowed, Map<String, ProjectConfig> paths) {
        return new RepositoryConfig("v1", RepositoryConfig.KIND, "github.com/acme/mono", allowed, paths, List.of(),
                PackageManager.PNPM, "pnpm build", "pnpm test", "pnpm typecheck", "");
    }
}
