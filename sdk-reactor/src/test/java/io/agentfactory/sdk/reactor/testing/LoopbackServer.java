package io.agentfactory.sdk.reactor.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link RecordingServer} per test class, reset before each test: started before the class's
 * {@code @BeforeAll} methods (so they can build clients on it), closed after its
 * {@code @AfterAll} methods.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LoopbackServer loopback = new LoopbackServer();
 * }</pre>
 */
public final class LoopbackServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private RecordingServer server;

    /** The class's server. */
    public RecordingServer server() {
        if (server == null) {
            throw new IllegalStateException("register LoopbackServer on a static field");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RecordingServer.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
        server = null;
    }
}
