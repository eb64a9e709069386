package io.agentfactory.sdk.reactor.internal.http;

/**
 * A decoder reading through one Jackson reader built on first use, which the pipeline has built
 * off the event loops before the first request ({@link #prepare()}). Not API.
 *
 * @param <T> the decoded type
 */
abstract class ReaderDecoder<T> implements ResponseDecoder<T> {

    /** The Jackson reader of the body's type. */
    final LazyReader reader;

    ReaderDecoder(LazyReader reader) {
        this.reader = reader;
    }

    @Override
    public final boolean prepared() {
        return reader.built();
    }

    @Override
    public final void prepare() {
        reader.get();
    }
}
