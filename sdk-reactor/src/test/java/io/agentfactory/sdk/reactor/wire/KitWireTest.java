package io.agentfactory.sdk.reactor.wire;

import static io.agentfactory.sdk.reactor.wire.Wire.assertEncodesBackTo;
import static io.agentfactory.sdk.reactor.wire.Wire.assertRoundTrip;
import static io.agentfactory.sdk.reactor.wire.Wire.compactFixture;
import static io.agentfactory.sdk.reactor.wire.Wire.decode;
import static io.agentfactory.sdk.reactor.wire.Wire.decodeArray;
import static io.agentfactory.sdk.reactor.wire.Wire.decodeArrayFixture;
import static io.agentfactory.sdk.reactor.wire.Wire.decodeFixture;
import static io.agentfactory.sdk.reactor.wire.Wire.encode;
import static io.agentfactory.sdk.reactor.wire.Wire.tree;
import static io.agentfactory.sdk.reactor.wire.Wire.withString;
import static io.agentfactory.sdk.reactor.wire.Wire.withUnknownFieldsEverywhere;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agentfactory.sdk.internal.Copies;
import io.agentfactory.sdk.kit.Kit;
import io.agentfactory.sdk.kit.KitContribution;
import io.agentfactory.sdk.kit.KitDetection;
import io.agentfactory.sdk.kit.KitHookEntry;
import io.agentfactory.sdk.kit.KitHooks;
import io.agentfactory.sdk.kit.KitInstallRequest;
import io.agentfactory.sdk.kit.KitInstallResult;
import io.agentfactory.sdk.kit.KitInstallSource;
import io.agentfactory.sdk.kit.KitManifest;
import io.agentfactory.sdk.kit.KitManifestEnvelope;
import io.agentfactory.sdk.kit.KitRegistrySource;
import io.agentfactory.sdk.kit.KitScope;
import io.agentfactory.sdk.kit.KitSignatureResult;
import io.agentfactory.sdk.kit.KitSource;
import io.agentfactory.sdk.kit.KitSourceToggleResult;
import io.agentfactory.sdk.kit.KitStatus;
import io.agentfactory.sdk.kit.KitTrustState;
import io.agentfactory.sdk.kit.ListKitSourcesResponse;
import io.agentfactory.sdk.kit.ListKitsResponse;
import io.agentfactory.sdk.reactor.internal.json.JsonCodec;
import io.agentfactory.sdk.reactor.testing.Fixtures;

/**
 * The {@code io.agentfactory.sdk.kit} types map the daemon's {@code /api/daemon/kits*} and
 * {@code /api/daemon/kit-sources*} routes and the coordinator's kit detection and contribution
 * routes exactly.
 */
class KitWireTest {

    static final Kit SPRING_JAVA = new Kit("spring/java", "Spring Boot (Java)", "2.3.1",
            "Build, test and run Spring Boot services with Maven or Gradle.", "Rensei Kits", "did:web:kits.rensei.dev",
            "Apache-2.0", "https://kits.rensei.dev/spring-java", "https://github.com/rensei-kits/spring-java", 40,
            KitStatus.ACTIVE, KitSource.BUNDLED, KitScope.PROJECT, KitTrustState.SIGNED_VERIFIED,
            "did:web:kits.rensei.dev#key-1", "2026-04-02T10:15:00Z", List.of("pom.xml", "build.gradle.kts"),
            "bin/detect-spring", true, true, true, true, true, false, false, true);

    static final Kit NEXTJS = new Kit("ts/nextjs", "Next.js (TypeScript)", "1.8.0",
            "Next.js apps with pnpm, Vitest and Playwright.", "Community", "did:web:github.com:nextkits", "MIT",
            "https://nextkits.dev", "https://github.com/nextkits/nextjs-kit", 30, KitStatus.DISABLED, KitSource.COMMUNITY,
            KitScope.ORG, KitTrustState.UNSIGNED, "did:web:github.com:nextkits#key-0", "2026-01-20T14:03:12Z",
            List.of("next.config.js", "next.config.mjs"), "scripts/detect.sh", true, false, false, false, true, true,
            true, false);

