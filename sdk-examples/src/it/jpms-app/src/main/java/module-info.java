/** A plain module-path application using the SDK: no --add-modules, no --add-opens. */
module com.example.jpms {
    requires io.agentfactory.sdk.reactor;
    requires jdk.httpserver;
}
