package io.agentfactory.sdk.examples.orchestrator;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the {@code claude} CLI: reads the prompt on standard input and answers in
 * stream-json. What it does depends on the issue title in the prompt: {@code [fails]} ends with a
 * failed result ({@code is_error: true}), {@code [hangs]} never finishes (until stopped), anything
 * else "works" for a moment and succeeds. Its result reports whether runner-only variables
 * ({@code ATTACH_*}) reached it.
 */
public final class ScriptedAgent {

    private ScriptedAgent() {
    }

    /** Runs the agent. */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String prompt = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        String issue = System.getenv().getOrDefault("LINEAR_ISSUE_IDENTIFIER", "?");
        out.println("{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"sess-" + issue + "\",\"model\":\"scripted\"}");
        out.println("{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"Looking at "
                + issue + "\"}]}}");
        if (prompt.contains("[hangs]")) {
            new CountDownLatch(1).await();
        }
        TimeUnit.MILLISECONDS.sleep(200 + Math.floorMod(issue.hashCode(), 5) * 150L);
        boolean leaked = System.getenv().keySet().stream().anyMatch(k -> k.startsWith("ATTACH_"));
        if (prompt.contains("[fails]")) {
            out.println("{\"type\":\"result\",\"subtype\":\"error_during_execution\",\"is_error\":true,"
                    + "\"result\":\"tests failed\",\"num_turns\":3}");
            return;
        }
        out.println("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"result\":\"opened a pull request for "
                + issue + (leaked ? " (runner secrets leaked!)" : "") + "\",\"num_turns\":2,\"total_cost_usd\":0.02}");
    }

    /** The command that runs this agent with the running JDK's {@code java}. */
    public static List<String> command() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classes;
        try {
            classes = Path.of(ScriptedAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-cp", classes,
                ScriptedAgent.class.getName());
    }
}
