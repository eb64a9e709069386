package com.example.consumer;

import java.time.Duration;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.agentfactory.sdk.coordinator.CoordinatorClient;
import io.agentfactory.sdk.daemon.DaemonClient;
import io.agentfactory.sdk.session.ActivityFollowRequest;

/** Endpoints that compose SDK calls. */
@RestController
public class FleetController {

    /** What {@code GET /fleet} answers. */
    public record FleetSummary(int workersOnline, int agentsWorking, int sessions, String daemonStatus,
            String daemonVersion) {
    }

    private final CoordinatorClient coordinator;
    private final DaemonClient daemon;
    private final StreamLedger ledger;

    public FleetController(CoordinatorClient coordinator, DaemonClient daemon, StreamLedger ledger) {
        this.coordinator = coordinator;
        this.daemon = daemon;
        this.ledger = ledger;
    }

    /** Three SDK calls at once, against two services: the coordinator's stats and sessions, the daemon's status. */
    @GetMapping("/fleet")
    public Mono<FleetSummary> fleet() {
        return Mono.zip(coordinator.getStats(), coordinator.getSessions(), daemon.getStatus())
                .map(t -> new FleetSummary(t.getT1().workersOnline(), t.getT1().agentsWorking(),
                        t.getT2().sessions().size(), t.getT3().status().value(), t.getT3().version()));
    }

    /** A session's activity as server-sent events, live; a client that goes away stops the polling. */
    @GetMapping(path = "/sessions/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<String>> events(@PathVariable("id") String id,
            @RequestParam(name = "pollMillis", defaultValue = "2000") long pollMillis) {
        return coordinator.followActivities(ActivityFollowRequest.of(id).withPollInterval(Duration.ofMillis(pollMillis)))
                .map(a -> ServerSentEvent.builder(a.event().content())
                        .id(a.event().id())
                        .event(a.event().type().value())
                        .build())
                .doFinally(ledger::record);
    }
}
