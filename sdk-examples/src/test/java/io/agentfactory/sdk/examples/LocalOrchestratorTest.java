package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Example 9 end to end: a real git repo, the fake Linear on loopback, real agent processes. */
class LocalOrchestratorTest {

    @TempDir
    Path work;

    @Test
    void everyIssueOfTheAllowedProjectIsDispatchedOnceAndAccountedFor() {
        Output out = new Output();

        boolean passed = LocalOrchestrator.run(work, out);

        System.out.println(out.text());
        assertThat(passed).as(out.text()).isTrue();
        List<String> lines = out.lines();
        assertThat(lines.get(0)).isEqualTo("Repository github.com/acme/mobile-app: git remote checked");
        assertThat(lines.get(1)).isEqualTo("Projects allowed by .donmai/config.yaml: [Mobile]");
        for (int i = 101; i <= 107; i++) {
            String id = "MOB-" + i;
            assertThat(lines).filteredOn(l -> l.startsWith("→ " + id + " started (claude, pid ")).hasSize(1);
            assertThat(lines).filteredOn(l -> l.matches("[✓✗] " + id + " .*")).hasSize(1);
        }
        assertThat(lines).noneMatch(l -> l.contains("WEB-9"));
        assertThat(lines).anyMatch(l -> l.startsWith("✗ MOB-103 failed (AGENT_FAILED) after ")
                && l.endsWith(": tests failed (error_during_execution) [exit 0; " + l.replaceAll(".*; ", "")));
        assertThat(lines).anyMatch(l -> l.startsWith("✗ MOB-105 failed (TIMED_OUT) after ")
                && l.contains(": timed out after PT5S [exit 143;"));
        assertThat(lines).anyMatch(l -> l.startsWith("✓ MOB-101 completed after ")
                && l.contains(": opened a pull request for MOB-101 [exit 0;"));
        assertThat(lines).anyMatch(l -> l.matches("Dispatched 7 agent\\(s\\) in .*: 5 completed, 2 failed, 0 skipped "
                + "\\(3 GraphQL requests\\)"));
        assertThat(lines).contains("  MOB-105 — Migrate analytics to the new SDK [hangs] [failed]");

        Pattern inFlight = Pattern.compile("; (\\d+) in flight\\)$");
        for (String line : lines) {
            Matcher m = inFlight.matcher(line);
            if (m.find()) {
                assertThat(Integer.parseInt(m.group(1))).as(line).isBetween(1, 3);
            }
        }
    }
}
