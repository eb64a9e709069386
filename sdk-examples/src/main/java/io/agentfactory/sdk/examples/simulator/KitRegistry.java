package io.agentfactory.sdk.examples.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.kit.Kit;
import io.agentfactory.sdk.kit.KitHookEntry;
import io.agentfactory.sdk.kit.KitHooks;
import io.agentfactory.sdk.kit.KitInstallRequest;
import io.agentfactory.sdk.kit.KitInstallResult;
import io.agentfactory.sdk.kit.KitInstallSource;
import io.agentfactory.sdk.kit.KitManifest;
import io.agentfactory.sdk.kit.KitRegistrySource;
import io.agentfactory.sdk.kit.KitScope;
import io.agentfactory.sdk.kit.KitSignatureResult;
import io.agentfactory.sdk.kit.KitSource;
import io.agentfactory.sdk.kit.KitSourceToggleResult;
import io.agentfactory.sdk.kit.KitStatus;
import io.agentfactory.sdk.kit.KitTrustState;

/**
 * The daemon's kits and kit registry sources.
 *
 * <p>Installed: {@code spring/java} and {@code ts/nextjs} (bundled, signed-verified, active),
 * {@code python/uv} (local, unsigned, disabled), {@code rust/cargo} (community, signed-unverified)
 * and {@code acme/terraform} (local, unsigned, in error). Installable from the registries:
 * {@code go/modules} (signed-verified: installs), {@code elixir/mix} (signed-unverified) and
 * {@code acme/shell-tools} (unsigned) — both refused by the trust gate (403) unless
 * {@code trustOverride: "allowed-this-once"} — {@code broken/no-manifest} (422) and
 * {@code java/gradle-legacy} (409: conflicts with {@code spring/java}). A {@code git} source
 * installs any id as an unsigned local kit (so it needs the override); sources of kind
 * {@code tessl}, {@code agentskills} and {@code community} answer 501. Guarded by the simulation lock.
 */
final class KitRegistry {

    private static final Set<String> FEDERATED_KINDS = Set.of("tessl", "agentskills", "community");
    private static final Set<String> INVALID_PACKAGES = Set.of("broken/no-manifest");
    private static final String SIGNER = "did:web:kits.rensei.dev";

    private final Map<String, KitManifest> installed = new LinkedHashMap<>();
    private final Map<String, KitManifest> available = new LinkedHashMap<>();
    private final Map<String, KitRegistrySource> sources = new LinkedHashMap<>();

