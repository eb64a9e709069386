package io.agentfactory.sdk.reactor.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * {@link RetainedBody} against a stand-in transport that, like Reactor Netty, releases each chunk
 * once {@code onNext} returns: every chunk ends released exactly once whichever of decode, error,
 * the size limit and cancel comes first, and a cancel that lands while a chunk is being kept or the body decoded
 * never frees a buffer under its reader. The interleavings are forced from inside the chunk's
 * {@code retain()} and the decoder, so they are not left to chance.
 */
class RetainedBodyTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void chunksAreDecodedInPlaceAndReleasedOnceTheValueIsOut() {
        List<ByteBuf> chunks = chunks("{\"a\":", "1,", "\"b\":2}");

        StepVerifier.create(RetainedBody.decode(transport(chunks), reading(RetainedBodyTest::text)))
                .expectNext("{\"a\":1,\"b\":2}")
                .verifyComplete();

        assertAllReleased(chunks);
    }

    @Test
    void aSingleChunkIsReadWithoutAComposite() {
        List<ByteBuf> chunks = chunks("{}");
        AtomicReference<ByteBuf> read = new AtomicReference<>();

        StepVerifier.create(RetainedBody.decode(transport(chunks), reading(body -> {
            read.set(body);
            return text(body);
        }))).expectNext("{}").verifyComplete();

        assertThat(read.get()).isSameAs(chunks.get(0));
        assertAllReleased(chunks);
    }

    @Test
    void anEmptyBodyIsItsErrorAndEmptyChunksAreNotKept() {
        List<ByteBuf> chunks = chunks("", "");

        StepVerifier.create(RetainedBody.decode(transport(chunks), reading(RetainedBodyTest::text)))
                .verifyErrorMessage("empty");

        assertAllReleased(chunks);
    }

    @Test
    void aBodyOfExactlyTheLimitIsDecoded() {
        List<ByteBuf> chunks = chunks("abc", "def");

        StepVerifier.create(RetainedBody.decode(transport(chunks), reading(6, RetainedBodyTest::text)))
                .expectNext("abcdef")
                .verifyComplete();

        assertAllReleased(chunks);
    }

    @Test
    void theChunkCrossingTheLimitFailsTheBodyAndStopsTheReading() {
        List<ByteBuf> chunks = chunks("abc", "def", "ghi");
        Sinks.Many<ByteBuf> wire = Sinks.many().unicast().onBackpressureError();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        RetainedBody.decode(wire.asFlux(), reading(5, RetainedBodyTest::text)).subscribe(null, failure::set);

        emit(wire, chunks.get(0));
        emit(wire, chunks.get(1));

        assertThat(failure.get()).hasMessage("too large");
        assertThat(wire.tryEmitNext(chunks.get(2))).as("reading after the limit").isEqualTo(Sinks.EmitResult.FAIL_CANCELLED);
        chunks.get(2).release();
        assertAllReleased(chunks);
    }

    @Test
    void theValueWaitsForDemand() {
        List<ByteBuf> chunks = chunks("x", "y");

        StepVerifier.create(RetainedBody.decode(transport(chunks), reading(RetainedBodyTest::text)), 0)
                .expectSubscription()
                .then(() -> assertAllReleased(chunks))
                .thenRequest(1)
                .expectNext("xy")
                .verifyComplete();
    }

    @Test
    void aDecoderFailureIsTheErrorAndReleasesTheChunks() {
        List<ByteBuf> chunks = chunks("not", "json");

        StepVerifier.create(RetainedBody.decode(transport(chunks), reading(body -> {
            throw new IllegalStateException("bad");
        }))).verifyErrorMessage("bad");

        assertAllReleased(chunks);
    }

    @Test
    void aTransportErrorMidBodyReleasesWhatWasKept() {
        List<ByteBuf> chunks = chunks("{\"a\":", "1");
        Flux<ByteBuf> broken = transport(chunks).concatWith(Mono.error(new IllegalStateException("reset")));

        StepVerifier.create(RetainedBody.decode(broken, reading(RetainedBodyTest::text))).verifyErrorMessage("reset");

        assertAllReleased(chunks);
    }

    @Test
    void aCancelWhileAChunkIsBeingKeptLeavesTheReleaseToTheKeeper() {
        AtomicReference<Disposable> subscription = new AtomicReference<>();
        ByteBuf first = chunk("{\"a\":");
        // The cancel lands between the state change and the chunk's addition to the body.
        ByteBuf second = new CancellingChunk("1}", () -> subscription.get().dispose());
        Sinks.Many<ByteBuf> wire = Sinks.many().unicast().onBackpressureError();
        subscription.set(RetainedBody.decode(wire.asFlux(), reading(RetainedBodyTest::text)).subscribe());

        emit(wire, first);
        emit(wire, second);

        assertAllReleased(List.of(first, second));
    }

    @Test
    void aCancelDuringTheDecodeDoesNotFreeTheBufferUnderTheDecoder() {
        AtomicReference<Disposable> subscription = new AtomicReference<>();
        AtomicReference<String> decoded = new AtomicReference<>();
        List<ByteBuf> chunks = chunks("{\"a\":", "1}");
        Function<ByteBuf, String> decoder = body -> {
            subscription.get().dispose();
            assertThat(body.refCnt()).as("the body while it is read").isPositive();
            decoded.set(text(body));
            return decoded.get();
        };
        Sinks.Many<ByteBuf> wire = Sinks.many().unicast().onBackpressureError();
        subscription.set(RetainedBody.decode(wire.asFlux(), reading(decoder)).subscribe());

        chunks.forEach(chunk -> emit(wire, chunk));
        wire.tryEmitComplete().orThrow();

        assertThat(decoded.get()).isEqualTo("{\"a\":1}");
        assertAllReleased(chunks);
    }

    @Test
    void aCancelBeforeTheFirstChunkKeepsNothing() {
        Sinks.Many<ByteBuf> wire = Sinks.many().multicast().directBestEffort();
        Disposable subscription = RetainedBody.decode(wire.asFlux(), reading(RetainedBodyTest::text)).subscribe();
        subscription.dispose();
        ByteBuf late = chunk("late");

        wire.tryEmitNext(late);
        late.release();

        assertThat(late.refCnt()).isZero();
    }

    @Test
    void cancelsRacingChunksFromAnotherThreadNeverLeakOrDoubleRelease() throws Exception {
        for (int round = 0; round < 500; round++) {
            List<ByteBuf> chunks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                chunks.add(chunk("chunk" + i));
            }
            Sinks.Many<ByteBuf> wire = Sinks.many().unicast().onBackpressureError();
            Disposable subscription = RetainedBody.decode(wire.asFlux(), reading(RetainedBodyTest::text)).subscribe();
            CyclicBarrier start = new CyclicBarrier(2);
            Mono<Void> cancel = Mono.fromRunnable(() -> {
                await(start);
                subscription.dispose();
            }).subscribeOn(Schedulers.boundedElastic()).then();
            Mono<Void> send = Mono.fromRunnable(() -> {
                await(start);
                chunks.forEach(chunk -> emit(wire, chunk));
                wire.tryEmitComplete();
            }).subscribeOn(Schedulers.boundedElastic()).then();

            Mono.when(cancel, send).block(WAIT);

            assertAllReleased(chunks);
        }
    }

    private static <T> RetainedBody.Reading<T> reading(Function<ByteBuf, T> decoder) {
        return reading(Long.MAX_VALUE, decoder);
    }

    /** Decodes with {@code decoder} up to {@code limit} bytes; the errors say "too large" and "empty". */
    private static <T> RetainedBody.Reading<T> reading(long limit, Function<ByteBuf, T> decoder) {
        return new RetainedBody.Reading<>() {
            @Override
            public long limit() {
                return limit;
            }

            @Override
            public T decode(ByteBuf body) {
                return decoder.apply(body);
            }

            @Override
            public RuntimeException tooLarge() {
                return new IllegalStateException("too large");
            }

            @Override
            public RuntimeException empty() {
                return new IllegalStateException("empty");
            }
        };
    }

    /** Emits {@code chunk} and then releases it, as the transport does once {@code onNext} returns. */
    private static void emit(Sinks.Many<ByteBuf> wire, ByteBuf chunk) {
        wire.tryEmitNext(chunk);
        chunk.release();
    }

    /** The chunks, each emitted and then released by the stand-in transport. */
    private static Flux<ByteBuf> transport(List<ByteBuf> chunks) {
        return Flux.create(sink -> {
            for (ByteBuf chunk : chunks) {
                sink.next(chunk);
                chunk.release();
            }
            sink.complete();
        });
    }

    private static List<ByteBuf> chunks(String... parts) {
        List<ByteBuf> chunks = new ArrayList<>();
        for (String part : parts) {
            chunks.add(chunk(part));
        }
        return chunks;
    }

    private static ByteBuf chunk(String text) {
        return new CancellingChunk(text, () -> { });
    }

    private static String text(ByteBuf body) {
        return body.toString(StandardCharsets.UTF_8);
    }

    private static void assertAllReleased(List<ByteBuf> chunks) {
        assertThat(chunks).extracting(ByteBuf::refCnt).as("reference counts").containsOnly(0);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A heap chunk that runs {@code onRetain} when retained, to land a cancel mid-keep. */
    private static final class CancellingChunk extends UnpooledHeapByteBuf {

        private final Runnable onRetain;

        CancellingChunk(String text, Runnable onRetain) {
            this(text.getBytes(StandardCharsets.UTF_8), onRetain);
        }

        private CancellingChunk(byte[] bytes, Runnable onRetain) {
            super(UnpooledByteBufAllocator.DEFAULT, bytes.length, Math.max(bytes.length, 1));
            this.onRetain = onRetain;
            writeBytes(bytes);
        }

        @Override
        public ByteBuf retain() {
            ByteBuf retained = super.retain();
            onRetain.run();
            return retained;
        }
    }
}
