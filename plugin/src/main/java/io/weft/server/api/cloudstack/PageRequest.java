package io.weft.server.api.cloudstack;

import static java.util.Objects.requireNonNull;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.util.Optional;

/**
 * The {@code page}/{@code pagesize} pair of a list command, with CloudStack's rules (§1.6):
 * 1-based pages, page size capped at the default, {@code pagesize=-1} unlimited and only without
 * {@code page}, and one without the other an error.
 *
 * @param limit the page size, empty for unlimited
 */
public record PageRequest(int page, Optional<Integer> limit) {
    public PageRequest {
        requireNonNull(limit, "limit is null");
    }

    public static PageRequest from(Params params, int defaultPageSize) {
        Optional<Long> page = params.number("page");
        Optional<Long> pageSize = params.number("pagesize");
        if (page.isEmpty() && pageSize.isEmpty()) {
            return new PageRequest(1, Optional.of(defaultPageSize));
        }
        if (pageSize.isPresent() && pageSize.get() == -1 && page.isEmpty()) {
            return new PageRequest(1, Optional.empty());
        }
        if (page.isEmpty() || pageSize.isEmpty()) {
            throw new WeftException(
                    ErrorCode.INVALID_PARAMETER, "\"page\" and \"pagesize\" parameters must be specified together");
        }
        if (page.get() < 1 || page.get() > Integer.MAX_VALUE) {
            throw params.invalid("page", page.get().toString());
        }
        if (pageSize.get() < 1) {
            throw params.invalid("pagesize", pageSize.get().toString());
        }
        return new PageRequest(page.get().intValue(), Optional.of((int) Math.min(pageSize.get(), defaultPageSize)));
    }

    /** The index of the first item of this page. */
    public long offset() {
        return limit.map(size -> (long) (page - 1) * size).orElse(0L);
    }
}
