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
        // Netty 4.2's adaptive allocator takes a StampedLock when event loops contend for a magazine
        // (netty/netty#14564): a known false positive, not a blocking call of the SDK.
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
    }
}
