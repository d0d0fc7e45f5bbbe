package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sladesk.support.ApiClient;
import com.sladesk.support.AppNode;
import com.sladesk.support.Cable;
import com.sladesk.support.Eventually;
import com.sladesk.support.ShortTargets;

/**
 * The database goes away under a running node of the packaged app (mysql profile only: ./mvnw verify -Pmysql, as
 * .ci/run does), on a database {@code sladesk_outage} of its own on the same server.
 */
class DatabaseOutageMysqlIT {

    /**
     * One node of the packaged app at 5 intakes a second; its MariaDB frozen for 30 s (as under kill -STOP), then
     * killed while timer jobs run and back 10 s later. Calls answer 503 problem+json within 5 s, never 500; timers
     * that fell due meanwhile and jobs cut off mid-way fire within a minute of the database's return, without an
     * incident; a client retrying each failed intake with its externalId ends with one request per externalId.
     */
    @Test
    void aFrozenThenKilledDatabaseGets503sWithinSecondsAndLosesNoTimerAndNoIntake() throws Exception {
        String url = TwoNodeCrashMysqlIT.database("sladesk_outage");
        Matcher address = Pattern.compile("//([^:/]+):(\\d+)").matcher(url);
        assertThat(address.find()).isTrue();
        ObjectMapper json = new ObjectMapper();
        try (Cable cable = new Cable(address.group(1), Integer.parseInt(address.group(2)));
                AppNode node = AppNode.start("outage-node", address.replaceFirst("//127.0.0.1:" + cable.port()))) {
            node.awaitUp(Duration.ofMinutes(3));
            ApiClient api = new ApiClient(json, node.port());
            ShortTargets.deploy(api, "PT2M", "PT20M", 50);
            String known = created(api, json, TwoNodeCrashMysqlIT.request("known-" + UUID.randomUUID(), "outage-customer",
                    Instant.now()));

            // given requests whose warnings (at 50 % of two minutes) fall due 10 to 20 s into the outage
            Instant frozen = Instant.now().plusSeconds(10);
            for (int i = 0; i < 20; i++) {
                created(api, json, TwoNodeCrashMysqlIT.request("during-" + UUID.randomUUID(), "outage-customer",
                        frozen.plusMillis(10_000 + 500L * i).minusSeconds(60)));
            }
            // and a client sending 5 intakes a second, retrying each failed one with its externalId
            Load load = new Load(api);
            load.start();
            TwoNodeCrashMysqlIT.sleepUntil(frozen);

            // when the database freezes for 30 s
            cable.freeze();
            List<Long> probes = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                TwoNodeCrashMysqlIT.sleepUntil(frozen.plusSeconds(3 + 9L * round));
                probes.add(timed(() -> assertUnavailable(api.post("/api/requests", "intake", TwoNodeCrashMysqlIT.request(
                        "probe-" + UUID.randomUUID(), "outage-customer", Instant.now())))));
                probes.add(timed(() -> assertUnavailable(api.get("/api/requests/" + known, "intake"))));
                probes.add(timed(() -> assertThat(node.health()).isEqualTo(503)));
            }
            TwoNodeCrashMysqlIT.sleepUntil(frozen.plusSeconds(30));
            cable.thaw();
            Instant back = Instant.now();

            // and, back, it stops answering 11 s later while the warnings of new requests run, dies 2 s later with
            // their statements under way, and is back after 10 s
            for (int i = 0; i < 20; i++) {
                created(api, json, TwoNodeCrashMysqlIT.request("cut-" + UUID.randomUUID(), "outage-customer",
                        back.plusMillis(10_000 + 100L * i).minusSeconds(60)));
            }
            long running;
            Instant died;
            try (Connection db = DriverManager.getConnection(url, "sladesk", "sladesk")) {
                // the moment the node has locked timer jobs to run, the database stops answering
                TwoNodeCrashMysqlIT.sleepUntil(back.plusSeconds(9));
                while (TwoNodeCrashMysqlIT.count(db, "select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null") == 0
                        && Instant.now().isBefore(back.plusSeconds(14))) {
                    Thread.sleep(2);
                }
                cable.freeze();
                Thread.sleep(2_000);
                running = TwoNodeCrashMysqlIT.count(db, "select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null");
                cable.cut();
                died = Instant.now();
                cable.thaw();
            }
            TwoNodeCrashMysqlIT.sleepUntil(died.plusSeconds(10));
            cable.mend();
            Instant backAgain = Instant.now();
            load.stop();

            // then every call during the outage answered 503 problem+json within 5 s, none 500
            System.out.printf("Outage: probes answered in %s ms; client: %s; %d jobs locked when the database died%n",
                    probes, load, running);
            assertThat(probes).allSatisfy(millis -> assertThat(millis).isLessThanOrEqualTo(5_000));
            assertThat(load.statuses()).isSubsetOf(200, 201, 503).contains(201, 503);
            assertThat(load.slowest()).isLessThanOrEqualTo(Duration.ofSeconds(5));
            Eventually.await("health UP again", Duration.ofSeconds(30),
                    () -> node.health() == 200 ? Optional.of(true) : Optional.empty());

            try (Connection db = DriverManager.getConnection(url, "sladesk", "sladesk")) {
                // and each externalId the client sent is exactly one request
                assertThat(TwoNodeCrashMysqlIT.count(db, "select count(*) from service_request where external_id like "
                        + "'load-%'")).isEqualTo(load.sent());
                assertThat(TwoNodeCrashMysqlIT.count(db, "select count(*) from service_request where external_id like "
                        + "'probe-%'")).isZero();

                // and the warnings and breaches due during either outage came within a minute of the return
                Eventually.await("warnings and breaches of both batches", Duration.ofSeconds(150), () ->
                        TwoNodeCrashMysqlIT.count(db, "select count(*) from sla_event e join service_request r on r.id = "
                                + "e.request_id where (r.external_id like 'during-%' or r.external_id like 'cut-%') "
                                + "and e.metric = 'FIRST_RESPONSE' and e.type in ('WARNING', 'BREACHED')") == 80
                                        ? Optional.of(true) : Optional.empty());
                Duration latest = Duration.ZERO;
                try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                        "select r.external_id, e.occurred_at, case e.type when 'WARNING' then c.warn_at else c.due_at "
                                + "end from sla_event e join sla_clock c on c.request_id = e.request_id and c.metric = "
                                + "e.metric join service_request r on r.id = e.request_id where (r.external_id like "
                                + "'during-%' or r.external_id like 'cut-%') and e.metric = 'FIRST_RESPONSE' and "
                                + "e.type in ('WARNING', 'BREACHED')")) {
                    while (rows.next()) {
                        Instant occurred = TwoNodeCrashMysqlIT.utc(rows.getObject(2, LocalDateTime.class));
                        Instant due = TwoNodeCrashMysqlIT.utc(rows.getObject(3, LocalDateTime.class));
                        Instant reachable = rows.getString(1).startsWith("during-") ? back : backAgain;
                        Instant from = due.isAfter(reachable) ? due : reachable;
                        Duration late = Duration.between(from, occurred);
                        latest = late.compareTo(latest) > 0 ? late : latest;
                    }
                }
                System.out.printf("Outage: latest timer after the database's return or its instant: %s%n", latest);
                assertThat(latest).isLessThan(Duration.ofSeconds(60));
                assertThat(TwoNodeCrashMysqlIT.count(db, "select count(*) from ACT_RU_INCIDENT")).isZero();
                assertThat(TwoNodeCrashMysqlIT.count(db, "select count(*) from ACT_RU_JOB where RETRIES_ = 0")).isZero();
            }
        }
    }

    private static String created(ApiClient api, ObjectMapper json, ObjectNode body) throws Exception {
        HttpResponse<String> response = api.post("/api/requests", "intake", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("key").asText();
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    private static long timed(ThrowingRunnable call) throws Exception {
        long started = System.nanoTime();
        call.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A client sending 5 intakes a second, each retried with its externalId until it is answered 200 or 201. */
    private static final class Load {

        private final ApiClient api;
        private final ScheduledExecutorService clients = Executors.newScheduledThreadPool(32);
        private final List<Integer> statuses = new CopyOnWriteArrayList<>();
        private final AtomicLong slowest = new AtomicLong();
        private final AtomicInteger sent = new AtomicInteger();
        private final List<CompletableFuture<Void>> done = new CopyOnWriteArrayList<>();
        private volatile boolean stopped;

        Load(ApiClient api) {
            this.api = api;
        }

        void start() {
            clients.scheduleAtFixedRate(() -> {
                if (stopped) {
                    return;
                }
                String externalId = "load-" + UUID.randomUUID();
                sent.incrementAndGet();
                CompletableFuture<Void> answered = new CompletableFuture<>();
                done.add(answered);
                send(externalId, answered);
            }, 0, 200, TimeUnit.MILLISECONDS);
        }

        private void send(String externalId, CompletableFuture<Void> answered) {
            try {
                long started = System.nanoTime();
                HttpResponse<String> response = api.post("/api/requests", "intake", TwoNodeCrashMysqlIT.request(externalId,
                        "outage-customer", Instant.now()));
                slowest.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                statuses.add(response.statusCode());
                if (response.statusCode() >= 500 && response.statusCode() != 503) {
                    System.out.printf("Outage: intake %s answered %d: %s%n", externalId, response.statusCode(),
                            response.body());
                }
                if (response.statusCode() == 200 || response.statusCode() == 201) {
                    answered.complete(null);
                } else {
                    clients.schedule(() -> send(externalId, answered), 1, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                answered.completeExceptionally(e);
            }
        }

        void stop() throws Exception {
            // no new intakes after this; those under way are retried until answered
            stopped = true;
            clients.schedule(() -> { }, 0, TimeUnit.SECONDS).get();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            clients.shutdownNow();
        }

        Set<Integer> statuses() {
            return new TreeSet<>(statuses);
        }

        Duration slowest() {
            return Duration.ofMillis(slowest.get());
        }

        long sent() {
            return sent.get();
        }

        @Override
        public String toString() {
            Map<Integer, Long> byStatus = new TreeMap<>();
            statuses.forEach(status -> byStatus.merge(status, 1L, Long::sum));
            return "%d intakes, answers %s, slowest %d ms".formatted(sent.get(), byStatus, slowest.get());
        }
    }
}
