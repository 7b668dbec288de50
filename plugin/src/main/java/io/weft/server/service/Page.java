package io.weft.server.service;

import io.weft.server.error.WeftException;

/** Which slice of a list to return: skip {@code offset} items, then at most {@code limit}. */
public record Page(int offset, int limit) {
    public static final Page ALL = new Page(0, Integer.MAX_VALUE);

    public Page {
        if (offset < 0 || limit < 1) {
            throw WeftException.invalid("page offset " + offset + " or limit " + limit + " out of range");
        }
    }

    /** CloudStack's 1-based {@code page} of {@code pageSize} items. */
    public static Page number(int page, int pageSize) {
        if (page < 1 || pageSize < 1) {
            throw WeftException.invalid("page and pagesize must be positive");
        }
        long offset = (long) (page - 1) * pageSize;
        return new Page((int) Math.min(offset, Integer.MAX_VALUE), pageSize);
    }
}
