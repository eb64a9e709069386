package io.agentfactory.sdk.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time and allocated bytes, split between the benchmark's loopback server and everything else
 * in the process (the client under test, its event loops, the load driver, GC and JIT), measured
 * between two {@linkplain #take() snapshots}.
 *
 * <p>Allocation is {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}, per thread:
 * a thread that ends between two snapshots takes its bytes with it (the clients' event loops and
 * the JDK client's workers live for the whole run, so nothing measured here is lost that way).
 * Client CPU is the process's CPU time minus the server threads', so the server's GC share counts
 * as the client's: an overstatement in the server's favour, never the SDK's.
 *
 * @param processCpuNanos the process's CPU time
 * @param serverThreads per server thread id: {cpu nanos, allocated bytes}
 * @param otherThreads per other thread id: {cpu nanos, allocated bytes}
 */
record ThreadCosts(long processCpuNanos, Map<Long, long[]> serverThreads, Map<Long, long[]> otherThreads) {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** The costs so far; threads whose name starts with {@link BenchServer#THREAD_PREFIX} are the server's. */
    static ThreadCosts take() {
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids, 0);
        long[] cpu = THREADS.getThreadCpuTime(ids);
        long[] allocated = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, long[]> server = new HashMap<>();
        Map<Long, long[]> other = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) {
                continue; // ended meanwhile
            }
            long[] costs = {Math.max(0, cpu[i]), Math.max(0, allocated[i])};
            (infos[i].getThreadName().startsWith(BenchServer.THREAD_PREFIX) ? server : other).put(ids[i], costs);
        }
        return new ThreadCosts(OS.getProcessCpuTime(), server, other);
    }

    /** What was spent from {@code before} to this snapshot. */
    Delta since(ThreadCosts before) {
        long serverCpu = sum(serverThreads, before.serverThreads, 0);
        long serverAllocated = sum(serverThreads, before.serverThreads, 1);
        long clientAllocated = sum(otherThreads, before.otherThreads, 1);
        long clientCpu = Math.max(0, processCpuNanos - before.processCpuNanos - serverCpu);
        return new Delta(clientCpu, serverCpu, clientAllocated, serverAllocated);
    }

    private static long sum(Map<Long, long[]> now, Map<Long, long[]> then, int index) {
        long total = 0;
        for (Map.Entry<Long, long[]> thread : now.entrySet()) {
            long[] earlier = then.get(thread.getKey());
            total += Math.max(0, thread.getValue()[index] - (earlier == null ? 0 : earlier[index]));
        }
        return total;
    }

    /**
     * Costs between two snapshots.
     *
     * @param clientCpuNanos CPU time of everything but the server
     * @param serverCpuNanos CPU time of the server's threads
     * @param clientAllocatedBytes bytes allocated by every thread but the server's
     * @param serverAllocatedBytes bytes allocated by the server's threads
     */
    record Delta(long clientCpuNanos, long serverCpuNanos, long clientAllocatedBytes, long serverAllocatedBytes) {

        /** Nothing spent. */
        static final Delta NONE = new Delta(0, 0, 0, 0);

        /** Both costs added up. */
        Delta plus(Delta other) {
            return new Delta(clientCpuNanos + other.clientCpuNanos, serverCpuNanos + other.serverCpuNanos,
                    clientAllocatedBytes + other.clientAllocatedBytes, serverAllocatedBytes + other.serverAllocatedBytes);
        }
    }
}
