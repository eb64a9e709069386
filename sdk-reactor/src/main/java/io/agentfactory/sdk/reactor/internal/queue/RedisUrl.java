package io.agentfactory.sdk.reactor.internal.queue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.UnaryOperator;

import io.lettuce.core.RedisURI;
import org.jspecify.annotations.Nullable;

import io.agentfactory.sdk.error.InvalidArgumentException;
import io.agentfactory.sdk.error.RedisUrlRequiredException;
import io.agentfactory.sdk.reactor.internal.http.Redaction;

/**
 * A checked Redis URL: {@code redis://} or {@code rediss://}, with the Lettuce {@link RedisURI} it
 * becomes, its password kept out of every text. Not API.
 *
 * @param uri what Lettuce connects to
 * @param redacted the URL with {@code REDACTED} for the password
 * @param endpoint {@code host:port/db} for messages
 * @param redact removes the password from any text
 */
public record RedisUrl(RedisURI uri, String redacted, String endpoint, UnaryOperator<String> redact) {

    /**
     * Parses {@code url}.
     *
     * @throws RedisUrlRequiredException when it is null or blank
     * @throws InvalidArgumentException when it is not a usable redis URL (shown without its password)
     */
    public static RedisUrl parse(@Nullable String url) {
        if (url == null || url.isBlank()) {
            throw new RedisUrlRequiredException();
        }
        URI parsed;
        try {
            parsed = new URI(url.strip());
        }
        catch (URISyntaxException e) {
            throw new InvalidArgumentException("not a Redis URL: " + masked(url));
        }
        String scheme = parsed.getScheme();
        if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss")) || parsed.getHost() == null) {
            throw new InvalidArgumentException("a Redis URL is redis://[user:password@]host[:port][/db] or rediss://…, got "
                    + masked(url));
        }
        String path = parsed.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/") && !path.substring(1).chars().allMatch(Character::isDigit)) {
            throw new InvalidArgumentException("the database of a Redis URL is a number, got " + masked(url));
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(parsed);
        }
        catch (RuntimeException e) {
            // Lettuce's message may repeat the URL with its password; it is not passed on.
            throw new InvalidArgumentException("not a usable Redis URL: " + masked(url));
        }
        String password = password(parsed);
        String endpoint = uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
        return new RedisUrl(uri, masked(url), endpoint, Redaction.of(password));
    }

    @Override
    public String toString() {
        return redacted;
    }

    private static @Nullable String password(URI uri) {
        String info = uri.getRawUserInfo();
        if (info == null) {
            return null;
        }
        int colon = info.indexOf(':');
        String raw = colon < 0 ? info : info.substring(colon + 1);
        return raw.isEmpty() ? null : java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The URL with whatever sits between {@code ://} and the last {@code @} of its authority masked. */
    static String masked(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return "(unparseable URL)";
        }
        int authorityEnd = url.indexOf('/', start + 3);
        String authority = authorityEnd < 0 ? url.substring(start + 3) : url.substring(start + 3, authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        String info = authority.substring(0, at);
        int colon = info.indexOf(':');
        String user = colon < 0 ? "" : info.substring(0, colon);
        String shown = user + ":" + Redaction.REDACTED;
        return url.substring(0, start + 3) + shown + authority.substring(at) + (authorityEnd < 0 ? "" : url.substring(authorityEnd));
    }
}
