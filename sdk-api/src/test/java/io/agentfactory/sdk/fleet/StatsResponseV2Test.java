package io.agentfactory.sdk.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class StatsResponseV2Test {

    @Test
    void theV1ViewIsTheSharedFlatFields() {
        StatsResponseV2 v2 = new StatsResponseV2(7, 5, 12, 48, 9, 37.42, 18234.57, 61, "2026-05-14T16:12:33Z",
                List.of(), List.of(new ProviderCost("anthropic", 29.15, 41)));

        assertThat(v2.asStatsResponse())
                .isEqualTo(new StatsResponse(7, 5, 12, 48, 9, 37.42, 18234.57, 61, "2026-05-14T16:12:33Z"));
    }
}
