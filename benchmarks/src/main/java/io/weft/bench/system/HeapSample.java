package io.weft.bench.system;

/** Heap in use at a second of a measurement (seconds since it started). */
public record HeapSample(long second, double heapUsedMiB) {}
