package io.agentfactory.sdk.reactor.internal.orchestrator;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The scheduler agent pipes are read on: every blocking task gets a thread of its own (an
 * unbounded cached pool of daemon threads, idle ones reused). Unlike
 * {@link Schedulers#boundedElastic()}, it never queues a task behind a read that a cancelled
 * subscription left blocked on a pipe, which would deadlock a stop waiting on that process.
 * Created on first use. Not API.
 */
public final class AgentIo {

    private AgentIo() {
    }

    /** The shared agent I/O scheduler. */
    public static Scheduler scheduler() {
        return Holder.SCHEDULER;
    }

    private static final class Holder {
        private static final AtomicInteger THREADS = new AtomicInteger();
        private static final ExecutorService POOL = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "agent-io-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        static final Scheduler SCHEDULER = Schedulers.fromExecutorService(POOL, "agent-io");
    }
}
