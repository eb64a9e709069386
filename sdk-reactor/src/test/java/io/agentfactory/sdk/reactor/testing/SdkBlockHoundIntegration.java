package io.agentfactory.sdk.reactor.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The one place where tests allow blocking calls on non-blocking threads. Only test
 * infrastructure is listed here, never SDK code.
 */
public final class SdkBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Test logging writes to files synchronously (surefire redirects output).
        builder.allowBlockingCallsInside("ch.qos.logback.classic.Logger", "callAppenders");
    }
}
