package io.agentfactory.sdk.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KitManifestTest {

    @Test
    void theKitSummaryOfAManifestIsItsEmbeddedKitFields() {
        KitManifest manifest = new KitManifest("spring/java", "Spring Boot (Java)", "2.3.1", "Spring Boot services",
                "Rensei", "did:web:kits.rensei.dev", "Apache-2.0", "https://kits.rensei.dev/spring-java",
                "https://github.com/rensei-kits/spring-java", 40, KitStatus.ACTIVE, KitSource.BUNDLED, KitScope.PROJECT,
                KitTrustState.SIGNED_VERIFIED, "did:web:kits.rensei.dev#key-1", "2026-04-02T10:15:00Z",
                List.of("pom.xml"), "bin/detect", true, true, false, true, true, false, false, true,
                List.of("linux"), List.of("amd64"), ">=0.9.0", List.of("network-egress"), List.of("gradle/java"),
                List.of("docker/compose"), "after:java/base", Map.of("java", ">=17"), Map.of("build", "./mvnw -B verify"),
                Map.of(), Map.of(), null, List.of("maven-central"), List.of(), List.of(), List.of(), List.of());

        assertThat(manifest.asKit()).isEqualTo(new Kit("spring/java", "Spring Boot (Java)", "2.3.1",
                "Spring Boot services", "Rensei", "did:web:kits.rensei.dev", "Apache-2.0",
                "https://kits.rensei.dev/spring-java", "https://github.com/rensei-kits/spring-java", 40,
                KitStatus.ACTIVE, KitSource.BUNDLED, KitScope.PROJECT, KitTrustState.SIGNED_VERIFIED,
                "did:web:kits.rensei.dev#key-1", "2026-04-02T10:15:00Z", List.of("pom.xml"), "bin/detect", true, true,
                false, true, true, false, false, true));
    }

    @Test
    void installWithDefaultsSetsNothing() {
        assertThat(KitInstallRequest.defaults()).isEqualTo(new KitInstallRequest("", null, ""));
    }

    @Test
    void allowedThisOnceKeepsTheRestOfTheRequest() {
        KitInstallSource source = new KitInstallSource("git", "https://github.com/rensei-kits/spring-java.git", "v2.3.1",
                "kits/spring-java.kit.toml");

        KitInstallRequest request = new KitInstallRequest("2.3.1", source, "").allowedThisOnce();

        assertThat(request).isEqualTo(new KitInstallRequest("2.3.1", source, "allowed-this-once"));
        assertThat(KitInstallRequest.TRUST_OVERRIDE_ALLOWED_THIS_ONCE).isEqualTo("allowed-this-once");
    }
}
