package io.agentfactory.sdk.reactor.wire;

import static io.agentfactory.sdk.reactor.wire.Wire.assertEncodesBackTo;
import static io.agentfactory.sdk.reactor.wire.Wire.decode;
import static io.agentfactory.sdk.reactor.wire.Wire.decodeFixture;
import static io.agentfactory.sdk.reactor.wire.Wire.withUnknownFieldsEverywhere;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.coordinator.WhoAmIOrg;
import io.agentfactory.sdk.coordinator.WhoAmIProject;
import io.agentfactory.sdk.coordinator.WhoAmIResponse;

/** The {@code io.agentfactory.sdk.coordinator} types map {@code GET /api/cli/whoami} exactly. */
class CoordinatorWireTest {

    @Test
    void whoAmIDecodesEveryField() {
        WhoAmIResponse whoAmI = decodeFixture("who-am-i-response", WhoAmIResponse.class);

        assertThat(whoAmI).isEqualTo(new WhoAmIResponse(
                new WhoAmIOrg("org_01HV8Z6K2M4N6P8Q0R2S4T6V8W", "Acme Robotics", "acme-robotics", "team"),
                List.of(new WhoAmIProject("proj_01HV9A1B2C3D4E5F6G7H8J9K0M", "Robot API", "robot-api", true, "e2b",
                                "platform", "Platform"),
                        new WhoAmIProject("proj_01HV9B2C3D4E5F6G7H8J9K0M1N", "Firmware", "firmware", false, "local",
                                "embedded", "Embedded Systems")),
                List.of("sessions:read", "sessions:write", "tasks:submit", "fleet:read")));
        assertEncodesBackTo("who-am-i-response", whoAmI);
    }

    @Test
    void isDefaultKeepsItsIsPrefixOnTheWire() {
        WhoAmIProject project = decode("{\"isDefault\":true}", WhoAmIProject.class);

        assertThat(project.isDefault()).isTrue();
        assertThat(Wire.encode(project)).contains("\"isDefault\":true").doesNotContain("\"default\"");
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryDepth() {
        assertThat(decode(withUnknownFieldsEverywhere("who-am-i-response"), WhoAmIResponse.class))
                .isEqualTo(decodeFixture("who-am-i-response", WhoAmIResponse.class));
    }

    @Test
    void absentPartsAreEmptyNotNull() {
        WhoAmIResponse whoAmI = decode("{\"projects\":null}", WhoAmIResponse.class);

        assertThat(whoAmI.org()).isEqualTo(WhoAmIOrg.empty());
        assertThat(whoAmI.projects()).isEmpty();
        assertThat(whoAmI.scopes()).isEmpty();
    }
}
