package io.agentfactory.sdk.reactor.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.agentfactory.sdk.daemon.ControlToken;
import io.agentfactory.sdk.daemon.ControlTokenLocation;
import io.agentfactory.sdk.error.ConfigFileException;

/**
 * The daemon's control token file ({@code ~/.donmai/control-token} by default, see
 * {@link ControlTokenLocation}): one line holding the bearer token of the daemon's mutating
 * routes. The daemon mints it on first start; a client reads it and sends it as
 * {@code Authorization: Bearer <token>}. All file I/O runs on {@code Schedulers.boundedElastic()}.
 *
 * <p>Format: the token (64 lowercase hex digits, from 32 bytes of {@link SecureRandom}) and a line
 * feed; readers trim surrounding white space.
 *
 * <p>What is refused, with a {@link ConfigFileException} naming the file and never its content:
 * a symbolic link (not followed, so the token cannot be redirected elsewhere), anything but a
 * regular file, a file readable or writable by group or others (POSIX file systems: mode must
 * grant nothing beyond the owner), a file over {@value #MAX_BYTES} bytes, an empty file, and
 * content that cannot be a header value. Nothing here logs, and no error repeats the token.
 *
 * <p>Minting never overwrites a present file, even against concurrent minters in other
 * processes: the token is written to a private temporary file (0600, synced) in the same
 * directory (created 0700 when missing), which is then hard-linked to the final name; the link
 * fails when the name exists, and the loser reads the winner's token. Every caller therefore gets
 * the token that is in the file.
 */
public final class ControlTokenFile {

    /** The largest token file read. */
    static final int MAX_BYTES = 4096;

    private static final int TOKEN_BYTES = 32;
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS = EnumSet.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private ControlTokenFile() {
    }

    /**
     * The token in {@code file}; empty when the file does not exist (the daemon runs without a
     * token).
     *
     * @return a Mono of the token, empty, or of a {@link ConfigFileException} (see the class documentation)
     */
    public static Mono<ControlToken> load(Path file) {
        Objects.requireNonNull(file, "file");
        return Mono.fromCallable(() -> read(file)).subscribeOn(Schedulers.boundedElastic());
    }

    /** {@link #load} of {@link ControlTokenLocation#defaultPath()} (the environment is read now). */
    public static Mono<ControlToken> loadDefault() {
        return load(ControlTokenLocation.defaultPath());
    }

    /**
     * The token in {@code file}, minting and storing a new one when the file does not exist (what
     * the daemon does at start). A present file is never replaced: an unusable one is refused.
     *
     * @return a Mono of the token in the file, or of a {@link ConfigFileException}
     */
    public static Mono<ControlToken> ensure(Path file) {
        Objects.requireNonNull(file, "file");
        return Mono.fromCallable(() -> ensureBlocking(file)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Blocking {@link #ensure}, for code that may block (a simulator starting, a command-line tool). */
    public static ControlToken ensureBlocking(Path file) {
        for (int attempt = 0; attempt < 3; attempt++) {
            ControlToken existing = read(file);
            if (existing != null) {
                return existing;
            }
            ControlToken minted = mint(file);
            if (minted != null) {
                return minted;
            }
            // another process installed its token first; read it (unless it vanished again)
        }
        throw new ConfigFileException(file.toString(), 0, "the control token file keeps appearing and vanishing", null);
    }

    /** The token in the file, {@code null} when there is no file. */
    static @Nullable ControlToken read(Path file) {
        String name = file.toString();
        try {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            }
            catch (NoSuchFileException e) {
                return null;
            }
            if (attributes.isSymbolicLink()) {
                throw refused(name, "is a symbolic link; a control token file is never followed through a link");
            }
            if (!attributes.isRegularFile()) {
                throw refused(name, "is not a regular file");
            }
            if (posix(file)) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
                if (permissions.stream().anyMatch(NOT_OWNER::contains)) {
                    throw refused(name, "grants access beyond its owner (" + PosixFilePermissions.toString(permissions)
                            + "); it must be 0600 (chmod 600)");
                }
            }
            if (attributes.size() > MAX_BYTES) {
                throw refused(name, "is larger than " + MAX_BYTES + " bytes");
            }
            byte[] bytes = readAtMost(file);
            if (bytes.length > MAX_BYTES) {
                throw refused(name, "is larger than " + MAX_BYTES + " bytes");
            }
            String text = new String(bytes, StandardCharsets.ISO_8859_1).strip();
            if (text.isEmpty()) {
                throw refused(name, "is empty; delete it to have a new token minted");
            }
            try {
                return new ControlToken(text);
            }
            catch (IllegalArgumentException e) {
                throw refused(name, "holds characters a bearer token cannot carry");
            }
        }
        catch (IOException e) {
            throw new ConfigFileException(name, 0, "cannot read the control token: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Installs a fresh token unless a file is present; {@code null} when one was. */
    private static @Nullable ControlToken mint(Path file) {
        String name = file.toString();
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        ControlToken token = new ControlToken(HexFormat.of().formatHex(randomBytes()));
        Path temporary = directory.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(randomBytes())
                .substring(0, 16) + ".tmp");
        try {
            OwnerOnly.createDirectories(directory);
            requireOwnerWritableOnly(name, directory);
            try {
                try (FileChannel channel = FileChannel.open(temporary,
                        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OwnerOnly.fileAttributes(temporary))) {
                    channel.write(ByteBuffer.wrap((token.value() + "\n").getBytes(StandardCharsets.US_ASCII)));
                    channel.force(true);
                }
                OwnerOnly.restrictFile(temporary);
                if (!install(temporary, target)) {
                    return null;
                }
            }
            finally {
                Files.deleteIfExists(temporary);
            }
            syncDirectory(directory);
            return token;
        }
        catch (IOException e) {
            throw new ConfigFileException(name, 0, "cannot create the control token: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Links {@code temporary} to {@code target} without ever replacing it; {@code false} when it exists. */
    private static boolean install(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
            return true;
        }
        catch (FileAlreadyExistsException e) {
            return false;
        }
        catch (UnsupportedOperationException e) {
            // no hard links here: a move without REPLACE_EXISTING still refuses a present target
            try {
                Files.move(temporary, target);
                return true;
            }
            catch (FileAlreadyExistsException present) {
                return false;
            }
        }
    }

    private static void requireOwnerWritableOnly(String name, Path directory) throws IOException {
        if (posix(directory)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
            if (permissions.stream().anyMatch(WRITABLE_BY_OTHERS::contains)) {
                throw refused(name, "is in a directory others may write to (" + PosixFilePermissions.toString(permissions)
                        + "); it must be 0700");
            }
        }
    }

    private static byte[] readAtMost(Path file) throws IOException {
        // O_NOFOLLOW: a link swapped in since the check above is refused, not followed
        try (SeekableByteChannel channel = Files.newByteChannel(file, Set.of(StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS))) {
            ByteBuffer buffer = ByteBuffer.allocate(MAX_BYTES + 1);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // keep reading
            }
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return bytes;
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
        catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a directory; the link itself is in place
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static ConfigFileException refused(String name, String why) {
        return new ConfigFileException(name, 0, "control token file " + why, null);
    }
}
