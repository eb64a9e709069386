package io.agentfactory.sdk;

/**
 * A string-valued enumeration of the wire format that also holds values this SDK does not know.
 *
 * <p>A newer server may send a value added after this SDK was built. Decoding keeps it as is,
 * {@link #isKnown()} answers {@code false}, and encoding writes the same string back, so nothing
 * is lost on a decode → encode round trip. Implementations are records compared by
 * {@link #value()}.
 */
public interface ExtensibleEnum {

    /** The exact wire string. */
    String value();

    /** Whether {@link #value()} is one of the constants this SDK declares. */
    boolean isKnown();
}
