/** Strict reading of the hand-written JSON catalogues. */
package io.weft.spec.json;
