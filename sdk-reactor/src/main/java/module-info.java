/**
 * The AgentFactory SDK on Project Reactor: the HTTP clients, the {@code daemon.yaml} store, the
 * repository config and log-signature readers, the queue admin on Redis, and in-memory mocks. Packages named
 * {@code internal} are not exported; the diff wire records are open to Jackson.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // Reactor Netty has no descriptor
module io.agentfactory.sdk.reactor {
    requires transitive io.agentfactory.sdk.api;
    requires transitive reactor.netty.http;
    requires transitive reactor.netty.core;
    requires io.netty.buffer;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires org.snakeyaml.engine;
    requires org.slf4j;
    // Reactor Netty has no descriptor, so nothing resolves the Netty modules it loads at run time;
    // without these a module-path application needs --add-modules ALL-MODULE-PATH.
    requires io.netty.codec.compression;
    requires io.netty.codec.http2;
    requires io.netty.handler.proxy;
    requires io.netty.resolver.dns;
    // Observations: optional; only loaded when a registry is configured (TransportOptions.observationRegistry).
    requires static micrometer.observation;
    requires static micrometer.commons;
    // Lettuce, for the Redis queue admin only (RedisQueueAdmin): users of the HTTP clients need not add it.
    requires static lettuce.core;
    // JavaParser, for the parser-based Java extractor of code intelligence only: without it the regex one is used.
    requires static com.github.javaparser.core;
    // JGit, for JGitDiffSource only (local diffs of the architecture gate).
    requires static org.eclipse.jgit;
    // tree-sitter, for the parser-based Kotlin extractor only. Its Kotlin grammar jar
    // (tree.sitter.kotlin) shares the package org.treesitter, so it is not required here: its class is looked up
    // by name, and on the module path it must be merged into this module (--patch-module tree.sitter=<jar>).
    requires static tree.sitter;

    exports io.agentfactory.sdk.reactor;
    exports io.agentfactory.sdk.reactor.codeintel;
    exports io.agentfactory.sdk.reactor.config;
    exports io.agentfactory.sdk.reactor.coordinator;
    exports io.agentfactory.sdk.reactor.daemon;
    exports io.agentfactory.sdk.reactor.logsignatures;
    exports io.agentfactory.sdk.reactor.mock;
    exports io.agentfactory.sdk.reactor.orchestrator;
    exports io.agentfactory.sdk.reactor.queue;
    exports io.agentfactory.sdk.reactor.observation;
    exports io.agentfactory.sdk.reactor.repoconfig;

    opens io.agentfactory.sdk.reactor.internal.diff to tools.jackson.databind;
}
