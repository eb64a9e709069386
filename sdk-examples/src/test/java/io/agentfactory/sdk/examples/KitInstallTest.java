package io.agentfactory.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.ConflictException;
import io.agentfactory.sdk.examples.simulator.SimulatedIds;
import io.agentfactory.sdk.examples.simulator.SimulatedRoutes;
import io.agentfactory.sdk.kit.KitStatus;
import io.agentfactory.sdk.kit.KitTrustState;

/** Example 5: the trust gate's typed refusal, the explicit one-time override, and what is not overridden. */
class KitInstallTest extends SimulatedServicesPerTest {

    @Test
    void anUnsignedKitIsRefusedByTheGateThenInstalledOnceWithTheOverride() {
        KitInstall.Report report = new KitInstall(services.daemon(), out)
                .installWithExplicitOverride(SimulatedIds.KIT_UNSIGNED).block();

        assertThat(report.refusal()).isEqualTo(new KitInstall.Refusal(SimulatedIds.KIT_UNSIGNED, KitTrustState.UNSIGNED,
                "kit trust gate: unsigned kits need trustOverride \"allowed-this-once\""));
        assertThat(report.installed().kit().id()).isEqualTo(SimulatedIds.KIT_UNSIGNED);
        assertThat(report.installed().kit().status()).isEqualTo(KitStatus.ACTIVE);
        assertThat(report.installed().message()).contains("with trust override allowed-this-once");
        assertThat(report.signature().ok()).isFalse();
        assertThat(sim.daemonRequests().count(SimulatedRoutes.KIT_INSTALL)).isEqualTo(2);
        assertThat(out.lines()).first().asString()
                .isEqualTo("  refused: HTTP 403 acme/shell-tools is unsigned (kit trust gate: unsigned kits need "
                        + "trustOverride \"allowed-this-once\")");
    }

    @Test
    void aSignedAndVerifiedKitPassesTheGateWithoutTheOverride() {
        KitInstall.Report report = new KitInstall(services.daemon(), out)
                .installWithExplicitOverride(SimulatedIds.KIT_INSTALLABLE).block();

        assertThat(report.overridden()).isFalse();
        assertThat(report.installed().kit().trust()).isEqualTo(KitTrustState.SIGNED_VERIFIED);
        assertThat(report.signature().ok()).isTrue();
        assertThat(sim.daemonRequests().count(SimulatedRoutes.KIT_INSTALL)).isOne();
        assertThat(out.lines()).isEmpty();
    }

    @Test
    void theOverrideIsNotRememberedTheNextInstallMeetsTheGateAgain() {
        KitInstall install = new KitInstall(services.daemon(), out);

        install.installWithExplicitOverride(SimulatedIds.KIT_UNVERIFIED).block();
        KitInstall.Report again = install.installWithExplicitOverride(SimulatedIds.KIT_UNVERIFIED).block();

        assertThat(again.refusal().trust()).isEqualTo(KitTrustState.SIGNED_UNVERIFIED);
        assertThat(again.installed().message()).startsWith("reinstalled " + SimulatedIds.KIT_UNVERIFIED);
        assertThat(sim.daemonRequests().count(SimulatedRoutes.KIT_INSTALL)).isEqualTo(4);
    }

    @Test
    void anotherRefusalIsNotOverriddenAndReachesTheCallerTyped() {
        StepVerifier.create(new KitInstall(services.daemon(), out).installWithExplicitOverride(SimulatedIds.KIT_CONFLICTING))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(ConflictException.class,
                        conflict -> assertThat(conflict.serverMessage()).contains("conflicts with installed kit spring/java")))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void runInstallsTheUnsignedKitAndPassesItsCheck() {
        assertThat(KitInstall.run(services, out)).isTrue();
        assertThat(out.text()).contains("retrying once with trustOverride \"allowed-this-once\"");
    }
}
