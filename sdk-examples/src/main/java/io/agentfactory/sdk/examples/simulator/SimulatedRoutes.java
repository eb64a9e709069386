package io.agentfactory.sdk.examples.simulator;

/**
 * The routes the simulator serves (sdk-api/CONTRACT.md §3 and §4), as {@code "<METHOD> <template>"} keys.
 * A template segment {@code {name}} is one percent-decoded path segment; {@code {name+}} is one or
 * more segments joined with {@code /} (kit ids such as {@code spring/java}). The keys name the
 * counts of {@link RequestCounters}.
 */
public final class SimulatedRoutes {

    /** The key counting requests for a path no route serves (answered 404 or 405). */
    public static final String UNMATCHED = "UNMATCHED";

    // Coordinator (sdk-api/CONTRACT.md §3).

    /** {@code GET /api/public/stats}. */
    public static final String STATS = "GET /api/public/stats";
    /** {@code GET /api/public/stats/v2}. */
    public static final String STATS_V2 = "GET /api/public/stats/v2";
    /** {@code GET /api/public/sessions[?project=]}. */
    public static final String SESSIONS = "GET /api/public/sessions";
    /** {@code GET /api/public/sessions/<id>}. */
    public static final String SESSION_DETAIL = "GET /api/public/sessions/{id}";
    /** {@code GET /api/public/session-activities?sessionId=…}. */
    public static final String ACTIVITIES = "GET /api/public/session-activities";
    /** {@code POST /api/public/sessions/<id>/stop}. */
    public static final String STOP_SESSION = "POST /api/public/sessions/{id}/stop";
    /** {@code POST /api/public/sessions/<id>/prompt}. */
    public static final String CHAT_SESSION = "POST /api/public/sessions/{id}/prompt";
    /** {@code POST /api/public/sessions/<id>/reconnect}. */
    public static final String RECONNECT_SESSION = "POST /api/public/sessions/{id}/reconnect";
    /** {@code POST /api/mcp/submit-task}. */
    public static final String SUBMIT_TASK = "POST /api/mcp/submit-task";
    /** {@code POST /api/mcp/stop-agent}. */
    public static final String STOP_AGENT = "POST /api/mcp/stop-agent";
    /** {@code POST /api/mcp/forward-prompt}. */
    public static final String FORWARD_PROMPT = "POST /api/mcp/forward-prompt";
    /** {@code GET /api/mcp/cost-report}. */
    public static final String COST_REPORT = "GET /api/mcp/cost-report";
    /** {@code GET /api/mcp/list-fleet}. */
    public static final String LIST_FLEET = "GET /api/mcp/list-fleet";
    /** {@code GET /api/cli/whoami}. */
    public static final String WHOAMI = "GET /api/cli/whoami";
    /** {@code GET /api/public/machines}. */
    public static final String MACHINES = "GET /api/public/machines";
    /** {@code GET /api/public/workarea-pool[?machine=]}. */
    public static final String WORKAREA_POOL = "GET /api/public/workarea-pool";
    /** {@code GET /api/public/sandbox-providers}. */
    public static final String SANDBOX_PROVIDERS = "GET /api/public/sandbox-providers";
    /** {@code GET /api/public/sessions/<id>/kit-detections}. */
    public static final String KIT_DETECTIONS = "GET /api/public/sessions/{id}/kit-detections";
    /** {@code GET /api/public/sessions/<id>/kit-contributions}. */
    public static final String KIT_CONTRIBUTIONS = "GET /api/public/sessions/{id}/kit-contributions";
    /** {@code GET /api/public/sessions/<id>/audit-chain}. */
    public static final String AUDIT_CHAIN = "GET /api/public/sessions/{id}/audit-chain";
    /** {@code GET /api/agents[?scope=&orgId=&projectId=&workType=]}. */
    public static final String AGENTS = "GET /api/agents";
    /** {@code GET /api/agents/<id>}. */
    public static final String AGENT = "GET /api/agents/{id}";

    // Daemon (sdk-api/CONTRACT.md §4).

