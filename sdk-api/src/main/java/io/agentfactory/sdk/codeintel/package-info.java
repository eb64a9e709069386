/**
 * Code intelligence over one repository: the {@link io.agentfactory.sdk.codeintel.CodeIntel} queries
 * (symbol search, BM25 code search, near-duplicate check), the symbols extractors produce, the
 * {@link io.agentfactory.sdk.codeintel.Extractor} SPI, and the query and result values. Values
 * only; indexing and querying are done by the implementation module.
 */
@NullMarked
package io.agentfactory.sdk.codeintel;

import org.jspecify.annotations.NullMarked;
