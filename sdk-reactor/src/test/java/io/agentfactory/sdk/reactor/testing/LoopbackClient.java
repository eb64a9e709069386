package io.agentfactory.sdk.reactor.testing;

import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link LoopbackServer} plus one client pointed at it, created on first use and closed after
 * the class: the per-class setup of tests that drive one client against one recording server.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final LoopbackClient<ReactorCoordinatorClient> loopback = LoopbackClient.of(Coordinators::withToken);
 * }</pre>
 *
 * @param <C> the client type
 */
public final class LoopbackClient<C extends AutoCloseable> implements BeforeAllCallback, BeforeEachCallback,
        AfterAllCallback {

    private final LoopbackServer server = new LoopbackServer();
    private final Function<RecordingServer, C> factory;
    private C client;

    private LoopbackClient(Function<RecordingServer, C> factory) {
        this.factory = factory;
    }

    /** A server per class and the client {@code factory} builds on it. */
    public static <C extends AutoCloseable> LoopbackClient<C> of(Function<RecordingServer, C> factory) {
        return new LoopbackClient<>(factory);
    }

    /** The class's server, reset before each test. */
    public RecordingServer server() {
        return server.server();
    }

    /** The class's client. */
    public synchronized C client() {
        if (client == null) {
            client = factory.apply(server());
        }
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server.beforeAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.beforeEach(context);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        synchronized (this) {
            if (client != null) {
                client.close();
                client = null;
            }
        }
        server.afterAll(context);
    }
}
