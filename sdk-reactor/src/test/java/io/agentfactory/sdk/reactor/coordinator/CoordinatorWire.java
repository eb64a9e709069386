package io.agentfactory.sdk.reactor.coordinator;

/**
 * Compact coordinator answers as the server writes them (sdk-api/CONTRACT.md §3), shared by the
 * coordinator tests. Each holds at least one value a test can check after decoding.
 */
final class CoordinatorWire {

    static final String STATS = """
            {"workersOnline":3,"agentsWorking":2,"queueDepth":5,"completedToday":17,"availableCapacity":4,\
            "totalCostToday":12.5,"totalCostAllTime":980.25,"sessionCountToday":21,"timestamp":"2025-05-01T10:00:00Z"}""";

    static final String STATS_V2 = """
            {"workersOnline":3,"agentsWorking":2,"queueDepth":5,"completedToday":17,"availableCapacity":4,\
            "totalCostToday":12.5,"totalCostAllTime":980.25,"sessionCountToday":21,"timestamp":"2025-05-01T10:00:00Z",\
            "machines":[{"id":"mac-1","region":"eu-west","status":"ready","version":"1.4.0","activeSessions":2,\
            "capacity":{"maxConcurrentSessions":4},"uptimeSeconds":3600,"lastSeenAt":"2025-05-01T09:59:58Z"}],\
            "providers":[{"provider":"anthropic","costUsd":10.5,"sessions":9}]}""";

    static final String SESSIONS = """
            {"sessions":[{"id":"sess-1","identifier":"REN-101","status":"working","workType":"development",\
            "startedAt":"2025-05-01T09:00:00Z","duration":600,"costUsd":0.42,"provider":"anthropic"}],\
            "count":1,"timestamp":"2025-05-01T10:00:00Z"}""";

    static final String SESSION_DETAIL = """
            {"session":{"id":"sess-1","identifier":"REN-101","status":"completed","workType":"development",\
            "startedAt":"2025-05-01T09:00:00Z","duration":600,"timeline":{"created":"2025-05-01T08:59:00Z"},\
            "branch":"ren-101-fix","inputTokens":1200,"outputTokens":800},"timestamp":"2025-05-01T10:00:00Z"}""";

    static final String ACTIVITIES = """
            {"activities":[{"id":"ev-1","type":"thought","content":"Reading the issue","timestamp":"2025-05-01T09:00:01Z"}],\
            "cursor":"c-1","sessionStatus":"working"}""";

    static final String STOP_SESSION = """
            {"stopped":true,"sessionId":"sess-1","previousStatus":"working","newStatus":"stopped"}""";

    static final String CHAT = """
            {"delivered":true,"promptId":"p-1","sessionId":"sess-1","sessionStatus":"working"}""";

    static final String RECONNECT = """
            {"reconnected":true,"sessionId":"sess-1","sessionStatus":"working","missedEvents":3}""";

    static final String SUBMIT_TASK = """
            {"submitted":true,"taskId":"task-1","issueId":"REN-1","status":"queued","priority":2,"workType":"development"}""";

    static final String STOP_AGENT = """
            {"stopped":true,"taskId":"task-1","issueId":"REN-1","previousStatus":"working","newStatus":"stopped"}""";

    static final String FORWARD_PROMPT = """
            {"forwarded":true,"promptId":"p-2","taskId":"task-1","issueId":"REN-1","sessionStatus":"working"}""";

    static final String COST_REPORT = """
            {"totalSessions":40,"sessionsWithCostData":38,"totalCostUsd":123.45,"totalInputTokens":100000,\
            "totalOutputTokens":50000}""";

    static final String LIST_FLEET = """
            {"total":2,"returned":1,"sessions":[{"id":"sess-2","identifier":"REN-102","status":"queued",\
            "workType":"qa","startedAt":"","duration":0}]}""";

    static final String WHO_AM_I = """
            {"org":{"id":"org-1","name":"Acme","slug":"acme","plan":"team"},\
            "projects":[{"id":"prj-1","name":"Web","slug":"web","isDefault":true,"sandboxProvider":"e2b",\
            "teamSlug":"core","teamName":"Core"}],"scopes":["sessions:read","tasks:write"]}""";

    static final String MACHINES = """
            [{"id":"mac-1","region":"eu-west","status":"ready","version":"1.4.0","activeSessions":2,\
            "capacity":{"maxConcurrentSessions":4},"uptimeSeconds":3600,"lastSeenAt":"2025-05-01T09:59:58Z"},\
            {"id":"mac-2","region":"us-east","status":"draining","version":"1.4.0","activeSessions":0,\
            "capacity":{"maxConcurrentSessions":2},"uptimeSeconds":60,"lastSeenAt":"2025-05-01T09:59:00Z"}]""";

    static final String WORKAREA_POOL = """
            {"members":[{"id":"wa-1","repository":"github.com/acme/web","ref":"main","toolchainKey":"node20",\
            "status":"ready","cleanStateChecksum":"abc","createdAt":"2025-05-01T08:00:00Z","diskUsageMb":512}],\
            "totalMembers":1,"readyMembers":1,"acquiredMembers":0,"warmingMembers":0,"invalidMembers":0,\
            "totalDiskUsageMb":512,"timestamp":"2025-05-01T10:00:00Z"}""";

    static final String SANDBOX_PROVIDERS = """
            [{"id":"e2b","displayName":"E2B","transportModel":"dial-in","billingModel":"wall-clock",\
            "provisionedActive":3,"provisionedPaused":1,"maxConcurrent":10,"regions":["eu"],\
            "supportsPauseResume":true,"supportsFsSnapshot":false,"isA2ARemote":false,"healthy":true,\
            "capturedAt":"2025-05-01T10:00:00Z"}]""";

    static final String KIT_DETECTIONS = """
            [{"kitId":"spring/java","kitVersion":"1.2.0","applies":true,"confidence":0.93,"reason":"pom.xml found"}]""";

    static final String KIT_CONTRIBUTIONS = """
            [{"kitId":"spring/java","kitVersion":"1.2.0","commands":{"test":"./mvnw test"},"promptFragmentCount":2,\
            "appliedAt":"2025-05-01T09:00:00Z"}]""";

    static final String AUDIT_CHAIN = """
            [{"sequence":1,"eventKind":"session.started","sessionId":"sess-1","actorId":"agent-1",\
            "payload":{"issue":"REN-101"},"previousHash":"","entryHash":"h1","occurredAt":"2025-05-01T09:00:00Z"},\
            {"sequence":2,"eventKind":"session.completed","sessionId":"sess-1","actorId":"agent-1",\
            "previousHash":"h1","entryHash":"h2","occurredAt":"2025-05-01T09:10:00Z"}]""";

    static final String AGENT_CARD = """
            {"id":"agent-1","metadataId":"meta-1","name":"Backend developer","description":"Writes Java services",\
            "version":3,"scope":"org","scopeOwnerId":"org-1","sourceProviderId":"registry","runtimes":[],"auth":[],\
            "requires":[],"trust":{"tier":"verified","provenance":{}},"workType":"development",\
            "tools":{"allow":["git"],"disallow":[]}}""";

    static final String AGENT_LIST = "{\"agents\":[" + AGENT_CARD + "],\"count\":1,\"timestamp\":\"2025-05-01T10:00:00Z\"}";

    private CoordinatorWire() {
    }
}
