package io.agentfactory.sdk.reactor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DependencyRequirementsTest {

    @TempDir
    Path dir;

    @Test
    void theBuildsOwnClassPathPasses() {
        assertThatCode(() -> DependencyRequirements.check(getClass().getClassLoader())).doesNotThrowAnyException();
        try (ReactorCoordinatorClient client = ReactorCoordinatorClient.create(
                CoordinatorClientOptions.builder("http://127.0.0.1:9").build())) {
            assertThatCode(DependencyRequirements::check).doesNotThrowAnyException();
        }
    }

    @Test
    void anOldJacksonAnnotationsJarIsNamedWithTheVersionNeeded() throws IOException {
        Path jar = annotationsJarWithoutThe221Additions("2.19.2");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> DependencyRequirements.check(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The AgentFactory SDK needs com.fasterxml.jackson.core:jackson-annotations"
                            + " 2.21 or newer (Jackson 3.1 uses its JsonSerializeAs), but the class path has version"
                            + " 2.19.2 from " + jar.toUri().toURL())
                    .hasMessageContaining("declare com.fasterxml.jackson.core:jackson-annotations:2.21")
                    .hasCauseInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void noJacksonAnnotationsAtAllIsSaidSo() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> DependencyRequirements.check(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("but the class path has no jackson-annotations at all");
        }
    }

    /** The check may run on a non-blocking thread (BlockHound is installed in every test). */
    @Test
    void theCheckDoesNotBlockOnANonBlockingThread() {
        StepVerifier.create(Mono.fromRunnable(DependencyRequirements::check).subscribeOn(Schedulers.parallel()))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    /** A real jar: jackson-annotations' JsonProperty class under a manifest claiming {@code version}. */
    private Path annotationsJarWithoutThe221Additions(String version) throws IOException {
        Path jar = dir.resolve("jackson-annotations-" + version + ".jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        String entry = JsonProperty.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream classBytes = JsonProperty.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry("com/"));
            out.putNextEntry(new JarEntry("com/fasterxml/"));
            out.putNextEntry(new JarEntry("com/fasterxml/jackson/"));
            out.putNextEntry(new JarEntry("com/fasterxml/jackson/annotation/"));
            out.putNextEntry(new JarEntry(entry));
            classBytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
