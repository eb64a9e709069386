package io.agentfactory.sdk.reactor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.daemon.ControlToken;
import io.agentfactory.sdk.daemon.ControlTokenLocation;
import io.agentfactory.sdk.error.ConfigFileException;

/**
 * The daemon's control token file (upstream afclient/control_token.go): minted once, 0600 in a
 * 0700 directory, never overwritten, every racer getting the token in the file; unusable files
 * refused without following links and without ever repeating their content.
 */
class ControlTokenFileTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String SECRET = "0123456789abcdef-not-for-logs";

    @TempDir
    Path dir;

    @Test
    void ensureMintsA64HexDigitTokenOwnerOnlyAndThenKeepsIt() throws IOException {
        Path file = dir.resolve("state").resolve("control-token");

        ControlToken first = ControlTokenFile.ensure(file).block(TIMEOUT);
        byte[] bytes = Files.readAllBytes(file);
        ControlToken second = ControlTokenFile.ensure(file).block(TIMEOUT);

        assertThat(first.value()).matches("[0-9a-f]{64}");
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).isEqualTo(first.value() + "\n");
        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(ControlTokenFile.load(file).block(TIMEOUT)).isEqualTo(first);
        assertThat(first.toString()).isEqualTo("ControlToken[REDACTED]");
        assertThat(siblings(file.getParent())).containsExactly("control-token");
    }

    @Test
    void aMissingFileLoadsAsNoToken() {
        StepVerifier.create(ControlTokenFile.load(dir.resolve("absent"))).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aHandWrittenTokenIsTrimmedAndKept() throws IOException {
        Path file = owned(dir.resolve("control-token"), "  " + SECRET + "\r\n\n");

        assertThat(ControlTokenFile.ensure(file).block(TIMEOUT)).isEqualTo(new ControlToken(SECRET));
        assertThat(Files.readString(file)).isEqualTo("  " + SECRET + "\r\n\n");
    }

    @Test
    void concurrentMintersAllGetTheOneTokenInTheFile() throws IOException {
        Path file = dir.resolve("race").resolve("control-token");

        List<ControlToken> tokens = Flux.range(0, 16)
                .flatMap(i -> ControlTokenFile.ensure(file).subscribeOn(Schedulers.boundedElastic()), 16)
                .collectList().block(TIMEOUT);

        assertThat(tokens).hasSize(16).containsOnly(ControlTokenFile.load(file).block(TIMEOUT));
        assertThat(siblings(file.getParent())).containsExactly("control-token");
    }

    @Test
    void mintersInOtherProcessesAllGetTheOneTokenInTheFile() throws IOException {
        Path file = dir.resolve("processes").resolve("control-token");
        List<ChildJvm> children = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                children.add(ChildJvm.start(EnsureTokenWorkerMain.class, file.toString()));
            }
            children.forEach(child -> child.await("ready"));
            children.forEach(child -> child.send("go"));
            ControlToken mine = ControlTokenFile.ensureBlocking(file);
            String expected = "digest " + digest(mine.value());
            for (ChildJvm child : children) {
                assertThat(child.awaitAny(expected, "digest other")).isEqualTo(expected);
                assertThat(child.exitCode()).isZero();
            }
            assertThat(Files.readString(file)).isEqualTo(mine.value() + "\n");
            assertThat(siblings(file.getParent())).containsExactly("control-token");
        }
        finally {
            children.forEach(ChildJvm::close);
        }
    }

    /** A hex SHA-256 of the token, so processes can compare tokens without printing them. */
    static String digest(String token) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSymbolicLinkIsRefusedAndNotFollowed() throws IOException {
        Path target = owned(dir.resolve("elsewhere"), SECRET + "\n");
        Path link = Files.createSymbolicLink(dir.resolve("control-token"), target);

        refused(ControlTokenFile.load(link), "is a symbolic link");
        refused(ControlTokenFile.ensure(link), "is a symbolic link");
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        refused(ControlTokenFile.ensure(dangling), "is a symbolic link");

        assertThat(Files.readString(target)).isEqualTo(SECRET + "\n");
        assertThat(Files.exists(dir.resolve("nowhere"))).isFalse();
    }

    @Test
    void aFileOthersMayReadIsRefused() throws IOException {
        Path file = owned(dir.resolve("control-token"), SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        refused(ControlTokenFile.load(file), "grants access beyond its owner (rw-r--r--); it must be 0600");
        refused(ControlTokenFile.ensure(file), "grants access beyond its owner");
        assertThat(Files.readString(file)).isEqualTo(SECRET + "\n");
    }

    @Test
    void anEmptyFileIsRefusedNotOverwritten() throws IOException {
        Path file = owned(dir.resolve("control-token"), " \n");

        refused(ControlTokenFile.ensure(file), "is empty; delete it to have a new token minted");
        assertThat(Files.readString(file)).isEqualTo(" \n");
    }

    @Test
    void oversizedOrUnprintableContentIsRefusedWithoutEchoingIt() throws IOException {
        Path big = owned(dir.resolve("big"), SECRET.repeat(200));
        Path spaced = owned(dir.resolve("spaced"), SECRET + " " + SECRET + "\n");

        refused(ControlTokenFile.load(big), "is larger than 4096 bytes");
        refused(ControlTokenFile.load(spaced), "holds characters a bearer token cannot carry");
    }

    @Test
    void aDirectoryOthersMayWriteToIsRefusedBeforeMinting() throws IOException {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        refused(ControlTokenFile.ensure(shared.resolve("control-token")), "is in a directory others may write to");
        assertThat(siblings(shared)).isEmpty();
    }

    @Test
    void theDefaultLocationIsBesideDaemonYamlUnlessOverridden() {
        assertThat(ControlTokenLocation.resolve(java.util.Map.of(), "/home/me"))
                .isEqualTo(Path.of("/home/me/.donmai/control-token"));
        assertThat(ControlTokenLocation.resolve(java.util.Map.of(ControlTokenLocation.ENV_VAR, " ~/t "), "/home/me"))
                .isEqualTo(Path.of("/home/me/t"));
    }

    private static void refused(reactor.core.publisher.Mono<ControlToken> attempt, String message) {
        StepVerifier.create(attempt)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfigFileException.class)
                        .hasMessageContaining(message)
                        .satisfies(x -> assertThat(x.toString()).doesNotContain(SECRET)))
                .verify(TIMEOUT);
    }

    private static Path owned(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static List<String> siblings(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
