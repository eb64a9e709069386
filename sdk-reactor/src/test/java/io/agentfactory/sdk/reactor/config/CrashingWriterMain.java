package io.agentfactory.sdk.reactor.config;

import java.nio.file.Path;

/**
 * A writer that dies mid-write: starts an update of the file at {@code args[0]}, and once its
 * temporary file is written and synced, prints {@code written} and blocks until it is killed.
 */
public final class CrashingWriterMain {

    private CrashingWriterMain() {
    }

    public static void main(String[] args) {
        DaemonYamlFile blocked = new DaemonYamlFile(temporary -> {
            System.out.println("written");
            System.out.flush();
            System.in.read(); // never answered: the parent kills this process with SIGKILL
        });
        blocked.update(Path.of(args[0]), config -> config.addOrUpdateProject(ConfigFiles.project("github.com/crash/" + args[1])));
    }
}
