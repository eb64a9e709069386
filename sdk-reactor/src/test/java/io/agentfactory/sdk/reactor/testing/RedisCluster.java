package io.agentfactory.sdk.reactor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;

/**
 * A real three-master Redis Cluster on loopback: three {@code redis-server --cluster-enabled yes}
 * joined by {@code redis-cli --cluster create … --cluster-replicas 0}. {@link #close()} stops all.
 */
public final class RedisCluster implements AutoCloseable {

    private final List<RedisServer> nodes;
    private RedisClusterClient client;
    private StatefulRedisClusterConnection<String, String> connection;

    private RedisCluster(List<RedisServer> nodes) {
        this.nodes = nodes;
    }

    /** Starts the nodes, creates the cluster and returns once every node reports {@code cluster_state:ok}. */
    public static RedisCluster start() {
        List<RedisServer> nodes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nodes.add(RedisServer.start("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", "5000", "--appendonly", "no"));
        }
        RedisCluster cluster = new RedisCluster(nodes);
        try {
            cluster.create();
            return cluster;
        }
        catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void create() {
        List<String> command = new ArrayList<>(List.of(RedisServer.binary("redis-cli").orElseThrow(
                () -> new AssertionError("redis-cli is not installed (it comes with the redis-server package)")).toString(),
                "--cluster", "create"));
        nodes.forEach(n -> command.add("127.0.0.1:" + n.port()));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.contains("All 16384 slots covered")) {
                throw new AssertionError("redis-cli --cluster create failed:\n" + out);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (RedisServer node : nodes) {
            while (!node.commands().clusterInfo().contains("cluster_state:ok")) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the cluster did not reach cluster_state:ok");
                }
            }
        }
    }

    /** A node's URL (any node leads a cluster client to all). */
    public String url() {
        return nodes.get(0).url();
    }

    /** The nodes. */
    public List<RedisServer> nodes() {
        return nodes;
    }

    /** Blocking cluster commands for seeding and checking, on the test thread. */
    public synchronized RedisAdvancedClusterCommands<String, String> commands() {
        if (connection == null) {
            client = RedisClusterClient.create(RedisURI.create(url()));
            connection = client.connect();
        }
        return connection.sync();
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            client.shutdown();
        }
        nodes.forEach(RedisServer::close);
    }
}
