package io.agentfactory.sdk.reactor.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.propagation.TraceContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;
import io.agentfactory.sdk.reactor.coordinator.CoordinatorClientOptions;
import io.agentfactory.sdk.reactor.coordinator.ReactorCoordinatorClient;
import io.agentfactory.sdk.reactor.testing.Fixtures;
import io.agentfactory.sdk.reactor.testing.RecordedRequest;
import io.agentfactory.sdk.reactor.testing.RecordingServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/**
 * With a tracing bridge (Micrometer Tracing on Brave, W3C propagation) in the registry, each request
 * carries the {@code traceparent} of its own client span, child of the caller's observation found
 * in the Reactor context; the loopback server sees exactly that header.
 */
class TraceContextPropagationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<MutableSpan> finished = new CopyOnWriteArrayList<>();
    private RecordingServer server;
    private Tracing tracing;
    private TestObservationRegistry registry;
    private ReactorCoordinatorClient coordinator;

    @BeforeEach
    void setUp() {
        server = RecordingServer.start();
        server.replyWith(Reply.json(Fixtures.text("stats-response")));
        tracing = Tracing.newBuilder()
                .localServiceName("billing")
                .traceId128Bit(true)
                .currentTraceContext(ThreadLocalCurrentTraceContext.newBuilder().build())
                .propagationFactory(new W3CPropagation())
                .addSpanHandler(new SpanHandler() {
                    @Override
                    public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                        finished.add(span);
                        return true;
                    }
                })
                .build();
        Tracer tracer = new BraveTracer(tracing.tracer(), new BraveCurrentTraceContext(tracing.currentTraceContext()),
                new BraveBaggageManager());
        registry = TestObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, new BravePropagator(tracing)),
                new DefaultTracingObservationHandler(tracer)));
        coordinator = ReactorCoordinatorClient.create(CoordinatorClientOptions.builder(server.baseUrl())
                .transport(TransportOptions.builder().retryPolicy(RetryPolicy.none()).observationRegistry(registry)
                        .build())
                .build());
    }

    @AfterEach
    void tearDown() {
        coordinator.close();
        tracing.close();
        server.close();
    }

    @Test
    void theRequestCarriesTheTraceparentOfItsSpanUnderTheCallersObservation() {
        Observation checkout = Observation.start("checkout", registry);

        StepVerifier.create(coordinator.getStats().contextWrite(c -> c.put("micrometer.observation", checkout)))
                .expectNextCount(1).expectComplete().verify(TIMEOUT);
        checkout.stop();

        MutableSpan parent = span("checkout");
        MutableSpan request = span("get /api/public/stats");
        assertThat(request.traceId()).isEqualTo(parent.traceId()).hasSize(32);
        assertThat(request.parentId()).isEqualTo(parent.id());
        assertThat(request.kind()).isEqualTo(brave.Span.Kind.CLIENT);
        RecordedRequest sent = server.onlyRequest();
        assertThat(sent.header("traceparent")).isEqualTo("00-" + parent.traceId() + "-" + request.id() + "-01");
    }

    @Test
    void withoutACallerObservationEachRequestStartsItsOwnTrace() {
        StepVerifier.create(coordinator.getStats()).expectNextCount(1).expectComplete().verify(TIMEOUT);

        MutableSpan request = span("get /api/public/stats");
        assertThat(request.parentId()).isNull();
        assertThat(server.onlyRequest().header("traceparent"))
                .isEqualTo("00-" + request.traceId() + "-" + request.id() + "-01");
    }

    private MutableSpan span(String name) {
        return finished.stream().filter(s -> name.equalsIgnoreCase(s.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + finished));
    }
}
