import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;

import org.apache.velocity.runtime.RuntimeInstance;
import org.apache.velocity.runtime.log.NullLogChute;
import org.apache.velocity.runtime.parser.node.SimpleNode;

/**
 * Velocity 1.7's parse time for one template: the JVM column of Benchmarks/run.py's
 * parse scenario. Parsing only, with RuntimeInstance.parse, so the figure is comparable
 * to `vtl bench --parse` (no rendering, no resource loading, no per-node init).
 *
 * Usage: java ParseBench TEMPLATE ITERATIONS [ROUNDS]
 * Prints each round on stderr and the median nanoseconds per parse as the last stdout line.
 */
public final class ParseBench {
    /** Keeps the parsed trees observable, so the JIT cannot drop the work. */
    private static long sink;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ParseBench TEMPLATE ITERATIONS [ROUNDS]");
            System.exit(64);
        }
        String name = args[0];
        String text = new String(Files.readAllBytes(Paths.get(name)), StandardCharsets.UTF_8);
        int iterations = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        RuntimeInstance velocity = new RuntimeInstance();
        // Logging off: Velocity logs warnings while parsing, which would be timed as parse work.
        velocity.setProperty(RuntimeInstance.RUNTIME_LOG_LOGSYSTEM_CLASS, NullLogChute.class.getName());
        velocity.setProperty(RuntimeInstance.INPUT_ENCODING, "UTF-8");
        velocity.init();

        // Warm up by time rather than count: the JIT needs seconds, whatever the template's size.
        long warmUntil = System.nanoTime() + 3_000_000_000L;
        int warmups = 0;
        while (System.nanoTime() < warmUntil || warmups < 20) {
            parseOnce(velocity, text, name);
            warmups++;
        }

        double[] perParse = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                parseOnce(velocity, text, name);
            }
            perParse[round] = (double) (System.nanoTime() - start) / iterations;
            System.err.printf("round %d: %d ns/parse%n", round + 1, (long) perParse[round]);
        }
        Arrays.sort(perParse);
        System.err.printf("(%d warm-up parses, %d top-level nodes)%n", warmups, sink / (warmups + (long) iterations * rounds));
        System.out.println((long) perParse[rounds / 2]);
    }

    private static void parseOnce(RuntimeInstance velocity, String text, String name) throws Exception {
        SimpleNode tree = velocity.parse(new StringReader(text), name);
        sink += tree.jjtGetNumChildren();
    }
}
