package io.agentfactory.sdk.reactor.codeintel.internal.gate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.agentfactory.sdk.codeintel.ChangeDescription;
import io.agentfactory.sdk.codeintel.ChangedFile;
import io.agentfactory.sdk.codeintel.DiffObservation;
import io.agentfactory.sdk.codeintel.ObservationKind;

/**
 * Turns what a diff held into observations, by the reference's rules: zone patterns from the changed
 * paths, conventions from the added lines, decisions from the title and body, and acceptance criteria.
 * Pure; the order is zones (in table order, where the reference's was random), conventions (table order),
 * decisions (table order), criteria (given order). Not API.
 */
public final class ObservationRules {

    private static final Pattern AC_MARKERS = Pattern.compile("^[-*\\[\\]#\\s]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ObservationRules() {
    }

    /** All observations of a change. */
    public static List<DiffObservation> observe(ChangeDescription change, DiffReader.Reading reading,
            List<String> acceptanceCriteria, String scope) {
        List<DiffObservation> out = new ArrayList<>();
        out.addAll(zones(change, reading.files(), scope));
        out.addAll(conventions(reading, scope));
        out.addAll(decisions(change.title() + "\n" + change.body(), scope));
        out.addAll(acceptanceCriteria(change, acceptanceCriteria, scope));
        return out;
    }

    /** One pattern per zone hit: confidence {@code min(0.35 + 0.03·files, 0.55)}, up to 5 locations. */
    static List<DiffObservation> zones(ChangeDescription change, List<ChangedFile> files, String scope) {
        List<DiffObservation> out = new ArrayList<>();
        for (DiffSignals.Zone zone : DiffSignals.ZONES) {
            List<String> paths = files.stream().map(ChangedFile::path).filter(zone::contains).toList();
            if (paths.isEmpty()) {
                continue;
            }
            double confidence = Math.min(0.35 + paths.size() * 0.03, 0.55);
            String shown = String.join(", ", paths.subList(0, Math.min(3, paths.size())));
            String more = paths.size() > 3 ? " (+" + (paths.size() - 3) + " more)" : "";
            String description = "Files in the " + zone.name().toLowerCase(java.util.Locale.ROOT) + " zone were modified "
                    + where(change) + ": " + shown + more + ".";
            out.add(new DiffObservation(ObservationKind.PATTERN, zone.name() + " pattern", description,
                    paths.subList(0, Math.min(5, paths.size())), List.of(zone.tag(), "inferred", "pr-analysis"),
                    confidence, scope, ""));
        }
        return out;
    }

    private static String where(ChangeDescription change) {
        return change.number() > 0 ? "in PR #" + change.number() : "in this change";
    }

    /** One convention per signal some added line shows, with up to 3 example files. */
    static List<DiffObservation> conventions(DiffReader.Reading reading, String scope) {
        List<DiffObservation> out = new ArrayList<>();
        for (int i = 0; i < DiffSignals.CONVENTIONS.size(); i++) {
            List<String> examples = reading.conventionExamples().get(i);
            if (examples.isEmpty()) {
                continue;
            }
            DiffSignals.Convention c = DiffSignals.CONVENTIONS.get(i);
            out.add(new DiffObservation(ObservationKind.CONVENTION, c.title(), c.description(), examples, List.of(),
                    c.confidence(), scope, ""));
        }
        return out;
    }

    /** At most one decision per signal (its first match in {@code text}), confidence 0.60. */
    static List<DiffObservation> decisions(String text, String scope) {
        List<DiffObservation> out = new ArrayList<>();
        Matcher m = DiffSignals.CHOSE_OVER.matcher(text);
        if (m.find()) {
            out.add(decision(m.group(2) + " chosen over " + m.group(3), m.group(2),
                    m.group(1) + " " + m.group(2) + " over " + m.group(3), scope));
        }
        m = DiffSignals.MIGRATED.matcher(text);
        if (m.find()) {
            String title = "Migration from " + m.group(2) + " to " + m.group(3);
            out.add(decision(title, m.group(3), title, scope));
        }
        m = DiffSignals.REPLACED.matcher(text);
        if (m.find()) {
            out.add(decision(m.group(3) + " replaces " + m.group(2), m.group(3),
                    "Replaced " + m.group(2) + " with " + m.group(3), scope));
        }
        return out;
    }

    private static DiffObservation decision(String title, String chosen, String rationale, String scope) {
        return new DiffObservation(ObservationKind.DECISION, title, rationale + " (inferred from PR title/body)",
                List.of(), List.of(), 0.60, scope, chosen);
    }

    /**
     * Items under 10 bytes (UTF-8, trimmed) are skipped; with a normative word an item is a convention at
     * 0.65, else a pattern at 0.50.
     */
    static List<DiffObservation> acceptanceCriteria(ChangeDescription change, List<String> items, String scope) {
        List<DiffObservation> out = new ArrayList<>();
        String pr = "PR #" + change.number();
        for (String item : items) {
            String trimmed = item.strip();
            if (trimmed.getBytes(StandardCharsets.UTF_8).length < 10) {
                continue;
            }
            String description = "Acceptance criterion from " + pr + ": " + trimmed;
            if (DiffSignals.NORMATIVE.matcher(trimmed).find()) {
                out.add(new DiffObservation(ObservationKind.CONVENTION, acTitle(trimmed), description, List.of(pr),
                        List.of(), 0.65, scope, ""));
            }
            else {
                out.add(new DiffObservation(ObservationKind.PATTERN, acTitle(trimmed), description, List.of(),
                        List.of("ac", "pr-analysis"), 0.50, scope, ""));
            }
        }
        return out;
    }

    /**
     * An item as a title: leading bullets, brackets, {@code #} and blanks dropped, runs of blanks made one
     * space, at most 80 code points (77 and {@code ...}; the reference cut bytes, splitting characters).
     */
    static String acTitle(String item) {
        String cleaned = SPACES.matcher(AC_MARKERS.matcher(item).replaceFirst("")).replaceAll(" ").strip();
        if (cleaned.codePointCount(0, cleaned.length()) <= 80) {
            return cleaned;
        }
        return cleaned.substring(0, cleaned.offsetByCodePoints(0, 77)) + "...";
    }
}
