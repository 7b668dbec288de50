package io.weft.bench.system.ovn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.weft.bench.scenario.ScenarioShape;

/**
 * Runs {@link OvnBenchmark} and prints {@link OvnFigures} as JSON on stdout.
 *
 * <p>Run as root: {@code java -cp benchmarks/target/classes:benchmarks/target/lib/*
 * io.weft.bench.system.ovn.OvnReport S|M [seed] [repeats]}.
 */
public final class OvnReport {

    private OvnReport() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: OvnReport S|M|L [seed] [repeats]");
            System.exit(2);
        }
        ScenarioShape shape = ScenarioShape.named(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        OvnFigures figures = OvnBenchmark.run(shape, seed, repeats);
        System.out.println(
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
    }
}
