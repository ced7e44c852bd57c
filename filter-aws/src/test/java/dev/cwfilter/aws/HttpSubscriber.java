package dev.cwfilter.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** An SNS HTTP subscription endpoint served by the test on loopback: keeps every POST it receives. */
public final class HttpSubscriber implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One POST: its headers and body. */
    public record Delivery(Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpServer server;
    private final List<Delivery> received = new CopyOnWriteArrayList<>();

    public HttpSubscriber() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                received.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()), body));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sns";
    }

    /** The notifications received (Type Notification), waiting up to {@code limit} for {@code count} of them. */
    public List<JsonNode> notifications(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            List<JsonNode> n = received.stream().map(Delivery::json)
                    .filter(j -> "Notification".equals(j.path("Type").asText())).toList();
            if (n.size() >= count || System.nanoTime() > deadline) {
                return n;
            }
            Thread.sleep(20);
        }
    }

    public List<Delivery> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