    /** {@code GET /api/daemon/status}. */
    public static final String DAEMON_STATUS = "GET /api/daemon/status";
    /** {@code GET /api/daemon/stats[?pool=true][&byMachine=true]}. */
    public static final String DAEMON_STATS = "GET /api/daemon/stats";
    /** {@code POST /api/daemon/pause}. */
    public static final String DAEMON_PAUSE = "POST /api/daemon/pause";
    /** {@code POST /api/daemon/resume}. */
    public static final String DAEMON_RESUME = "POST /api/daemon/resume";
    /** {@code POST /api/daemon/stop}. */
    public static final String DAEMON_STOP = "POST /api/daemon/stop";
    /** {@code POST /api/daemon/update}. */
    public static final String DAEMON_UPDATE = "POST /api/daemon/update";
    /** {@code POST /api/daemon/drain}. */
    public static final String DAEMON_DRAIN = "POST /api/daemon/drain";
    /** {@code POST /api/daemon/restart/prepare}: the restart preflight. */
    public static final String DAEMON_RESTART_PREPARE = "POST /api/daemon/restart/prepare";
    /** {@code GET /api/daemon/sessions}: the sessions the daemon runs. */
    public static final String DAEMON_SESSIONS = "GET /api/daemon/sessions";
    /** {@code GET /api/daemon/pool/stats}. */
    public static final String POOL_STATS = "GET /api/daemon/pool/stats";
    /** {@code POST /api/daemon/pool/evict}. */
    public static final String POOL_EVICT = "POST /api/daemon/pool/evict";
    /** {@code POST /api/daemon/capacity}. */
    public static final String CAPACITY = "POST /api/daemon/capacity";
    /** {@code GET /api/daemon/providers}. */
    public static final String PROVIDERS = "GET /api/daemon/providers";
    /** {@code GET /api/daemon/providers/<id>}. */
    public static final String PROVIDER = "GET /api/daemon/providers/{id}";
    /** {@code GET /api/daemon/kits}. */
    public static final String KITS = "GET /api/daemon/kits";
    /** {@code GET /api/daemon/kits/<kit id>}. */
    public static final String KIT = "GET /api/daemon/kits/{kitId+}";
    /** {@code GET /api/daemon/kits/<kit id>/verify-signature}. */
    public static final String KIT_VERIFY = "GET /api/daemon/kits/{kitId+}/verify-signature";
    /** {@code POST /api/daemon/kits/<kit id>/install}. */
    public static final String KIT_INSTALL = "POST /api/daemon/kits/{kitId+}/install";
    /** {@code POST /api/daemon/kits/<kit id>/enable}. */
    public static final String KIT_ENABLE = "POST /api/daemon/kits/{kitId+}/enable";
    /** {@code POST /api/daemon/kits/<kit id>/disable}. */
    public static final String KIT_DISABLE = "POST /api/daemon/kits/{kitId+}/disable";
    /** {@code GET /api/daemon/kit-sources}. */
    public static final String KIT_SOURCES = "GET /api/daemon/kit-sources";
    /** {@code POST /api/daemon/kit-sources/<name>/enable}. */
    public static final String KIT_SOURCE_ENABLE = "POST /api/daemon/kit-sources/{name}/enable";
    /** {@code POST /api/daemon/kit-sources/<name>/disable}. */
    public static final String KIT_SOURCE_DISABLE = "POST /api/daemon/kit-sources/{name}/disable";
    /** {@code GET /api/daemon/workareas}. */
    public static final String WORKAREAS = "GET /api/daemon/workareas";
    /** {@code GET /api/daemon/workareas/<id>}. */
    public static final String WORKAREA = "GET /api/daemon/workareas/{id}";
    /** {@code POST /api/daemon/workareas/<archive id>/restore}. */
    public static final String WORKAREA_RESTORE = "POST /api/daemon/workareas/{id}/restore";
    /** {@code GET /api/daemon/workareas/<id A>/diff/<id B>}. */
    public static final String WORKAREA_DIFF = "GET /api/daemon/workareas/{idA}/diff/{idB}";
    /** {@code GET /api/daemon/routing/config}. */
    public static final String ROUTING_CONFIG = "GET /api/daemon/routing/config";
    /** {@code GET /api/daemon/routing/explain/<session id>}. */
    public static final String ROUTING_EXPLAIN = "GET /api/daemon/routing/explain/{sessionId}";

    private SimulatedRoutes() {
    }
}
