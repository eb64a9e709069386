package io.agentfactory.sdk.daemon;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.internal.OmitEmpty;

/**
 * The per-seat resource budget a session runs under: the posture with its values. Secret-free.
 *
 * @param mode {@code enforced}, {@code best-effort} or {@code none}
 * @param cpus the whole-core seat share
 * @param memoryMb the seat memory ceiling in MiB; 0 means no cap
 * @param detail a short human line on what enforces the budget
 */
public record SeatBudgetStatus(
        String mode,
        @OmitEmpty int cpus,
        @OmitEmpty int memoryMb,
        @OmitEmpty String detail) {

    /** Normalizes absent values to {@code ""}. */
    public SeatBudgetStatus {
        mode = Copies.text(mode);
        detail = Copies.text(detail);
    }
}
