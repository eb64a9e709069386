/**
 * Support code for the value types. Not API: may change without notice.
 */
@NullMarked
package io.agentfactory.sdk.internal;

import org.jspecify.annotations.NullMarked;
