package io.agentfactory.sdk.reactor.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.core.JacksonException;

import io.agentfactory.sdk.error.ResponseDecodeException;
import io.agentfactory.sdk.fleet.StatsResponse;
import io.agentfactory.sdk.reactor.testing.LoopbackServer;
import io.agentfactory.sdk.reactor.testing.Reply;

/**
 * A 2xx JSON body is decoded from the received buffers themselves, not from a copy: whatever the
 * chunking, the value is the same, the size limit still holds to the byte, and the caller's
 * buffers are neither released nor retained by the decoder.
 */
class BufferDecodingTest {

    private static final String STATS = "{\"queueDepth\":7,\"workersOnline\":3}";
    private static final ResponseDecoder<StatsResponse> DECODER = ResponseDecoder.json(StatsResponse.class);

    @RegisterExtension
    static final LoopbackServer loopback = new LoopbackServer();

    @Test
    void aBodyArrivingInOneByteChunksIsDecoded() {
        loopback.server().replyWith(Reply.json(STATS).chunked(1));

        try (HttpPipeline pipeline = Pipelines.to(loopback.server())) {
            StepVerifier.create(pipeline.exchange(() -> Route.get("/api/stats"), DECODER))
                    .assertNext(stats -> {
                        assertThat(stats.queueDepth()).isEqualTo(7);
                        assertThat(stats.workersOnline()).isEqualTo(3);
                    })
                    .verifyComplete();
        }
    }

    @Test
    void aChunkedBodyOfExactlyTheLimitIsDecodedAndOneByteMoreIsNot() {
        theLimitHoldsToTheByte(Reply.json(STATS).chunked(5));
    }

    @Test
    void aBodyFramedByContentLengthOfExactlyTheLimitIsDecodedAndOneByteMoreIsNot() {
        theLimitHoldsToTheByte(Reply.json(STATS));
    }

    /** {@code reply} (the stats body) decodes under a limit of its length, and fails typed one byte below it. */
    private static void theLimitHoldsToTheByte(Reply reply) {
        int length = STATS.getBytes(StandardCharsets.UTF_8).length;
        loopback.server().replyWith(reply);

        try (HttpPipeline atLimit = Pipelines.to(loopback.server(),
                Pipelines.transport().maxResponseBytes(length).build())) {
            StepVerifier.create(atLimit.exchange(() -> Route.get("/api/stats"), DECODER))
                    .assertNext(stats -> assertThat(stats.queueDepth()).isEqualTo(7))
                    .verifyComplete();
        }
        try (HttpPipeline belowIt = Pipelines.to(loopback.server(),
                Pipelines.transport().maxResponseBytes(length - 1).build())) {
            StepVerifier.create(belowIt.exchange(() -> Route.get("/api/stats"), DECODER))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ResponseDecodeException.class)
                            .hasMessage("GET /api/stats: body exceeds the limit of " + (length - 1) + " bytes"))
                    .verify();
        }
    }

    @Test
    void aCompositeOfDirectBuffersIsReadInPlaceAndStaysTheCallers() {
        byte[] bytes = STATS.getBytes(StandardCharsets.UTF_8);
        CompositeByteBuf body = ByteBufAllocator.DEFAULT.compositeDirectBuffer();
        body.addComponents(true, List.of(direct(bytes, 0, 10), direct(bytes, 10, bytes.length - 10)));
        try {
            assertThat(body.hasArray()).isFalse();

            StatsResponse stats = DECODER.decode(body);

            assertThat(stats.queueDepth()).isEqualTo(7);
            assertThat(stats.workersOnline()).isEqualTo(3);
            assertThat(body.refCnt()).isEqualTo(1);
        }
        finally {
            body.release();
        }
    }

    @Test
    void aHeapSliceIsReadFromItsOwnOffsetOnly() {
        ByteBuf whole = Unpooled.copiedBuffer("garbage" + STATS + "trailing", StandardCharsets.UTF_8);
        try {
            ByteBuf slice = whole.slice(7, STATS.length());

            assertThat(DECODER.decode(slice).workersOnline()).isEqualTo(3);
            assertThat(whole.refCnt()).isEqualTo(1);
        }
        finally {
            whole.release();
        }
    }

    @Test
    void invalidJsonInABufferFailsAndLeavesItTheCallers() {
        ByteBuf body = direct("{\"queueDepth\":".getBytes(StandardCharsets.UTF_8), 0, 14);
        try {
            assertThatThrownBy(() -> DECODER.decode(body)).isInstanceOf(JacksonException.class);
            assertThat(body.refCnt()).isEqualTo(1);
        }
        finally {
            body.release();
        }
    }

    @Test
    void aJsonNullInABufferIsRefusedWhereAnObjectWasExpected() {
        ByteBuf body = direct("null".getBytes(StandardCharsets.UTF_8), 0, 4);
        try {
            assertThatThrownBy(() -> DECODER.decode(body)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("body is JSON null, expected StatsResponse");
            assertThat(ResponseDecoder.list(StatsResponse.class).decode(body.readerIndex(0))).isEmpty();
        }
        finally {
            body.release();
        }
    }

    private static ByteBuf direct(byte[] bytes, int from, int length) {
        ByteBuf buffer = ByteBufAllocator.DEFAULT.directBuffer(length);
        buffer.writeBytes(bytes, from, length);
        return buffer;
    }
}
