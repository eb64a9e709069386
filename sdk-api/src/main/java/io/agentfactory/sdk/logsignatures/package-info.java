/**
 * The log-signature catalog that classifies agent log failures ({@code logs analyze}): signatures
 * (an id, a case-insensitive regular expression, a pattern type, a severity, a title), the default
 * catalog, matches, per-signature occurrences and the deduplication hash. Values only; reading a
 * user catalog and matching lines is done by the implementation module.
 */
@NullMarked
package io.agentfactory.sdk.logsignatures;

import org.jspecify.annotations.NullMarked;
