package io.agentfactory.sdk.reactor.daemon;

import java.time.Duration;

import io.agentfactory.sdk.reactor.RetryPolicy;
import io.agentfactory.sdk.reactor.TransportOptions;

/**
 * Wire fixtures of the daemon's control API shared by the daemon client tests: answers as the
 * daemon sends them, and a transport whose retries do not slow the tests down.
 */
final class DaemonWire {

    /** The control token the tests configure; it must never appear anywhere it should not. */
    static final String CONTROL_TOKEN = "dct_0123456789abcdef";

    /** Retries as by default, but with millisecond waits (Retry-After capped at 5 ms). */
    static final TransportOptions FAST_RETRIES = TransportOptions.builder()
            .retryPolicy(RetryPolicy.defaults()
                    .withBackoff(Duration.ofMillis(1), Duration.ofMillis(5), 0.0)
                    .withRetryAfterCap(Duration.ofMillis(5)))
            .build();

    static final String STATUS = """
            {"status":"ready","version":"0.9.1","machineId":"mac-1","pid":4242,"uptimeSeconds":3600,\
            "activeSessions":2,"maxSessions":4,"projectsAllowed":3,"timestamp":"2026-05-07T10:00:00Z"}""";

    static final String STATS = """
            {"capacity":{"maxConcurrentSessions":4},"activeSessions":1,"queueDepth":0,\
            "timestamp":"2026-05-07T10:00:00Z"}""";

    static final String ACTION_OK = """
            {"ok":true,"message":"done"}""";

    static final String POOL_STATS = """
            {"members":[{"id":"pm-1","repository":"github.com/foo/bar","ref":"main","toolchainKey":"java17",\
            "status":"ready","cleanStateChecksum":"abc","createdAt":"2026-05-07T09:00:00Z"}],"totalMembers":1,\
            "readyMembers":1,"acquiredMembers":0,"warmingMembers":0,"invalidMembers":0,"totalDiskUsageMb":512,\
            "timestamp":"2026-05-07T10:00:00Z"}""";

    static final String EVICTED = """
            {"evicted":2,"message":"evicted 2 members","correlationId":"corr-7"}""";

    static final String CAPACITY_SET = """
            {"ok":true,"key":"capacity.poolMaxDiskGb","value":"80","message":"written"}""";

    static final String PROVIDERS = """
            {"providers":[{"id":"local-docker","name":"Docker","version":"1.0","family":"sandbox","scope":"global",\
            "status":"ready","source":"builtin","trust":"signed-verified","manifestOk":true,"capabilities":{}}],\
            "partialCoverage":false,"coveredFamilies":["sandbox"]}""";

    static final String PROVIDER = """
            {"provider":{"id":"local/docker","name":"Docker","version":"1.0","family":"sandbox","scope":"global",\
            "status":"ready","source":"builtin","trust":"signed-verified","manifestOk":true,"capabilities":{"gpu":false}}}""";

    static final String KIT = """
            {"id":"spring/java","name":"Spring for Java","version":"1.2.0","status":"active","source":"bundled",\
            "scope":"global","trust":"signed-verified","providesCommands":true}""";

    static final String KIT_DISABLED = """
            {"id":"spring/java","name":"Spring for Java","version":"1.2.0","status":"disabled","source":"bundled",\
            "scope":"global","trust":"signed-verified"}""";

    static final String KITS = "{\"kits\":[" + KIT + "]}";

    static final String KIT_MANIFEST = "{\"kit\":" + KIT + "}";

    static final String KIT_SIGNATURE = """
            {"kitId":"spring/java","trust":"signed-verified","signerId":"did:web:kits.example","ok":true}""";

    static final String KIT_INSTALLED = "{\"kit\":" + KIT + ",\"message\":\"installed\"}";

    static final String KIT_SOURCES = """
            {"sources":[{"name":"community hub","url":"https://kits.example","enabled":true,"priority":1,\
            "kind":"community"}]}""";

    static final String KIT_SOURCE_TOGGLED = """
            {"source":{"name":"community hub","url":"https://kits.example","enabled":false,"priority":1,\
            "kind":"community"},"message":"disabled"}""";

    static final String WORKAREAS = """
            {"active":[{"id":"wa-1","kind":"active","providerId":"local","status":"acquired"}],\
            "archived":[{"id":"ar-1","kind":"archived","providerId":"local","status":"archived"}]}""";

    static final String WORKAREA = """
            {"workarea":{"id":"ar/1","kind":"archived","providerId":"local","status":"archived",\
            "acquiredAt":"2026-05-07T09:00:00Z"}}""";

    static final String RESTORED = """
            {"workarea":{"id":"wa-9","kind":"active","providerId":"local","status":"acquired","sessionId":"sess-9"}}""";

    static final String ROUTING_CONFIG = """
            {"config":{"capabilityFilters":[],"weights":{"cost":0.6,"latency":0.4},"sandboxProviders":[],\
            "llmProviders":[],"recentDecisions":[],"capturedAt":"2026-05-07T10:00:00Z"}}""";

    static final String ROUTING_EXPLAIN = """
            {"sessionId":"sess/1","decision":{"sessionId":"sess/1","chosenSandbox":"local-docker",\
            "chosenLLM":"claude","score":0.9,"decidedAt":"2026-05-07T10:00:00Z"},"trace":[]}""";

    static final String STARTING = """
            {"error":"daemon is still starting","status":"starting"}""";

    private DaemonWire() {
    }
}
