/**
 * Reading small YAML configuration files safely: bounded size, strict UTF-8, a node tree with line
 * numbers built under explicit limits, and typed access whose errors name the file and line. Not API.
 */
@NullMarked
package io.agentfactory.sdk.reactor.internal.configfile;

import org.jspecify.annotations.NullMarked;
