/**
 * Workareas: the warm pool and its members, archives, restore, eviction, and the workarea diff (entries and summary).
 */
@NullMarked
package io.agentfactory.sdk.workarea;

import org.jspecify.annotations.NullMarked;
