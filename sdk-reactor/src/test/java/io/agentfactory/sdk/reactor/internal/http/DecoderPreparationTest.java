package io.agentfactory.sdk.reactor.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.reactor.testing.LoopbackServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/**
 * A decoder's Jackson reader is built once, off the event loops, before the first request that
 * needs it: building deserializers takes Jackson's one cache lock, and an event loop must never wait
 * on it for another event loop decoding a first answer at the same time.
 */
class DecoderPreparationTest {

    @RegisterExtension
    static final LoopbackServer loopback = new LoopbackServer();

    @Test
    void theReaderIsBuiltOnBoundedElasticBeforeTheRequestAndOnlyOnce() {
        loopback.server().replyWith(Reply.json("{\"queueDepth\":7}"));
        Recording decoder = new Recording(ResponseDecoder.json(StatsResponse.class));

        try (HttpPipeline pipeline = Pipelines.to(loopback.server())) {
            StepVerifier.create(Flux.concat(pipeline.exchange(() -> Route.get("/api/stats"), decoder),
                            pipeline.exchange(() -> Route.get("/api/stats"), decoder)))
                    .assertNext(stats -> assertThat(stats.queueDepth()).isEqualTo(7))
                    .assertNext(stats -> assertThat(stats.queueDepth()).isEqualTo(7))
                    .verifyComplete();
        }

        assertThat(decoder.preparedOn).singleElement().asString().startsWith("boundedElastic-");
        assertThat(decoder.requestsBeforePreparing).containsExactly(0);
        assertThat(decoder.decodedOn).hasSize(2).allSatisfy(thread -> assertThat(thread).startsWith("reactor-http-"));
        assertThat(loopback.server().requestCount()).isEqualTo(2);
    }

    @Test
    void aWrappedOrBareDecoderIsPreparedTooAndDecodesBothShapes() {
        ResponseDecoder<StatsResponse> decoder = ResponseDecoder.bareOrWrapped("stats", StatsResponse.class);
        assertThat(decoder.prepared()).isFalse();
        loopback.server().replySequence(Reply.json("{\"stats\":{\"queueDepth\":3}}"), Reply.json("{\"queueDepth\":4}"));

        try (HttpPipeline pipeline = Pipelines.to(loopback.server())) {
            StepVerifier.create(Flux.concat(pipeline.exchange(() -> Route.get("/api/stats"), decoder),
                            pipeline.exchange(() -> Route.get("/api/stats"), decoder)))
                    .assertNext(stats -> assertThat(stats.queueDepth()).isEqualTo(3))
                    .assertNext(stats -> assertThat(stats.queueDepth()).isEqualTo(4))
                    .verifyComplete();
        }
        assertThat(decoder.prepared()).isTrue();
    }

    @Test
    void aReaderThatCannotBeBuiltIsStillATypedDecodeError() {
        loopback.server().replyWith(Reply.json("{}"));
        ResponseDecoder<Object> failing = new ResponseDecoder<>() {
            @Override
            public Object decode(byte[] body, int length) {
                throw new IllegalStateException("no reader for this type");
            }

            @Override
            public boolean prepared() {
                return false;
            }

            @Override
            public void prepare() {
                throw new IllegalStateException("no reader for this type");
            }
        };

        try (HttpPipeline pipeline = Pipelines.to(loopback.server())) {
            StepVerifier.create(pipeline.exchange(() -> Route.get("/api/stats"), failing))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                            .hasMessageContaining("no reader for this type"))
                    .verify();
        }
    }

    /** Forwards to a real decoder and records where and when it was prepared and used. */
    private static final class Recording implements ResponseDecoder<StatsResponse> {

        private final ResponseDecoder<StatsResponse> real;
        final List<String> preparedOn = new CopyOnWriteArrayList<>();
        final List<Integer> requestsBeforePreparing = new CopyOnWriteArrayList<>();
        final List<String> decodedOn = new CopyOnWriteArrayList<>();

        Recording(ResponseDecoder<StatsResponse> real) {
            this.real = real;
        }

        @Override
        public boolean prepared() {
            return real.prepared();
        }

        @Override
        public void prepare() {
            preparedOn.add(Thread.currentThread().getName());
            requestsBeforePreparing.add(loopback.server().requestCount());
            real.prepare();
        }

        @Override
        public StatsResponse decode(byte[] body, int length) {
            decodedOn.add(Thread.currentThread().getName());
            return real.decode(body, length);
        }

        @Override
        public StatsResponse decode(ByteBuf body) {
            decodedOn.add(Thread.currentThread().getName());
            return real.decode(body);
        }
    }
}
