package com.example.consumer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;

/** How each activity stream the service served ended (complete, error or cancel), as it happens. */
public final class StreamLedger {

    private final List<SignalType> ended = new CopyOnWriteArrayList<>();
    private final Sinks.Many<SignalType> endings = Sinks.many().replay().all();

    void record(SignalType signal) {
        ended.add(signal);
        endings.tryEmitNext(signal);
    }

    /** Every ending so far. */
    public List<SignalType> ended() {
        return List.copyOf(ended);
    }

    /** Every ending, past and future. */
    public reactor.core.publisher.Flux<SignalType> endings() {
        return endings.asFlux();
    }
}