    KitRegistry(Instant epoch) {
        String signedAt = epoch.minus(Duration.ofDays(12)).toString();
        put(installed, new Draft("spring/java", "Spring Boot (Java)", "3.2.0")
                .about("Build, test and run Spring Boot services with Maven or Gradle.", "Rensei", "did:web:rensei.dev")
                .origin(KitSource.BUNDLED, KitScope.GLOBAL, KitTrustState.SIGNED_VERIFIED, SIGNER, signedAt)
                .detect(List.of("pom.xml", "build.gradle", "build.gradle.kts"), "")
                .provides("commands", "prompts", "tools", "mcpServers", "skills", "extractors")
                .manifest(m -> {
                    m.detectToolchain = Ordered.map("java", ">=17", "maven", "^3.9");
                    m.commands = Ordered.map("build", "./mvnw -B package", "test", "./mvnw -B test", "lint", "./mvnw -B verify -DskipTests");
                    m.commandsOverride = Map.of("windows", Ordered.map("build", "mvnw.cmd -B package", "test", "mvnw.cmd -B test"));
                    m.toolchainInstall = Ordered.map("darwin", Map.of("java", "brew install openjdk@21"),
                            "linux", Map.of("java", "sdk install java 21-tem"));
                    m.hooks = new KitHooks("./mvnw -B -q dependency:go-offline", "rm -rf target",
                            Map.of("darwin", new KitHookEntry("./mvnw -B -q -o dependency:go-offline", "")));
                    m.mcpServerNames = List.of("maven-central");
                    m.skillFiles = List.of("skills/spring-boot/SKILL.md");
                    m.extractorNames = List.of("surefire-reports");
                    m.composesWith = List.of("ts/nextjs");
                })
                .build());
        put(installed, new Draft("ts/nextjs", "Next.js (TypeScript)", "14.1.0")
                .about("Next.js apps with pnpm, ESLint and Playwright.", "Rensei", "did:web:rensei.dev")
                .origin(KitSource.BUNDLED, KitScope.GLOBAL, KitTrustState.SIGNED_VERIFIED, SIGNER, signedAt)
                .detect(List.of("next.config.js", "next.config.mjs"), "")
                .provides("commands", "prompts", "tools", "skills")
                .manifest(m -> {
                    m.detectToolchain = Ordered.map("node", ">=20", "pnpm", "^9");
                    m.commands = Ordered.map("build", "pnpm build", "test", "pnpm test", "lint", "pnpm lint");
                    m.skillFiles = List.of("skills/nextjs/SKILL.md");
                })
                .build());
        put(installed, new Draft("python/uv", "Python with uv", "0.4.2")
                .about("Python projects managed with uv.", "platform-team", "")
                .origin(KitSource.LOCAL, KitScope.PROJECT, KitTrustState.UNSIGNED, "", "")
                .status(KitStatus.DISABLED)
                .detect(List.of("pyproject.toml", "requirements.txt"), "scripts/detect-python.sh")
                .provides("commands")
                .manifest(m -> m.commands = Map.of("test", "uv run pytest"))
                .build());
        put(installed, new Draft("rust/cargo", "Rust (cargo)", "1.2.0")
                .about("Rust crates and workspaces.", "rust-community", "did:web:rust-kits.example")
                .origin(KitSource.COMMUNITY, KitScope.ORG, KitTrustState.SIGNED_UNVERIFIED, "did:web:rust-kits.example", signedAt)
                .detect(List.of("Cargo.toml"), "")
                .provides("commands", "tools")
                .manifest(m -> m.commands = Ordered.map("build", "cargo build --locked", "test", "cargo test --locked"))
                .build());
        put(installed, new Draft("acme/terraform", "Terraform (Acme)", "0.9.1")
                .about("Terraform plans with Acme's module registry.", "infra-team", "")
                .origin(KitSource.LOCAL, KitScope.PROJECT, KitTrustState.UNSIGNED, "", "")
                .status(KitStatus.ERROR)
                .detect(List.of("main.tf"), "")
                .provides("commands", "prompts")
                .build());
        put(available, new Draft("go/modules", "Go modules", "1.1.0")
                .about("Go modules with golangci-lint.", "Rensei", "did:web:rensei.dev")
                .origin(KitSource.BUNDLED, KitScope.GLOBAL, KitTrustState.SIGNED_VERIFIED, SIGNER, signedAt)
                .detect(List.of("go.mod"), "")
                .provides("commands", "tools")
                .manifest(m -> m.commands = Ordered.map("build", "go build ./...", "test", "go test ./..."))
                .build());
        put(available, new Draft("elixir/mix", "Elixir (mix)", "0.3.0")
                .about("Elixir projects built with mix.", "beam-community", "did:web:beam-kits.example")
                .origin(KitSource.COMMUNITY, KitScope.ORG, KitTrustState.SIGNED_UNVERIFIED, "did:web:beam-kits.example", signedAt)
                .detect(List.of("mix.exs"), "")
                .provides("commands")
                .build());
        put(available, new Draft("acme/shell-tools", "Acme shell tools", "0.1.0")
                .about("Shell helpers from the platform team.", "platform-team", "")
                .origin(KitSource.LOCAL, KitScope.PROJECT, KitTrustState.UNSIGNED, "", "")
                .provides("tools")
                .build());
        put(available, new Draft("broken/no-manifest", "Broken package", "0.0.1")
                .origin(KitSource.COMMUNITY, KitScope.ORG, KitTrustState.UNSIGNED, "", "")
                .build());
        put(available, new Draft("java/gradle-legacy", "Gradle (legacy Java)", "2.0.0")
                .about("Gradle 6 builds of pre-Spring-Boot-3 services.", "Rensei", "did:web:rensei.dev")
                .origin(KitSource.BUNDLED, KitScope.GLOBAL, KitTrustState.SIGNED_VERIFIED, SIGNER, signedAt)
                .detect(List.of("build.gradle"), "")
                .provides("commands")
                .manifest(m -> m.conflictsWith = List.of("spring/java"))
                .build());
        for (KitRegistrySource source : List.of(
                new KitRegistrySource("bundled", "builtin://kits", true, 0, "bundled"),
                new KitRegistrySource("tessl", "https://registry.tessl.io", true, 10, "tessl"),
                new KitRegistrySource("agentskills", "https://agentskills.io/api/v1", false, 20, "agentskills"),
                new KitRegistrySource("acme-community", "https://kits.acme.example/registry", true, 30, "community"))) {
            sources.put(source.name(), source);
        }
    }

