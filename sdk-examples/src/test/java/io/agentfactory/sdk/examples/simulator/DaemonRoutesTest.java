package io.agentfactory.sdk.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.agentfactory.sdk.daemon.DaemonActionResponse;
import io.agentfactory.sdk.daemon.DaemonDrainRequest;
import io.agentfactory.sdk.daemon.DaemonStatsResponse;
import io.agentfactory.sdk.daemon.DaemonStatus;
import io.agentfactory.sdk.daemon.DaemonStatusResponse;
import io.agentfactory.sdk.daemon.SetCapacityResponse;
import io.agentfactory.sdk.kit.Kit;
import io.agentfactory.sdk.kit.KitInstallRequest;
import io.agentfactory.sdk.kit.KitInstallResult;
import io.agentfactory.sdk.kit.KitInstallSource;
import io.agentfactory.sdk.kit.KitManifestEnvelope;
import io.agentfactory.sdk.kit.KitRegistrySource;
import io.agentfactory.sdk.kit.KitSignatureResult;
import io.agentfactory.sdk.kit.KitSourceToggleResult;
import io.agentfactory.sdk.kit.KitStatus;
import io.agentfactory.sdk.kit.KitTrustState;
import io.agentfactory.sdk.kit.ListKitSourcesResponse;
import io.agentfactory.sdk.kit.ListKitsResponse;
import io.agentfactory.sdk.provider.ListProvidersResponse;
import io.agentfactory.sdk.provider.ProviderEnvelope;
import io.agentfactory.sdk.provider.ProviderFamily;
import io.agentfactory.sdk.routing.RoutingConfigResponse;
import io.agentfactory.sdk.routing.RoutingExplainResponse;
import io.agentfactory.sdk.workarea.EvictPoolRequest;
import io.agentfactory.sdk.workarea.EvictPoolResponse;
import io.agentfactory.sdk.workarea.ListWorkareasResponse;
import io.agentfactory.sdk.workarea.WorkareaEnvelope;
import io.agentfactory.sdk.workarea.WorkareaKind;
import io.agentfactory.sdk.workarea.WorkareaPoolStats;
import io.agentfactory.sdk.workarea.WorkareaPoolStatus;
import io.agentfactory.sdk.workarea.WorkareaRestoreRequest;
import io.agentfactory.sdk.workarea.WorkareaRestoreResult;
import io.agentfactory.sdk.workarea.WorkareaSummary;

/** Every daemon route answers the contract's shape and status codes (sdk-api/CONTRACT.md §4). */
class DaemonRoutesTest extends FreshSimulatorPerTest {

    // --- status, stats, lifecycle ------------------------------------------------------------

    @Test
    void statusCountsTheAllowedProjectsReadOffTheEventLoop() {
        List<String> threads = new CopyOnWriteArrayList<>();
        try (AgentFactorySimulator custom = AgentFactorySimulator.builder().allowedProjects(() -> {
            threads.add(Thread.currentThread().getName());
            return List.of("github.com/acme/platform-api", "github.com/acme/web-console");
        }).start()) {
            DaemonStatusResponse status = new Http(custom.daemonBaseUrl()).get("/api/daemon/status")
                    .as(DaemonStatusResponse.class);

            assertThat(status.status()).isEqualTo(DaemonStatus.READY);
            assertThat(status.machineId()).isEqualTo(SimulatedIds.DAEMON_MACHINE);
            assertThat(status.projectsAllowed()).isEqualTo(2);
            assertThat(status.activeSessions()).isEqualTo(2);
            assertThat(status.maxSessions()).isEqualTo(4);
            assertThat(status.uptimeSeconds()).isEqualTo(26 * 3600);
            assertThat(threads).singleElement().asString().startsWith("boundedElastic");
        }
    }

    @Test
    void statsIncludeThePoolAndTheMachinesOnlyWhenAsked() {
        Http.Response plain = daemon.get("/api/daemon/stats");
        DaemonStatsResponse full = daemon.get("/api/daemon/stats?pool=true&byMachine=true").as(DaemonStatsResponse.class);

        assertThat(plain.asMap()).doesNotContainKeys("pool", "byMachine").containsKeys("capacity", "allowedProjects");
        assertThat(plain.as(DaemonStatsResponse.class).allowedProjects()).containsExactly("github.com/acme/platform-api",
                "github.com/acme/web-console", "github.com/acme/billing-service");
        assertThat(full.pool()).isNotNull();
        assertThat(full.pool().totalMembers()).isEqualTo(5);
        assertThat(full.byMachine()).hasSize(3);
        assertThat(full.registration().status()).isEqualTo("busy");
        assertThat(daemon.get("/api/daemon/stats?pool=true").asMap()).containsKey("pool").doesNotContainKey("byMachine");
    }

