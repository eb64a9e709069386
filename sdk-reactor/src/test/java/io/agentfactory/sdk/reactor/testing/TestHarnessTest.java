package io.agentfactory.sdk.reactor.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/** Proves the test harness itself works: BlockHound is installed and a leak is reported. */
class TestHarnessTest {

    @Test
    void blockHoundRejectsBlockingOnANonBlockingThread() {
        Mono<Object> blocking = Mono.fromCallable(() -> {
            LockSupport.parkNanos(1_000);
            return new Object();
        }).subscribeOn(Schedulers.parallel());

        assertThatThrownBy(() -> blocking.block(Duration.ofSeconds(5)))
                .hasStackTraceContaining("Blocking call");
    }

    @Test
    void leakGuardSeesAnUnreleasedBuffer() {
        leak();
        // Collection is not guaranteed by one System.gc(): give the detector a few rounds.
        List<String> reports = List.of();
        for (int round = 0; round < 20 && reports.isEmpty(); round++) {
            reports = LeakGuardExtension.flush();
        }
        assertThat(reports).isNotEmpty();
    }

    @Test
    void recordingServerRecordsTheExactRequest() {
        try (RecordingServer server = RecordingServer.start()) {
            server.replyWith(Reply.json("{\"ok\":true}"));
            String body = HttpClient.create()
                    .headers(h -> h.set("X-Test", "1"))
                    .get()
                    .uri(server.baseUrl() + "/a%2Fb?x=1")
                    .responseContent().aggregate().asString()
                    .block(Duration.ofSeconds(5));
            assertThat(body).isEqualTo("{\"ok\":true}");
            RecordedRequest request = server.onlyRequest();
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.path()).isEqualTo("/a%2Fb");
            assertThat(request.query()).isEqualTo("x=1");
            assertThat(request.header("x-test")).isEqualTo("1");
        }
    }

    private static void leak() {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        buf.writeByte(1);
        // dropped without release on purpose
    }
}