    static final KitRegistrySource TESSL_DISABLED = new KitRegistrySource("tessl", "https://registry.tessl.io", false,
            20, "tessl");

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("kit", Kit.class),
                Arguments.of("list-kits-response", ListKitsResponse.class),
                Arguments.of("kit-manifest-envelope", KitManifestEnvelope.class),
                Arguments.of("kit-install-result", KitInstallResult.class),
                Arguments.of("kit-signature-result", KitSignatureResult.class),
                Arguments.of("list-kit-sources-response", ListKitSourcesResponse.class),
                Arguments.of("kit-source-toggle-result", KitSourceToggleResult.class));
    }

    // --- every field of every response -------------------------------------------------------------

    @Test
    void aKitDecodesEveryField() {
        Kit kit = decodeFixture("kit", Kit.class);

        assertThat(kit).isEqualTo(SPRING_JAVA);
        assertEncodesBackTo("kit", kit);
    }

    @Test
    void theEnvelopedKitIsTheSameKit() {
        var envelope = tree(Fixtures.text("kit-envelope"));

        Kit kit = JsonCodec.get().mapper().treeToValue(envelope.get("kit"), Kit.class);

        assertThat(envelope.propertyNames()).containsExactly("kit");
        assertThat(kit).isEqualTo(SPRING_JAVA);
    }

    @Test
    void theKitListDecodesEveryField() {
        ListKitsResponse kits = decodeFixture("list-kits-response", ListKitsResponse.class);

        assertThat(kits).isEqualTo(new ListKitsResponse(List.of(SPRING_JAVA, NEXTJS)));
        assertEncodesBackTo("list-kits-response", kits);
    }

    @Test
    void theManifestIsFlatAndDecodesEveryField() {
        KitManifestEnvelope envelope = decodeFixture("kit-manifest-envelope", KitManifestEnvelope.class);
        KitManifest manifest = envelope.kit();

        assertThat(manifest.asKit()).isEqualTo(SPRING_JAVA);
        assertThat(manifest.supportedOs()).containsExactly("linux", "darwin");
        assertThat(manifest.supportedArch()).containsExactly("amd64", "arm64");
        assertThat(manifest.requiresRensei()).isEqualTo(">=0.9.0");
        assertThat(manifest.requiresCapabilities()).containsExactly("network-egress", "host-binary:docker");
        assertThat(manifest.conflictsWith()).containsExactly("gradle/kotlin-multiplatform");
        assertThat(manifest.composesWith()).containsExactly("docker/compose", "postgres/testcontainers");
        assertThat(manifest.order()).isEqualTo("after:java/base");
        assertThat(manifest.detectToolchain()).containsExactly(Map.entry("java", ">=17 <22"), Map.entry("maven", ">=3.9"));
        assertThat(manifest.commands()).containsExactly(Map.entry("build", "./mvnw -B -q package -DskipTests"),
                Map.entry("test", "./mvnw -B verify"), Map.entry("run", "./mvnw -q spring-boot:run"));
        assertThat(manifest.commandsOverride()).isEqualTo(Map.of("windows",
                Map.of("build", "mvnw.cmd -B -q package -DskipTests", "test", "mvnw.cmd -B verify")));
        assertThat(manifest.toolchainInstall()).isEqualTo(Map.of(
                "darwin", Map.of("java", "brew install openjdk@21"),
                "linux", Map.of("java", "sdk install java 21.0.3-tem", "maven", "sdk install maven 3.9.9")));
        assertThat(manifest.hooks()).isEqualTo(new KitHooks("./mvnw -B -q dependency:go-offline", "./mvnw -B -q clean",
                Map.of("windows", new KitHookEntry("mvnw.cmd -B -q dependency:go-offline", "mvnw.cmd -B -q clean"))));
        assertThat(manifest.mcpServerNames()).containsExactly("maven-central", "spring-initializr");
        assertThat(manifest.skillFiles()).containsExactly("skills/spring-boot-testing/SKILL.md");
        assertThat(manifest.agentIds()).containsExactly("spring-migrator");
        assertThat(manifest.a2aSkillIds()).containsExactly("spring.upgrade-boot");
        assertThat(manifest.extractorNames()).containsExactly("surefire-reports", "jacoco");
        assertEncodesBackTo("kit-manifest-envelope", envelope);
    }

    @Test
    void theManifestsNestedMapsAreUnmodifiable() {
        KitManifest manifest = decodeFixture("kit-manifest-envelope", KitManifestEnvelope.class).kit();

        assertThatThrownBy(() -> manifest.toolchainInstall().get("linux").put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> manifest.commandsOverride().put("x", Map.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> manifest.hooks().os().put("x", new KitHookEntry("", "")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anInstallResultDecodesTheKitAndMessage() {
        KitInstallResult result = decodeFixture("kit-install-result", KitInstallResult.class);

        assertThat(result).isEqualTo(new KitInstallResult(SPRING_JAVA,
                "installed spring/java@2.3.1 from git https://github.com/rensei-kits/spring-java.git (v2.3.1)"));
        assertEncodesBackTo("kit-install-result", result);
    }

    @Test
    void anInstallResultWithoutMessageHasAnEmptyOne() {
        KitInstallResult result = decode("{\"kit\":" + Fixtures.text("kit") + "}", KitInstallResult.class);

        assertThat(result.message()).isEmpty();
        assertThat(encode(result)).doesNotContain("\"message\"");
    }

    @Test
    void aSignatureResultDecodesEveryField() {
        KitSignatureResult result = decodeFixture("kit-signature-result", KitSignatureResult.class);

        assertThat(result).isEqualTo(new KitSignatureResult("spring/java", KitTrustState.SIGNED_VERIFIED,
                "did:web:kits.rensei.dev#key-1", "2026-04-02T10:15:00Z", true,
                "ed25519 signature over spring-java-2.3.1.kit.tar.gz verified against did:web:kits.rensei.dev#key-1"));
        assertEncodesBackTo("kit-signature-result", result);
    }

    @Test
    void theKitSourcesDecodeEveryFieldInFederationOrder() {
        ListKitSourcesResponse sources = decodeFixture("list-kit-sources-response", ListKitSourcesResponse.class);

        assertThat(sources.sources()).containsExactly(
                new KitRegistrySource("local", "file:///home/mark/.donmai/kits", true, 0, "local"),
                new KitRegistrySource("bundled", "builtin://kits", true, 10, "bundled"),
                TESSL_DISABLED,
                new KitRegistrySource("agentskills", "https://agentskills.io", false, 30, "agentskills"),
                new KitRegistrySource("acme-internal", "https://kits.acme.internal", true, 40, "community"));
        assertEncodesBackTo("list-kit-sources-response", sources);
    }

    @Test
    void aSourceToggleDecodesEveryField() {
        KitSourceToggleResult toggled = decodeFixture("kit-source-toggle-result", KitSourceToggleResult.class);

        assertThat(toggled).isEqualTo(new KitSourceToggleResult(
                new KitRegistrySource("tessl", "https://registry.tessl.io", true, 20, "tessl"), "kit source tessl enabled"));
        assertEncodesBackTo("kit-source-toggle-result", toggled);
    }

    @Test
    void kitDetectionsAreABareArrayAndDecodeEveryField() {
        List<KitDetection> detections = decodeArrayFixture("kit-detection-array", KitDetection.class);

        assertThat(detections).containsExactly(
                new KitDetection("spring/java", "2.3.1", true, 0.97, "pom.xml declares spring-boot-starter-parent 3.3.4",
                        Map.of("java", ">=17 <22", "maven", ">=3.9"), "executable"),
                new KitDetection("ts/nextjs", "1.8.0", false, 0.12, "package.json found but no next dependency",
                        Map.of("node", ">=20"), "declarative"));
        assertThat(encode(detections)).isEqualTo(compactFixture("kit-detection-array"));
    }

    @Test
    void kitContributionsAreABareArrayAndDecodeEveryField() {
        List<KitContribution> contributions = decodeArrayFixture("kit-contribution-array", KitContribution.class);

        assertThat(contributions).containsExactly(
                new KitContribution("spring/java", "2.3.1", Map.of("build", "./mvnw -B -q package -DskipTests",
                        "test", "./mvnw -B verify", "validate", "./mvnw -B -q spotless:check"), 3, 5,
                        List.of("maven-central", "spring-initializr"), List.of("skills/spring-boot-testing/SKILL.md"),
                        List.of("target", ".mvn/wrapper/dists"), "2026-05-14T15:58:05Z"),
                new KitContribution("docker/compose", "0.4.2", Map.of("up", "docker compose up -d --wait"), 1, 2,
                        List.of("docker"), List.of("skills/compose-debugging/SKILL.md"), List.of(".docker-volumes"),
                        "2026-05-14T15:58:06Z"));
        assertThat(encode(contributions)).isEqualTo(compactFixture("kit-contribution-array"));
    }

    @Test
    void nullDetectionAndContributionArraysMeanEmpty() {
        assertThat(Copies.list(decodeArray("null", KitDetection.class))).isEmpty();
        assertThat(Copies.list(decodeArray("null", KitContribution.class))).isEmpty();
    }

    @Test
    void knownValuesDecodeToTheDeclaredConstants() {
        ListKitsResponse kits = decodeFixture("list-kits-response", ListKitsResponse.class);
        Kit nextjs = kits.kits().get(1);

        assertThat(kits.kits().get(0).status()).isSameAs(KitStatus.ACTIVE);
        assertThat(kits.kits().get(0).source()).isSameAs(KitSource.BUNDLED);
        assertThat(kits.kits().get(0).scope()).isSameAs(KitScope.PROJECT);
        assertThat(kits.kits().get(0).trust()).isSameAs(KitTrustState.SIGNED_VERIFIED);
        assertThat(nextjs.status()).isSameAs(KitStatus.DISABLED);
        assertThat(nextjs.source()).isSameAs(KitSource.COMMUNITY);
        assertThat(nextjs.scope()).isSameAs(KitScope.ORG);
        assertThat(nextjs.trust()).isSameAs(KitTrustState.UNSIGNED);
    }

    // --- forward compatibility ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void unknownFieldsAreIgnoredAtEveryDepth(String fixture, Class<?> type) {
        assertThat(decode(withUnknownFieldsEverywhere(fixture, "detectToolchain", "commands", "commandsOverride",
                "toolchainInstall", "os"), type)).isEqualTo(decodeFixture(fixture, type));
    }

    @Test
    void unknownFieldsInDetectionsAndContributionsAreIgnored() {
        assertThat(decodeArray(withUnknownFieldsEverywhere("kit-detection-array", "toolchainDemand"), KitDetection.class))
                .isEqualTo(decodeArrayFixture("kit-detection-array", KitDetection.class));
        assertThat(decodeArray(withUnknownFieldsEverywhere("kit-contribution-array", "commands"), KitContribution.class))
                .isEqualTo(decodeArrayFixture("kit-contribution-array", KitContribution.class));
    }

    static Stream<Arguments> enumFields() {
        return Stream.of(
                Arguments.of("kit", "/status", "quarantined", Kit.class),
                Arguments.of("kit", "/source", "oci-registry", Kit.class),
                Arguments.of("kit", "/scope", "workspace", Kit.class),
                Arguments.of("kit", "/trust", "revoked", Kit.class),
                Arguments.of("kit-manifest-envelope", "/kit/trust", "revoked", KitManifestEnvelope.class),
                Arguments.of("kit-signature-result", "/trust", "signed-expired", KitSignatureResult.class));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("enumFields")
    void anUnknownEnumStringSurvivesDecodeAndEncode(String fixture, String pointer, String value, Class<?> type) {
        assertRoundTrip(withString(fixture, pointer, value), type);
    }

    @Test
    void unknownKitStatusSourceScopeAndTrustAreKeptAndNotKnown() {
        String json = Wire.compact(Fixtures.text("kit")).replace("\"active\"", "\"quarantined\"")
                .replace("\"bundled\"", "\"oci-registry\"").replace("\"project\"", "\"workspace\"")
                .replace("\"signed-verified\"", "\"revoked\"");

        Kit kit = decode(json, Kit.class);

        assertThat(List.of(kit.status(), kit.source(), kit.scope(), kit.trust()))
                .extracting(e -> e.value() + ":" + e.isKnown())
                .containsExactly("quarantined:false", "oci-registry:false", "workspace:false", "revoked:false");
    }

    // --- absent versus zero ------------------------------------------------------------------------

    @Test
    void emptyOptionalKitFieldsAreLeftOutButFlagsAreAlwaysWritten() {
        Kit bare = new Kit("local/scripts", "Scripts", "0.1.0", "", "", "", "", "", "", 0, KitStatus.ACTIVE,
                KitSource.LOCAL, KitScope.PROJECT, KitTrustState.UNSIGNED, "", "", List.of(), "", false, false, false,
                false, false, false, false, false);

        assertThat(encode(bare)).isEqualTo("{\"id\":\"local/scripts\",\"name\":\"Scripts\",\"version\":\"0.1.0\","
                + "\"status\":\"active\",\"source\":\"local\",\"scope\":\"project\",\"trust\":\"unsigned\","
                + "\"providesCommands\":false,\"providesPrompts\":false,\"providesTools\":false,"
                + "\"providesMcpServers\":false,\"providesSkills\":false,\"providesAgents\":false,"
                + "\"providesA2aSkills\":false,\"providesExtractors\":false}");
    }

    @Test
    void anAbsentHooksBlockIsNullAndLeftOut() {
        KitManifest manifest = decode(Fixtures.text("kit"), KitManifest.class);

        assertThat(manifest.hooks()).isNull();
        assertThat(manifest.commandsOverride()).isEmpty();
        assertThat(encode(manifest)).isEqualTo(compactFixture("kit"));
    }

    @Test
    void aZeroConfidenceIsWrittenBecauseTheReferenceDoesNotOmitIt() {
        KitDetection detection = decode("{\"kitId\":\"go/std\",\"confidence\":0}", KitDetection.class);

        assertThat(detection.confidence()).isZero();
        assertThat(encode(detection)).isEqualTo(
                "{\"kitId\":\"go/std\",\"kitVersion\":\"\",\"applies\":false,\"confidence\":0.0}");
    }

    @Test
    void malformedStringTimestampsDoNotFailTheDecode() {
        Kit kit = decode("{\"signedAt\":\"unknown\"}", Kit.class);
        KitContribution contribution = decode("{\"appliedAt\":\"-\"}", KitContribution.class);

        assertThat(kit.signedAt()).isEqualTo("unknown");
        assertThat(contribution.appliedAt()).isEqualTo("-");
    }

    // --- error bodies -------------------------------------------------------------------------------

    @Test
    void theTrustGateBodyNamesTheKitAndAKnownTrustState() {
        var body = tree(Fixtures.text("error-kit-trust-gate"));

        assertThat(body.propertyNames()).containsExactly("error", "kitId", "trust");
        assertThat(body.get("kitId").asString()).isEqualTo(NEXTJS.id());
        assertThat(KitTrustState.of(body.get("trust").asString())).isSameAs(KitTrustState.UNSIGNED);
    }

    @Test
    void theUnimplementedSourceBodyNamesAKnownKitSource() {
        var body = tree(Fixtures.text("error-kit-source-unimplemented"));

        assertThat(body.propertyNames()).containsExactly("error", "kitId", "kind", "details");
        assertThat(KitSource.of(body.get("kind").asString())).isSameAs(KitSource.TESSL);
    }

    // --- requests ----------------------------------------------------------------------------------

    @Test
    void anInstallWithNothingSetPostsAnEmptyObject() {
        assertThat(encode(KitInstallRequest.defaults())).isEqualTo("{}");
    }

    @Test
    void anInstallFromAGitSourceWritesEveryFieldInReferenceOrder() {
        KitInstallRequest request = new KitInstallRequest("2.3.1", new KitInstallSource("git",
                "https://github.com/rensei-kits/spring-java.git", "v2.3.1", "kits/spring-java.kit.toml"),
                KitInstallRequest.TRUST_OVERRIDE_ALLOWED_THIS_ONCE);

        assertThat(encode(request)).isEqualTo("{\"version\":\"2.3.1\",\"source\":{\"kind\":\"git\","
                + "\"url\":\"https://github.com/rensei-kits/spring-java.git\",\"ref\":\"v2.3.1\","
                + "\"manifestPath\":\"kits/spring-java.kit.toml\"},\"trustOverride\":\"allowed-this-once\"}");
    }

    @Test
    void anInstallWithOnlyASourceWritesOnlyTheSource() {
        KitInstallRequest request = new KitInstallRequest("", new KitInstallSource("git",
                "https://github.com/rensei-kits/spring-java.git", "", ""), "");

        assertThat(encode(request)).isEqualTo(
                "{\"source\":{\"kind\":\"git\",\"url\":\"https://github.com/rensei-kits/spring-java.git\"}}");
    }

    @Test
    void aMinimalSourceAlwaysWritesKindAndUrl() {
        assertThat(encode(new KitInstallSource("", "", "", ""))).isEqualTo("{\"kind\":\"\",\"url\":\"\"}");
    }

    @Test
    void allowedThisOnceAddsOnlyTheOverride() {
        assertThat(encode(KitInstallRequest.defaults().allowedThisOnce()))
                .isEqualTo("{\"trustOverride\":\"allowed-this-once\"}");
    }
}
