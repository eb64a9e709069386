/**
 * The AgentFactory SDK's API: client interfaces, immutable values and the error hierarchy.
 * {@code io.agentfactory.sdk.internal} (helpers of the value types) is not exported; it and the
 * value packages are open to Jackson, which reads and writes the records reflectively.
 */
@SuppressWarnings("module") // tools.jackson.databind is not on sdk-api's own module path
module io.agentfactory.sdk.api {
    requires transitive reactor.core;
    requires transitive org.reactivestreams;
    requires static transitive org.jspecify;
    requires com.fasterxml.jackson.annotation;

    exports io.agentfactory.sdk;
    exports io.agentfactory.sdk.agent;
    exports io.agentfactory.sdk.audit;
    exports io.agentfactory.sdk.codeintel;
    exports io.agentfactory.sdk.config;
    exports io.agentfactory.sdk.coordinator;
    exports io.agentfactory.sdk.daemon;
    exports io.agentfactory.sdk.error;
    exports io.agentfactory.sdk.fleet;
    exports io.agentfactory.sdk.kit;
    exports io.agentfactory.sdk.logsignatures;
    exports io.agentfactory.sdk.orchestrator;
    exports io.agentfactory.sdk.provider;
    exports io.agentfactory.sdk.queue;
    exports io.agentfactory.sdk.repoconfig;
    exports io.agentfactory.sdk.routing;
    exports io.agentfactory.sdk.session;
    exports io.agentfactory.sdk.task;
    exports io.agentfactory.sdk.workarea;

    opens io.agentfactory.sdk to tools.jackson.databind;
    opens io.agentfactory.sdk.agent to tools.jackson.databind;
    opens io.agentfactory.sdk.audit to tools.jackson.databind;
    opens io.agentfactory.sdk.codeintel to tools.jackson.databind;
    opens io.agentfactory.sdk.config to tools.jackson.databind;
    opens io.agentfactory.sdk.coordinator to tools.jackson.databind;
    opens io.agentfactory.sdk.daemon to tools.jackson.databind;
    opens io.agentfactory.sdk.error to tools.jackson.databind;
    opens io.agentfactory.sdk.fleet to tools.jackson.databind;
    opens io.agentfactory.sdk.internal to tools.jackson.databind;
    opens io.agentfactory.sdk.kit to tools.jackson.databind;
    opens io.agentfactory.sdk.logsignatures to tools.jackson.databind;
    opens io.agentfactory.sdk.orchestrator to tools.jackson.databind;
    opens io.agentfactory.sdk.provider to tools.jackson.databind;
    opens io.agentfactory.sdk.queue to tools.jackson.databind;
    opens io.agentfactory.sdk.repoconfig to tools.jackson.databind;
    opens io.agentfactory.sdk.routing to tools.jackson.databind;
    opens io.agentfactory.sdk.session to tools.jackson.databind;
    opens io.agentfactory.sdk.task to tools.jackson.databind;
    opens io.agentfactory.sdk.workarea to tools.jackson.databind;
}
