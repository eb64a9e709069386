package io.agentfactory.sdk.examples.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import io.agentfactory.sdk.coordinator.WhoAmIOrg;
import io.agentfactory.sdk.coordinator.WhoAmIProject;
import io.agentfactory.sdk.coordinator.WhoAmIResponse;
import io.agentfactory.sdk.fleet.MachineCapacity;
import io.agentfactory.sdk.fleet.SandboxBillingModel;
import io.agentfactory.sdk.fleet.SandboxProviderStats;
import io.agentfactory.sdk.fleet.SandboxTransportModel;

/**
 * The fixed shape of the simulated organisation: one org, three projects, three worker machines
 * (the first is the machine the simulated daemon runs on) and four sandbox providers. Ids are
 * drawn from the seed.
 */
final class Fleet {

    /** The machine the simulated daemon reports as its own. */
    static final String DAEMON_MACHINE = "mac-studio-berlin";

    /** A project of the org. */
    record Project(String id, String slug, String name, String repository, String teamSlug, String teamName,
            String sandboxProvider, boolean isDefault) {
    }

    /** A worker machine; {@code draining} machines take no new sessions. */
    record Machine(String id, String region, String version, MachineCapacity capacity, Instant bootedAt,
            boolean draining) {
    }

    final WhoAmIOrg org;
    final List<Project> projects;
    final List<Machine> machines;

    Fleet(SplittableRandom random, Instant epoch) {
        this.org = new WhoAmIOrg(SeededIds.prefixed("org_", random, 20), "Acme Robotics", "acme", "team");
        this.projects = List.of(
                new Project(SeededIds.prefixed("prj_", random, 20), "platform-api", "Platform API",
                        "github.com/acme/platform-api", "platform", "Platform", "local", true),
                new Project(SeededIds.prefixed("prj_", random, 20), "web-console", "Web Console",
                        "github.com/acme/web-console", "frontend", "Frontend", "vercel", false),
                new Project(SeededIds.prefixed("prj_", random, 20), "billing-service", "Billing Service",
                        "github.com/acme/billing-service", "payments", "Payments", "e2b", false));
        this.machines = List.of(
                new Machine(DAEMON_MACHINE, "home-network", "0.14.2",
                        new MachineCapacity(4, 4, 8192, 2, 4096), epoch.minus(Duration.ofHours(26)), false),
                new Machine("linux-builder-01", "eu-central-1", "0.14.2",
                        new MachineCapacity(8, 8, 16384, 2, 8192), epoch.minus(Duration.ofDays(6)), false),
                new Machine("linux-builder-02", "eu-central-1", "0.14.1",
                        new MachineCapacity(8, 8, 16384, 2, 8192), epoch.minus(Duration.ofDays(13)), true));
    }

    Project project(String slug) {
        return projects.stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow();
    }

    /** The project named by slug or id (the platform accepts either). */
    Optional<Project> findProject(String slugOrId) {
        return projects.stream().filter(p -> p.slug().equals(slugOrId) || p.id().equals(slugOrId)).findFirst();
    }

    Optional<Machine> machine(String id) {
        return machines.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    Project defaultProject() {
        return projects.get(0);
    }

    WhoAmIResponse whoAmI() {
        return new WhoAmIResponse(org,
                projects.stream().map(p -> new WhoAmIProject(p.id(), p.name(), p.slug(), p.isDefault(),
                        p.sandboxProvider(), p.teamSlug(), p.teamName())).toList(),
                List.of("sessions:read", "sessions:write", "fleet:read", "tasks:write", "agents:read"));
    }

    /** The sandbox providers' capacity snapshot; {@code localActive} sessions run on the local fleet. */
    List<SandboxProviderStats> sandboxProviders(int localActive, String stamp) {
        return List.of(
                new SandboxProviderStats("local", "Local daemon fleet", SandboxTransportModel.of("dial-out"),
                        SandboxBillingModel.of("fixed"), localActive, 0, 20, List.of("home-network", "eu-central-1"),
                        false, false, false, true, stamp),
                new SandboxProviderStats("e2b", "E2B", SandboxTransportModel.of("dial-in"),
                        SandboxBillingModel.of("wall-clock"), 0, 2, 50, List.of("us-east-1", "eu-central-1"),
                        true, true, false, true, stamp),
                new SandboxProviderStats("vercel", "Vercel Sandbox", SandboxTransportModel.of("dial-out"),
                        SandboxBillingModel.of("active-cpu"), 1, 0, 100, List.of("iad1", "fra1"),
                        false, true, false, true, stamp),
                new SandboxProviderStats("a2a-partner", "Partner agents (A2A)", SandboxTransportModel.of("either"),
                        SandboxBillingModel.of("invocation"), 0, 0, -1, List.of("*"),
                        false, false, true, false, stamp));
    }
}
