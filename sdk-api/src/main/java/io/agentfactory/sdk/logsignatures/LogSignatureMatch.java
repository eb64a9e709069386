package io.agentfactory.sdk.logsignatures;

/**
 * A log line and the first signature of the catalog it matched.
 *
 * @param signature the signature that matched
 * @param line the whole line
 * @param lineNumber the 1-based position of the line in the log
 */
public record LogSignatureMatch(LogSignature signature, String line, long lineNumber) {
}
