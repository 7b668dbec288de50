package io.weft.server.catalogue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/** Offerings and templates in the database; removed ones are found by id but never listed. */
public final class CatalogueStore {
    public void persist(Session session, Object entity) {
        session.persist(entity);
    }

    /** The offerings in use, smallest first. */
    public List<ServiceOffering> offerings(Session session) {
        return session.createSelectionQuery(
                        "from ServiceOffering where removed is null order by cpuNumber, memory, cpuSpeed, name",
                        ServiceOffering.class)
                .getResultList();
    }

    /** The offering with this id, removed or not. */
    public Optional<ServiceOffering> offering(Session session, UUID id) {
        return session.createSelectionQuery("from ServiceOffering where uuid = :uuid", ServiceOffering.class)
                .setParameter("uuid", id)
                .uniqueResultOptional();
    }

    /** The templates in use, oldest first, with their owners. */
    public List<Template> templates(Session session) {
        return session.createSelectionQuery(
                        "from Template t left join fetch t.account a left join fetch a.domain"
                                + " where t.removed is null order by t.created, t.name",
                        Template.class)
                .getResultList();
    }

    /** The template with this id, removed or not. */
    public Optional<Template> template(Session session, UUID id) {
        return session.createSelectionQuery("from Template where uuid = :uuid", Template.class)
                .setParameter("uuid", id)
                .uniqueResultOptional();
    }
}
