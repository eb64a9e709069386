/**
 * Reading and writing the daemon's {@code daemon.yaml} (CONTRACT.md §5): {@link
 * io.agentfactory.sdk.reactor.config.DaemonYamlStore} for reactive code, {@link
 * io.agentfactory.sdk.reactor.config.DaemonYamlFiles} for command-line tools; one implementation
 * behind both.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Lossless.</b> A write changes only the values of the top-level {@code projects} and
 *       {@code capacity} keys. Every other top-level key keeps its value and its position; comments
 *       (full-line, end-of-line, blank lines) stay where they are; quoting, block and flow styles,
 *       anchors, aliases, merge keys and tags are kept. Inside {@code projects} and
 *       {@code capacity}, an entry is matched by repository and edited in place: unchanged values
 *       keep their text and comments, keys the SDK does not model are kept.</li>
 *   <li><b>Normalized by the YAML emitter</b> (snakeyaml-engine) on every write: the spaces before
 *       an end-of-line comment become one; a full-line comment directly above a {@code -} item that
 *       is a mapping moves after the {@code -} ({@code - # comment}); spacing inside flow
 *       collections ({@code { a: 1 }} becomes {@code {a: 1}}); escapes in double-quoted strings are
 *       written as the characters they stand for when printable (<code>"&#92;u00e9"</code> becomes
 *       {@code "é"}); folded ({@code >}) scalars are re-folded onto one line; a short tag on a
 *       scalar that plain text could not express ({@code !!str 123}) becomes quoting
 *       ({@code '123'}); a byte order mark is dropped. Indentation, where the {@code -} of a block
 *       sequence sits, {@code ---}/{@code ...} markers and CRLF line breaks are taken from the file
 *       and kept (a yaml.v3 layout of 4 spaces with {@code -} at 4 keeps its {@code -} but puts
 *       item content at 8).</li>
 *   <li><b>Atomic.</b> The new content goes to a uniquely named temporary file in the same
 *       directory, is synced to disk and renamed over the file; the directory is then synced. On
 *       any failure the old file is intact and no temporary file is left. Directories created on
 *       the way get mode 0700, the file always gets 0600.</li>
 *   <li><b>No lost updates.</b> Writes and updates hold {@code daemon.yaml.lock} (beside the file)
 *       across read-modify-write, locked against other threads of this JVM and, through the OS,
 *       against other processes. Readers take no lock: a rename never exposes a partial file.</li>
 *   <li><b>Symbolic links</b> are written through: a {@code daemon.yaml} that links elsewhere stays
 *       a link and its target is replaced (the lock file sits beside the target).</li>
 *   <li><b>Hostile input.</b> YAML is composed into nodes, never constructed into Java objects.
 *       Files over 1 MiB, more than 50 aliases to collections, nesting deeper than 64, duplicate or
 *       non-scalar keys and more than one document are rejected with a
 *       {@link io.agentfactory.sdk.error.ConfigFileException} naming the file and line.</li>
 * </ul>
 */
@NullMarked
package io.agentfactory.sdk.reactor.config;

import org.jspecify.annotations.NullMarked;
