package io.agentfactory.sdk.reactor.daemon;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.agentfactory.sdk.reactor.testing.RecordingServer;

/**
 * One {@link RecordingServer} per test class, reset before each test, and a daemon client pointed
 * at it (fast retries, plus whatever the class configures). Register as a static
 * {@code @RegisterExtension} field; instance fields may then read {@link #server()} and
 * {@link #client()}.
 */
final class DaemonUnderTest implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private final UnaryOperator<DaemonClientOptions.Builder> configure;
    private RecordingServer server;
    private ReactorDaemonClient client;

    private DaemonUnderTest(UnaryOperator<DaemonClientOptions.Builder> configure) {
        this.configure = configure;
    }

    /** A daemon client with the default options but base URL and retries. */
    static DaemonUnderTest withDefaults() {
        return new DaemonUnderTest(UnaryOperator.identity());
    }

    /** A daemon client with these options on top. */
    static DaemonUnderTest withOptions(UnaryOperator<DaemonClientOptions.Builder> configure) {
        return new DaemonUnderTest(configure);
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
        if (client != null) {
            client.close();
        }
        server.close();
    }

    /** The class's server. */
    RecordingServer server() {
        return server;
    }

    /** The class's client, created on first use. */
    synchronized ReactorDaemonClient client() {
        if (client == null) {
            client = ReactorDaemonClient.create(configure.apply(DaemonClientOptions.builder()
                    .baseUrl(server.baseUrl())
                    .transport(DaemonWire.FAST_RETRIES)).build());
        }
        return client;
    }
}
