package io.agentfactory.sdk.reactor.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another JVM running a {@code main} of the test sources with this JVM's class path, talking
 * over its standard input and output (one line per message), so that tests can coordinate with
 * a real second process without sleeping.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = process.outputWriter(StandardCharsets.UTF_8);
    }

    static ChildJvm start(Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads lines until one equals {@code expected} (log lines may come first); fails at end of output. */
    void await(String expected) {
        awaitAny(expected);
    }

    /** The next line that is one of {@code answers}. */
    String awaitAny(String... answers) {
        String line;
        try {
            while ((line = out.readLine()) != null) {
                if (List.of(answers).contains(line)) {
                    return line;
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("the child exited without printing any of " + List.of(answers));
    }

    void send(String line) {
        try {
            in.write(line + "\n");
            in.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits (bounded) for the child to exit and returns its exit code. */
    int exitCode() {
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                throw new AssertionError("the child did not exit");
            }
            return process.exitValue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
