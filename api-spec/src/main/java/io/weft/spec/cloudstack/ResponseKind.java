package io.weft.spec.cloudstack;

/**
 * The shape of a command's result: the reply of a sync command, or the {@code jobresult} of an async one.
 * Every shape sits under the {@code <command>response} envelope.
 */
public enum ResponseKind {
    /** {@code {"count": n, "<object>": [ … ]}}; an empty list is {@code {}}. */
    LIST,
    /** {@code {"<object>": { … }}}. */
    OBJECT,
    /** {@code {"success": true}}. */
    SUCCESS,
    /** The object's fields sit directly under the envelope ({@code queryAsyncJobResult}). */
    INLINE
}
