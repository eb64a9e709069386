/**
 * Reading a repository's AgentFactory config ({@code .donmai/config.yaml}) into a
 * {@link io.agentfactory.sdk.repoconfig.RepositoryConfig}: reactive and blocking.
 */
@NullMarked
package io.agentfactory.sdk.reactor.repoconfig;

import org.jspecify.annotations.NullMarked;
