package io.agentfactory.sdk.reactor.config;

import static io.agentfactory.sdk.reactor.config.ConfigFiles.names;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.project;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.text;
import static io.agentfactory.sdk.reactor.config.ConfigFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.error.ConfigFileException;

/** A daemon.yaml that is a symbolic link (dotfile managers) is written through to its target. */
class SymlinkTest {

    @TempDir
    Path dir;

    private Path home;
    private Path dotfiles;

    @BeforeEach
    void directories() throws IOException {
        home = Files.createDirectories(dir.resolve("home/.donmai"));
        dotfiles = Files.createDirectories(dir.resolve("dotfiles/donmai"));
    }

    @Test
    void writeReplacesTheTargetAndKeepsTheLink() throws IOException {
        Path target = write(dotfiles.resolve("daemon.yaml"), "machine: {id: m1}\n");
        Path link = Files.createSymbolicLink(home.resolve("daemon.yaml"), target);

        DaemonYamlFiles.update(link, config -> config.addOrUpdateProject(project("github.com/foo/bar")));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target);
        assertThat(text(target)).startsWith("machine: {id: m1}\nprojects:\n  - id: foo-bar\n");
        assertThat(names(home)).containsExactly("daemon.yaml");
        assertThat(names(dotfiles)).containsExactly("daemon.yaml", "daemon.yaml.lock");
    }

    @Test
    void readFollowsTheLink() throws IOException {
        Path target = write(dotfiles.resolve("daemon.yaml"), "projects: [{repository: github.com/foo/bar}]\n");
        Path link = Files.createSymbolicLink(home.resolve("daemon.yaml"), target);

        assertThat(DaemonYamlFiles.read(link).projects()).singleElement()
                .satisfies(p -> assertThat(p.id()).isEqualTo("foo-bar"));
    }

    @Test
    void relativeLinkChainIsResolvedFromEachLinksDirectory() throws IOException {
        Path target = write(dotfiles.resolve("daemon.yaml"), "projects: []\n");
        Path middle = Files.createSymbolicLink(dir.resolve("dotfiles/current.yaml"), Path.of("donmai/daemon.yaml"));
        Path link = Files.createSymbolicLink(home.resolve("daemon.yaml"), Path.of("../../dotfiles/current.yaml"));

        DaemonYamlFiles.update(link, config -> config.addOrUpdateProject(project("github.com/foo/bar")));

        assertThat(Files.isSymbolicLink(middle)).isTrue();
        assertThat(text(target)).contains("repository: github.com/foo/bar");
    }

    @Test
    void danglingLinkCreatesItsTarget() throws IOException {
        Path target = dotfiles.resolve("new/daemon.yaml");
        Path link = Files.createSymbolicLink(home.resolve("daemon.yaml"), target);

        DaemonYamlFiles.update(link, config -> config.addOrUpdateProject(project("github.com/foo/bar")));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(text(target)).contains("repository: github.com/foo/bar");
    }

    @Test
    void linkLoopIsAConfigFileError() throws IOException {
        Path a = home.resolve("daemon.yaml");
        Path b = home.resolve("other.yaml");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);

        assertThatThrownBy(() -> DaemonYamlFiles.update(a, config -> config.addOrUpdateProject(project("github.com/x/y"))))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> {
                    assertThat(e.file()).isEqualTo(a.toString());
                    assertThat(e).hasMessageContaining("more than 40 symbolic links");
                });
        assertThat(names(home)).containsExactly("daemon.yaml", "other.yaml");
    }
}
