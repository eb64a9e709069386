package io.agentfactory.sdk.reactor.internal.configfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import io.agentfactory.sdk.error.ConfigFileException;
import io.agentfactory.sdk.error.MalformedYamlException;

/**
 * Reads a configuration file whole, as text. Blocking: call on {@code boundedElastic}. Not API.
 */
public final class ConfigFileText {

    /** The largest configuration file read; no real one comes close. */
    public static final int MAX_BYTES = 1024 * 1024;

    private ConfigFileText() {
    }

    /**
     * The file's text (a leading byte-order mark dropped), or empty when the file does not exist.
     *
     * @throws ConfigFileException when the file cannot be read or is larger than {@value #MAX_BYTES} bytes
     * @throws MalformedYamlException when the file is not valid UTF-8
     */
    public static Optional<String> readIfExists(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw new ConfigFileException(file.toString(), 0, "cannot be read: " + e, e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigFileException(file.toString(), 0, "is larger than " + MAX_BYTES + " bytes", null);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        }
        catch (CharacterCodingException e) {
            throw new MalformedYamlException(file.toString(), 0, "is not valid UTF-8", e);
        }
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
}
