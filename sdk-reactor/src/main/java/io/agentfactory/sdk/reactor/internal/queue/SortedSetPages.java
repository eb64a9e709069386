package io.agentfactory.sdk.reactor.internal.queue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScoredValue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A sorted set read in pages of {@code ZRANGEBYSCORE … WITHSCORES LIMIT}, by score then member,
 * each page fetched only when the one before was consumed. A page continues from the last score
 * read, skipping the members of that score already emitted, so members added or removed meanwhile
 * move the cursor by their own count at most. Not API.
 */
public final class SortedSetPages {

    /** One member and its score. */
    public record Member(String value, double score) {
    }

    private record Page(List<Member> members, boolean first, double fromScore, long skip) {
    }

    private SortedSetPages() {
    }

    /** The pages of {@code key}, {@code size} members each (the last may be shorter, never empty but for an empty set). */
    public static Flux<List<Member>> of(RedisPipeline redis, String key, int size) {
        return fetch(redis, key, size, true, 0, 0)
                .expand(page -> page.members().size() < size ? Mono.empty() : next(redis, key, size, page))
                .map(Page::members)
                .filter(members -> !members.isEmpty());
    }

    private static Mono<Page> next(RedisPipeline redis, String key, int size, Page page) {
        List<Member> members = page.members();
        double last = members.get(members.size() - 1).score();
        long equal = members.stream().filter(m -> m.score() == last).count();
        long skip = !page.first() && page.fromScore() == last ? page.skip() + equal : equal;
        return fetch(redis, key, size, false, last, skip);
    }

    private static Mono<Page> fetch(RedisPipeline redis, String key, int size, boolean first, double from, long skip) {
        Range<Double> range = first ? Range.unbounded()
                : Range.from(Range.Boundary.including(from), Range.Boundary.unbounded());
        return redis.<ScoredValue<byte[]>>flux("ZRANGEBYSCORE", key,
                        c -> c.zrangebyscoreWithScores(key, range, Limit.create(skip, size)))
                .map(v -> new Member(new String(v.getValue(), StandardCharsets.UTF_8), v.getScore()))
                .collectList()
                .map(members -> new Page(members, first, from, skip));
    }
}
