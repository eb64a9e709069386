package io.agentfactory.sdk.agent;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.agentfactory.sdk.ExtensibleEnum;

/**
 * RuntimeKind is the §2 enum of eight runtime path types.
 *
 * <p>Unknown wire values are kept and written back unchanged (see {@link ExtensibleEnum}).
 *
 * @param value the wire string
 */
public record RuntimeKind(@JsonValue String value) implements ExtensibleEnum {

    /** The {@code "native"} value. */
    public static final RuntimeKind NATIVE = new RuntimeKind("native");

    /** The {@code "npm"} value. */
    public static final RuntimeKind NPM = new RuntimeKind("npm");

    /** The {@code "python-pip"} value. */
    public static final RuntimeKind PYTHON_PIP = new RuntimeKind("python-pip");

    /** The {@code "http"} value. */
    public static final RuntimeKind HTTP = new RuntimeKind("http");

    /** The {@code "mcp-server"} value. */
    public static final RuntimeKind MCP_SERVER = new RuntimeKind("mcp-server");

    /** The {@code "a2a-protocol"} value. */
    public static final RuntimeKind A2A_PROTOCOL = new RuntimeKind("a2a-protocol");

    /** The {@code "vendor-hosted"} value. */
    public static final RuntimeKind VENDOR_HOSTED = new RuntimeKind("vendor-hosted");

    /** The {@code "langchain-runnable"} value. */
    public static final RuntimeKind LANGCHAIN_RUNNABLE = new RuntimeKind("langchain-runnable");

    private static final List<RuntimeKind> KNOWN = List.of(NATIVE, NPM, PYTHON_PIP, HTTP, MCP_SERVER, A2A_PROTOCOL, VENDOR_HOSTED, LANGCHAIN_RUNNABLE);

    /** Checks the value is not {@code null}. */
    public RuntimeKind {
        Objects.requireNonNull(value, "value");
    }

    /** The value for a wire string: the declared constant when known, a new value otherwise. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static RuntimeKind of(String value) {
        for (RuntimeKind known : KNOWN) {
            if (known.value.equals(value)) {
                return known;
            }
        }
        return new RuntimeKind(value);
    }

    /** The declared constants, in declaration order. */
    public static List<RuntimeKind> values() {
        return KNOWN;
    }

    @Override
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return value;
    }
}
