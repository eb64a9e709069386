package io.agentfactory.sdk.examples;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import io.agentfactory.sdk.error.AgentFactoryException;

/**
 * One example as the demo and a {@code main} run it: against the given services, printing
 * readable lines to {@code out}, blocking until done (call it from {@code main} or a test, never
 * from a reactive pipeline).
 */
@FunctionalInterface
public interface Example {

    /**
     * Runs the example.
     *
     * @param services the services to use
     * @param out where lines of output go; called from any thread
     * @return whether every check the example makes passed
     */
    boolean run(ExampleServices services, Consumer<String> out);

    /**
     * The body of an example's {@code main}: {@link #exitStatus runs}
     * {@code example} with the process environment, printing to standard output, and exits with
     * its status.
     */
    static void launch(String[] args, Example example) {
        System.exit(exitStatus(args, System.getenv(), example, System.out::println));
    }

    /** How long the clients' warm-up may take before the example gives up. */
    Duration WARMUP_LIMIT = Duration.ofSeconds(30);

    /**
     * Parses {@code args}, connects as they and {@code environment} say (see
     * {@link ExampleServices}), runs {@code example} and closes everything.
     *
     * @return 0 when the example's checks passed, 1 when they did not or it failed, 2 for bad arguments
     */
    static int exitStatus(String[] args, Map<String, String> environment, Example example, Consumer<String> out) {
        ExampleArguments arguments;
        try {
            arguments = ExampleArguments.parse(args);
        }
        catch (IllegalArgumentException e) {
            out.accept("error: " + e.getMessage());
            return 2;
        }
        try (ExampleServices services = ExampleServices.connect(arguments, environment)) {
            // What a service does before it serves: the first real call then skips the HTTP stack's set-up.
            services.warmup().block(WARMUP_LIMIT);
            out.accept("Running against " + services.description());
            return example.run(services, out) ? 0 : 1;
        }
        catch (RuntimeException e) {
            out.accept("FAILED: " + describe(e));
            return 1;
        }
    }

    /** A failure in one line: the SDK's typed errors by kind, others by class, with the message. */
    static String describe(Throwable failure) {
        if (failure instanceof AgentFactoryException e) {
            return e.getClass().getSimpleName() + " [" + e.kind() + (e.isRetryable() ? ", retryable" : "") + "]: "
                    + e.getMessage();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
