package io.agentfactory.sdk.reactor.codeintel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * JGit is optional: a child JVM on this test's class path minus JGit runs the GitHub source and the gate
 * ({@link WithoutJGitMain}); nothing touches a JGit class until a JGit source is read, and that fails typed.
 */
class WithoutJGitTest {

    @Test
    void theGateAndTheGitHubSourceRunWithoutJGit() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.stream(classPath.split(File.pathSeparator)).filter(e -> !e.isBlank()).toList();
        assertThat(entries).anyMatch(e -> e.contains("org.eclipse.jgit"));
        String withoutJGit = entries.stream().filter(e -> !e.contains("org.eclipse.jgit")).collect(Collectors.joining(
                File.pathSeparator));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", withoutJGit, WithoutJGitMain.class.getName())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("OK 1 2 JGit (org.eclipse.jgit:org.eclipse.jgit) is not on the class path");
    }
}
