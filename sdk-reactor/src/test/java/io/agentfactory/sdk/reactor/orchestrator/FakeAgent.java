package io.agentfactory.sdk.reactor.orchestrator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scripted agent CLI for tests, run as a child process with the test JVM's {@code java}: it
 * speaks Claude Code's stream-json (reading the prompt from stdin) or Codex's app-server JSON-RPC,
 * as its first argument says. The assistant text and result of {@code success} report whether the
 * runner-only {@code ATTACH_*} variables reached it ({@code clean} or {@code leaked}, presence
 * counts even when empty) and the issue variables it received.
 */
public final class FakeAgent {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private FakeAgent() {
    }

    /**
     * Scenarios: {@code success}, {@code echo:K1,K2}, {@code no-result}, {@code error},
     * {@code is-error}, {@code continuing-error}, {@code hang}, {@code stubborn}, {@code gate:<dir>},
     * {@code bad-json}, {@code long-line}, {@code codex}, {@code codex-fail}.
     */
    public static void main(String[] args) throws Exception {
        String scenario = args.length == 0 ? "success" : args[0];
        if (scenario.startsWith("codex")) {
            codex(scenario.equals("codex-fail"));
            return;
        }
        String prompt = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        init();
        switch (scenario.contains(":") ? scenario.substring(0, scenario.indexOf(':')) : scenario) {
            case "success":
                String report = envReport();
                line("{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"" + report
                        + "\"}]}}");
                result(false, "success", report);
                break;
            case "echo":
                StringBuilder echo = new StringBuilder("prompt=" + prompt.length());
                for (String key : scenario.substring(5).split(",")) {
                    String value = System.getenv(key);
                    echo.append(';').append(key).append('=').append(value == null ? "<unset>" : value);
                }
                result(false, "success", echo.toString());
                break;
            case "no-result":
                System.err.println("fatal: the agent crashed");
                System.err.flush();
                System.exit(3);
                break;
            case "error":
                line("{\"type\":\"error\",\"error\":{\"type\":\"crashed\",\"message\":\"provider crashed\"}}");
                break;
            case "is-error":
                line("{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"working\"}]}}");
                line("{\"type\":\"result\",\"subtype\":\"error_during_execution\",\"is_error\":true,"
                        + "\"result\":\"tests failed\",\"num_turns\":2}");
                break;
            case "continuing-error":
                line("{\"type\":\"error\",\"message\":\"one tool call unproven; the session continues\","
                        + "\"code\":\"policy_adjudication_missing\",\"session_continues\":true}");
                result(false, "success", "done after a continuing error");
                break;
            case "hang":
                new CountDownLatch(1).await();
                break;
            case "stubborn":
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        new CountDownLatch(1).await();
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
                new CountDownLatch(1).await();
                break;
            case "gate":
                Path gate = Path.of(scenario.substring(5), System.getenv("LINEAR_ISSUE_ID"));
                while (!Files.exists(gate)) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                result(false, "success", "gate " + gate.getFileName());
                break;
            case "bad-json":
                line("this is not json");
                result(false, "success", "never read");
                break;
            case "long-line":
                line("{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\""
                        + "x".repeat(5000) + "\"}]}}");
                result(false, "success", "never read");
                break;
            default:
                System.err.println("unknown scenario " + scenario);
                System.exit(64);
        }
    }

    private static void init() {
        line("{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"sess-" + ProcessHandle.current().pid()
                + "\",\"model\":\"fake\"}");
    }

    private static void result(boolean isError, String subtype, String text) {
        line("{\"type\":\"result\",\"subtype\":\"" + subtype + "\",\"is_error\":" + isError + ",\"result\":\""
                + text + "\",\"num_turns\":1,\"total_cost_usd\":0.01}");
    }

    private static String envReport() {
        boolean leaked = System.getenv().containsKey("ATTACH_TOKEN") || System.getenv().containsKey("ATTACH_TOKEN_FILE")
                || System.getenv().containsKey("ATTACH_URL");
        return (leaked ? "leaked" : "clean") + ":" + System.getenv("LINEAR_ISSUE_ID") + ":"
                + System.getenv("LINEAR_ISSUE_IDENTIFIER");
    }

    private static void codex(boolean fail) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String request;
        while ((request = in.readLine()) != null) {
            if (request.contains("\"method\":\"initialize\"")) {
                line("{\"id\":1,\"result\":{\"userAgent\":\"fake-codex/0.1\"}}");
            }
            else if (request.contains("\"method\":\"thread/start\"")) {
                line("{\"id\":2,\"result\":{\"thread\":{\"id\":\"thr_fake\"},\"model\":\"fake\"}}");
            }
            else if (request.contains("\"method\":\"turn/start\"")) {
                boolean prompted = request.contains("Work on Linear issue");
                line("{\"id\":3,\"result\":{\"turn\":{\"id\":\"turn_1\",\"status\":\"inProgress\"}}}");
                line("{\"method\":\"turn/started\",\"params\":{\"threadId\":\"thr_fake\"}}");
                line("{\"method\":\"error\",\"params\":{\"error\":{\"message\":\"stream disconnected\"},"
                        + "\"willRetry\":true}}");
                line("{\"method\":\"item/completed\",\"params\":{\"item\":{\"type\":\"agentMessage\",\"id\":\"m1\","
                        + "\"text\":\"codex " + (prompted ? "got the prompt" : "got no prompt") + "\"}}}");
                line(fail ? "{\"method\":\"turn/completed\",\"params\":{\"turn\":{\"id\":\"turn_1\","
                        + "\"status\":\"failed\",\"error\":{\"message\":\"model refused\"}}}}"
                        : "{\"method\":\"turn/completed\",\"params\":{\"turn\":{\"id\":\"turn_1\",\"status\":\"completed\"}}}");
            }
        }
        // standard input closed: the client is done with us
    }

    private static void line(String json) {
        OUT.println(json);
    }

    /** The command that runs this agent with {@code scenario}: the running JDK's java and the test classes. */
    static List<String> command(String scenario) {
        String javaCommand = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classes;
        try {
            classes = Path.of(FakeAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        }
        catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return List.of(javaCommand, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m",
                "-cp", classes, FakeAgent.class.getName(), scenario);
    }
}
