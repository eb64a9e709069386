package com.example.old;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.daemon.ReactorDaemonClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OldJacksonAnnotationsTest {

    @Test
    void theFirstClientConstructionNamesTheArtifactAndTheVersionNeeded() {
        assertEquals("2.19.2", com.fasterxml.jackson.annotation.JsonProperty.class.getPackage().getImplementationVersion());

        IllegalStateException coordinator = assertThrows(IllegalStateException.class, () -> ReactorCoordinatorClient
                .create(CoordinatorClientOptions.builder("http://127.0.0.1:9").build()));
        System.out.println("[jackson-too-old] " + coordinator.getMessage());
        assertTrue(coordinator.getMessage().startsWith("The AgentFactory SDK needs com.fasterxml.jackson.core:"
                + "jackson-annotations 2.21 or newer (Jackson 3.1 uses its JsonSerializeAs), but the class path has"
                + " version 2.19.2 from "), coordinator.getMessage());

        // Not a one-off: every construction says the same, never "Could not initialize class".
        IllegalStateException daemon = assertThrows(IllegalStateException.class, ReactorDaemonClient::create);
        assertEquals(coordinator.getMessage(), daemon.getMessage());
    }
}
