package io.agentfactory.sdk.reactor.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.reactivestreams.Publisher;
import reactor.blockhound.BlockingOperationError;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.testing.LeakGuardExtension;
import io.agentfactory.sdk.reactor.testing.PoolProbe;

/**
 * A coordinator client with a token and scopes, on a {@link PoolProbe probed pool}, against a
 * {@link FaultServer} (one per class, reset before each test), with every log line
 * {@link LogCapture captured} at DEBUG. Register as a static {@code @RegisterExtension} field.
 *
 * <p>After every test, whatever it did, the extension proves the guarantees every fault case
 * shares, and fails the test otherwise: the pool is back to nothing acquired and nothing pending,
 * Netty reports no leaked buffer, no log line holds the token or a BlockHound report.
 */
final class CoordinatorUnderFault implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    /** The coordinator token; it must never show anywhere but the Authorization header. */
    static final String TOKEN = "rsk_live_5ecret0f4u1t5_0123456789";

    /** The longest any call may take before the test calls it a hang. */
    static final Duration NO_HANG = Duration.ofSeconds(10);

    /** The longest a connection may take to go back to the pool after a call ended. */
    static final Duration POOL_SETTLES = Duration.ofSeconds(5);

    /** Retries as by default, but with millisecond waits (and Retry-After capped at 5 ms). */
    static final RetryPolicy FAST_RETRIES = RetryPolicy.defaults()
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5), 0.0)
            .withRetryAfterCap(Duration.ofMillis(5));

    private final int maxConnections;
    private final List<ReactorCoordinatorClient> clients = new ArrayList<>();
    private FaultServer server;
    private LogCapture logs;
    private PoolProbe pool;

    private CoordinatorUnderFault(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** A client whose pool holds at most {@code maxConnections} connections per address. */
    static CoordinatorUnderFault withPoolOf(int maxConnections) {
        return new CoordinatorUnderFault(maxConnections);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = FaultServer.start();
        logs = LogCapture.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.reset();
        logs.clear();
        pool = PoolProbe.create("faults", maxConnections);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        clients.forEach(ReactorCoordinatorClient::close);
        clients.clear();
        try {
            pool.awaitIdle(POOL_SETTLES);
        }
        finally {
            pool.close();
        }
        assertThat(LeakGuardExtension.flush()).as("Netty leak reports").isEmpty();
        assertThat(logs.linesContaining(TOKEN)).as("log lines holding the token").isEmpty();
        assertThat(logs.linesContaining("Blocking call")).as("BlockHound reports").isEmpty();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        logs.close();
        server.close();
    }

    /** The class's misbehaving server. */
    FaultServer server() {
        return server;
    }

    /** The probed pool of the current test. */
    PoolProbe pool() {
        return pool;
    }

    /** The log lines captured during the current test. */
    LogCapture logs() {
        return logs;
    }

    /** The transport every client starts from: the probed pool, 2 s timeouts, fast retries. */
    TransportOptions.Builder transport() {
        return TransportOptions.builder()
                .connectionProvider(pool.provider())
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(2))
                .retryPolicy(FAST_RETRIES);
    }

    /** A client of the fault server with the default test transport. */
    ReactorCoordinatorClient client() {
        return client(server.baseUrl(), t -> t);
    }

    /** A client of the fault server with this transport on top of the test defaults. */
    ReactorCoordinatorClient client(UnaryOperator<TransportOptions.Builder> transport) {
        return client(server.baseUrl(), transport);
    }

    /** A client of {@code baseUrl} with this transport on top of the test defaults; closed after the test. */
    ReactorCoordinatorClient client(String baseUrl, UnaryOperator<TransportOptions.Builder> transport) {
        ReactorCoordinatorClient client = ReactorCoordinatorClient.create(CoordinatorClientOptions.builder(baseUrl)
                .token(TOKEN)
                .orgScope("org_faults")
                .projectScope("proj_faults")
                .transport(transport.apply(transport()).build())
                .build());
        clients.add(client);
        return client;
    }

    /**
     * Subscribes, expects {@code call} to fail with {@code type} within {@link #NO_HANG}, and checks
     * the error is free of the token and of BlockHound reports.
     *
     * @return the error, for further assertions
     */
    static <E extends AgentFactoryException> E failure(Publisher<?> call, Class<E> type) {
        AtomicReference<Throwable> error = new AtomicReference<>();
        StepVerifier.create(call)
                .thenConsumeWhile(x -> true)
                .expectErrorSatisfies(error::set)
                .verify(NO_HANG);
        assertThat(error.get()).isInstanceOf(type);
        assertSecretFree(error.get());
        return type.cast(error.get());
    }

    /** Checks the token shows nowhere in {@code error}: message, toString, causes, stack trace. */
    static void assertSecretFree(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        assertThat(text.toString()).as("error text").doesNotContain(TOKEN).doesNotContain("Blocking call");
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(t).as("cause").isNotInstanceOf(BlockingOperationError.class);
            assertThat(String.valueOf(t)).doesNotContain(TOKEN);
        }
    }
}
