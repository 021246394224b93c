package org.centerline.localstack.services;

/**
 * One row of the service table: what the local stack runs as a child JVM, from which jar, on which port.
 *
 * @param name the service's name, also its log file name and the value of {@code --services}
 * @param jar  the Boot fat jar's file name in the services folder ({@code local-stack/target/services})
 * @param port the HTTP port it is told to use ({@code --server.port})
 */
public record ServiceSpec(String name, String jar, int port) {

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String healthUrl() {
        return baseUrl() + "/actuator/health";
    }

    public String readinessUrl() {
        return healthUrl() + "/readiness";
    }
}