    @Test
    void pausingTwiceIsAConflict() {
        DaemonActionResponse first = daemon.post("/api/daemon/pause").as(DaemonActionResponse.class);
        Http.Response second = daemon.post("/api/daemon/pause");

        assertThat(first.ok()).isTrue();
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.as(DaemonActionResponse.class)).isEqualTo(new DaemonActionResponse(false, "daemon is already paused"));
        assertThat(daemon.get("/api/daemon/status").as(DaemonStatusResponse.class).status()).isEqualTo(DaemonStatus.PAUSED);
    }

    @Test
    void resumingADaemonThatIsNotPausedIsAConflict() {
        Http.Response response = daemon.post("/api/daemon/resume");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.asMap()).containsEntry("ok", false).containsEntry("message", "daemon is not paused");
        assertThat(daemon.post("/api/daemon/pause").status()).isEqualTo(200);
        assertThat(daemon.post("/api/daemon/resume").as(DaemonActionResponse.class).ok()).isTrue();
    }

    @Test
    void aDrainThatCannotFinishInTimeIsAConflict() {
        Http.Response response = daemon.post("/api/daemon/drain", new DaemonDrainRequest(30));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.as(DaemonActionResponse.class).message())
                .isEqualTo("drain timed out after 30s: 2 session(s) still in flight");
        assertThat(daemon.get("/api/daemon/status").as(DaemonStatusResponse.class).status()).isEqualTo(DaemonStatus.DRAINING);
    }

    @Test
    void aDrainWithTheDefaultTimeoutFinishes() {
        DaemonActionResponse response = daemon.post("/api/daemon/drain", "{}").as(DaemonActionResponse.class);

        assertThat(response).isEqualTo(new DaemonActionResponse(true, "drained 2 session(s) in 60s"));
    }

    @Test
    void aStoppedDaemonRefusesEveryAction() {
        assertThat(daemon.post("/api/daemon/stop").as(DaemonActionResponse.class).ok()).isTrue();

        for (String action : List.of("pause", "resume", "drain", "update", "stop")) {
            Http.Response response = daemon.post("/api/daemon/" + action);
            assertThat(response.status()).as(action).isEqualTo(409);
            assertThat(response.as(DaemonActionResponse.class).message()).isEqualTo("daemon is stopped");
        }
    }

    @Test
    void updateReportsTheVersionCheck() {
        assertThat(daemon.post("/api/daemon/update").as(DaemonActionResponse.class).message()).contains("0.14.2");
    }

    @Test
    void capacityChangesShowInTheStatus() {
        SetCapacityResponse response = daemon.post("/api/daemon/capacity", "{\"key\":\"maxConcurrentSessions\",\"value\":\"6\"}")
                .as(SetCapacityResponse.class);

        assertThat(response.ok()).isTrue();
        assertThat(response.key()).isEqualTo("capacity.maxConcurrentSessions");
        assertThat(response.value()).isEqualTo("6");
        assertThat(daemon.get("/api/daemon/status").as(DaemonStatusResponse.class).maxSessions()).isEqualTo(6);
    }

    @Test
    void theDiskEnvelopeIsSetUnderEitherName() {
        SetCapacityResponse newer = daemon.post("/api/daemon/capacity",
                "{\"key\":\"capacity.workareaMaxDiskGb\",\"value\":\"80\"}").as(SetCapacityResponse.class);
        SetCapacityResponse older = daemon.post("/api/daemon/capacity",
                "{\"key\":\"poolMaxDiskGb\",\"value\":\"0\"}").as(SetCapacityResponse.class);

        assertThat(newer.key()).isEqualTo("capacity.workareaMaxDiskGb");
        assertThat(newer.value()).isEqualTo("80");
        assertThat(older.key()).isEqualTo("capacity.poolMaxDiskGb");
        assertThat(older.value()).isEqualTo("0");
    }

    @Test
    void capacityRefusesUnknownKeysAndNonNumericValuesInPlainText() {
        Http.Response unknown = daemon.post("/api/daemon/capacity", "{\"key\":\"gpus\",\"value\":\"1\"}");
        Http.Response notANumber = daemon.post("/api/daemon/capacity", "{\"key\":\"poolMaxDiskGb\",\"value\":\"lots\"}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("text/plain");
        assertThat(unknown.text()).isEqualTo("unknown capacity key \"gpus\"\n");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.text()).contains("not a non-negative integer");
    }

    @Test
    void aBodyThatIsNotJsonIs400InPlainText() {
        Http.Response response = daemon.post("/api/daemon/capacity", "{not json");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("text/plain");
        assertThat(response.text()).endsWith("\n");
    }

    // --- pool --------------------------------------------------------------------------------

    @Test
    void poolStatsListTheDaemonMachinesMembers() {
        WorkareaPoolStats pool = daemon.get("/api/daemon/pool/stats").as(WorkareaPoolStats.class);

        assertThat(pool.members()).hasSize(pool.totalMembers());
        assertThat(pool.readyMembers() + pool.acquiredMembers() + pool.warmingMembers() + pool.invalidMembers())
                .isEqualTo(pool.totalMembers());
        assertThat(pool.members()).filteredOn(m -> !m.acquiredBy().isEmpty()).hasSize(pool.acquiredMembers());
    }

    @Test
    void evictingWithoutRepoUrlIsAPlainText400() {
        Http.Response response = daemon.post("/api/daemon/pool/evict", new EvictPoolRequest("", 60));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.text()).isEqualTo("repoUrl is required\n");
    }

    @Test
    void evictionRemovesIdleMembersOfTheRepository() {
        EvictPoolResponse response = daemon.post("/api/daemon/pool/evict",
                new EvictPoolRequest("https://github.com/acme/billing-service.git", 24 * 3600)).as(EvictPoolResponse.class);

        assertThat(response.evicted()).isEqualTo(1);
        assertThat(response.correlationId()).startsWith("evt-pool-evict-");
        assertThat(daemon.get("/api/daemon/pool/stats").as(WorkareaPoolStats.class).totalMembers()).isEqualTo(4);
        assertThat(daemon.post("/api/daemon/pool/evict", new EvictPoolRequest("github.com/acme/platform-api", 3600 * 1000))
                .as(EvictPoolResponse.class).evicted()).isZero();
    }

    @Test
    void aDaemonWithoutAnEvictionHandlerAnswers501() {
        try (AgentFactorySimulator bare = AgentFactorySimulator.builder().withoutEvictionHandler().start()) {
            Http.Response response = new Http(bare.daemonBaseUrl()).post("/api/daemon/pool/evict",
                    new EvictPoolRequest("github.com/acme/platform-api", 60));

            assertThat(response.status()).isEqualTo(501);
            assertThat(response.asMap()).containsKey("error");
        }
    }

    // --- providers ---------------------------------------------------------------------------

    @Test
    void providersCoverOnlyTheAgentRuntimeFamily() {
        ListProvidersResponse providers = daemon.get("/api/daemon/providers").as(ListProvidersResponse.class);

        assertThat(providers.partialCoverage()).isTrue();
        assertThat(providers.coveredFamilies()).containsExactly(ProviderFamily.of("agent-runtime"));
        assertThat(providers.providers()).extracting(p -> p.id())
                .containsExactly("claude", "codex", "ollama", "opencode", "gemini", "amp", "stub");
        assertThat(daemon.get("/api/daemon/providers/ollama").as(ProviderEnvelope.class).provider().status().value())
                .isEqualTo("degraded");
        assertThat(daemon.get("/api/daemon/providers/nope").status()).isEqualTo(404);
    }

    // --- kits ------------------------------------------------------------------------------

    @Test
    void kitsAreListedWithTheirTrustStates() {
        ListKitsResponse kits = daemon.get("/api/daemon/kits").as(ListKitsResponse.class);

        assertThat(kits.kits()).extracting(Kit::id)
                .containsExactly("spring/java", "ts/nextjs", "python/uv", "rust/cargo", "acme/terraform");
        assertThat(kits.kits()).extracting(Kit::trust).contains(KitTrustState.SIGNED_VERIFIED,
                KitTrustState.SIGNED_UNVERIFIED, KitTrustState.UNSIGNED);
    }

    @Test
    void aKitIdKeepsItsSlashInThePath() {
        KitManifestEnvelope envelope = daemon.get("/api/daemon/kits/spring/java").as(KitManifestEnvelope.class);

        assertThat(envelope.kit().id()).isEqualTo("spring/java");
        assertThat(envelope.kit().commands()).containsKeys("build", "test");
        assertThat(envelope.kit().hooks()).isNotNull();
        assertThat(daemon.get("/api/daemon/kits/spring%2Fjava").as(KitManifestEnvelope.class)).isEqualTo(envelope);
        assertThat(daemon.get("/api/daemon/kits/spring/kotlin").status()).isEqualTo(404);
    }

    @Test
    void signatureVerificationFollowsTheTrustState() {
        KitSignatureResult verified = daemon.get("/api/daemon/kits/spring/java/verify-signature").as(KitSignatureResult.class);
        KitSignatureResult unsigned = daemon.get("/api/daemon/kits/python/uv/verify-signature").as(KitSignatureResult.class);

        assertThat(verified.ok()).isTrue();
        assertThat(verified.signerId()).isEqualTo("did:web:kits.rensei.dev");
        assertThat(unsigned.ok()).isFalse();
        assertThat(unsigned.trust()).isEqualTo(KitTrustState.UNSIGNED);
    }

    @Test
    void aSignedKitInstallsFromTheRegistry() {
        KitInstallResult result = daemon.post("/api/daemon/kits/go/modules/install", "{}").as(KitInstallResult.class);

        assertThat(result.kit().id()).isEqualTo(SimulatedIds.KIT_INSTALLABLE);
        assertThat(result.kit().status()).isEqualTo(KitStatus.ACTIVE);
        assertThat(result.message()).isEqualTo("installed go/modules@1.1.0");
        assertThat(daemon.get("/api/daemon/kits").as(ListKitsResponse.class).kits()).extracting(Kit::id)
                .contains("go/modules");
    }

    @ParameterizedTest
    @ValueSource(strings = {SimulatedIds.KIT_UNSIGNED, SimulatedIds.KIT_UNVERIFIED})
    void theTrustGateRefusesAnUnverifiedKitUnlessOverriddenOnce(String kitId) {
        Http.Response refused = daemon.post("/api/daemon/kits/" + kitId + "/install", KitInstallRequest.defaults());
        Http.Response allowed = daemon.post("/api/daemon/kits/" + kitId + "/install",
                KitInstallRequest.defaults().allowedThisOnce());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.asMap()).containsOnlyKeys("error", "kitId", "trust").containsEntry("kitId", kitId);
        assertThat(refused.asMap().get("trust")).isIn("unsigned", "signed-unverified");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.as(KitInstallResult.class).message()).contains("allowed-this-once");
    }

    @Test
    void aTrustOverrideOtherThanAllowedThisOnceIs400() {
        Http.Response response = daemon.post("/api/daemon/kits/acme/shell-tools/install", "{\"trustOverride\":\"always\"}");

        assertThat(response.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tessl", "agentskills", "community"})
    void federatedSourceKindsAreUnimplemented(String kind) {
        Http.Response response = daemon.post("/api/daemon/kits/spring/java/install",
                new KitInstallRequest("", new KitInstallSource(kind, "https://registry.example/k", "", ""), ""));

        assertThat(response.status()).isEqualTo(501);
        assertThat(response.asMap()).containsOnlyKeys("error", "kitId", "kind", "details")
                .containsEntry("kitId", "spring/java").containsEntry("kind", kind);
    }

    @Test
    void aKitInNoRegistryNeedsASource() {
        Http.Response response = daemon.post("/api/daemon/kits/acme/unknown/install", "{}");

        assertThat(response.status()).isEqualTo(501);
        assertThat(response.asMap()).containsEntry("kitId", "acme/unknown").containsEntry("kind", "");
    }

    @Test
    void aGitSourceInstallsAnUnsignedKitWithTheOverride() {
        KitInstallSource git = new KitInstallSource("git", "https://github.com/acme/kits.git", "v1", "acme.kit.toml");

        Http.Response refused = daemon.post("/api/daemon/kits/acme/custom/install", new KitInstallRequest("", git, ""));
        KitInstallResult installed = daemon.post("/api/daemon/kits/acme/custom/install",
                new KitInstallRequest("", git, KitInstallRequest.TRUST_OVERRIDE_ALLOWED_THIS_ONCE)).as(KitInstallResult.class);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(installed.kit().repository()).isEqualTo("https://github.com/acme/kits.git");
    }

    @Test
    void aSourceThatCannotBeFetchedIs502NamingTheSource() {
        sim.daemonKnobs().kitSourceFetchFails(true);

        Http.Response response = daemon.post("/api/daemon/kits/acme/custom/install",
                new KitInstallRequest("", new KitInstallSource("git", "https://git.example/kits.git", "", ""), ""));

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.asMap()).containsEntry("source", "https://git.example/kits.git").containsEntry("kitId", "acme/custom");
    }

    @Test
    void anInvalidPackageIs422() {
        Http.Response response = daemon.post("/api/daemon/kits/broken/no-manifest/install", "{}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.asMap()).containsEntry("kitId", SimulatedIds.KIT_INVALID_PACKAGE);
    }

    @Test
    void aConflictingKitIs409UntilTheOtherIsDisabled() {
        Http.Response conflict = daemon.post("/api/daemon/kits/java/gradle-legacy/install", "{}");
        daemon.post("/api/daemon/kits/spring/java/disable");
        Http.Response installed = daemon.post("/api/daemon/kits/java/gradle-legacy/install", "{}");

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.asMap()).containsEntry("conflictsWith", "spring/java");
        assertThat(installed.status()).isEqualTo(200);
    }

    @Test
    void enableAnswersTheBareKitAndDisableTheWrappedKit() {
        Http.Response enabled = daemon.post("/api/daemon/kits/python/uv/enable");
        Http.Response disabled = daemon.post("/api/daemon/kits/python/uv/disable");

        assertThat(enabled.as(Kit.class).status()).isEqualTo(KitStatus.ACTIVE);
        assertThat(disabled.asMap()).containsOnlyKeys("kit");
        assertThat(disabled.text()).contains("\"status\":\"disabled\"");
        assertThat(daemon.post("/api/daemon/kits/no/such/enable").status()).isEqualTo(404);
    }

    @Test
    void kitSourcesToggle() {
        ListKitSourcesResponse sources = daemon.get("/api/daemon/kit-sources").as(ListKitSourcesResponse.class);
        KitSourceToggleResult enabled = daemon.post("/api/daemon/kit-sources/agentskills/enable")
                .as(KitSourceToggleResult.class);
        KitSourceToggleResult again = daemon.post("/api/daemon/kit-sources/agentskills/enable")
                .as(KitSourceToggleResult.class);

        assertThat(sources.sources()).extracting(KitRegistrySource::name)
                .containsExactly("bundled", "tessl", "agentskills", "acme-community");
        assertThat(enabled.source().enabled()).isTrue();
        assertThat(enabled.message()).isEqualTo("kit source agentskills enabled");
        assertThat(again.message()).isEqualTo("kit source agentskills is already enabled");
        assertThat(daemon.post("/api/daemon/kit-sources/nope/disable").status()).isEqualTo(404);
    }

    // --- workareas -----------------------------------------------------------------------------

    @Test
    void workareasListActiveMembersAndArchives() {
        ListWorkareasResponse list = daemon.get("/api/daemon/workareas").as(ListWorkareasResponse.class);

        assertThat(list.active()).hasSize(5).allMatch(w -> w.kind().equals(WorkareaKind.ACTIVE));
        assertThat(list.archived()).extracting(WorkareaSummary::id).containsExactly(SimulatedIds.ARCHIVE_CHECKPOINT,
                SimulatedIds.ARCHIVE_FINAL, SimulatedIds.ARCHIVE_OTHER_CHANGE, SimulatedIds.ARCHIVE_OTHER_REPOSITORY,
                SimulatedIds.ARCHIVE_CORRUPTED);
        assertThat(list.archived()).allMatch(w -> w.status().equals(WorkareaPoolStatus.ARCHIVED) && w.createdAt() != null);
    }

    @Test
    void aWorkareaIsFoundByIdActiveArchivedOrSynthetic() {
        String active = daemon.get("/api/daemon/workareas").as(ListWorkareasResponse.class).active().get(0).id();

        assertThat(daemon.get("/api/daemon/workareas/" + active).as(WorkareaEnvelope.class).workarea().kind())
                .isEqualTo(WorkareaKind.ACTIVE);
        assertThat(daemon.get("/api/daemon/workareas/" + SimulatedIds.ARCHIVE_FINAL).as(WorkareaEnvelope.class)
                .workarea().manifest()).containsEntry("files", 15);
        assertThat(daemon.get("/api/daemon/workareas/synthetic-42").as(WorkareaEnvelope.class).workarea().manifest())
                .containsEntry("entries", 42);
        assertThat(daemon.get("/api/daemon/workareas/nope").status()).isEqualTo(404);
    }

    @Test
    void restoringAnArchiveCreatesANewActiveWorkarea() {
        Http.Response response = daemon.post("/api/daemon/workareas/" + SimulatedIds.ARCHIVE_FINAL + "/restore",
                new WorkareaRestoreRequest("investigate the regression", "sess-restore-1"));

        assertThat(response.status()).isEqualTo(201);
        WorkareaRestoreResult result = response.as(WorkareaRestoreResult.class);
        assertThat(result.workarea().id()).startsWith("wa-restored-").isNotEqualTo(SimulatedIds.ARCHIVE_FINAL);
        assertThat(result.workarea().kind()).isEqualTo(WorkareaKind.ACTIVE);
        assertThat(result.workarea().sessionId()).isEqualTo("sess-restore-1");
        assertThat(result.workarea().acquiredAt()).isEqualTo(sim.now());
        assertThat(daemon.get("/api/daemon/workareas").as(ListWorkareasResponse.class).active())
                .extracting(WorkareaSummary::id).contains(result.workarea().id());
    }

    @Test
    void restoringIntoASessionIdInUseIsAConflict() {
        String working = sim.sessionId(SimulatedIds.WORKING_SESSION);
        String path = "/api/daemon/workareas/" + SimulatedIds.ARCHIVE_FINAL + "/restore";

        Http.Response heldByPool = daemon.post(path, new WorkareaRestoreRequest("", working));
        daemon.post(path, new WorkareaRestoreRequest("", "sess-x"));
        Http.Response heldByRestore = daemon.post(path, new WorkareaRestoreRequest("", "sess-x"));

        assertThat(heldByPool.status()).isEqualTo(409);
        assertThat(heldByPool.asMap()).containsEntry("error", "session id already in use: " + working);
        assertThat(heldByRestore.status()).isEqualTo(409);
    }

    @Test
    void restoringIntoASaturatedPoolIs503WithRetryAfter() {
        sim.daemonKnobs().poolSaturated(RetryAfter.seconds(30));

        Http.Response response = daemon.post("/api/daemon/workareas/" + SimulatedIds.ARCHIVE_FINAL + "/restore",
                WorkareaRestoreRequest.defaults());

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.headers().get("Retry-After")).isEqualTo("30");
        sim.daemonKnobs().poolAvailable();
        assertThat(daemon.post("/api/daemon/workareas/" + SimulatedIds.ARCHIVE_FINAL + "/restore", "{}").status())
                .isEqualTo(201);
    }

    @Test
    void restoringACorruptedArchiveIs400() {
        Http.Response response = daemon.post("/api/daemon/workareas/" + SimulatedIds.ARCHIVE_CORRUPTED + "/restore", "{}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.asMap().get("error")).asString().contains("corrupted");
    }

    @Test
    void restoringAnUnknownArchiveIs404AndAnActiveWorkareaIs400() {
        String active = daemon.get("/api/daemon/workareas").as(ListWorkareasResponse.class).active().get(0).id();

        assertThat(daemon.post("/api/daemon/workareas/nope/restore", "{}").status()).isEqualTo(404);
        assertThat(daemon.post("/api/daemon/workareas/" + active + "/restore", "{}").status()).isEqualTo(400);
    }

    // --- routing -------------------------------------------------------------------------------

    @Test
    void theRoutingConfigListsRecentDecisionsNewestFirst() {
        RoutingConfigResponse response = daemon.get("/api/daemon/routing/config").as(RoutingConfigResponse.class);

        assertThat(response.config().weights().cost()).isEqualTo(0.7);
        assertThat(response.config().capturedAt()).isEqualTo(sim.now());
        assertThat(response.config().recentDecisions()).hasSize(9)
                .extracting(d -> d.decidedAt()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(response.config().llmProviders()).extracting(p -> p.providerId()).contains("claude", "codex");
    }

    @Test
    void explainTracesAStartedSessionAnd404sOtherwise() {
        String working = sim.sessionId(SimulatedIds.WORKING_SESSION);

        RoutingExplainResponse explain = daemon.get("/api/daemon/routing/explain/" + working)
                .as(RoutingExplainResponse.class);

        assertThat(explain.decision().chosenLLM()).isEqualTo("claude");
        assertThat(explain.trace()).extracting(step -> step.phase())
                .containsExactly("capability-filter", "tenant-policy", "capacity-filter", "score", "capability-filter", "score");
        assertThat(daemon.get("/api/daemon/routing/explain/" + sim.sessionId(SimulatedIds.QUEUED_SESSION)).status())
                .isEqualTo(404);
        assertThat(daemon.get("/api/daemon/routing/explain/unknown").status()).isEqualTo(404);
    }
}
