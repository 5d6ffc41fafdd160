package io.accessgov.dynamics.scim;

import io.accessgov.dynamics.web.Page;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * SCIM's index paging ({@code startIndex}, {@code count}, {@code totalResults}; RFC 7644 §3.4.2.4) over the REST
 * features' cursor paging, which is all Dataverse offers. Where each page of a list starts is remembered (the REST
 * page token of that position, which is opaque, tamper-evident and bound to its environment and filters), so a
 * client paging through a list in order costs one Dataverse request per page; the total of a list that spans several
 * pages is counted by reading it at Dataverse's largest page size, and trusted for {@link #TOTALS_KEPT}. At most
 * {@link #REMEMBERED} positions and totals are kept.
 */
@Component
class IndexPaging {

    /** How many lists' positions and totals are remembered; the oldest are forgotten first. */
    static final int REMEMBERED = 2_000;

    /** The page size a total is counted with: Dataverse's largest. */
    static final int COUNTING_PAGE_SIZE = 5_000;

    /** How long a counted total is trusted: accounts and teams come and go. */
    static final Duration TOTALS_KEPT = Duration.ofSeconds(60);

    private final Map<String, String> cursors = lru();
    private final Map<String, Counted> totals = lru();
    private final Clock clock;

    IndexPaging() {
        this(Clock.systemUTC());
    }

    IndexPaging(Clock clock) {
        this.clock = clock;
    }

    private record Counted(int total, Instant at) {}

    /** One page of a list as SCIM shows it. */
    record IndexedPage<T>(List<T> items, int startIndex, int totalResults) {}

    /** Reads one REST page of a list: the page size (null when paging on with a token) and the token. */
    interface Lister<T> {
        Page<T> page(@Nullable Integer pageSize, @Nullable String pageToken);
    }

    /**
     * The items at positions {@code startIndex …} of the list, at most {@code count} of them.
     *
     * @param list names the list and its filters in its environment; positions are remembered under it
     */
    <T> IndexedPage<T> page(String list, int startIndex, int count, Lister<T> lister) {
        int size = Math.max(count, 1);
        int position = 1;
        String token = null;
        Optional<Map.Entry<Integer, String>> cursor = nearestCursor(list, size, startIndex);
        if (cursor.isPresent()) {
            position = cursor.get().getKey();
            token = cursor.get().getValue();
        }
        List<T> items = new ArrayList<>();
        boolean last = false;
        while (true) {
            Page<T> page = token == null ? lister.page(size, null) : lister.page(null, token);
            for (T item : page.items()) {
                if (position >= startIndex && items.size() < count) {
                    items.add(item);
                }
                position++;
            }
            if (page.nextPageToken() == null) {
                last = true;
                break;
            }
            token = page.nextPageToken();
            remember(cursors, key(list, size, position), token);
            if (items.size() >= count) {
                break;
            }
        }
        int total;
        if (last) {
            total = position - 1;
            remember(totals, list, new Counted(total, clock.instant()));
        } else {
            total = total(list, lister);
        }
        return new IndexedPage<>(items, startIndex, total);
    }

    private <T> int total(String list, Lister<T> lister) {
        Counted known = remembered(totals, list);
        if (known != null && known.at().plus(TOTALS_KEPT).isAfter(clock.instant())) {
            return known.total();
        }
        int total = 0;
        Page<T> page = lister.page(COUNTING_PAGE_SIZE, null);
        total += page.items().size();
        while (page.nextPageToken() != null) {
            page = lister.page(null, page.nextPageToken());
            total += page.items().size();
        }
        remember(totals, list, new Counted(total, clock.instant()));
        return total;
    }

    /** The remembered position closest before {@code startIndex} where a page of {@code size} starts. */
    private Optional<Map.Entry<Integer, String>> nearestCursor(String list, int size, int startIndex) {
        synchronized (cursors) {
            Map.Entry<Integer, String> best = null;
            for (int position = startIndex; position > 1 && best == null; position--) {
                String token = cursors.get(key(list, size, position));
                if (token != null) {
                    best = Map.entry(position, token);
                }
                if (startIndex - position > size) {
                    break; // a page of this size starts at most one page before startIndex
                }
            }
            return Optional.ofNullable(best);
        }
    }

    private static String key(String list, int size, int position) {
        return list + "|" + size + "|" + position;
    }

    private static <V> void remember(Map<String, V> map, String key, V value) {
        synchronized (map) {
            map.put(key, value);
        }
    }

    private static <V> @Nullable V remembered(Map<String, V> map, String key) {
        synchronized (map) {
            return map.get(key);
        }
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
