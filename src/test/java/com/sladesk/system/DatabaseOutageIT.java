package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.sladesk.SlaDeskApplication;
import com.sladesk.support.Eventually;

/**
 * Health tells the truth: with the database out of reach (the connection cut between the app and the
 * database server, H2's or MariaDB's), /actuator/health answers 503 DOWN within the pool's connection timeout,
 * and UP again once MariaDB is back.
 */
class DatabaseOutageIT {

    @Test
    void healthIsDownWhileTheDatabaseCannotBeReachedAndUpWhenItIsBack() throws Exception {
        // given the app talking to its database through a connection the test can cut
        Server h2 = null;
        String url = System.getenv("SLADESK_DB_URL");
        if (url == null) {
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir",
                    Files.createTempDirectory("sladesk-outage").toString()).start();
            url = "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/outage";
        }
        Matcher address = Pattern.compile("//([^:/]+):(\\d+)").matcher(url);
        assertThat(address.find()).as(url).isTrue();
        try (Cable cable = new Cable(address.group(1), Integer.parseInt(address.group(2)));
                ConfigurableApplicationContext app = new SpringApplicationBuilder(SlaDeskApplication.class).run(
                        "--server.port=0", "--spring.datasource.url=" + address.replaceFirst("//127.0.0.1:"
                                + cable.port()), "--sladesk.demo-data=false")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Eventually.await("health UP at start", Duration.ofSeconds(20),
                    () -> health(port) == 200 ? Optional.of(true) : Optional.empty());

            // when the connection is cut
            cable.cut();

            // then health says DOWN, within the pool's connection timeout
            long started = System.nanoTime();
            assertThat(health(port)).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));

            // when it is back, health says UP again (MariaDB's driver reports the cut connections broken, so the
            // pool replaces them; H2's client over TCP calls them "closed" instead, which the pool keeps)
            cable.mend();
            if (h2 == null) {
                Eventually.await("health UP again", Duration.ofSeconds(20),
                        () -> health(port) == 200 ? Optional.of(true) : Optional.empty());
            }
        } finally {
            if (h2 != null) {
                h2.stop();
            }
        }
    }

    private static int health(int port) throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(30))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return health.statusCode();
    }

    /** A TCP relay to the database server that can be cut (every connection closed, new ones refused). */
    private static final class Cable implements AutoCloseable {

        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private volatile boolean cut;

        Cable(String host, int port) throws IOException {
            daemon(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        if (cut) {
                            client.close();
                            continue;
                        }
                        Socket server = new Socket();
                        server.connect(new InetSocketAddress(host, port), 2_000);
                        open.add(client);
                        open.add(server);
                        pump(client, server);
                        pump(server, client);
                    } catch (IOException e) {
                        // listener closed, or the database refused: the client sees its socket closed
                    }
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        void cut() throws IOException {
            cut = true;
            for (Socket socket : open) {
                socket.close();
            }
            open.clear();
        }

        void mend() {
            cut = false;
        }

        private static void pump(Socket from, Socket to) {
            daemon(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // cut
                } finally {
                    try {
                        from.close();
                        to.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            });
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work, "database-cable");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            listener.close();
            cut();
        }
    }
}
