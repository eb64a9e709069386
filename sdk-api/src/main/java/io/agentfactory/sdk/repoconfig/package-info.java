/**
 * A repository's own AgentFactory configuration ({@code .donmai/config.yaml}, kind
 * {@code RepositoryConfig}): which projects the repository allows, where they live, and the package
 * manager and build / test / validate commands each uses. Values only; reading the file is done by
 * the implementation module.
 */
@NullMarked
package io.agentfactory.sdk.repoconfig;

import org.jspecify.annotations.NullMarked;
