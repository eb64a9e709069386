package io.agentfactory.sdk.examples.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** Reads a streamed response line by line as it arrives (tests only). */
final class NdjsonStream {

    /** What a streamed response brought. */
    record Result(int status, String contentType, List<String> lines, @Nullable Throwable error) {
    }

    private NdjsonStream() {
    }

    /** The lines of {@code url}, kept, and how the stream ended. */
    static Result read(String url) {
        List<String> lines = new ArrayList<>();
        int[] status = {0};
        String[] contentType = {""};
        Throwable[] error = {null};
        lines(HttpClient.create(), url, (code, type) -> {
            status[0] = code;
            contentType[0] = type;
        }, size -> { })
                .doOnNext(lines::add)
                .onErrorResume(e -> {
                    error[0] = e;
                    return Mono.empty();
                })
                .blockLast(Duration.ofSeconds(30));
        return new Result(status[0], contentType[0], lines, error[0]);
    }

    /**
     * The lines of {@code url} as they arrive; {@code head} sees the status and content type,
     * {@code chunks} the size of each body chunk received.
     */
    static Flux<String> lines(HttpClient client, String url, BiConsumer<Integer, String> head,
            Consumer<Integer> chunks) {
        return client.get().uri(url).response((response, body) -> {
            head.accept(response.status().code(), response.responseHeaders().get("Content-Type", ""));
            Splitter splitter = new Splitter();
            return body.asByteArray().doOnNext(bytes -> chunks.accept(bytes.length))
                    .concatMapIterable(splitter::split)
                    .concatWith(Flux.defer(() -> Flux.fromIterable(splitter.rest())));
        });
    }

    /** Splits chunks into lines, carrying a partial line over to the next chunk. */
    private static final class Splitter {
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

        List<String> split(byte[] chunk) {
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < chunk.length; i++) {
                if (chunk[i] == '\n') {
                    partial.write(chunk, start, i - start);
                    lines.add(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                    start = i + 1;
                }
            }
            partial.write(chunk, start, chunk.length - start);
            return lines;
        }

        List<String> rest() {
            return partial.size() == 0 ? List.of() : List.of(partial.toString(StandardCharsets.UTF_8));
        }
    }
}
