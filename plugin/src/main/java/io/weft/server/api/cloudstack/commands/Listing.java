package io.weft.server.api.cloudstack.commands;

import io.weft.server.api.cloudstack.ApiConfig;
import io.weft.server.api.cloudstack.CloudStackResult;
import io.weft.server.api.cloudstack.PageRequest;
import io.weft.server.api.cloudstack.Params;
import io.weft.server.service.Page;
import io.weft.server.service.Paged;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Paging, {@code id} and {@code keyword} for list commands whose service returns every visible
 * item (tenancy and topology are small), and the page translation for services that page in SQL.
 */
final class Listing {
    private Listing() {}

    /** Filters {@code all} by {@code id}, {@code name} and {@code keyword}, then cuts the page. */
    static <T> CloudStackResult of(
            String key,
            List<T> all,
            Params params,
            ApiConfig api,
            Function<T, UUID> id,
            Function<T, String> name,
            Predicate<T> more,
            Function<T, ?> render) {
        PageRequest page = PageRequest.from(params, api.defaultPageSize());
        Optional<UUID> wantedId = params.uuid("id");
        Optional<String> wantedName = params.get("name");
        Optional<String> keyword = params.get("keyword").map(word -> word.toLowerCase(Locale.ROOT));
        List<T> matching = all.stream()
                .filter(item -> wantedId.map(w -> w.equals(id.apply(item))).orElse(true))
                .filter(item -> wantedName
                        .map(w -> w.equalsIgnoreCase(name.apply(item)))
                        .orElse(true))
                .filter(item -> keyword.map(
                                w -> name.apply(item).toLowerCase(Locale.ROOT).contains(w))
                        .orElse(true))
                .filter(more)
                .toList();
        List<?> items = matching.stream()
                .skip(page.offset())
                .limit(page.limit().map(Integer::longValue).orElse(Long.MAX_VALUE))
                .map(render)
                .toList();
        return CloudStackResult.list(key, items, matching.size());
    }

    /** The service-side page for {@code page}/{@code pagesize}. */
    static Page page(Params params, ApiConfig api) {
        PageRequest page = PageRequest.from(params, api.defaultPageSize());
        return page.limit().map(size -> new Page((int) page.offset(), size)).orElse(Page.ALL);
    }

    static <T> CloudStackResult of(String key, Paged<T> paged, Function<T, ?> render) {
        return CloudStackResult.list(key, paged.items().stream().map(render).toList(), paged.total());
    }
}
