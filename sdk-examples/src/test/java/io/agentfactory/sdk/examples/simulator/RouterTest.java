package io.agentfactory.sdk.examples.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** How request paths map to routes: per-segment decoding, kit ids with slashes, 404 and 405. */
class RouterTest {

    private final Router router = new Router()
            .route(SimulatedRoutes.SESSION_DETAIL, ex -> Mono.empty())
            .route(SimulatedRoutes.STOP_SESSION, ex -> Mono.empty())
            .route(SimulatedRoutes.KIT, ex -> Mono.empty())
            .route(SimulatedRoutes.KIT_VERIFY, ex -> Mono.empty())
            .route(SimulatedRoutes.KIT_INSTALL, ex -> Mono.empty())
            .route(SimulatedRoutes.KIT_ENABLE, ex -> Mono.empty())
            .route(SimulatedRoutes.WORKAREA_DIFF, ex -> Mono.empty());

    @Test
    void aParameterTakesOneDecodedSegment() {
        Router.Match match = router.match("GET", "/api/public/sessions/abc-123");

        assertThat(match.counterKey()).isEqualTo(SimulatedRoutes.SESSION_DETAIL);
        assertThat(match.params()).containsEntry("id", "abc-123");
    }

    @Test
    void anEncodedSlashStaysInsideItsSegment() {
        Router.Match match = router.match("GET", "/api/public/sessions/a%2Fstop");

        assertThat(match.counterKey()).isEqualTo(SimulatedRoutes.SESSION_DETAIL);
        assertThat(match.params()).containsEntry("id", "a/stop");
    }

    @Test
    void segmentsAreDecodedAsUtf8AndPlusStaysAPlus() {
        Router.Match match = router.match("GET", "/api/public/sessions/%E6%97%A5%20a+b%3F%23%25");

        assertThat(match.params()).containsEntry("id", "日 a+b?#%");
    }

    @Test
    void aKitIdTakesEverySegmentBeforeTheAction() {
        Router.Match match = router.match("POST", "/api/daemon/kits/spring/java/install");

        assertThat(match.counterKey()).isEqualTo(SimulatedRoutes.KIT_INSTALL);
        assertThat(match.params()).containsEntry("kitId", "spring/java");
    }

    @Test
    void aKitIdWithoutActionTakesEverySegment() {
        Router.Match match = router.match("GET", "/api/daemon/kits/acme/tools/java");

        assertThat(match.counterKey()).isEqualTo(SimulatedRoutes.KIT);
        assertThat(match.params()).containsEntry("kitId", "acme/tools/java");
    }

    @Test
    void anActionIsOnlyEverTheLastSegment() {
        Router.Match match = router.match("GET", "/api/daemon/kits/spring/install/java");

        assertThat(match.counterKey()).isEqualTo(SimulatedRoutes.KIT);
        assertThat(match.params()).containsEntry("kitId", "spring/install/java");
    }

    @Test
    void kitSegmentsAreDecodedOneByOne() {
        Router.Match match = router.match("GET", "/api/daemon/kits/spring/jav%61/verify-signature");

        assertThat(match.counterKey()).isEqualTo(SimulatedRoutes.KIT_VERIFY);
        assertThat(match.params()).containsEntry("kitId", "spring/java");
    }

    @Test
    void twoParametersAroundALiteral() {
        Router.Match match = router.match("GET", "/api/daemon/workareas/a%20b/diff/synthetic-10");

        assertThat(match.params()).containsEntry("idA", "a b").containsEntry("idB", "synthetic-10");
    }

    @Test
    void anActionCalledWithTheWrongMethodIs405NamingTheAllowedOne() {
        Router.Match match = router.match("GET", "/api/daemon/kits/spring/java/install");

        assertThat(match.route()).isNull();
        assertThat(match.status()).isEqualTo(405);
        assertThat(match.allowed()).containsExactly("POST");
        assertThat(match.counterKey()).isEqualTo(SimulatedRoutes.UNMATCHED);
    }

    @Test
    void anUnknownPathIs404() {
        assertThat(router.match("GET", "/api/public/nothing").status()).isEqualTo(404);
    }

    @Test
    void anEmptySegmentMatchesNoParameter() {
        assertThat(router.match("GET", "/api/public/sessions/").status()).isEqualTo(404);
        assertThat(router.match("GET", "/api/daemon/kits//java/verify-signature").status()).isEqualTo(404);
    }

    @Test
    void aMalformedEscapeIs400() {
        assertThat(router.match("GET", "/api/public/sessions/%zz").status()).isEqualTo(400);
        assertThat(router.match("GET", "/api/public/sessions/%E6%97").status()).isEqualTo(400);
    }
}
