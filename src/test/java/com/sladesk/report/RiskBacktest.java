package com.sladesk.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * The breach-risk backtest (README "Breach risk"): generates 60 days of a desk's first responses with a queue
 * that really forms (two teams of agents who take the unclaimed request due first, arrivals that follow the hour
 * of the day and come in bursts, agents away for hours), then replays days 31 to 60 every 5 minutes with
 * {@link RiskModel} as the app runs it: the history of the 30 days before (read again each day), the tasks of the
 * team due earlier, the team's agents active in the last hour. It prints, for the requests flagged at or above a
 * threshold, precision and recall against what really breached and how many minutes before the 75 % warning
 * they were flagged (median), beside the warning itself as the flag.
 * {@code ./mvnw -q test-compile exec:exec@risk-backtest} (seed and days: -Dsladesk.backtest.seed, .days).
 */
public final class RiskBacktest {

    static final long MINUTE = 60;
    static final long HOUR = 3600;
    static final long DAY = 86_400;
    static final String[] PRIORITIES = {"URGENT", "HIGH", "NORMAL", "LOW"};
    static final long[] TARGETS = {15 * MINUTE, HOUR, 4 * HOUR, 8 * HOUR};
    static final double[] PRIORITY_SHARE = {0.15, 0.25, 0.45, 0.15};

    /** A team: agents, arrivals per hour on average, median handling time, its categories. */
    record Team(String name, int agents, double perHour, long medianHandling, String[] categories) {
    }

    static final Team[] TEAMS = {
        new Team("tech-support", 3, 6.0, 20 * MINUTE, new String[] {"FAULT", "INSTALLATION"}),
        new Team("service-desk", 4, 13.0, 13 * MINUTE, new String[] {"BILLING", "INQUIRY", "COMPLAINT", "RETURN"})};

    /** One request's first response as it happened; seconds since the start of the run. */
    static final class Request {
        final int id;
        final Team team;
        final String priority;
        final String category;
        final long arrival;
        final long target;
        final long handling;
        long claimAt = -1;
        long answerAt = -1;
        int agent = -1;

        Request(int id, Team team, String priority, String category, long arrival, long target, long handling) {
            this.id = id;
            this.team = team;
            this.priority = priority;
            this.category = category;
            this.arrival = arrival;
            this.target = target;
            this.handling = handling;
        }

        long due() {
            return arrival + target;
        }

        long warnAt() {
            return arrival + target * 3 / 4;
        }

        boolean breached() {
            return answerAt - arrival > target;
        }
    }

    private RiskBacktest() {
    }

    public static void main(String[] args) {
        long seed = Long.getLong("sladesk.backtest.seed", 7);
        int days = Integer.getInteger("sladesk.backtest.days", 60);
        List<Request> requests = simulate(new Random(seed), days);
        long longest = requests.stream().mapToLong(r -> r.answerAt - r.arrival).max().orElse(0);
        if (longest >= 2 * DAY) {
            throw new IllegalStateException("a first response took " + longest / HOUR
                    + " h; the replay looks back 2 days");
        }
        System.out.printf("generated %,d requests over %d days (seed %d): %,d first responses breached (%.1f %%)%n",
                requests.size(), days, seed, requests.stream().filter(Request::breached).count(),
                100.0 * requests.stream().filter(Request::breached).count() / requests.size());
        for (double threshold : new double[] {0.5, 0.7, 0.9}) {
            report(requests, days, threshold);
        }
    }

    /** Arrivals per team by the hour of the day and in bursts; agents take the unclaimed request due first. */
    static List<Request> simulate(Random random, int days) {
        List<Request> all = new ArrayList<>();
        for (Team team : TEAMS) {
            List<Request> arrivals = new ArrayList<>();
            long t = 0;
            long burstUntil = -1;
            while (t < days * DAY) {
                double hour = (t % DAY) / (double) HOUR;
                double rate = team.perHour() * (0.35 + 1.3 * Math.max(0, Math.sin(Math.PI * (hour - 7) / 12)));
                if (t > burstUntil && random.nextDouble() < 0.002) {
                    burstUntil = t + 2 * HOUR + random.nextInt((int) (3 * HOUR));
                }
                if (t <= burstUntil) {
                    rate *= 2.2;
                }
                t += (long) (-Math.log(1 - random.nextDouble()) * HOUR / rate);
                int p = pick(random, PRIORITY_SHARE);
                long handling = Math.max(MINUTE,
                        (long) (team.medianHandling() * Math.exp(0.7 * random.nextGaussian())));
                arrivals.add(new Request(all.size() + arrivals.size(), team, PRIORITIES[p],
                        team.categories()[random.nextInt(team.categories().length)], t, TARGETS[p], handling));
            }
            serve(team, arrivals, random, days);
            all.addAll(arrivals);
        }
        all.removeIf(r -> r.answerAt < 0);
        return all;
    }

    /** Earliest due first; each agent is away for an hour now and then. */
    private static void serve(Team team, List<Request> arrivals, Random random, int days) {
        long[] freeAt = new long[team.agents()];
        PriorityQueue<Request> waiting = new PriorityQueue<>((a, b) -> Long.compare(a.due(), b.due()));
        int next = 0;
        long now = 0;
        while (next < arrivals.size() || !waiting.isEmpty()) {
            int agent = 0;
            for (int i = 1; i < freeAt.length; i++) {
                if (freeAt[i] < freeAt[agent]) {
                    agent = i;
                }
            }
            now = Math.max(now, freeAt[agent]);
            while (next < arrivals.size() && arrivals.get(next).arrival <= now) {
                waiting.add(arrivals.get(next++));
            }
            if (waiting.isEmpty()) {
                if (next >= arrivals.size()) {
                    break;
                }
                now = arrivals.get(next).arrival;
                continue;
            }
            if (random.nextDouble() < 0.01) {
                freeAt[agent] = now + HOUR;
                continue;
            }
            Request request = waiting.poll();
            request.claimAt = now;
            request.answerAt = now + request.handling;
            request.agent = agent;
            freeAt[agent] = request.answerAt;
        }
    }

