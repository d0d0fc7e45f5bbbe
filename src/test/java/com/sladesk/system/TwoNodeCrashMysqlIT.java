package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sladesk.support.ApiClient;
import com.sladesk.support.AppNode;
import com.sladesk.support.Eventually;
import com.sladesk.support.ShortTargets;

/**
 * Two nodes of the packaged app on one MariaDB share the timer work; one is killed with SIGKILL while warnings
 * fire. Every warning, breach and escalation is recorded once, those the dead node held within a minute of the
 * crash, with no incident. Runs with the mysql profile only (./mvnw verify -Pmysql, as .ci/run does), on its
 * own database {@code sladesk_nodes} of the same server.
 */
class TwoNodeCrashMysqlIT {

    private static final int REQUESTS = 240;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void killingANodeWhileWarningsFireLosesAndDoublesNothingAndItsTimersFireOnTheOtherWithinAMinute()
            throws Exception {
        String url = database("sladesk_nodes");
        // the first node creates the schema and the administrator on the empty database, then the second joins
        try (AppNode a = AppNode.start("node-a", url).awaitUp(Duration.ofMinutes(3));
                AppNode b = AppNode.start("node-b", url).awaitUp(Duration.ofMinutes(3))) {
            ApiClient apiA = new ApiClient(JSON, a.port());
            ApiClient apiB = new ApiClient(JSON, b.port());
            ShortTargets.deploy(apiA, "PT2M", "PT10M", 50);

            // races on two nodes: the same externalId, the same new customer
            String externalId = "race-" + UUID.randomUUID();
            List<HttpResponse<String>> same = both(apiA, request(externalId, "race-customer-1", Instant.now()),
                    apiB, request(externalId, "race-customer-1", Instant.now()));
            assertThat(same).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 200);
            assertThat(JSON.readTree(same.get(0).body()).path("key").asText())
                    .isEqualTo(JSON.readTree(same.get(1).body()).path("key").asText());
            String customer = "race-customer-" + UUID.randomUUID();
            List<HttpResponse<String>> newCustomer = both(apiA, request("c1-" + UUID.randomUUID(), customer,
                    Instant.now()), apiB, request("c2-" + UUID.randomUUID(), customer, Instant.now()));
            assertThat(newCustomer).extracting(HttpResponse::statusCode).containsOnly(201);
            try (Connection db = DriverManager.getConnection(url, "sladesk", "sladesk")) {
                assertThat(count(db, "select count(*) from service_request where external_id = '" + externalId + "'"))
                        .isOne();
                assertThat(count(db, "select count(*) from customer where customer_ref = '" + customer + "'")).isOne();
            }

            // given requests whose first-response warnings (at 50 % of two minutes) fall due over 15 seconds,
            // starting 45 seconds from now, created half through each node (their acknowledgements, due 30 seconds
            // after receipt, warn and breach while the others are being created)
            Instant start = Instant.now();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<HttpResponse<String>>> created = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                Instant warnAt = start.plusSeconds(45).plusMillis(15_000L * i / REQUESTS);
                ObjectNode body = request("storm-" + UUID.randomUUID(), "storm-customer", warnAt.minusSeconds(60));
                ApiClient api = i % 2 == 0 ? apiA : apiB;
                created.add(clients.submit(() -> api.post("/api/requests", "intake", body)));
            }
            for (Future<HttpResponse<String>> response : created) {
                assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(201);
            }
            clients.shutdown();
            assertThat(Duration.between(start, Instant.now())).as("requests created before the first warning")
                    .isLessThan(Duration.ofSeconds(45));

            // when node A is killed while it holds timer jobs, a few seconds into the warnings
            Instant crash;
            int orphans;
            try (Connection db = DriverManager.getConnection(url, "sladesk", "sladesk")) {
                sleepUntil(start.plusSeconds(51));
                Eventually.await("node A holding timer jobs", Duration.ofSeconds(15), () -> {
                    long held = count(db, "select count(*) from ACT_RU_JOB where LOCK_OWNER_ like 'node-a/%'");
                    return held > 0 ? Optional.of((int) held) : Optional.empty();
                });
                a.kill();
                crash = Instant.now();
                orphans = (int) count(db, "select count(*) from ACT_RU_JOB where LOCK_OWNER_ like 'node-a/%'");
            }
            System.out.printf("Node A killed at %s holding %d timer jobs%n", crash, orphans);

