package io.agentfactory.sdk.reactor.wire;

import static io.agentfactory.sdk.reactor.wire.Wire.assertRoundTrip;
import static io.agentfactory.sdk.reactor.wire.Wire.decode;
import static io.agentfactory.sdk.reactor.wire.Wire.encode;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.config.CapacityConfig;
import io.agentfactory.sdk.config.CloneStrategy;
import io.agentfactory.sdk.config.CredentialHelper;
import io.agentfactory.sdk.config.CredentialHelperKind;
import io.agentfactory.sdk.config.ProjectEntry;

/**
 * The {@code io.agentfactory.sdk.config} types carry the reference's JSON tags too (the same names
 * as in {@code daemon.yaml}): empty values are left out, the repository is always written.
 */
class ConfigWireTest {

    private static final String FULL_PROJECT = "{\"id\":\"robot-api\",\"repository\":\"github.com/acme/robot-api\","
            + "\"cloneStrategy\":\"reference-clone\",\"credentialHelper\":{\"kind\":\"ssh\","
            + "\"sshKeyPath\":\"/home/mark/.ssh/id_ed25519\"}}";

    // --- requests ----------------------------------------------------------------------------------

    @Test
    void aMinimalProjectWritesOnlyItsRepository() {
        ProjectEntry minimal = new ProjectEntry("", "github.com/acme/robot-api", CloneStrategy.of(""), null);

        assertThat(encode(minimal)).isEqualTo("{\"repository\":\"github.com/acme/robot-api\"}");
    }

    @Test
    void aFullProjectWritesEveryFieldInReferenceOrder() {
        ProjectEntry full = new ProjectEntry("robot-api", "github.com/acme/robot-api", CloneStrategy.REFERENCE_CLONE,
                new CredentialHelper(CredentialHelperKind.SSH, "/home/mark/.ssh/id_ed25519", ""));

        assertThat(encode(full)).isEqualTo(FULL_PROJECT);
    }

    @Test
    void theRepositoryIsWrittenEvenWhenEmpty() {
        assertThat(encode(new ProjectEntry("", "", null, null))).isEqualTo("{\"repository\":\"\"}");
    }

    @Test
    void anEmptyCapacityIsAnEmptyObject() {
        assertThat(encode(CapacityConfig.empty())).isEqualTo("{}");
    }

    @Test
    void aFullCapacityWritesBothLimitsInReferenceOrder() {
        assertThat(encode(new CapacityConfig(4, 50))).isEqualTo("{\"maxConcurrentSessions\":4,\"poolMaxDiskGb\":50}");
        assertThat(encode(new CapacityConfig(0, 50))).isEqualTo("{\"poolMaxDiskGb\":50}");
    }

    @Test
    void anUnconfiguredCredentialHelperIsAnEmptyObject() {
        assertThat(encode(new CredentialHelper(CredentialHelperKind.of(""), "", ""))).isEqualTo("{}");
    }

    @Test
    void aCredentialHelperWritesItsKindAndTheFieldItUses() {
        assertThat(encode(new CredentialHelper(CredentialHelperKind.PAT, "", "GH_TOKEN")))
                .isEqualTo("{\"kind\":\"pat\",\"envVarName\":\"GH_TOKEN\"}");
        assertThat(encode(new CredentialHelper(CredentialHelperKind.GH, "", ""))).isEqualTo("{\"kind\":\"gh\"}");
        assertThat(encode(new CredentialHelper(CredentialHelperKind.SSH, "/home/mark/.ssh/id_ed25519", "GH_TOKEN")))
                .isEqualTo("{\"kind\":\"ssh\",\"sshKeyPath\":\"/home/mark/.ssh/id_ed25519\",\"envVarName\":\"GH_TOKEN\"}");
    }

    // --- decoding ----------------------------------------------------------------------------------

    @Test
    void aFullProjectRoundTrips() {
        ProjectEntry project = assertRoundTrip(FULL_PROJECT, ProjectEntry.class);

        assertThat(project.cloneStrategy()).isSameAs(CloneStrategy.REFERENCE_CLONE);
        assertThat(project.credentialHelper().kind()).isSameAs(CredentialHelperKind.SSH);
    }

    @Test
    void unknownCloneStrategiesAndHelperKindsSurvive() {
        ProjectEntry project = assertRoundTrip("{\"repository\":\"github.com/acme/robot-api\",\"cloneStrategy\":\"sparse\","
                + "\"credentialHelper\":{\"kind\":\"1password\"}}", ProjectEntry.class);

        assertThat(project.cloneStrategy().isKnown()).isFalse();
        assertThat(project.credentialHelper().kind().value()).isEqualTo("1password");
        assertThat(project.credentialHelper().kind().isKnown()).isFalse();
    }

    @Test
    void noCredentialHelperIsNullNotAnEmptyHelper() {
        ProjectEntry project = decode("{\"repository\":\"github.com/acme/robot-api\"}", ProjectEntry.class);

        assertThat(project.credentialHelper()).isNull();
        assertThat(project.cloneStrategy().value()).isEmpty();
    }

    @Test
    void unknownFieldsAreIgnored() {
        ProjectEntry project = decode("{\"repository\":\"github.com/acme/robot-api\",\"branch\":\"main\","
                + "\"credentialHelper\":{\"kind\":\"gh\",\"scopes\":[\"repo\"]}}", ProjectEntry.class);

        assertThat(project).isEqualTo(new ProjectEntry("", "github.com/acme/robot-api", CloneStrategy.of(""),
                new CredentialHelper(CredentialHelperKind.GH, "", "")));
    }
}
