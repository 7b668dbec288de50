/** The CloudStack-compatible API: command catalogue, {@code listApis} rendering and parameter checks. */
package io.weft.spec.cloudstack;
