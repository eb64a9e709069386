package io.agentfactory.sdk.reactor.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import io.agentfactory.sdk.config.CloneStrategy;
import io.agentfactory.sdk.config.ProjectEntry;

/** Fixtures shared by the daemon.yaml tests: resources, file listings, modes. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /** The text of {@code src/test/resources/config/<name>}. */
    static String resource(String name) {
        try (InputStream in = ConfigFiles.class.getResourceAsStream("/config/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource config/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} to {@code file} and returns the file. */
    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names in {@code directory}, sorted. */
    static List<String> names(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code "rw-------"} and the like. */
    static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the temporary directory's file system has POSIX modes (every CI runner does). */
    static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** A project with a blank id (derived on write) and the shallow strategy. */
    static ProjectEntry project(String repository) {
        return new ProjectEntry("", repository, CloneStrategy.SHALLOW, null);
    }
}
