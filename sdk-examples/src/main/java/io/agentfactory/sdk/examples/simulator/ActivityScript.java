package io.agentfactory.sdk.examples.simulator;

import java.util.List;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.session.ActivityType;

/**
 * What a simulated agent says and does: plausible thoughts, tool calls, progress reports and final
 * answers about the session's own issue and files, drawn from the simulation's random sequence.
 */
final class ActivityScript {

    /** One scripted activity. */
    record Line(ActivityType type, String content, @Nullable String toolName) {
    }

    private static final List<String> THOUGHTS = List.of(
            "Reading %s to understand the current behaviour before changing anything.",
            "The change is contained in %s; checking its callers first.",
            "Plan: make the change in %s, then extend the tests around it.",
            "Two options here. The smaller diff keeps the public API unchanged, so going with that.",
            "The failure looks like a race in the test setup, not in %s itself.");

    private static final List<String> TOOLS = List.of("Read", "Edit", "Bash", "Grep", "Write");

    private ActivityScript() {
    }

    /** The next line of a working session. */
    static Line next(SimSession session, SplittableRandom random) {
        String file = pick(files(session.project.slug()), random);
        int roll = random.nextInt(100);
        if (roll < 30) {
            return new Line(ActivityType.THOUGHT, String.format(pick(THOUGHTS, random), file), null);
        }
        if (roll < 70) {
            String tool = pick(TOOLS, random);
            String content = switch (tool) {
                case "Read" -> file;
                case "Edit" -> file + ": +" + (2 + random.nextInt(60)) + " −" + random.nextInt(25);
                case "Bash" -> testCommand(session.project.slug());
                case "Grep" -> "\"" + symbol(file) + "\" in src/";
                default -> testFile(file);
            };
            return new Line(ActivityType.ACTION, content, tool);
        }
        if (roll < 95) {
            int tests = 40 + random.nextInt(400);
            return new Line(ActivityType.PROGRESS, switch (random.nextInt(3)) {
                case 0 -> "Ran " + tests + " tests: " + tests + " passed";
                case 1 -> "Pushed " + (1 + random.nextInt(3)) + " commit(s) to " + session.branch;
                default -> "Build green on " + (session.machineId == null ? "sandbox" : session.machineId);
            }, null);
        }
        return new Line(ActivityType.RESPONSE, "Summary so far: the fix for \"" + session.issueTitle
                + "\" is in place; finishing the tests.", null);
    }

    /** The line a session ends with. */
    static Line last(SimSession session, SplittableRandom random) {
        if (session.plannedOutcome.equals(io.agentfactory.sdk.session.SessionStatus.FAILED)) {
            return new Line(ActivityType.ERROR, "Tests failed after 3 attempts: " + symbol(pick(files(session.project.slug()), random))
                    + "Test (expected 200, got 503). Giving up.", null);
        }
        return new Line(ActivityType.RESPONSE, "Opened pull request #" + (1200 + random.nextInt(800)) + ": "
                + session.issueTitle, null);
    }

    private static List<String> files(String project) {
        return switch (project) {
            case "web-console" -> List.of("app/sessions/[id]/timeline.tsx", "components/theme/dark.css",
                    "lib/api/sessions.ts", "docs/日本語/README.md");
            case "billing-service" -> List.of("src/main/kotlin/com/acme/billing/export/CsvExporter.kt",
                    "src/main/resources/templates/invoice-ß.html", "src/main/kotlin/com/acme/billing/Invoice.kt");
            default -> List.of("src/main/java/com/acme/platform/webhook/Dispatcher.java",
                    "src/main/java/com/acme/platform/sessions/SessionRepository.java",
                    "src/main/java/com/acme/platform/fleet/MachineStatsQuery.java", "docs/日本語/運用.md");
        };
    }

    private static String testCommand(String project) {
        return switch (project) {
            case "web-console" -> "pnpm test --filter timeline";
            case "billing-service" -> "./gradlew test --tests '*CsvExporter*'";
            default -> "./mvnw -B -q test -Dtest=DispatcherTest";
        };
    }

    private static String testFile(String file) {
        int dot = file.lastIndexOf('.');
        return (dot < 0 ? file : file.substring(0, dot) + "Test" + file.substring(dot)).replace("/main/", "/test/");
    }

    private static String symbol(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
