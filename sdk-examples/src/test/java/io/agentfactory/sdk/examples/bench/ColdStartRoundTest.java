package io.agentfactory.sdk.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The cold-start benchmark's arithmetic on one round: steady state, calls until it, the curve's means. */
class ColdStartRoundTest {

    private static final long MS = 1_000_000;

    @Test
    void steadyStateIsReachedWhereFiveConsecutiveBlocksStayWithinTheTolerance() {
        long[] latencies = new long[1_000];
        Arrays.fill(latencies, 0, 300, 10 * MS);
        Arrays.fill(latencies, 300, 1_000, MS);

        ColdStartBenchmark.Round round = round(latencies);

        assertThat(round.block()).isEqualTo(10);
        assertThat(round.steadyMicros()).isEqualTo(1_000.0);
        assertThat(round.callsToSteadyState()).isEqualTo(300.0);
    }

    @Test
    void aSlowBlockInsideTheRunStartsTheCountAgain() {
        long[] latencies = new long[1_000];
        Arrays.fill(latencies, MS);
        Arrays.fill(latencies, 0, 100, 5 * MS);
        Arrays.fill(latencies, 130, 140, 2 * MS);

        assertThat(round(latencies).callsToSteadyState()).isEqualTo(140.0);
    }

    @Test
    void aRoundThatNeverSettlesCountsEveryCall() {
        long[] latencies = new long[200];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = (i / 10 % 2 == 0 ? 1 : 3) * MS;
        }

        assertThat(round(latencies).callsToSteadyState()).isEqualTo(200.0);
    }

    @Test
    void theCurveAveragesEachRangeOfCallsAndSkipsRangesNotMade() {
        long[] latencies = new long[20];
        Arrays.fill(latencies, MS);
        latencies[0] = 500 * MS;
        latencies[1] = 19 * MS;

        ColdStartBenchmark.Round round = round(latencies);

        assertThat(round.meanMillis(1, 1)).isEqualTo(500.0);
        assertThat(round.meanMillis(2, 10)).isEqualTo(3.0);
        assertThat(round.meanMillis(11, 100)).isEqualTo(-1.0);
    }

    @Test
    void jvmStartToFirstAnswerAddsTheLaunchToTheChildsOwnClock() {
        ColdStartJvm.Report report = new ColdStartJvm.Report("local", 0, 200 * MS, 50 * MS, 300 * MS, 20 * MS,
                570 * MS, new long[] {20 * MS});
        ColdStartBenchmark.Round round = new ColdStartBenchmark.Round(report, 80);

        assertThat(round.launchToFirstAnswerMillis()).isEqualTo(650.0);
        assertThat(round.launchToFirstAnswerWithoutLoggingMillis()).isEqualTo(450.0);
        assertThat(round.mainToClientMillis()).isEqualTo(250.0);
    }

    private static ColdStartBenchmark.Round round(long[] latencies) {
        return new ColdStartBenchmark.Round(new ColdStartJvm.Report("local", 0, 0, 0, 0, latencies[0], latencies[0],
                latencies), 0);
    }
}
