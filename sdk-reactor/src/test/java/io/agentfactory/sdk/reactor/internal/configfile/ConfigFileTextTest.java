package io.agentfactory.sdk.reactor.internal.configfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.error.MalformedYamlException;

class ConfigFileTextTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsEmptyNotAnError() {
        assertThat(ConfigFileText.readIfExists(dir.resolve("absent.yaml"))).isEmpty();
    }

    @Test
    void aFileIsReadAsUtf8WithoutItsByteOrderMark() throws IOException {
        Path file = dir.resolve("bom.yaml");
        Files.write(file, ("\uFEFFtitle: échec\n").getBytes(StandardCharsets.UTF_8));

        assertThat(ConfigFileText.readIfExists(file)).contains("title: échec\n");
    }

    @Test
    void aFileOfExactlyTheLimitIsRead() throws IOException {
        Path file = dir.resolve("limit.yaml");
        Files.write(file, new byte[ConfigFileText.MAX_BYTES]);

        assertThat(ConfigFileText.readIfExists(file)).get().asString().hasSize(ConfigFileText.MAX_BYTES);
    }

    @Test
    void aFileLargerThanTheLimitIsRejected() throws IOException {
        Path file = dir.resolve("huge.yaml");
        Files.write(file, new byte[ConfigFileText.MAX_BYTES + 1]);

        assertThatThrownBy(() -> ConfigFileText.readIfExists(file))
                .isExactlyInstanceOf(ConfigFileException.class)
                .hasMessage(file + ": is larger than 1048576 bytes");
    }

    @Test
    void invalidUtf8IsMalformed() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> ConfigFileText.readIfExists(file))
                .isInstanceOf(MalformedYamlException.class)
                .hasMessage(file + ": is not valid UTF-8");
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsAReadError() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("config.yaml"));

        assertThatThrownBy(() -> ConfigFileText.readIfExists(directory))
                .isExactlyInstanceOf(ConfigFileException.class)
                .hasMessageContaining("cannot be read");
    }
}
