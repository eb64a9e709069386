package io.agentfactory.sdk.reactor.internal.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script called by its SHA1 ({@code EVALSHA}, loaded with {@code SCRIPT LOAD} on
 * {@code NOSCRIPT}). Every script begins with a check of its keys' types and returns
 * {@code {-1, index, type}} before writing anything when one is wrong, since Redis does not undo
 * the writes of a script that fails half-way. Not API.
 *
 * @param name the name used in errors
 * @param keyTypes the Redis type each key must have when it exists ({@code string}, {@code hash}, {@code zset})
 * @param source the whole source, the type check included
 * @param sha the SHA1 of the source, hex
 */
public record LuaScript(String name, List<String> keyTypes, String source, String sha) {

    /** A script checking {@code keyTypes} (one per key, in order) and then running {@code body}. */
    public static LuaScript of(String name, List<String> keyTypes, String body) {
        StringBuilder src = new StringBuilder("local expected = {");
        for (int i = 0; i < keyTypes.size(); i++) {
            src.append(i == 0 ? "" : ", ").append('\'').append(keyTypes.get(i)).append('\'');
        }
        src.append("}\n")
                .append("for i, t in ipairs(expected) do\n")
                .append("  if KEYS[i] then\n")
                .append("    local got = redis.call('TYPE', KEYS[i]).ok\n")
                .append("    if got ~= 'none' and got ~= t then return {-1, i, got} end\n")
                .append("  end\n")
                .append("end\n")
                .append(body);
        String source = src.toString();
        return new LuaScript(name, List.copyOf(keyTypes), source, sha1(source));
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }
}
