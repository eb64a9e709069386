package io.agentfactory.sdk.reactor.codeintel.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference's Merkle hash of a file tree: a file's hash is its git blob hash, a directory's is
 * {@code sha1("tree <len>\0" + join(sorted "name:childHash", "\n"))}, children sorted by name.
 * Equal root hashes (and file counts) mean the tree is unchanged.
 */
final class MerkleTree {

    private MerkleTree() {
    }

    /** The root hash of the tree whose files are {@code gitHashes} (relative {@code /} path to blob hash). */
    static String rootHash(Map<String, String> gitHashes) {
        Dir root = new Dir();
        for (Map.Entry<String, String> file : gitHashes.entrySet()) {
            String[] parts = file.getKey().split("/");
            Dir dir = root;
            for (int i = 0; i < parts.length - 1; i++) {
                dir = dir.dirs.computeIfAbsent(parts[i], k -> new Dir());
            }
            dir.files.put(parts[parts.length - 1], file.getValue());
        }
        return root.hash();
    }

    private static final class Dir {
        final Map<String, Dir> dirs = new TreeMap<>();
        final Map<String, String> files = new TreeMap<>();

        String hash() {
            TreeMap<String, String> children = new TreeMap<>(files);
            for (Map.Entry<String, Dir> dir : dirs.entrySet()) {
                children.put(dir.getKey(), dir.getValue().hash());
            }
            List<String> lines = new ArrayList<>();
            children.forEach((name, hash) -> lines.add(name + ":" + hash));
            byte[] body = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            try {
                MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
                sha1.update(("tree " + body.length + "\0").getBytes(StandardCharsets.US_ASCII));
                sha1.update(body);
                return HexFormat.of().formatHex(sha1.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is required by every JVM", e);
            }
        }
    }
}