    /** Replays days 31 to the end every 5 minutes and prints the flags' precision, recall and lead time. */
    static void report(List<Request> requests, int days, double threshold) {
        long start = 30 * DAY;
        Map<Integer, Long> flaggedAt = new HashMap<>();
        Set<Integer> observed = new HashSet<>();
        RiskModel model = null;
        long modelDay = -1;
        List<Request> byArrival = requests.stream().sorted((a, b) -> Long.compare(a.arrival, b.arrival)).toList();
        int low = 0;
        int high = 0;
        for (long t = start; t < days * DAY; t += 5 * MINUTE) {
            if (t / DAY != modelDay) {
                modelDay = t / DAY;
                model = history(requests, t - 30 * DAY, t);
            }
            // every first response of the run takes less than two days
            while (high < byArrival.size() && byArrival.get(high).arrival <= t) {
                high++;
            }
            while (low < high && byArrival.get(low).arrival < t - 2 * DAY) {
                low++;
            }
            long now = t;
            List<Request> window = byArrival.subList(low, high);
            List<Request> open = window.stream().filter(r -> r.answerAt > now).toList();
            Map<String, Integer> active = new HashMap<>();
            for (Team team : TEAMS) {
                active.put(team.name(), (int) window.stream().filter(r -> r.team == team && r.claimAt <= now
                        && r.answerAt >= now - HOUR).mapToInt(r -> r.agent).distinct().count());
            }
            for (Request r : open) {
                // as the app: running clocks not yet due; one past its due instant has breached already
                if (r.arrival < start || r.due() <= t) {
                    continue;
                }
                observed.add(r.id);
                int earlier = (int) open.stream().filter(o -> o.team == r.team && o.due() < r.due()).count();
                boolean claimed = r.claimAt <= t;
                RiskModel.Risk risk = model.of(new RiskModel.Clock("FIRST_RESPONSE", r.team.name(), r.priority,
                        r.category, t - r.arrival, r.target, claimed, claimed ? t - r.claimAt : 0, earlier,
                        active.get(r.team.name())));
                if (risk.probability() >= threshold) {
                    flaggedAt.putIfAbsent(r.id, t);
                }
            }
        }
        List<Request> judged = requests.stream().filter(r -> observed.contains(r.id)).toList();
        long breached = judged.stream().filter(Request::breached).count();
        long flagged = flaggedAt.size();
        List<Long> leads = new ArrayList<>();
        long hits = 0;
        for (Request r : judged) {
            Long at = flaggedAt.get(r.id);
            if (at != null && r.breached()) {
                hits++;
                leads.add((r.warnAt() - at) / MINUTE);
            }
        }
        // the 75 % warning as the flag: every clock still running at its warning instant
        long warned = judged.stream().filter(r -> r.answerAt > r.warnAt()).count();
        long warnedHits = judged.stream().filter(r -> r.answerAt > r.warnAt() && r.breached()).count();
        long[] sorted = leads.stream().mapToLong(Long::longValue).sorted().toArray();
        long before = Arrays.stream(sorted).filter(m -> m > 0).count();
        System.out.printf("threshold %.1f: %,d first responses judged, %,d breached; flagged %,d: precision %.2f, "
                + "recall %.2f, recall before the warning %.2f (%,d); flagged a median %s min before the 75 %% warning"
                + " | the warning alone: %,d warned, precision %.2f%n", threshold, judged.size(), breached, flagged,
                flagged == 0 ? 0 : (double) hits / flagged, breached == 0 ? 0 : (double) hits / breached,
                breached == 0 ? 0 : (double) before / breached, before,
                sorted.length == 0 ? "–" : String.valueOf(Math.round(Percentiles.of(sorted, 0.5))), warned,
                warned == 0 ? 0 : (double) warnedHits / warned);
    }

    /** The model as the app reads it: first responses received in [from, until) and answered before until. */
    static RiskModel history(List<Request> requests, long from, long until) {
        Map<List<String>, SlaReports.Samples> stopped = new HashMap<>();
        Map<List<String>, SlaReports.Samples> waits = new HashMap<>();
        Map<List<String>, SlaReports.Samples> handling = new HashMap<>();
        for (Request r : requests) {
            if (r.arrival >= from && r.arrival < until && r.answerAt < until) {
                stopped.computeIfAbsent(List.of("FIRST_RESPONSE", r.team.name(), r.priority, r.category),
                        k -> new SlaReports.Samples()).add(r.answerAt - r.arrival);
                List<String> team = List.of(r.team.name(), r.priority, r.category);
                waits.computeIfAbsent(team, k -> new SlaReports.Samples()).add(r.claimAt - r.arrival);
                handling.computeIfAbsent(team, k -> new SlaReports.Samples()).add(r.answerAt - r.claimAt);
            }
        }
        return RiskModel.fromSamples(stopped, waits, handling);
    }

    private static int pick(Random random, double[] shares) {
        double x = random.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            x -= shares[i];
            if (x < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
