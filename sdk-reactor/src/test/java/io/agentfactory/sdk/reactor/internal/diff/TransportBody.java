package io.agentfactory.sdk.reactor.internal.diff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;

/**
 * Response bodies delivered the way Reactor Netty delivers them: each chunk in a pooled buffer
 * (leak-tracked at {@code paranoid}) that the transport releases as soon as {@code onNext}
 * returns. A decoder that kept a chunk past {@code onNext} would read a released buffer and fail;
 * one that released it would fail here on the second release.
 */
final class TransportBody {

    private TransportBody() {
    }

    /** Each chunk in a pooled direct buffer (what Netty reads from a socket). */
    static Flux<ByteBuf> direct(Flux<byte[]> chunks) {
        return deliver(chunks, false);
    }

    /** Each chunk in a pooled heap buffer (the array path of the decoder). */
    static Flux<ByteBuf> heap(Flux<byte[]> chunks) {
        return deliver(chunks, true);
    }

    /** {@code chunks} in direct buffers. */
    static Flux<ByteBuf> direct(List<byte[]> chunks) {
        return direct(Flux.fromIterable(chunks));
    }

    /** {@code text} as UTF-8, in one direct buffer. */
    static Flux<ByteBuf> whole(String text) {
        return direct(List.of(utf8(text)));
    }

    /** UTF-8 bytes. */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code all} cut into chunks of {@code size} bytes (the last one shorter). */
    static List<byte[]> split(byte[] all, int size) {
        List<byte[]> parts = new ArrayList<>();
        for (int at = 0; at < all.length; at += size) {
            parts.add(slice(all, at, Math.min(at + size, all.length)));
        }
        return parts;
    }

    /** {@code all} cut into chunks of 1 to {@code maxSize} bytes, sizes drawn from {@code seed}. */
    static List<byte[]> splitRandomly(byte[] all, long seed, int maxSize) {
        Random random = new Random(seed);
        List<byte[]> parts = new ArrayList<>();
        int at = 0;
        while (at < all.length) {
            int end = Math.min(all.length, at + 1 + random.nextInt(maxSize));
            parts.add(slice(all, at, end));
            at = end;
        }
        return parts;
    }

    private static byte[] slice(byte[] all, int from, int to) {
        byte[] part = new byte[to - from];
        System.arraycopy(all, from, part, 0, part.length);
        return part;
    }

    private static Flux<ByteBuf> deliver(Flux<byte[]> chunks, boolean heap) {
        // hide(): no operator fusion, so every chunk really travels through onNext.
        return chunks.hide().transform(Operators.<byte[], ByteBuf>lift(
                (scannable, downstream) -> new ReleasingAfterOnNext(downstream, heap)));
    }

    private static final class ReleasingAfterOnNext implements CoreSubscriber<byte[]> {

        private final CoreSubscriber<? super ByteBuf> downstream;
        private final boolean heap;

        ReleasingAfterOnNext(CoreSubscriber<? super ByteBuf> downstream, boolean heap) {
            this.downstream = downstream;
            this.heap = heap;
        }

        @Override
        public void onSubscribe(Subscription s) {
            downstream.onSubscribe(s);
        }

        @Override
        public void onNext(byte[] bytes) {
            ByteBuf buffer = heap
                    ? PooledByteBufAllocator.DEFAULT.heapBuffer(bytes.length)
                    : PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length);
            buffer.writeBytes(bytes);
            try {
                downstream.onNext(buffer);
            } finally {
                buffer.release();
            }
        }

        @Override
        public void onError(Throwable t) {
            downstream.onError(t);
        }

        @Override
        public void onComplete() {
            downstream.onComplete();
        }

        @Override
        public reactor.util.context.Context currentContext() {
            return downstream.currentContext();
        }
    }
}
