package io.agentfactory.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The contract the sources cite is in the repository, and every section they cite exists. */
class ContractReferencesTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path CONTRACT = MODULE.resolve("CONTRACT.md");
    private static final Pattern CITATION = Pattern.compile("CONTRACT\\.md((?:,? ?§\\d(?: and §\\d)?)*)");
    private static final Pattern SECTION = Pattern.compile("§(\\d)");

    @Test
    void everyCitedSectionIsAHeadingOfTheContract() throws IOException {
        String contract = Files.readString(CONTRACT);
        Set<String> headings = new TreeSet<>();
        Matcher heading = Pattern.compile("(?m)^## (\\d)\\. ").matcher(contract);
        while (heading.find()) {
            headings.add(heading.group(1));
        }
        assertThat(headings).containsExactly("1", "2", "3", "4", "5");

        Set<String> cited = new TreeSet<>();
        List<Path> citing;
        try (Stream<Path> files = Files.walk(MODULE.getParent())) {
            citing = files.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".md"))
                    .filter(p -> !p.equals(CONTRACT) && !p.endsWith("ContractReferencesTest.java"))
                    .filter(p -> read(p).contains("CONTRACT.md"))
                    .toList();
        }
        for (Path file : citing) {
            String text = read(file);
            assertThat(text.replace("sdk-api/CONTRACT.md", "")).as("%s cites the contract by its path", file)
                    .doesNotContain("CONTRACT.md");
            Matcher citation = CITATION.matcher(text);
            while (citation.find()) {
                Matcher section = SECTION.matcher(citation.group(1));
                while (section.find()) {
                    cited.add(section.group(1));
                }
            }
        }
        assertThat(citing).hasSizeGreaterThanOrEqualTo(30);
        assertThat(headings).containsAll(cited);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
