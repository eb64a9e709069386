/**
 * Reading and writing the daemon's {@code daemon.yaml} (sdk-api/CONTRACT.md §5) and its control token
 * file ({@link io.agentfactory.sdk.reactor.config.ControlTokenFile}):
 * {@link io.agentfactory.sdk.reactor.config.DaemonYamlStore} for reactive code,
 * {@link io.agentfactory.sdk.reactor.config.DaemonYamlFiles} for command-line tools; one
 * implementation behind both. The default path is {@code ~/.donmai/daemon.yaml}, overridden by
 * the environment variable {@code DONMAI_DAEMON_YAML}.
 *
 * <h2>What a write keeps</h2>
 * A write changes only the values of the top-level keys the SDK models: {@code projects},
 * {@code capacity}, {@code repoKeeper} and, for a config under admission version 2,
 * {@code projectAdmissionVersion}, {@code enabledProjectIds}, {@code repositories} and
 * {@code projectAdmissionMode} (appending a key at the end when the file lacks it). A legacy
 * config never gains the admission keys; a file under an admission version newer than 2 is not
 * rewritten at all. The disk envelope is written under both its spellings,
 * {@code workareaMaxDiskGb} and the older {@code poolMaxDiskGb}, with one value, so daemons of
 * either generation read the same limit; a read takes {@code workareaMaxDiskGb} when set and not
 * 0, else {@code poolMaxDiskGb}. {@link io.agentfactory.sdk.reactor.config.DaemonYamlStore#setCapacity}
 * writes one tunable explicitly, zero included. Everything else keeps its value,
 * its position and its spelling: key order, full-line and end-of-line comments, blank lines,
 * quoting, literal blocks, flow collections, anchors, aliases, merge keys ({@code <<}), tags,
 * number spellings. Inside {@code projects} an entry is matched by repository and edited in
 * place; inside it and inside {@code capacity}, a value the change did not touch keeps its text
 * and comments, a changed value keeps its comments and quotes, and keys the SDK does not model
 * are kept. An absent value (empty string, 0, no credential helper) removes its key, as the
 * reference's {@code omitempty} does. A node that is also reached through an alias is copied
 * before it is changed, so the alias keeps the old value. A file holding only comments keeps
 * them, verbatim, above the written content. End-of-line comments after an alias or a merge key
 * ({@code other: *b # c}, {@code <<: *b # c}) and on the {@code ---} and {@code ...} lines are
 * kept; the one that is not: after an alias inside a project entry or capacity mapping that the
 * update rebuilds (a copy of a node shared through an anchor), because the copy is a new place.
 * A comment after a value that becomes a block ({@code projects: # none yet},
 * {@code projects: [] # c} given projects) stays on the key's line, where the parser reads it.
 * Comments inside a flow collection that the write changes are dropped by the emitter, except
 * one right after {@code [} or <code>{</code>, which becomes a full-line comment above the first
 * item. snakeyaml-engine cannot read a comment after an anchor or tag whose block content
 * starts on the next line ({@code base: &a # c}); such a file is refused with a typed error.
 *
 * <h2>What the YAML emitter (snakeyaml-engine) respells on every write</h2>
 * Same values, different text, anywhere in the file:
 * <ul>
 *   <li>the spaces before an end-of-line comment become one;</li>
 *   <li>a full-line comment directly above a {@code -} item moves after the {@code -}
 *       ({@code - # comment}, the item on the next line);</li>
 *   <li>spacing inside flow collections: {@code { a: 1 }} becomes {@code {a: 1}};</li>
 *   <li>escapes in double-quoted strings become the characters when printable:
 *       <code>"caf&#92;u00e9"</code> becomes {@code "café"};</li>
 *   <li>folded ({@code >}) scalars are re-folded onto one line;</li>
 *   <li>a scalar whose tag plain text cannot express is quoted: {@code !!str 123} becomes
 *       {@code '123'}, {@code !custom plain} becomes {@code !custom 'plain'};</li>
 *   <li>a byte order mark is dropped;</li>
 *   <li>a block list under a key that carries an end-of-line comment ({@code projects: # c})
 *       gets its {@code -} two columns further in;</li>
 *   <li>indentation and the position of a sequence's {@code -} are taken from the first nested
 *       mapping and the first block sequence of the file and applied to all of it (a file mixing
 *       styles gets the first one everywhere; yaml.v3's own layout, 4 spaces with {@code -} at 4,
 *       keeps its {@code -} but gets item content at 8). {@code ---} and {@code ...} markers and
 *       CRLF line breaks are kept.</li>
 * </ul>
 *
 * <h2>Atomic, concurrent, owner-only</h2>
 * The new content goes to a uniquely named temporary file in the same directory
 * ({@code .daemon.yaml.<random>.tmp}), is synced to disk and renamed over the file; the directory
 * is then synced. On any failure the old file is intact and the temporary file deleted.
 * Directories created on the way get mode 0700, the file always gets 0600. Writes and updates
 * hold {@code daemon.yaml.lock}, beside the file, across the whole read-modify-write: first a
 * per-file lock among the threads of this JVM, then an OS lock ({@code fcntl} on Unix,
 * {@code LockFileEx} on Windows) among processes. The OS releases it when a process dies; the
 * lock file itself is never deleted. Readers take no lock: a rename never exposes a partial file.
 * A {@code daemon.yaml} that is a symbolic link is written through: its target is replaced, the
 * link stays, and the lock file sits beside the target.
 * The lock file is opened without following a symbolic link: a link planted there is refused.
 * Holding the lock, a writer first deletes the temporary files ({@code .daemon.yaml.<digits>.tmp})
 * of writers that died before their rename. Before the rename it checks that the file is still
 * the one it read (identity and bytes): when a writer that takes no lock (an editor saving by
 * rename, the daemon) changed it meanwhile, the update is done again on the new content, at most
 * 10 times, then fails with a {@link io.agentfactory.sdk.error.ConfigFileException}. (A change
 * in the microseconds between that check and the rename cannot be seen: POSIX has no
 * compare-and-rename.) A new text is also checked to read back, within the 1 MiB limit, as the
 * projects and capacity written; otherwise nothing is written.
 *
 * <h2>Hostile input</h2>
 * YAML is composed into nodes, never constructed into Java objects, and {@code ${VAR}}
 * substitution is off. Rejected with a {@link io.agentfactory.sdk.error.ConfigFileException}
 * naming the file and, when known, the line: files over 1 MiB (1,048,576 bytes), more than 50
 * aliases to collections (alias bombs), collections nested deeper than 64, duplicate keys,
 * non-scalar keys, more than one document, bytes that are not UTF-8. An integer's length is
 * checked before it is parsed, so a million-digit number costs no more than its reading.
 */
@NullMarked
package io.agentfactory.sdk.reactor.config;

import org.jspecify.annotations.NullMarked;
