package io.weft.server.persistence;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import java.util.List;

/**
 * The mapped classes, each contributed by the module of the feature that owns it: the session factory
 * registers exactly their union (no classpath scan), and persistence names no feature above it.
 */
public final class PersistentEntities {
    /** Persistence's own: the outbox every writer appends to. */
    static final List<Class<?>> OWN = List.of(ChangeRecord.class);

    private static final TypeLiteral<Class<?>> ENTITY = new TypeLiteral<>() {};

    private PersistentEntities() {}

    /** Adds a feature's entities; call from its module's {@code configure}. */
    public static void contribute(Binder binder, List<Class<?>> entities) {
        Multibinder<Class<?>> set = Multibinder.newSetBinder(binder, ENTITY);
        entities.forEach(entity -> set.addBinding().toInstance(entity));
    }
}
