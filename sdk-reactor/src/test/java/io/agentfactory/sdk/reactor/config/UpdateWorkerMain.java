package io.agentfactory.sdk.reactor.config;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for the cross-process test: prints {@code ready}, waits for a line on its
 * input, then adds {@code count} projects {@code github.com/<prefix>/repo-<i>} to the file, one
 * {@link DaemonYamlFiles#update} each, and prints {@code done}.
 */
public final class UpdateWorkerMain {

    private UpdateWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        System.out.println("ready");
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        for (int i = 0; i < count; i++) {
            String repository = "github.com/" + prefix + "/repo-" + i;
            DaemonYamlFiles.update(path, config -> config.addOrUpdateProject(ConfigFiles.project(repository)));
        }
        System.out.println("done");
    }
}
