package io.agentfactory.sdk.reactor.logsignatures;

import static io.agentfactory.sdk.reactor.internal.configfile.FileIoThreads.assertReadsOnBoundedElastic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.error.ConfigFileNotFoundException;
import io.agentfactory.sdk.error.MalformedYamlException;
import io.agentfactory.sdk.logsignatures.LogSignature;
import io.agentfactory.sdk.logsignatures.LogSignatureCatalog;
import io.agentfactory.sdk.logsignatures.PatternType;
import io.agentfactory.sdk.logsignatures.Severity;

class LogSignatureCatalogLoaderTest {

    @TempDir
    Path dir;

    @Test
    void userSignaturesComeBeforeTheDefaults() throws IOException {
        Path file = write("""
                signatures:
                  - id: ssh-key-permission
                    pattern: "\\\\.ssh/.*permission denied"
                    type: permission
                    severity: critical
                    title: SSH key unreadable
                """);

        LogSignatureCatalog catalog = LogSignatureCatalogLoader.loadBlocking(file);

        assertThat(catalog.signatures()).hasSize(18);
        assertThat(catalog.signatures().subList(1, 18)).isEqualTo(LogSignatureCatalog.defaults().signatures());
        assertThat(LogSignatureMatcher.of(catalog).match("open /root/.ssh/id_rsa: permission denied"))
                .map(LogSignature::id).contains("ssh-key-permission");
        assertThat(LogSignatureMatcher.of(catalog).match("open /etc/shadow: permission denied"))
                .map(LogSignature::id).contains("file-permission-denied");
    }

    @Test
    void userSignaturesAreReadAsWrittenKeepingUnknownTypesAndSeverities() throws IOException {
        Path file = write("""
                signatures:
                  - id: flaky-registry
                    pattern: registry\\.example\\.com.*503
                    type: flaky_ci
                    severity: blocker
                    title: Package registry unavailable
                  - id: minimal
                    pattern: boom
                """);

        List<LogSignature> user = LogSignatureCatalogLoader.loadBlocking(file).signatures().subList(0, 2);

        assertThat(user).containsExactly(
                new LogSignature("flaky-registry", "registry\\.example\\.com.*503", PatternType.of("flaky_ci"),
                        Severity.of("blocker"), "Package registry unavailable"),
                new LogSignature("minimal", "boom", PatternType.of(""), Severity.of(""), ""));
    }

    @Test
    void anInvalidRegexFailsTheLoadNamingTheSignatureAndLine() throws IOException {
        Path file = write("""
                signatures:
                  - id: fine
                    pattern: ok
                  - id: broken-group
                    pattern: "(unclosed"
                """);

        assertThatThrownBy(() -> LogSignatureCatalogLoader.loadBlocking(file))
                .isExactlyInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(file + ":5: signature broken-group has an invalid pattern: Unclosed group")
                .satisfies(e -> assertThat(((ConfigFileException) e).line()).hasValue(5));
    }

    @Test
    void aSignatureWithoutAnIdIsAnErrorAtItsLine() throws IOException {
        Path file = write("""
                signatures:
                  - pattern: boom
                """);

        assertThatThrownBy(() -> LogSignatureCatalogLoader.loadBlocking(file))
                .isExactlyInstanceOf(ConfigFileException.class)
                .hasMessage(file + ":2: signatures[0] has no id");
    }

    @Test
    void aSignatureWithoutAPatternIsAnErrorNamingIt() throws IOException {
        Path file = write("""
                signatures:
                  - id: empty
                    pattern: ""
                """);

        assertThatThrownBy(() -> LogSignatureCatalogLoader.loadBlocking(file))
                .isExactlyInstanceOf(ConfigFileException.class)
                .hasMessage(file + ":2: signature empty has no pattern");
    }

    @Test
    void signaturesThatAreNotAListAreAnError() throws IOException {
        Path file = write("signatures:\n  id: x\n");

        assertThatThrownBy(() -> LogSignatureCatalogLoader.loadBlocking(file))
                .isExactlyInstanceOf(ConfigFileException.class)
                .hasMessage(file + ":2: signatures must be a list, not a mapping");
    }

    @Test
    void unknownKeysAreIgnored() throws IOException {
        Path file = write("""
                version: 2
                signatures:
                  - id: boom
                    pattern: boom
                    notes: added after the March outage
                """);

        assertThat(LogSignatureCatalogLoader.loadBlocking(file).signatures().get(0).id()).isEqualTo("boom");
    }

    @Test
    void anEmptyFileAddsNothingToTheDefaults() throws IOException {
        assertThat(LogSignatureCatalogLoader.loadBlocking(write(""))).isEqualTo(LogSignatureCatalog.defaults());
    }

    @Test
    void malformedYamlNamesTheFileAndLine() throws IOException {
        Path file = write("signatures:\n  - id: a\n    pattern: [x\n");

        assertThatThrownBy(() -> LogSignatureCatalogLoader.loadBlocking(file))
                .isInstanceOfSatisfying(MalformedYamlException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).isPresent();
                });
    }

    @Test
    void aMissingFileIsNotFound() {
        Path file = dir.resolve("absent.yaml");

        assertThatThrownBy(() -> LogSignatureCatalogLoader.loadBlocking(file))
                .isInstanceOfSatisfying(ConfigFileNotFoundException.class, e -> assertThat(e.file()).isEqualTo(file.toString()));
    }

    @Test
    void loadReadsTheFileOnBoundedElasticWhenSubscribedFromANonBlockingThread() throws IOException {
        Path file = write("signatures: []\n");

        assertReadsOnBoundedElastic(() -> LogSignatureCatalogLoader.load(file));
    }

    @Test
    void theUserCatalogIsTheDefaultsAloneWhenItsFileDoesNotExist() {
        LogSignatureCatalog catalog = withHome(dir, () -> LogSignatureCatalogLoader.loadUserCatalog().block(Duration.ofSeconds(10)));

        assertThat(catalog).isEqualTo(LogSignatureCatalog.defaults());
    }

    @Test
    void theUserCatalogIsReadFromConfigAfUnderTheHomeDirectory() throws IOException {
        Path file = dir.resolve(".config/af/log-signatures.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "signatures:\n  - id: mine\n    pattern: boom\n");

        LogSignatureCatalog catalog = withHome(dir, LogSignatureCatalogLoader::loadUserCatalogBlocking);

        assertThat(catalog.signatures().get(0).id()).isEqualTo("mine");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("log-signatures.yaml");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Runs {@code action} with {@code user.home} set to {@code home}; tests in this module run one at a time. */
    private static <T> T withHome(Path home, Supplier<T> action) {
        String previous = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            return action.get();
        }
        finally {
            System.setProperty("user.home", previous);
        }
    }
}
