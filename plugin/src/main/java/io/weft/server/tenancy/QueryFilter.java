package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import io.weft.server.service.Page;
import io.weft.server.service.Paged;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * The conditions of a list query, built once and applied to both its count and its page, so that
 * {@code total} always counts what the pages hold.
 */
public final class QueryFilter {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds {@code condition}, which names the parameter {@code :name}. */
    public QueryFilter where(String condition, String name, Object value) {
        conditions.add(requireNonNull(condition, "condition is null"));
        parameters.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
        return this;
    }

    /** Adds a condition that takes no parameter. */
    public QueryFilter where(String condition) {
        conditions.add(requireNonNull(condition, "condition is null"));
        return this;
    }

    /** Keeps rows whose {@code attribute} is one of {@code values}, when any are given. */
    public QueryFilter in(String attribute, String name, Collection<?> values) {
        return values.isEmpty() ? this : where(attribute + " in :" + name, name, List.copyOf(values));
    }

    /** Case-insensitive substring match, as CloudStack's {@code keyword}. */
    public QueryFilter containing(String attribute, String name, String keyword) {
        String pattern = "%"
                + keyword.toLowerCase(Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_") + "%";
        return where("lower(" + attribute + ") like :" + name + " escape '!'", name, pattern);
    }

    /** Rows whose owner (account alias {@code account}, domain alias {@code domain}) the caller may see. */
    public QueryFilter visible(Visibility visibility, String account, String domain) {
        visibility.accountId().ifPresent(id -> where(account + ".uuid = :visibleAccount", "visibleAccount", id));
        visibility
                .domainPathPattern()
                .ifPresent(pattern -> where(domain + ".path like :visiblePath escape '!'", "visiblePath", pattern));
        return this;
    }

    public String whereClause() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Runs {@code select from ... [where] order} for one page, and the count over the same rows. */
    public <T> Paged<T> page(Session session, String select, String from, String orderBy, Class<T> type, Page page) {
        SelectionQuery<Long> count = session.createSelectionQuery(
                "select count(*) " + from.replace("join fetch", "join") + whereClause(), Long.class);
        parameters.forEach(count::setParameter);
        long total = count.getSingleResult();
        if (total == 0 || page.offset() >= total) {
            return new Paged<>(List.of(), total);
        }
        SelectionQuery<T> query =
                session.createSelectionQuery(select + " " + from + whereClause() + " order by " + orderBy, type);
        parameters.forEach(query::setParameter);
        query.setFirstResult(page.offset());
        if (page.limit() != Integer.MAX_VALUE) {
            query.setMaxResults(page.limit());
        }
        return new Paged<>(query.getResultList(), total);
    }

    /** Every matching row, in order. */
    public <T> List<T> list(Session session, String select, String from, String orderBy, Class<T> type) {
        SelectionQuery<T> query =
                session.createSelectionQuery(select + " " + from + whereClause() + " order by " + orderBy, type);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
