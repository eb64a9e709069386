package io.agentfactory.sdk.reactor.config;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for the minting race: prints {@code ready}, waits for a line on its input,
 * ensures the control token file and prints a SHA-256 of the token it got (never the token).
 */
public final class EnsureTokenWorkerMain {

    private EnsureTokenWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        System.out.println("ready");
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        System.out.println("digest " + ControlTokenFileTest.digest(ControlTokenFile.ensureBlocking(file).value()));
    }
}