    private static void put(Map<String, KitManifest> into, KitManifest manifest) {
        into.put(manifest.id(), manifest);
    }

    List<Kit> list() {
        return installed.values().stream().map(KitManifest::asKit).toList();
    }

    KitManifest manifest(String id) {
        KitManifest manifest = installed.get(id);
        if (manifest == null) {
            throw Rejection.notFound("kit", id);
        }
        return manifest;
    }

    KitSignatureResult verify(String id) {
        KitManifest kit = manifest(id);
        String trust = kit.trust().value();
        return switch (trust) {
            case "signed-verified" -> new KitSignatureResult(id, kit.trust(), kit.signerId(), kit.signedAt(), true,
                    "signature verified against " + kit.signerId());
            case "signed-unverified" -> new KitSignatureResult(id, kit.trust(), kit.signerId(), kit.signedAt(), false,
                    "signer " + kit.signerId() + " is not in the trust store");
            default -> new KitSignatureResult(id, kit.trust(), "", "", false, "kit is not signed");
        };
    }

    /** Enables or disables an installed kit; the kit after the change. */
    Kit setStatus(String id, KitStatus status) {
        KitManifest changed = Draft.from(manifest(id)).status(status).build();
        installed.put(id, changed);
        return changed.asKit();
    }

    /** Installs kit {@code id} as {@link KitRegistry} describes, or throws the daemon's refusal. */
    KitInstallResult install(String id, KitInstallRequest request, boolean sourceFetchFails) {
        String override = request.trustOverride();
        if (!override.isEmpty() && !override.equals(KitInstallRequest.TRUST_OVERRIDE_ALLOWED_THIS_ONCE)) {
            throw Rejection.of(400, "trustOverride must be \"allowed-this-once\"", Map.of("kitId", id));
        }
        KitManifest candidate = request.source() == null ? fromRegistry(id) : fromSource(id, request.source(), sourceFetchFails);
        if (INVALID_PACKAGES.contains(id)) {
            throw Rejection.of(422, "kit package invalid: no *.kit.toml manifest found", Map.of("kitId", id));
        }
        boolean overridden = !override.isEmpty();
        if (!candidate.trust().equals(KitTrustState.SIGNED_VERIFIED) && !overridden) {
            throw Rejection.of(403, "kit trust gate: " + candidate.trust().value()
                    + " kits need trustOverride \"allowed-this-once\"", Ordered.map("kitId", id, "trust", candidate.trust().value()));
        }
        for (String conflict : candidate.conflictsWith()) {
            KitManifest other = installed.get(conflict);
            if (other != null && other.status().equals(KitStatus.ACTIVE)) {
                throw Rejection.of(409, "kit " + id + " conflicts with installed kit " + conflict,
                        Ordered.map("kitId", id, "conflictsWith", conflict));
            }
        }
        Draft draft = Draft.from(candidate).status(KitStatus.ACTIVE);
        if (!request.version().isEmpty()) {
            draft.version = request.version();
        }
        KitManifest result = draft.build();
        boolean again = installed.containsKey(id);
        installed.put(id, result);
        available.remove(id);
        String message = (again ? "reinstalled " : "installed ") + id + "@" + result.version()
                + (overridden ? " with trust override allowed-this-once (audit logged)" : "");
        return new KitInstallResult(result.asKit(), message);
    }

