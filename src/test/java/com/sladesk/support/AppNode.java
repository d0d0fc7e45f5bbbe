package com.sladesk.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The packaged app (target/sla-desk-*.jar) in its own JVM with the mysql profile and the shipped job executor
 * settings, as an operator runs a node: it can be killed with SIGKILL. Its output goes to target/nodes/NAME.log.
 */
public final class AppNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a node named {@code name} (also its Camunda host name) on the database at {@code jdbcUrl}. */
    public static AppNode start(String name, String jdbcUrl) throws IOException {
        int port = freePort();
        Path log = Path.of("target", "nodes", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Xshare:off", "-jar", jar().toString(),
                "--spring.profiles.active=mysql", "--server.port=" + port, "--sladesk.demo-data=true",
                "--sladesk.survey.secret=node-test-survey-secret-0123456789",
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--spring.main.banner-mode=off"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SLADESK_DB_URL", jdbcUrl);
        builder.environment().putIfAbsent("SLADESK_DB_USER", "sladesk");
        builder.environment().putIfAbsent("SLADESK_DB_PASSWORD", "sladesk");
        builder.environment().put("SLADESK_ADMIN_PASSWORD", ApiClient.DEMO_PASSWORD);
        return new AppNode(name, port, builder.start(), log);
    }

    /** Waits until /actuator/health answers UP; a node that does not come up is stopped. */
    public AppNode awaitUp(Duration timeout) throws Exception {
        try {
            Eventually.await(name + " up", timeout, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
                }
                return health() == 200 ? Optional.of(true) : Optional.empty();
            });
            return this;
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    public int health() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    /** kill -9: no shutdown hook runs, the jobs it locked stay locked. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("sla-desk-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged app in target" + File.separator
                            + ": run ./mvnw verify (the package phase builds it)"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
