/**
 * Machine-readable catalogues of the APIs Weft speaks. The server routes, validates and documents from them,
 * so the documentation and the code cannot drift apart.
 */
package io.weft.spec;
