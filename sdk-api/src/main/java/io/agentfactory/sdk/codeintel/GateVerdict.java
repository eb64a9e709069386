package io.agentfactory.sdk.codeintel;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The architecture gate's judgement of one change, from its diff alone (layer 1: no model, no store).
 *
 * @param change the change judged
 * @param files the file sections of its diff, in diff order
 * @param observations the signals read, in order: zones (table order), conventions, decisions, criteria
 * @param policy the policy applied
 * @param gated whether the policy blocks the change
 * @param summary one paragraph: the signal counts and, when gated, the policy that blocked it
 * @param assessedAt when it was judged
 * @param mode always {@value #DIFF_ONLY}
 * @param warnings what a lenient judgement could not read (empty when the diff was read in full)
 */
public record GateVerdict(ChangeDescription change, List<ChangedFile> files, List<DiffObservation> observations,
        GatePolicy policy, boolean gated, String summary, Instant assessedAt, String mode, List<String> warnings) {

    /** The mode of a judgement from the diff alone. */
    public static final String DIFF_ONLY = "native-diff-only";

    /** Checks the values and copies the lists. */
    public GateVerdict {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(assessedAt, "assessedAt");
        Objects.requireNonNull(mode, "mode");
        files = List.copyOf(files);
        observations = List.copyOf(observations);
        warnings = List.copyOf(warnings);
    }

    /** Always {@code false} in diff-only mode: no model judged deviations. */
    public boolean hasCriticalDrift() {
        return false;
    }
}
