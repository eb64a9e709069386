package io.agentfactory.sdk.error;

import java.util.List;

/**
 * A session selector is a prefix of more than one id and equals none of them. Lists the candidates
 * (sorted, at most {@link #CANDIDATE_LIMIT}) so that the caller can pick one. Nothing was changed.
 */
public class AmbiguousSelectorException extends AgentFactoryException {

    private static final long serialVersionUID = 1L;

    /** The most candidates an exception lists. */
    public static final int CANDIDATE_LIMIT = 20;

    private final String selector;
    private final List<String> candidates;
    private final long matches;

    /**
     * @param selector the selector
     * @param candidates the first matching ids in order (copied; at most {@link #CANDIDATE_LIMIT} kept)
     * @param matches how many ids matched in all
     */
    public AmbiguousSelectorException(String selector, List<String> candidates, long matches) {
        super(ErrorKind.BAD_REQUEST, null, null, "selector \"" + selector + "\" matches " + matches + " ids: "
                + String.join(", ", candidates.subList(0, Math.min(CANDIDATE_LIMIT, candidates.size())))
                + (matches > CANDIDATE_LIMIT ? ", …" : ""), null);
        this.selector = selector;
        this.candidates = List.copyOf(candidates.subList(0, Math.min(CANDIDATE_LIMIT, candidates.size())));
        this.matches = matches;
    }

    /** The selector as given. */
    public String selector() {
        return selector;
    }

    /** The matching ids, sorted, at most {@link #CANDIDATE_LIMIT}. */
    public List<String> candidates() {
        return candidates;
    }

    /** How many ids matched in all. */
    public long matches() {
        return matches;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
