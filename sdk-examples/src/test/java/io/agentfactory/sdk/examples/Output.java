package io.agentfactory.sdk.examples;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/** What an example printed, collected without blocking from whatever thread printed it. */
final class Output implements Consumer<String> {

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();

    @Override
    public void accept(String line) {
        lines.add(line);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String text() {
        return String.join("\n", lines);
    }
}
