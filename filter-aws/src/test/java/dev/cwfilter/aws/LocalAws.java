package dev.cwfilter.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;

/**
 * A loopback HTTP proxy in front of {@code moto_server}, for two things moto alone cannot do:
 * <ul>
 *   <li><b>CloudWatch's wire protocol.</b> SDK 2.59.1 calls CloudWatch with Smithy RPC v2 CBOR
 *       ({@code POST /service/GraniteServiceVersion20100801/operation/OP}, a CBOR body); moto 5.2.1 answers that path
 *       with 404 but implements the same operations under CloudWatch's JSON protocol (awsJson1_0), whose documents
 *       are the same trees. The proxy re-encodes the request's CBOR as JSON with the {@code X-Amz-Target} header, and
 *       moto's JSON answer (or error) as CBOR. Nothing is interpreted: the SDK's marshalling, signing, retries and
 *       error handling, and moto's CloudWatch, are the real ones.</li>
 *   <li><b>Faults.</b> Answers chosen by the test (throttling, 5xx) or no answer at all (a hanging connection), for
 *       the next requests of a service, before they reach moto.</li>
 * </ul>
 * Every other request is forwarded unchanged. Thread-safe.
 */
public final class LocalAws implements AutoCloseable {

    private static final Pattern CBOR_PATH = Pattern.compile("/service/([A-Za-z0-9]+)/operation/([A-Za-z0-9]+)");
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");
    private static final JsonFactory JSON = new JsonFactory();
    private static final CBORFactory CBOR = new CBORFactory();

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-aws");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    /** A fault for the next request whose service (and operation, if given) matches. */
    record Fault(String service, String operation, int status, String errorCode, boolean hang) {
    }

