package io.agentfactory.sdk.reactor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The shared wire fixtures in {@code src/test/resources/fixtures}: what a real coordinator or daemon
 * answers, one file per response type, every field set (see {@code fixtures/README.md} for the
 * route each one answers). The wire tests prove each decodes exactly; simulator and client tests
 * reuse them as server answers.
 *
 * <p>A name without an extension means {@code <name>.json}. Load fixtures on the test thread (or
 * before starting a server): the first read of a resource is blocking I/O and must not run inside a
 * server handler on an event loop.
 */
public final class Fixtures {

    private static final ConcurrentMap<String, byte[]> LOADED = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /** The fixture's bytes (a fresh copy each call). */
    public static byte[] bytes(String name) {
        return LOADED.computeIfAbsent(fileName(name), Fixtures::read).clone();
    }

    /** The fixture as UTF-8 text. */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static String fileName(String name) {
        return name.contains(".") ? name : name + ".json";
    }

    private static byte[] read(String fileName) {
        String resource = "/fixtures/" + fileName;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + resource, e);
        }
    }
}
