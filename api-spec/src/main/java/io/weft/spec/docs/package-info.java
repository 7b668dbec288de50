/** Generates the API references in {@code docs/api/} from the catalogues. */
package io.weft.spec.docs;
