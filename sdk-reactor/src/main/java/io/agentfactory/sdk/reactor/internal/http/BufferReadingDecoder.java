package io.agentfactory.sdk.reactor.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;

/**
 * A JSON decoder that reads a received body straight from its buffers (one or several chunks)
 * through Jackson's pooled read buffer, instead of first copying it into an array of its own. Not API.
 *
 * @param <T> the decoded type
 */
final class BufferReadingDecoder<T> extends ReaderDecoder<T> {

    private final UnaryOperator<T> finish;

    /**
     * @param reader the Jackson reader of the body's type
     * @param finish checks or replaces what was read ({@code null} included) before it is returned
     */
    BufferReadingDecoder(LazyReader reader, UnaryOperator<T> finish) {
        super(reader);
        this.finish = finish;
    }

    @Override
    public T decode(byte[] body, int length) {
        return finish.apply(reader.get().readValue(body, 0, length));
    }

    @Override
    public T decode(ByteBuf body) {
        if (body.hasArray()) {
            return finish.apply(reader.get().readValue(body.array(), body.arrayOffset() + body.readerIndex(),
                    body.readableBytes()));
        }
        // Reads (consumes) the readable bytes; the caller still owns and releases the buffer.
        try (ByteBufInputStream in = new ByteBufInputStream(body, false)) {
            return finish.apply(reader.get().readValue((InputStream) in));
        }
        catch (IOException e) {
            // ByteBufInputStream.close() does nothing that can fail here; kept typed for the compiler.
            throw new UncheckedIOException(e);
        }
    }
}
