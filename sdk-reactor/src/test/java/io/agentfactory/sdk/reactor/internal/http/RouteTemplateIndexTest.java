package io.agentfactory.sdk.reactor.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A real path maps back to the template of the route that produced it. */
class RouteTemplateIndexTest {

    @Test
    void aPathMapsToItsTemplateIdsMasked() {
        Route route = Route.post("/api/public/sessions/{}/stop", "s 1/x");

        assertThat(route.path()).isEqualTo("/api/public/sessions/s%201%2Fx/stop");
        assertThat(RouteTemplateIndex.templateOf(route.path())).contains("/api/public/sessions/{}/stop");
        assertThat(RouteTemplateIndex.templateOf(route.path() + "?after=c1")).contains("/api/public/sessions/{}/stop");
    }

    @Test
    void aKitIdSpanningSegmentsPrefersTheMostLiteralTemplate() {
        Route.get("/api/daemon/kits/{/}", "spring/java");
        Route verify = Route.get("/api/daemon/kits/{/}/verify-signature", "spring/java");

        assertThat(RouteTemplateIndex.templateOf(verify.path())).contains("/api/daemon/kits/{/}/verify-signature");
        assertThat(RouteTemplateIndex.templateOf("/api/daemon/kits/spring/java")).contains("/api/daemon/kits/{/}");
    }

    @Test
    void aPathNoRouteProducedHasNoTemplate() {
        Route.get("/api/public/sessions/{}", "s-1");

        assertThat(RouteTemplateIndex.templateOf("/api/public/sessions/s-1/unknown-action")).isEmpty();
        assertThat(RouteTemplateIndex.templateOf("/api/public/sessions//")).isEmpty();
        assertThat(RouteTemplateIndex.templateOf("/elsewhere")).isEmpty();
    }
}
