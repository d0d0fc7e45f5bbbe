package com.sladesk.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

/**
 * Writes closed (and some open) requests with their SLA clocks, status intervals and report rows straight into
 * the tables, on the 24x7 calendar so business time equals wall time. Each request is kept in memory too (unless asked
 * not to), so a test can work out the report figures on its own.
 */
final class ReportData {

    static final String[] CHANNELS = {"PHONE", "EMAIL", "WEB", "CHAT", "SOCIAL", "WECHAT", "APP"};
    static final String[] CATEGORIES = {"FAULT", "INSTALLATION", "BILLING", "INQUIRY", "COMPLAINT", "RETURN"};
    static final String[] TIERS = {"VIP", "GOLD", "STANDARD", "STANDARD"};
    static final String[] PRIORITIES = {"URGENT", "HIGH", "NORMAL", "NORMAL", "LOW"};
    static final long[] FRT_TARGET = {15 * 60, 3600, 4 * 3600, 4 * 3600, 8 * 3600};
    static final long[] TTR_TARGET = {4 * 3600, 8 * 3600, 24 * 3600, 24 * 3600, 72 * 3600};
    static final long EXPERT_TARGET = 3600;
    static final long ACKNOWLEDGEMENT_TARGET = 30;
    static final long FOLLOW_UP_TARGET = 24 * 3600;

    /** One clock as written: seconds from the request's arrival. */
    record Clock(String metric, long startOffset, long target, Long elapsed, boolean breached, int escalationLevel) {

        String state() {
            if (elapsed == null) {
                return breached ? "BREACHED" : "RUNNING";
            }
            return breached ? "BREACHED" : "MET";
        }
    }

    /**
     * One request as written. Its life in seconds after arrival: {@code queue} unclaimed, {@code withAgent}
     * claimed until the first response, {@code work} in progress, {@code experts} with the experts, and
     * {@code rest} in progress again until resolution (0 while open: it is in progress until now).
     */
    record Request(long id, String key, Instant receivedAt, String channel, String category, String team,
            String tier, String priority, String agent, boolean open, long queue, long withAgent, long work,
            long experts, long rest, List<Clock> clocks) {

        boolean breached() {
            return clocks.stream().anyMatch(Clock::breached);
        }
    }

    private final Random random;
    private final Instant now;

    ReportData(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    /** Writes {@code count} requests received in [from, to); {@code openShare} of them still open at now. */
    List<Request> write(DataSource dataSource, long firstId, int count, Instant from, Instant to, double openShare,
            boolean keep) throws SQLException {
        List<Request> kept = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long customerId = firstId;
            customer(connection, customerId, from);
            try (PreparedStatement request = connection.prepareStatement(REQUEST);
                    PreparedStatement clock = connection.prepareStatement(CLOCK);
                    PreparedStatement interval = connection.prepareStatement(INTERVAL);
                    PreparedStatement report = connection.prepareStatement(REPORT)) {
                long span = Duration.between(from, to).toSeconds();
                for (int i = 0; i < count; i++) {
                    Request r = next(firstId + i, from.plusSeconds((long) (random.nextDouble() * span)), openShare);
                    add(request, clock, interval, r, customerId);
                    report(report, r);
                    if (keep) {
                        kept.add(r);
                    }
                    if ((i + 1) % 2000 == 0 || i == count - 1) {
                        request.executeBatch();
                        clock.executeBatch();
                        interval.executeBatch();
                        report.executeBatch();
                        connection.commit();
                    }
                }
            }
        }
        return kept;
    }