    private LocalAws(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A proxy in front of the shared moto endpoint. */
    public static LocalAws shared() {
        return in(Moto.endpoint());
    }

    /** A proxy in front of {@code target}. */
    public static LocalAws in(URI target) {
        try {
            return new LocalAws(target);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the proxy", e);
        }
    }

    /** The proxy's endpoint URL. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code count} requests of {@code service} (sns, monitoring, logs, s3) get an error answer. */
    public synchronized void failNext(String service, String operation, int count, int status, String errorCode) {
        for (int i = 0; i < count; i++) {
            faults.add(new Fault(service, operation, status, errorCode, false));
        }
    }

    /** The next {@code count} requests of {@code service} get no answer until the proxy closes. */
    public synchronized void hangNext(String service, int count) {
        for (int i = 0; i < count; i++) {
            faults.add(new Fault(service, null, 0, null, true));
        }
    }

    /** How many requests reached the proxy for {@code service:operation} (operation as the SDK names it). */
    public int calls(String service, String operation) {
        AtomicInteger n = calls.get(service + ":" + operation);
        return n == null ? 0 : n.get();
    }

    /** One line per request: {@code service:operation -> status}. */
    public List<String> log() {
        return List.copyOf(log);
    }

    private synchronized Fault takeFault(String service, String operation) {
        for (var it = faults.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.service.equals(service) && (f.operation == null || f.operation.equals(operation))) {
                it.remove();
                return f;
            }
        }
        return null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String service = service(exchange);
            String path = exchange.getRequestURI().getRawPath();
            Matcher cbor = CBOR_PATH.matcher(path);
            String operation = cbor.matches() ? cbor.group(2) : operation(exchange, body);
            calls.computeIfAbsent(service + ":" + operation, k -> new AtomicInteger()).incrementAndGet();
            Fault fault = takeFault(service, operation);
            if (fault != null && fault.hang) {
                log.add(service + ":" + operation + " -> hang");
                closing.await(120, TimeUnit.SECONDS);
                return;
            }
            if (fault != null) {
                log.add(service + ":" + operation + " -> " + fault.status + " " + fault.errorCode);
                answerFault(exchange, cbor.matches(), fault);
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path
                            + (exchange.getRequestURI().getRawQuery() == null ? ""
                            : "?" + exchange.getRequestURI().getRawQuery())))
                    .timeout(Duration.ofSeconds(60));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))
                        && !(cbor.matches() && isCborHeader(name))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            byte[] sent = body;
            if (cbor.matches()) {
                request.uri(URI.create(target + "/"));
                request.header("Content-Type", "application/x-amz-json-1.0");
                request.header("X-Amz-Target", cbor.group(1) + "." + operation);
                // The SDK gzips large PutMetricData bodies (the operation's request compression).
                byte[] plain = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body)).readAllBytes()
                        : body;
                sent = plain.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : transcode(CBOR, JSON, plain);
            }
            request.method(exchange.getRequestMethod(), sent.length == 0 && !hasBody(exchange)
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(sent));
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            log.add(service + ":" + operation + " -> " + response.statusCode());
            byte[] answer = response.body();
            response.headers().map().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!NOT_FORWARDED.contains(lower) && !lower.equals(":status") && !lower.equals("date")
                        && !lower.equals("server") && !(cbor.matches() && lower.equals("content-type"))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            if (cbor.matches()) {
                answer = answer.length == 0 ? transcode(JSON, CBOR, "{}".getBytes(StandardCharsets.UTF_8))
                        : transcode(JSON, CBOR, answer);
                exchange.getResponseHeaders().set("Content-Type", "application/cbor");
                exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
            }
            send(exchange, response.statusCode(), answer, exchange.getRequestMethod().equals("HEAD"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.add("proxy failure: " + e);
            throw e;
        }
    }

    private static boolean hasBody(HttpExchange exchange) {
        String m = exchange.getRequestMethod();
        return m.equals("POST") || m.equals("PUT");
    }

    private static boolean isCborHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("content-type") || lower.equals("smithy-protocol") || lower.equals("accept")
                || lower.equals("content-encoding");
    }

    private void answerFault(HttpExchange exchange, boolean cbor, Fault fault) throws IOException {
        String message = "injected by the test proxy";
        byte[] body;
        String service = service(exchange);
        if (cbor) {
            body = transcode(JSON, CBOR, ("{\"__type\":\"" + fault.errorCode + "\",\"message\":\"" + message + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            exchange.getResponseHeaders().set("Content-Type", "application/cbor");
            exchange.getResponseHeaders().set("smithy-protocol", "rpc-v2-cbor");
        } else if (service.equals("logs")) {
            body = ("{\"__type\":\"" + fault.errorCode + "\",\"message\":\"" + message + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        } else {
            String xml = service.equals("s3")
                    ? "<Error><Code>" + fault.errorCode + "</Code><Message>" + message + "</Message></Error>"
                    : "<ErrorResponse><Error><Type>Sender</Type><Code>" + fault.errorCode + "</Code><Message>"
                            + message + "</Message></Error><RequestId>fault</RequestId></ErrorResponse>";
            body = xml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
        }
        send(exchange, fault.status, body, false);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, boolean head) throws IOException {
        if (head || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The service a request is signed for: the fourth part of the SigV4 credential scope. */
    private static String service(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            Matcher m = Pattern.compile("Credential=[^/]+/\\d{8}/[^/]+/([^/]+)/aws4_request").matcher(auth);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "unsigned";
    }

    /** The operation of a query-protocol (Action=) or JSON-protocol (X-Amz-Target) request, else method and path. */
    private static String operation(HttpExchange exchange, byte[] body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null) {
            return target.substring(target.indexOf('.') + 1);
        }
        String form = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        Matcher action = Pattern.compile("(?:^|&)Action=([A-Za-z]+)").matcher(form);
        if (action.find()) {
            return action.group(1);
        }
        return exchange.getRequestMethod();
    }

    private static byte[] transcode(JsonFactory from, JsonFactory to, byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonParser p = from.createParser(bytes); JsonGenerator g = to.createGenerator(out)) {
            if (p.nextToken() != null) {
                g.copyCurrentStructure(p);
            }
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
