package io.agentfactory.sdk.reactor.internal.queue;

import java.util.Locale;
import java.util.function.UnaryOperator;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.error.AgentFactoryException;
import io.agentfactory.sdk.error.QueueDataException;
import io.agentfactory.sdk.error.RedisAuthenticationException;
import io.agentfactory.sdk.error.RedisCommandException;
import io.agentfactory.sdk.error.RedisConnectionException;
import io.agentfactory.sdk.error.RedisTimeoutException;

/**
 * Maps whatever Lettuce, Netty or the JDK signals to the SDK's typed errors. Messages carry the
 * command name and the server's reply (bounded), never arguments, and pass through a redactor that
 * removes the password. Not API.
 */
public final class RedisErrors {

    private static final int MAX_REPLY = 300;

    private final UnaryOperator<String> redact;
    private final String endpoint;

    /**
     * @param endpoint {@code host:port/db} for messages
     * @param redact removes the password from text
     */
    public RedisErrors(String endpoint, UnaryOperator<String> redact) {
        this.endpoint = endpoint;
        this.redact = redact;
    }

    /**
     * The typed error for {@code failure} of {@code command} on {@code key}.
     *
     * @param command the command name, {@code null} while connecting
     * @param key the key the command addressed, {@code null} for none or many
     */
    public AgentFactoryException map(@Nullable String command, @Nullable String key, Throwable failure) {
        if (failure instanceof AgentFactoryException typed) {
            return typed;
        }
        String reply = serverReply(failure);
        if (reply != null) {
            String upper = reply.toUpperCase(Locale.ROOT);
            if (upper.startsWith("WRONGTYPE") || upper.contains(" WRONGTYPE ")) {
                return new QueueDataException(key == null ? "(" + command + ")" : key,
                        "holds another Redis type than the key layout expects (" + clip(reply) + ")", failure);
            }
            if (upper.startsWith("WRONGPASS") || upper.startsWith("NOAUTH") || upper.startsWith("NOPERM")
                    || upper.contains("AUTH") && upper.contains("PASSWORD")) {
                return new RedisAuthenticationException(
                        "Redis at " + endpoint + " refused the credentials: " + clip(reply), failure);
            }
            boolean transient_ = upper.startsWith("LOADING") || upper.startsWith("BUSY") || upper.startsWith("TRYAGAIN")
                    || upper.startsWith("MASTERDOWN") || upper.startsWith("CLUSTERDOWN");
            return new RedisCommandException(command == null ? "CONNECT" : command, clip(reply), transient_, failure);
        }
        if (failure instanceof RedisCommandTimeoutException) {
            return new RedisTimeoutException(command == null ? "CONNECT" : command,
                    "no answer from Redis at " + endpoint + " in time", failure);
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (command == null) {
            return new RedisConnectionException(null, "cannot connect to Redis at " + endpoint + ": " + clip(detail),
                    failure);
        }
        if (failure instanceof RedisException || failure instanceof java.io.IOException
                || failure instanceof io.netty.channel.ChannelException) {
            return new RedisConnectionException(command, "connection to Redis at " + endpoint + " failed: " + clip(detail),
                    failure);
        }
        return new RedisCommandException(command, clip(detail), false, failure);
    }

    /** The error reply of a Redis server in the cause chain, when there is one. */
    static @Nullable String serverReply(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RedisCommandExecutionException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return null;
    }

    /** Whether {@code failure} is Redis's {@code NOSCRIPT} reply. */
    static boolean isNoScript(Throwable failure) {
        String reply = serverReply(failure);
        return reply != null && reply.startsWith("NOSCRIPT");
    }

    private String clip(String text) {
        String safe = redact.apply(text.replace('\n', ' ').replace('\r', ' '));
        return safe.length() <= MAX_REPLY ? safe : safe.substring(0, MAX_REPLY) + "…";
    }
}
