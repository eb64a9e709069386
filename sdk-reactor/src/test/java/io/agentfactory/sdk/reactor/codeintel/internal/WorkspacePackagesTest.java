package io.agentfactory.sdk.reactor.codeintel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.agentfactory.sdk.codeintel.UnreadablePackageJson;
import io.agentfactory.sdk.reactor.codeintel.internal.WorkspacePackages.Found;
import io.agentfactory.sdk.reactor.codeintel.internal.WorkspacePackages.WorkspacePackage;

class WorkspacePackagesTest {

    @TempDir
    Path root;

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private Found discover() throws IOException {
        return WorkspacePackages.discover(root.toRealPath());
    }

    @Test
    void declaredIsTheUnionOfTheThreeDependencyFields() throws IOException {
        write("package.json", """
                {"name": "root", "dependencies": {"a": "1"}, "devDependencies": {"b": "1"},
                 "peerDependencies": {"c": "1"}, "optionalDependencies": {"d": "1"}}
                """);
        assertThat(discover().packages()).containsExactly(new WorkspacePackage("root", "", Set.of("a", "b", "c")));
    }

    @Test
    void packagesAreFoundDownToDepthFiveOnly() throws IOException {
        write("a/b/c/d/e/package.json", "{\"name\": \"five\"}");
        write("a/b/c/d/e/f/package.json", "{\"name\": \"six\"}");
        assertThat(discover().packages()).extracting(WorkspacePackage::name, WorkspacePackage::dir)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("five", "a/b/c/d/e"));
    }

    @Test
    void skippedAndDotDirectoriesAreNotSearched() throws IOException {
        write("node_modules/x/package.json", "{\"name\": \"x\"}");
        write("dist/package.json", "{\"name\": \"d\"}");
        write(".changeset/package.json", "{\"name\": \"dot\"}"); // the reference would find this one
        write("pkg/package.json", "{\"name\": \"pkg\"}");
        assertThat(discover().packages()).extracting(WorkspacePackage::name).containsExactly("pkg");
    }

    @Test
    void aPackageJsonWithoutANameIsNoPackageAndNotUnreadable() throws IOException {
        write("package.json", "{\"private\": true, \"workspaces\": [\"packages/*\"]}");
        write("p/package.json", "{\"name\": \"\"}");
        Found found = discover();
        assertThat(found.packages()).isEmpty();
        assertThat(found.unreadable()).isEmpty();
    }

    @Test
    void hostilePackageJsonFilesAreListedWithTheReasonAndTheRestStillCounts() throws IOException {
        write("bad/package.json", "{\"name\": \"bad\", ");
        write("arr/package.json", "[1, 2]");
        write("num/package.json", "{\"name\": 42}");
        write("deps/package.json", "{\"name\": \"deps\", \"devDependencies\": [\"x\"]}");
        write("deep/package.json", "{\"name\": \"deep\", \"x\": " + "[".repeat(200) + "]".repeat(200) + "}");
        write("empty/package.json", "");
        write("good/package.json", "{\"name\": \"good\"}");
        Path big = root.resolve("big/package.json");
        Files.createDirectories(big.getParent());
        try (var out = Files.newOutputStream(big)) {
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            out.write("{\"name\": \"big\"".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write('}');
        }
        Found found = discover();
        assertThat(found.packages()).extracting(WorkspacePackage::name).containsExactly("good");
        assertThat(found.unreadable()).extracting(UnreadablePackageJson::path, UnreadablePackageJson::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("arr/package.json", "not a JSON object"),
                org.assertj.core.groups.Tuple.tuple("bad/package.json", "not valid JSON (line 1, column 17)"),
                org.assertj.core.groups.Tuple.tuple("big/package.json", "larger than 1048576 bytes"),
                org.assertj.core.groups.Tuple.tuple("deep/package.json", "exceeds a parser limit (nesting depth 64, string length 65536)"),
                org.assertj.core.groups.Tuple.tuple("deps/package.json", "devDependencies is not an object"),
                org.assertj.core.groups.Tuple.tuple("empty/package.json", "not a JSON object"),
                org.assertj.core.groups.Tuple.tuple("num/package.json", "name is not a string"));
    }

    @Test
    void aSymlinkedPackageJsonOrDirectoryIsNotFollowed() throws IOException {
        write("outside/package.json", "{\"name\": \"secret\"}");
        Files.createDirectories(root.resolve("pkg"));
        Files.createSymbolicLink(root.resolve("pkg/package.json"), root.resolve("outside/package.json"));
        Files.createSymbolicLink(root.resolve("linked"), root.resolve("outside"));
        Found found = discover();
        assertThat(found.packages()).extracting(WorkspacePackage::dir).containsExactly("outside");
        assertThat(found.unreadable()).containsExactly(new UnreadablePackageJson("pkg/package.json", "a symbolic link (not followed)"));
    }

    @Test
    void aFifoNamedPackageJsonIsListedNotRead() throws Exception {
        Files.createDirectories(root.resolve("pipe"));
        Process mkfifo = new ProcessBuilder("mkfifo", root.resolve("pipe/package.json").toString()).start();
        assertThat(mkfifo.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        write("good/package.json", "{\"name\": \"good\"}");
        Found found = discover();
        assertThat(found.packages()).extracting(WorkspacePackage::name).containsExactly("good");
        assertThat(found.unreadable()).containsExactly(new UnreadablePackageJson("pipe/package.json", "not a regular file"));
    }
}
