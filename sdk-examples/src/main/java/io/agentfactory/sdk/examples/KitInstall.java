package io.agentfactory.sdk.examples;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.daemon.DaemonClient;
import io.agentfactory.sdk.error.KitTrustGateException;
import io.agentfactory.sdk.examples.simulator.SimulatedIds;
import io.agentfactory.sdk.kit.KitInstallRequest;
import io.agentfactory.sdk.kit.KitInstallResult;
import io.agentfactory.sdk.kit.KitSignatureResult;
import io.agentfactory.sdk.kit.KitTrustState;

/**
 * Example 5 — install a kit: the daemon's trust gate refuses an unverified kit with a typed
 * {@link KitTrustGateException} (403, carrying the kit id and its trust state), and the caller
 * retries explicitly, once, with {@code trustOverride: "allowed-this-once"}. The override is not
 * persisted: the next install of the kit meets the gate again.
 *
 * <pre>{@code
 * ./mvnw -q -B -Pdemo -DskipTests verify -Ddemo.mainClass=io.agentfactory.sdk.examples.KitInstall
 * }</pre>
 */
public final class KitInstall {

    /**
     * Why the gate refused the kit.
     *
     * @param kitId the kit, as the daemon named it
     * @param trust the kit's trust state
     * @param message the daemon's message
     */
    public record Refusal(String kitId, KitTrustState trust, String message) {
    }

    /**
     * How the install went.
     *
     * @param refusal the trust gate's refusal; {@code null} when the kit passed the gate at once
     * @param installed what the (second, when refused) install answered
     * @param signature the kit's signature check after the install
     */
    public record Report(@Nullable Refusal refusal, KitInstallResult installed, KitSignatureResult signature) {

        /** Whether the install needed the override. */
        public boolean overridden() {
            return refusal != null;
        }
    }

    private final DaemonClient daemon;
    private final Consumer<String> out;

    /**
     * @param daemon the daemon
     * @param out where the refusal is reported as it happens
     */
    public KitInstall(DaemonClient daemon, Consumer<String> out) {
        this.daemon = daemon;
        this.out = out;
    }

    /**
     * Installs {@code kitId} ({@code POST /api/daemon/kits/<id>/install}); when the trust gate
     * refuses it, installs it again with the one-time override, then verifies its signature
     * ({@code GET …/verify-signature}). Other failures (409 conflict, 422 invalid package, 501, 502)
     * end the Mono with their typed error.
     */
    public Mono<Report> installWithExplicitOverride(String kitId) {
        KitInstallRequest request = KitInstallRequest.defaults();
        return daemon.installKit(kitId, request)
                .map(installed -> new Installed(null, installed))
                .onErrorResume(KitTrustGateException.class, gate -> {
                    Refusal refusal = new Refusal(gate.kitId(), gate.trust(), gate.serverMessage());
                    out.accept("  refused: HTTP " + gate.status() + " " + refusal.kitId() + " is " + refusal.trust()
                            + " (" + refusal.message() + ")");
                    out.accept("  retrying once with trustOverride \"" + KitInstallRequest.TRUST_OVERRIDE_ALLOWED_THIS_ONCE
                            + "\" (the daemon audit-logs it)");
                    return daemon.installKit(kitId, request.allowedThisOnce()).map(installed -> new Installed(refusal, installed));
                })
                .flatMap(done -> daemon.verifyKitSignature(kitId)
                        .map(signature -> new Report(done.refusal(), done.result(), signature)));
    }

    private record Installed(@Nullable Refusal refusal, KitInstallResult result) {
    }

    /**
     * Installs {@code --kit} (by default, with the simulator, the unsigned kit
     * {@value SimulatedIds#KIT_UNSIGNED}); against a real daemon only with {@code --allow-changes}.
     * Checks: the kit is installed, and (simulator) an unsigned or unverified kit needed the override.
     */
    static boolean run(ExampleServices services, Consumer<String> out) {
        if (!services.mayChangeServices()) {
            out.accept("Skipped: this installs a kit on a real daemon; pass --allow-changes (and --kit <id>) to run it.");
            return true;
        }
        String kitId = services.arguments().value("kit").orElseGet(() -> {
            if (services.simulator().isEmpty()) {
                throw new IllegalArgumentException("name the kit to install: --kit <id>");
            }
            return SimulatedIds.KIT_UNSIGNED;
        });
        out.accept("Installing kit " + kitId + " without an override");
        Report report = new KitInstall(services.daemon(), out).installWithExplicitOverride(kitId).block();
        out.accept("  installed " + report.installed().kit().id() + "@" + report.installed().kit().version() + " ("
                + report.installed().kit().status() + ", trust " + report.installed().kit().trust() + "): "
                + report.installed().message());
        out.accept("  signature check: " + (report.signature().ok() ? "ok" : "not ok") + " (" + report.signature().details() + ")");
        // The simulated daemon gates every kit that is not signed and verified.
        boolean gated = services.simulator().isPresent() && !report.installed().kit().trust().equals(KitTrustState.SIGNED_VERIFIED);
        return report.installed().kit().id().equals(kitId) && (!gated || report.overridden());
    }

    /** Runs the example alone (see {@link ExampleServices}; also {@code --kit}, {@code --allow-changes}). */
    public static void main(String[] args) {
        Example.launch(args, KitInstall::run);
    }
}
