package io.agentfactory.sdk.reactor.queue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.error.ErrorKind;
import io.agentfactory.sdk.error.RedisAuthenticationException;

/** A Redis with {@code requirepass}: refused credentials are a typed, non-retryable error without the password. */
class QueueAuthenticationTest extends RedisPerClass {

    @Override
    String[] serverArguments() {
        return new String[] {"--requirepass", "s3cret-Pa55"};
    }

    @Test
    void theRightPasswordConnects() {
        RedisQueueAdmin admin = RedisQueueAdmin.create("redis://:s3cret-Pa55@127.0.0.1:" + server.port());
        try {
            admin.ping().block(TIMEOUT);
        }
        finally {
            admin.closeGracefully().block(TIMEOUT);
        }
    }

    @Test
    void aWrongPasswordIsRefusedTypedAndNotRetryable() {
        RedisQueueAdmin admin = RedisQueueAdmin.create("redis://default:wrong-Pa55@127.0.0.1:" + server.port());
        try {
            StepVerifier.create(admin.sessions()).expectErrorSatisfies(e -> {
                assertThat(e).isInstanceOf(RedisAuthenticationException.class).hasMessageContaining("refused the credentials");
                assertThat(((AgentFactoryException) e).kind()).isEqualTo(ErrorKind.NOT_AUTHENTICATED);
                assertThat(((AgentFactoryException) e).isRetryable()).isFalse();
                QueueFaultsTest.assertNoSecret(e, "wrong-Pa55");
            }).verify(TIMEOUT);
        }
        finally {
            admin.closeGracefully().block(TIMEOUT);
        }
    }

    @Test
    void noPasswordIsRefusedTyped() {
        RedisQueueAdmin admin = RedisQueueAdmin.create(server.url());
        try {
            StepVerifier.create(admin.ping()).expectError(RedisAuthenticationException.class).verify(TIMEOUT);
        }
        finally {
            admin.closeGracefully().block(TIMEOUT);
        }
    }
}
