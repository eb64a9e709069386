package io.agentfactory.sdk.orchestrator;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where issues come from (Linear, or anything else). Implementations are non-blocking and fetch
 * pages only as the subscriber asks for them.
 */
public interface IssueSource {

    /**
     * The issues of {@code project} in the given workflow states, in the tracker's order, every page.
     * Fails with an {@link io.agentfactory.sdk.error.AgentFactoryException} (authentication, rate
     * limit, server error, GraphQL errors); a blank project is an
     * {@link io.agentfactory.sdk.error.InvalidArgumentException} before anything is sent.
     */
    Flux<Issue> issues(String project, List<String> states);

    /** The issues of {@code project} in the {@code Backlog} state. */
    default Flux<Issue> backlog(String project) {
        return issues(project, List.of("Backlog"));
    }

    /**
     * One issue by id or identifier ({@code ENG-42}); a
     * {@link io.agentfactory.sdk.error.NotFoundException} when there is none.
     */
    Mono<Issue> issue(String idOrIdentifier);
}