            // then all warnings, breaches and escalations are recorded, each once
            try (Connection db = DriverManager.getConnection(url, "sladesk", "sladesk")) {
                Eventually.await("every storm request warned, breached and escalated", Duration.ofMinutes(3),
                        () -> count(db, "select count(*) from sla_event e join service_request r on r.id = "
                                + "e.request_id where r.external_id like 'storm-%' and e.metric = 'FIRST_RESPONSE' "
                                + "and e.type in ('WARNING', 'BREACHED', 'ESCALATED')") == 3L * REQUESTS
                                        ? Optional.of(true) : Optional.empty());
                assertThat(count(db, "select count(*) from (select e.request_id, e.type, e.level, count(*) n "
                        + "from sla_event e join service_request r on r.id = e.request_id where r.external_id like "
                        + "'storm-%' group by e.request_id, e.metric, e.type, e.level having count(*) > 1) d"))
                        .isZero();
                assertThat(count(db, "select count(*) from notification n join service_request r on r.id = "
                        + "n.request_id where r.external_id like 'storm-%' and n.kind = 'WARNING'"
                        // (their acknowledgements, 30 seconds from receipt and never sent here, warn too)
                        + " and n.dedupe_key like '%/WARNING/FIRST_RESPONSE'"))
                        .isEqualTo(REQUESTS);

                // and nothing waited more than a minute past the crash or its own instant
                Map<String, Duration> latest = new HashMap<>();
                try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                        "select e.type, e.occurred_at, case e.type when 'WARNING' then c.warn_at else c.due_at end "
                                + "from sla_event e join sla_clock c on c.request_id = e.request_id and c.metric = "
                                + "e.metric join service_request r on r.id = e.request_id where r.external_id like "
                                + "'storm-%' and e.metric = 'FIRST_RESPONSE'")) {
                    while (rows.next()) {
                        Instant occurred = utc(rows.getObject(2, LocalDateTime.class));
                        Instant due = utc(rows.getObject(3, LocalDateTime.class));
                        Instant from = due.isBefore(crash) ? crash : due;
                        latest.merge(rows.getString(1), Duration.between(from, occurred),
                                (x, y) -> x.compareTo(y) > 0 ? x : y);
                    }
                }
                System.out.printf("Crash of node A at %s: latest event after max(crash, its instant): %s%n", crash,
                        latest);
                assertThat(latest.values()).allSatisfy(late -> assertThat(late).isLessThan(Duration.ofSeconds(60)));

                // and no incident, no job out of retries
                assertThat(count(db, "select count(*) from ACT_RU_INCIDENT")).isZero();
                assertThat(count(db, "select count(*) from ACT_RU_JOB where RETRIES_ = 0")).isZero();

                // and both nodes ran timers while both were up
                Map<String, Long> perNode = new HashMap<>();
                try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                        "select HOSTNAME_, count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 2 and TIMESTAMP_ < '"
                                + LocalDateTime.ofInstant(crash, ZoneOffset.UTC) + "' group by HOSTNAME_")) {
                    while (rows.next()) {
                        perNode.put(rows.getString(1), rows.getLong(2));
                    }
                }
                System.out.printf("Jobs run per node before the crash: %s%n", perNode);
                long byA = perNode.getOrDefault("node-a", 0L);
                long byB = perNode.getOrDefault("node-b", 0L);
                assertThat(Math.min(byA, byB)).as("the smaller node's share").isGreaterThan((byA + byB) / 10);
            }

            // and the surviving node logged no error for the races it handled
            assertThat(b.logLines()).filteredOn(line -> line.contains(" ERROR ")).isEmpty();
        }
    }

    /** The CI MariaDB's URL (SLADESK_DB_URL) with another database of the same server. */
    static String database(String name) throws SQLException {
        String url = System.getenv("SLADESK_DB_URL");
        if (url == null || !url.startsWith("jdbc:mysql:")) {
            throw new IllegalStateException("*MysqlIT runs with the mysql profile only: ./mvnw verify -Pmysql");
        }
        String other = url.replaceFirst("(jdbc:mysql://[^/]+/)[^?]*", "$1" + name);
        try (Connection root = DriverManager.getConnection(url, "sladesk", "sladesk");
                Statement statement = root.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name + " character set utf8mb4 collate utf8mb4_bin");
        }
        return other;
    }

    static ObjectNode request(String externalId, String customer, Instant receivedAt) {
        ObjectNode body = JSON.createObjectNode().put("channel", "API").put("externalId", externalId)
                .put("category", "BILLING").put("subject", "Invoice total looks wrong")
                .put("receivedAt", OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC).toString());
        body.putObject("customer").put("id", customer).put("name", "Customer " + customer).put("tier", "STANDARD");
        return body;
    }

    private static List<HttpResponse<String>> both(ApiClient first, ObjectNode firstBody, ApiClient second,
            ObjectNode secondBody) throws Exception {
        CompletableFuture<HttpResponse<String>> one = CompletableFuture.supplyAsync(() -> post(first, firstBody));
        CompletableFuture<HttpResponse<String>> two = CompletableFuture.supplyAsync(() -> post(second, secondBody));
        return List.of(one.get(), two.get());
    }

    private static HttpResponse<String> post(ApiClient api, ObjectNode body) {
        try {
            return api.post("/api/requests", "intake", body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static Instant utc(LocalDateTime value) {
        return value.toInstant(ZoneOffset.UTC);
    }

    static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
