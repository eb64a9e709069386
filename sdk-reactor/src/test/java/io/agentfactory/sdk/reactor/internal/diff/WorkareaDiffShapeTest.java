package io.agentfactory.sdk.reactor.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Content-Type decides the shape: NDJSON only when it says so, the envelope otherwise. */
class WorkareaDiffShapeTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"application/x-ndjson", "APPLICATION/X-NDJSON", "Application/X-Ndjson",
        "application/x-ndjson; charset=utf-8", " application/x-ndjson ;charset=UTF-8", "application/x-ndjson;"})
    void ndjsonInAnyCaseAndWithParametersIsNdjson(String contentType) {
        assertThat(WorkareaDiffShape.of(contentType)).isEqualTo(WorkareaDiffShape.NDJSON);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "text/plain", "",
        "application/x-ndjson-seq", "application/ndjson", "x-ndjson", "application/x-ndjsonx; a=b"})
    void anythingElseIsTheEnvelope(String contentType) {
        assertThat(WorkareaDiffShape.of(contentType)).isEqualTo(WorkareaDiffShape.ENVELOPE);
    }

    @Test
    void noContentTypeIsTheEnvelope() {
        assertThat(WorkareaDiffShape.of(null)).isEqualTo(WorkareaDiffShape.ENVELOPE);
    }
}
