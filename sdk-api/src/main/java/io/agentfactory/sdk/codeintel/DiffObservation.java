package io.agentfactory.sdk.codeintel;

import java.util.List;
import java.util.Objects;

/**
 * One architectural signal read from a change by the architecture gate's first layer (pure pattern
 * matching: no model, no store).
 *
 * @param kind what the signal is
 * @param title a short title, e.g. {@code "Auth layer pattern"} or {@code "drizzle chosen over prisma"}
 * @param description one sentence on what was seen (for a decision, its rationale)
 * @param paths the files it was seen in: up to 5 locations of a zone, up to 3 examples of a convention,
 *        {@code "PR #N"} for a normative acceptance criterion, empty otherwise
 * @param tags the zone tag plus {@code "inferred"} and {@code "pr-analysis"} for zones, {@code "ac"} and
 *        {@code "pr-analysis"} for a non-normative criterion, empty otherwise
 * @param confidence the signal strength, 0 to 1
 * @param scope the architectural scope ({@code "project"} unless the request named another)
 * @param chosen for a decision, the chosen technology; {@code ""} otherwise
 */
public record DiffObservation(ObservationKind kind, String title, String description, List<String> paths,
        List<String> tags, double confidence, String scope, String chosen) {

    /** Checks the values and copies the lists. */
    public DiffObservation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(chosen, "chosen");
        paths = List.copyOf(paths);
        tags = List.copyOf(tags);
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
        }
    }
}
