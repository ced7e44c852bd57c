package dev.cwfilter.aws;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The local AWS endpoint the tests talk to: a real {@code moto_server}, never a mocked client.
 *
 * <p>Where the endpoint comes from, in order:
 * <ol>
 *   <li>the system property {@value #PROPERTY} or the environment variable {@value #ENV} (what {@code .ci/run} sets
 *       after starting {@code moto_server} on a free loopback port);</li>
 *   <li>otherwise, when {@code moto_server} is on the PATH, one server started by the first test that needs it, on a
 *       free loopback port, and stopped when the test JVM exits, so that {@code mvn -B verify} works anywhere moto is
 *       installed;</li>
 *   <li>otherwise the tests fail when the environment variable {@code CI} is set or the system property
 *       {@value #REQUIRED_PROPERTY} is true, and are skipped with a message saying how to run them if not.</li>
 * </ol>
 *
 * <p>Tests share the server and keep apart by unique resource names. {@link #startPrivate()} starts a server of a
 * test's own, for faults that stop it.
 */
public final class Moto {

    static final String PROPERTY = "cwfilter.aws.endpoint";
    static final String ENV = "CWFILTER_AWS_ENDPOINT";
    static final String REQUIRED_PROPERTY = "cwfilter.aws.required";
    public static final String ACCOUNT = "123456789012";
    public static final Region REGION = Region.US_EAST_1;
    public static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

    private static URI shared;

    private Moto() {
    }

    /** The shared endpoint, starting a server if needed; fails or skips the test when there is none. */
    public static synchronized URI endpoint() {
        if (shared != null) {
            return shared;
        }
        String given = Optional.ofNullable(System.getProperty(PROPERTY)).filter(s -> !s.isBlank())
                .orElse(System.getenv(ENV));
        if (given != null && !given.isBlank()) {
            shared = URI.create(given.trim());
            waitForPort(shared.getHost(), shared.getPort(), Duration.ofSeconds(30));
            return shared;
        }
        Optional<Path> binary = binary();
        if (binary.isEmpty()) {
            String how = "no AWS endpoint: set -D" + PROPERTY + "=http://127.0.0.1:PORT or " + ENV
                    + " to a running 'moto_server -H 127.0.0.1 -p PORT', or put moto_server (pip install"
                    + " 'moto[server]==5.2.1') on the PATH so that the tests start it";
            if (required()) {
                fail(how + " (required: CI or -D" + REQUIRED_PROPERTY + "=true)");
            }
            assumeTrue(false, how);
        }
        Server server = start(binary.get());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "moto-stop"));
        shared = server.endpoint();
        return shared;
    }

    /** A server of the caller's own, on its own port; stop it when done. */
    public static Server startPrivate() {
        endpoint(); // fails or skips as the shared one would
        Optional<Path> binary = binary();
        assumeTrue(binary.isPresent() || !required(), "moto_server is not on the PATH");
        if (binary.isEmpty()) {
            fail("a test that stops its own server needs moto_server on the PATH");
        }
        return start(binary.get());
    }

    private static boolean required() {
        String ci = System.getenv("CI");
        return (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"))
                || Boolean.getBoolean(REQUIRED_PROPERTY);
    }

    private static Optional<Path> binary() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "moto_server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }

    private static Server start(Path binary) {
        int port = freePort();
        try {
            Path log = Files.createTempFile("moto-" + port + "-", ".log");
            Process p = new ProcessBuilder(binary.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Server server = new Server(p, URI.create("http://127.0.0.1:" + port), log);
            try {
                waitForPort("127.0.0.1", port, Duration.ofSeconds(60));
            } catch (AssertionError e) {
                server.stop();
                throw new AssertionError(e.getMessage() + "; its output: " + Files.readString(log), e);
            }
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + binary, e);
        }
    }

    private static void waitForPort(String host, int port, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(host, port)) {
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        fail("no AWS endpoint answers at " + host + ":" + port + " after " + limit.toSeconds() + " s");
    }

    /** A moto_server process. */
    public record Server(Process process, URI endpoint, Path log) implements AutoCloseable {

        /** Stops the server and waits for it to exit. */
        public void stop() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            stop();
        }
    }
}
