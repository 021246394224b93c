package org.centerline.stackprocess;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

/** A stand-in for a Boot service in tests: answers /actuator/health/readiness on --server.port, or exits at once if its working dir has a file named fail. */
public final class StubService {

    public static void main(String[] args) throws Exception {
        int port = 0;
        for (String a : args) {
            if (a.startsWith("--server.port=")) {
                port = Integer.parseInt(a.substring("--server.port=".length()));
            }
        }
        System.out.println("stub starting with " + String.join(" ", args));
        if (java.nio.file.Files.exists(java.nio.file.Path.of("fail"))) {
            System.out.println("stub failing on purpose");
            System.exit(3);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("stub stopping")));
        server.start();
    }
}