    private KitManifest fromRegistry(String id) {
        KitManifest known = available.containsKey(id) ? available.get(id) : installed.get(id);
        if (known == null) {
            throw Rejection.of(501, "kit source required", Ordered.map("kitId", id, "kind", "",
                    "details", "kit " + id + " is in no enabled registry source; give a source block to install it"));
        }
        return known;
    }

    private KitManifest fromSource(String id, KitInstallSource source, boolean fetchFails) {
        String kind = source.kind();
        if (FEDERATED_KINDS.contains(kind)) {
            throw Rejection.of(501, "kit source kind not implemented", Ordered.map("kitId", id, "kind", kind,
                    "details", "this daemon installs from git sources only; " + kind
                            + " sources are listed for federation order only"));
        }
        if (!kind.equals("git")) {
            throw Rejection.of(400, "unknown kit source kind: " + kind, Map.of("kitId", id));
        }
        if (source.url().isEmpty()) {
            throw Rejection.of(400, "source.url is required", Map.of("kitId", id));
        }
        if (fetchFails) {
            throw Rejection.of(502, "fetching kit source failed", Ordered.map("kitId", id, "source", source.url(),
                    "details", "git clone " + source.url() + ": connection refused"));
        }
        if (!source.manifestPath().isEmpty() && !source.manifestPath().endsWith(".kit.toml")) {
            throw Rejection.of(422, "kit package invalid: no manifest at " + source.manifestPath(), Map.of("kitId", id));
        }
        KitManifest known = available.containsKey(id) ? available.get(id) : installed.get(id);
        if (known != null) {
            return known;
        }
        return new Draft(id, id, "0.0.0-git")
                .about("Installed from " + source.url(), "", "")
                .origin(KitSource.LOCAL, KitScope.PROJECT, KitTrustState.UNSIGNED, "", "")
                .repository(source.url())
                .build();
    }

    List<KitRegistrySource> sources() {
        return new ArrayList<>(sources.values());
    }

    KitSourceToggleResult toggleSource(String name, boolean enable) {
        KitRegistrySource source = sources.get(name);
        if (source == null) {
            throw Rejection.notFound("kit source", name);
        }
        String verb = enable ? "enabled" : "disabled";
        if (source.enabled() == enable) {
            return new KitSourceToggleResult(source, "kit source " + name + " is already " + verb);
        }
        KitRegistrySource changed = new KitRegistrySource(name, source.url(), enable, source.priority(), source.kind());
        sources.put(name, changed);
        return new KitSourceToggleResult(changed, "kit source " + name + " " + verb);
    }

    /** A kit manifest under construction: defaults for everything a kit does not declare. */
    private static final class Draft {
        String id;
        String name;
        String version;
        String description = "";
        String author = "";
        String authorId = "";
        String license = "Apache-2.0";
        String homepage = "";
        String repository = "";
        int priority = 50;
        KitStatus status = KitStatus.ACTIVE;
        KitSource source = KitSource.LOCAL;
        KitScope scope = KitScope.PROJECT;
        KitTrustState trust = KitTrustState.UNSIGNED;
        String signerId = "";
        String signedAt = "";
        List<String> detectFiles = List.of();
        String detectExec = "";
        Set<String> provides = Set.of();
        List<String> supportedOs = List.of("linux", "darwin");
        List<String> supportedArch = List.of("amd64", "arm64");
        String requiresRensei = ">=0.12";
        List<String> requiresCapabilities = List.of();
        List<String> conflictsWith = List.of();
        List<String> composesWith = List.of();
        String order = "";
        Map<String, String> detectToolchain = Map.of();
        Map<String, String> commands = Map.of();
        Map<String, Map<String, String>> commandsOverride = Map.of();
        Map<String, Map<String, String>> toolchainInstall = Map.of();
        @Nullable KitHooks hooks;
        List<String> mcpServerNames = List.of();
        List<String> skillFiles = List.of();
        List<String> agentIds = List.of();
        List<String> a2aSkillIds = List.of();
        List<String> extractorNames = List.of();

