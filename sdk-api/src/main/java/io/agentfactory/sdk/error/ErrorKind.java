package io.agentfactory.sdk.error;

/**
 * What went wrong, as one value a caller can switch on. Each kind has its own exception class in
 * this package; {@link AgentFactoryException#kind()} gives it without {@code instanceof} chains.
 */
public enum ErrorKind {
    /** 400: the request was malformed or referenced unusable state. */
    BAD_REQUEST,
    /** 401: missing or invalid credentials. */
    NOT_AUTHENTICATED,
    /** 403: the caller may not do this (also the kit install trust gate). */
    FORBIDDEN,
    /** 404: no such resource. */
    NOT_FOUND,
    /** 409: the request collides with existing state. */
    CONFLICT,
    /** 429: too many requests; honour the retry-after delay. */
    RATE_LIMITED,
    /** 3xx, 405, 422 and other 4xx statuses the contract gives no meaning of their own. */
    UNEXPECTED_STATUS,
    /** 501: the server does not implement this (for example a kit source kind). */
    UNIMPLEMENTED,
    /** 500, 502, 504 and other 5xx. */
    SERVER_ERROR,
    /** 503: saturated or still starting; honour the retry-after delay. */
    UNAVAILABLE,
    /** No answer in time: connect, first byte or the idle gap between reads. */
    TIMEOUT,
    /** The connection failed: refused, reset, closed before the answer was complete, TLS. */
    TRANSPORT,
    /** The answer could not be decoded: bad JSON, wrong content type, invalid UTF-8, over-long line. */
    DECODE,
    /** A workarea diff stream broke its contract: truncated, failed mid-stream, counts disagree. */
    DIFF_STREAM,
    /** A client-side check failed; nothing was sent. */
    INVALID_ARGUMENT,
    /** A configuration file could not be read or written. */
    CONFIG_FILE,
    /** A GraphQL server (Linear) answered with {@code errors}. */
    GRAPHQL,
    /** A repository or project guard refused the work: wrong git remote, project not allowed. */
    GUARD,
    /** An agent harness could not be used: not installed, or its process could not be started. */
    AGENT_HARNESS,
    /** The code index over a repository could not be built. */
    CODE_INDEX,
    /** A change's diff for the architecture gate could not be fetched, or was too large or malformed. */
    CODE_DIFF
}
