package io.agentfactory.sdk.reactor.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.agentfactory.sdk.error.InvalidArgumentException;

/** A route's path from its template: ids escaped into their places, and exactly as many ids as places. */
class RouteExpansionTest {

    @Test
    void aTemplateWithoutIdsIsThePathItself() {
        Route route = Route.get("/api/public/sessions");

        assertThat(route.path()).isSameAs("/api/public/sessions");
        assertThat(route.pathAndQuery()).isEqualTo("/api/public/sessions");
    }

    @Test
    void idsAreEscapedIntoTheirPlaces() {
        assertThat(Route.get("/api/sessions/{}/stop", "a/b c").path()).isEqualTo("/api/sessions/a%2Fb%20c/stop");
        assertThat(Route.post("/api/kits/{/}", "org/kit").path()).isEqualTo("/api/kits/org/kit");
    }

    @Test
    void anIdForATemplateWithoutPlacesIsRefused() {
        assertThatThrownBy(() -> Route.get("/api/public/sessions", "s-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("template /api/public/sessions takes 0 ids");
    }

    @Test
    void aMissingIdIsRefused() {
        assertThatThrownBy(() -> Route.get("/api/sessions/{}/stop"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("template /api/sessions/{}/stop needs more ids");
    }

    @Test
    void aBlankIdIsABadArgument() {
        assertThatThrownBy(() -> Route.get("/api/sessions/{}", " "))
                .isInstanceOf(InvalidArgumentException.class);
    }
}
