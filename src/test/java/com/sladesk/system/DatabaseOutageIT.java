package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.sladesk.SlaDeskApplication;
import com.sladesk.support.Cable;
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

}