        Draft(String id, String name, String version) {
            this.id = id;
            this.name = name;
            this.version = version;
            this.homepage = "https://kits.rensei.dev/" + id;
            this.repository = "https://github.com/rensei-kits/" + id.replace('/', '-');
        }

        static Draft from(KitManifest m) {
            Draft d = new Draft(m.id(), m.name(), m.version());
            d.description = m.description();
            d.author = m.author();
            d.authorId = m.authorId();
            d.license = m.license();
            d.homepage = m.homepage();
            d.repository = m.repository();
            d.priority = m.priority();
            d.status = m.status();
            d.source = m.source();
            d.scope = m.scope();
            d.trust = m.trust();
            d.signerId = m.signerId();
            d.signedAt = m.signedAt();
            d.detectFiles = m.detectFiles();
            d.detectExec = m.detectExec();
            Set<String> flags = new java.util.HashSet<>();
            if (m.providesCommands()) flags.add("commands");
            if (m.providesPrompts()) flags.add("prompts");
            if (m.providesTools()) flags.add("tools");
            if (m.providesMcpServers()) flags.add("mcpServers");
            if (m.providesSkills()) flags.add("skills");
            if (m.providesAgents()) flags.add("agents");
            if (m.providesA2aSkills()) flags.add("a2aSkills");
            if (m.providesExtractors()) flags.add("extractors");
            d.provides = flags;
            d.supportedOs = m.supportedOs();
            d.supportedArch = m.supportedArch();
            d.requiresRensei = m.requiresRensei();
            d.requiresCapabilities = m.requiresCapabilities();
            d.conflictsWith = m.conflictsWith();
            d.composesWith = m.composesWith();
            d.order = m.order();
            d.detectToolchain = m.detectToolchain();
            d.commands = m.commands();
            d.commandsOverride = m.commandsOverride();
            d.toolchainInstall = m.toolchainInstall();
            d.hooks = m.hooks();
            d.mcpServerNames = m.mcpServerNames();
            d.skillFiles = m.skillFiles();
            d.agentIds = m.agentIds();
            d.a2aSkillIds = m.a2aSkillIds();
            d.extractorNames = m.extractorNames();
            return d;
        }

        Draft about(String description, String author, String authorId) {
            this.description = description;
            this.author = author;
            this.authorId = authorId;
            return this;
        }

        Draft origin(KitSource source, KitScope scope, KitTrustState trust, String signerId, String signedAt) {
            this.source = source;
            this.scope = scope;
            this.trust = trust;
            this.signerId = signerId;
            this.signedAt = signedAt;
            return this;
        }

        Draft status(KitStatus status) {
            this.status = status;
            return this;
        }

        Draft repository(String repository) {
            this.repository = repository;
            return this;
        }

        Draft detect(List<String> files, String exec) {
            this.detectFiles = files;
            this.detectExec = exec;
            return this;
        }

        Draft provides(String... what) {
            this.provides = Set.of(what);
            return this;
        }

        Draft manifest(java.util.function.Consumer<Draft> details) {
            details.accept(this);
            return this;
        }

        KitManifest build() {
            return new KitManifest(id, name, version, description, author, authorId, license, homepage, repository,
                    priority, status, source, scope, trust, signerId, signedAt, detectFiles, detectExec,
                    provides.contains("commands"), provides.contains("prompts"), provides.contains("tools"),
                    provides.contains("mcpServers"), provides.contains("skills"), provides.contains("agents"),
                    provides.contains("a2aSkills"), provides.contains("extractors"), supportedOs, supportedArch,
                    requiresRensei, requiresCapabilities, conflictsWith, composesWith, order, detectToolchain, commands,
                    commandsOverride, toolchainInstall, hooks, mcpServerNames, skillFiles, agentIds, a2aSkillIds,
                    extractorNames);
        }
    }
}