    /**
     * Writes the given requests as they are, with their clocks, status intervals and report rows, for a customer
     * with the first request's id.
     */
    static void write(DataSource dataSource, List<Request> requests) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long customerId = requests.get(0).id();
            customer(connection, customerId, requests.get(0).receivedAt());
            try (PreparedStatement request = connection.prepareStatement(REQUEST);
                    PreparedStatement clock = connection.prepareStatement(CLOCK);
                    PreparedStatement interval = connection.prepareStatement(INTERVAL);
                    PreparedStatement report = connection.prepareStatement(REPORT)) {
                for (Request r : requests) {
                    add(request, clock, interval, r, customerId);
                    report(report, r);
                }
                request.executeBatch();
                clock.executeBatch();
                interval.executeBatch();
                report.executeBatch();
                connection.commit();
            }
        }
    }

    private static void customer(Connection connection, long customerId, Instant at) throws SQLException {
        try (PreparedStatement customer = connection.prepareStatement("insert into customer (id, customer_ref,"
                + " name, tier, created_at) values (?, ?, ?, 'STANDARD', ?)")) {
            customer.setLong(1, customerId);
            customer.setString(2, "report-data-" + customerId);
            customer.setString(3, "Report data");
            customer.setObject(4, utc(at));
            customer.executeUpdate();
        }
    }

    private Request next(long id, Instant receivedAt, double openShare) {
        int p = random.nextInt(PRIORITIES.length);
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String team = category.equals("FAULT") || category.equals("INSTALLATION") ? "tech-support" : "service-desk";
        String agent = (team.equals("tech-support") ? "agent.ts" : "agent.sd") + random.nextInt(5);
        long queue = (long) (FRT_TARGET[p] * random.nextDouble() * 0.9);
        long withAgent = (long) (FRT_TARGET[p] * random.nextDouble() * 0.6);
        long frt = queue + withAgent;
        boolean toExperts = random.nextInt(5) == 0;
        long work = (long) (TTR_TARGET[p] * random.nextDouble() * 0.5);
        long experts = toExperts ? (long) (TTR_TARGET[p] * random.nextDouble() * 0.5) : 0;
        long rest = (long) (TTR_TARGET[p] * random.nextDouble() * 0.4);
        boolean open = random.nextDouble() < openShare;
        List<Clock> clocks = new ArrayList<>();
        clocks.add(stopped("FIRST_RESPONSE", 0, FRT_TARGET[p], frt));
        if (toExperts) {
            long claim = (long) (EXPERT_TARGET * random.nextDouble() * 1.3);
            clocks.add(stopped("EXPERT_RESPONSE", frt + work, EXPERT_TARGET, Math.min(claim, experts)));
        }
        long ttr = frt + work + experts + rest;
        if (open) {
            long sinceArrival = Duration.between(receivedAt, now).toSeconds();
            boolean late = sinceArrival > TTR_TARGET[p];
            clocks.add(new Clock("RESOLUTION", 0, TTR_TARGET[p], null, late, late ? 1 : 0));
        } else {
            clocks.add(stopped("RESOLUTION", 0, TTR_TARGET[p], ttr));
        }
        // the two ends of the chain draw from a random of their own, so the figures above stay as they were:
        // an acknowledgement delivered in seconds, one in twenty late; a resolved request followed up within
        // hours, one in ten after a day
        Random chain = new Random(id);
        clocks.add(stopped("ACKNOWLEDGEMENT", 0, ACKNOWLEDGEMENT_TARGET,
                chain.nextInt(20) == 0 ? 31 + chain.nextInt(600) : 1 + chain.nextInt(20)));
        if (!open) {
            clocks.add(stopped("FOLLOW_UP", ttr, FOLLOW_UP_TARGET, chain.nextInt(10) == 0
                    ? FOLLOW_UP_TARGET + 1 + chain.nextInt(48 * 3600) : 600 + chain.nextInt(20 * 3600)));
        }
        return new Request(id, "SR-%06d".formatted(id), receivedAt, CHANNELS[random.nextInt(CHANNELS.length)],
                category, team, TIERS[random.nextInt(TIERS.length)], PRIORITIES[p], agent, open, queue, withAgent,
                work, experts, open ? 0 : rest, clocks);
    }

    /** A stopped clock; a breached one escalated one level, two once it overran its target by half again. */
    static Clock stopped(String metric, long start, long target, long elapsed) {
        boolean breached = elapsed > target;
        int level = !breached ? 0 : elapsed > target * 3 / 2 ? 2 : 1;
        return new Clock(metric, start, target, elapsed, breached, level);
    }

    private static void add(PreparedStatement request, PreparedStatement clock, PreparedStatement interval, Request r,
            long customerId) throws SQLException {
        Instant at = r.receivedAt();
        int i = 1;
        request.setLong(i++, r.id());
        request.setString(i++, r.key());
        request.setString(i++, r.channel());
        request.setString(i++, "report-" + r.id());
        request.setLong(i++, customerId);
        request.setString(i++, r.category());
        request.setString(i++, r.team());
        request.setString(i++, r.tier());
        request.setString(i++, r.priority());
        request.setString(i++, r.open() ? "IN_PROGRESS" : "CLOSED");
        request.setString(i++, r.agent());
        request.setBoolean(i++, r.breached());
        request.setObject(i++, utc(at));
        request.setObject(i++, utc(at));
        request.setObject(i++, utc(at));
        Instant end = r.open() ? null : at.plusSeconds(r.queue() + r.withAgent() + r.work() + r.experts() + r.rest());
        request.setObject(i++, end == null ? null : utc(end));
        request.addBatch();
        for (Clock c : r.clocks()) {
            Instant started = at.plusSeconds(c.startOffset());
            int j = 1;
            clock.setLong(j++, r.id());
            clock.setString(j++, c.metric());
            clock.setString(j++, Duration.ofSeconds(c.target()).toString());
            clock.setObject(j++, utc(started));
            clock.setObject(j++, utc(started.plusSeconds(c.target() * 3 / 4)));
            clock.setObject(j++, utc(started.plusSeconds(c.target())));
            clock.setString(j++, c.state());
            clock.setObject(j++, c.elapsed() == null ? null : utc(started.plusSeconds(c.elapsed())));
            clock.setObject(j++, c.elapsed());
            clock.setBoolean(j++, c.breached());
            clock.setInt(j++, c.escalationLevel());
            clock.addBatch();
        }
        long t = 0;
        t = interval(interval, r, "NEW", null, t, r.queue());
        t = interval(interval, r, "NEW", r.agent(), t, r.withAgent());
        t = interval(interval, r, "IN_PROGRESS", r.agent(), t, r.work());
        if (r.experts() > 0) {
            t = interval(interval, r, "WITH_EXPERTS", null, t, r.experts());
        }
        if (r.open()) {
            interval(interval, r, "IN_PROGRESS", r.agent(), t, null);
        } else {
            t = interval(interval, r, "IN_PROGRESS", r.agent(), t, r.rest());
            interval(interval, r, "CLOSED", null, t, null);
        }
    }

    /** The row the application keeps per request for reports. */
    private static void report(PreparedStatement report, Request r) throws SQLException {
        int i = 1;
        report.setObject(i++, utc(r.receivedAt()));
        report.setLong(i++, r.id());
        report.setString(i++, r.channel());
        report.setString(i++, r.category());
        report.setString(i++, r.team());
        report.setString(i++, r.tier());
        report.setString(i++, r.priority());
        report.setString(i++, r.agent());
        report.setString(i++, r.open() ? "IN_PROGRESS" : "CLOSED");
        report.setBoolean(i++, r.breached());
        for (String metric : new String[] {"FIRST_RESPONSE", "EXPERT_RESPONSE", "RESOLUTION", "ACKNOWLEDGEMENT",
                "FOLLOW_UP"}) {
            Clock c = r.clocks().stream().filter(k -> k.metric().equals(metric)).findFirst().orElse(null);
            report.setString(i++, c == null ? null : c.state());
            report.setBoolean(i++, c != null && c.breached());
            report.setObject(i++, c == null ? null : c.elapsed());
            report.setInt(i++, c == null ? 0 : c.escalationLevel());
        }
        report.addBatch();
    }

    private static long interval(PreparedStatement interval, Request r, String status, String assignee, long start,
            Long length) throws SQLException {
        Instant begin = r.receivedAt().plusSeconds(start);
        interval.setLong(1, r.id());
        interval.setString(2, status);
        interval.setObject(3, utc(begin));
        interval.setObject(4, length == null ? null : utc(begin.plusSeconds(length)));
        interval.setObject(5, length);
        interval.setObject(6, length);
        interval.setString(7, r.team());
        interval.setString(8, assignee);
        interval.addBatch();
        return length == null ? start : start + length;
    }

    /** Instants as the application hands them to the driver (Hibernate's binding of Instant). */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static final String REQUEST = "insert into service_request (id, request_key, channel, external_id,"
            + " customer_id, category, subject, description, team, customer_tier, priority, status, responder,"
            + " breached, received_at, created_at, updated_at, closed_at, version, calendar_id, reopen_count)"
            + " values (?, ?, ?, ?, ?, ?, 'Generated for reports', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '24x7', 0)";
    private static final String CLOCK = "insert into sla_clock (request_id, metric, target, calendar_id,"
            + " warning_percent, started_at, warn_at, due_at, state, stopped_at, elapsed_seconds, paused_seconds,"
            + " ever_breached, escalation_level, version) values (?, ?, ?, '24x7', 75, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0)";
    private static final String REPORT = "insert into request_report (received_at, request_id, channel, category,"
            + " team, customer_tier, priority, responder, status, breached, frt_state, frt_breached, frt_seconds,"
            + " frt_level, ert_state, ert_breached, ert_seconds, ert_level, ttr_state, ttr_breached, ttr_seconds,"
            + " ttr_level, ack_state, ack_breached, ack_seconds, ack_level, fu_state, fu_breached, fu_seconds,"
            + " fu_level) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?)";
    private static final String INTERVAL = "insert into status_interval (request_id, status, started_at, ended_at,"
            + " business_seconds, wall_seconds, team, assignee) values (?, ?, ?, ?, ?, ?, ?, ?)";
}
