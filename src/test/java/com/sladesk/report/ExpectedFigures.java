package com.sladesk.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report figures worked out by hand from the requests {@link ReportData} wrote, without our SQL or the
 * report classes: what the API must answer.
 */
final class ExpectedFigures {

    record Group(long requests, long frtMet, long frtBreached, long ertMet, long ertBreached, long ttrMet,
            long ttrBreached, Double frtAverage, Double frtMedian, Double frtP90, Double ttrMedian, Double ttrP90,
            long breaches, long breachedRequests, Map<Integer, Long> escalations, long openBreached, long ackMet,
            long ackBreached, Double ackMedian, long fuMet, long fuBreached, Double fuMedian) {
    }

    record Causes(long clocks, long queue, long agent, long experts, long escalation, long delivery,
            long followUp) {
    }

    private ExpectedFigures() {
    }

    static Map<String, Group> by(Collection<ReportData.Request> requests,
            Function<ReportData.Request, String> dimension) {
        return requests.stream().collect(Collectors.groupingBy(dimension, TreeMap::new, Collectors.collectingAndThen(
                Collectors.toList(), ExpectedFigures::group)));
    }

    static Group group(List<ReportData.Request> requests) {
        List<ReportData.Clock> frt = clocks(requests, "FIRST_RESPONSE");
        List<ReportData.Clock> ert = clocks(requests, "EXPERT_RESPONSE");
        List<ReportData.Clock> ttr = clocks(requests, "RESOLUTION");
        List<Long> frtTimes = frt.stream().filter(c -> c.elapsed() != null).map(ReportData.Clock::elapsed).sorted()
                .toList();
        List<Long> ttrTimes = ttr.stream().filter(c -> c.elapsed() != null).map(ReportData.Clock::elapsed).sorted()
                .toList();
        List<ReportData.Clock> ack = clocks(requests, "ACKNOWLEDGEMENT");
        List<ReportData.Clock> fu = clocks(requests, "FOLLOW_UP");
        Map<Integer, Long> escalations = new TreeMap<>();
        requests.stream().flatMap(r -> r.clocks().stream()).forEach(c -> {
            for (int level = 1; level <= c.escalationLevel(); level++) {
                escalations.merge(level, 1L, Long::sum);
            }
        });
        return new Group(requests.size(), met(frt), breached(frt), met(ert), breached(ert), met(ttr), breached(ttr),
                frtTimes.isEmpty() ? null : Math.round(10.0 * frtTimes.stream().mapToLong(Long::longValue).sum()
                        / frtTimes.size()) / 10.0,
                percentile(frtTimes, 50), percentile(frtTimes, 90), percentile(ttrTimes, 50),
                percentile(ttrTimes, 90),
                requests.stream().flatMap(r -> r.clocks().stream()).filter(ReportData.Clock::breached).count(),
                requests.stream().filter(ReportData.Request::breached).count(), escalations,
                requests.stream().filter(r -> r.open() && r.breached()).count(), met(ack), breached(ack),
                percentile(times(ack), 50), met(fu), breached(fu), percentile(times(fu), 50));
    }

    /** Compliance as the dashboard shows it: met among met and breached, one decimal. */
    static Double percent(long met, long breached) {
        return met + breached == 0 ? null : Math.round(1000.0 * met / (met + breached)) / 10.0;
    }

    /** Linear interpolation between the two nearest ranks of a sorted list. */
    static Double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        double position = (sorted.size() - 1) * p / 100.0;
        int lower = (int) position;
        double fraction = position - lower;
        long low = sorted.get(lower);
        long high = sorted.get(Math.min(lower + 1, sorted.size() - 1));
        return low + fraction * (high - low);
    }

    /**
     * Where the time of each breached clock went, from the segments of each request's life: the part of each
     * segment inside the clock's budget by state, and the part after its due instant as escalation.
     */
    static Map<String, Causes> causesByTeam(Collection<ReportData.Request> requests, Instant at) {
        Map<String, long[]> sums = new TreeMap<>();
        for (ReportData.Request r : requests) {
            long now = Duration.between(r.receivedAt(), at).toSeconds();
            List<long[]> segments = new ArrayList<>(); // start, end, cause (0 queue, 1 agent, 2 experts)
            long t = 0;
            segments.add(new long[] {t, t += r.queue(), 0});
            segments.add(new long[] {t, t += r.withAgent(), 1});
            segments.add(new long[] {t, t += r.work(), 1});
            if (r.experts() > 0) {
                segments.add(new long[] {t, t += r.experts(), 2});
            }
            segments.add(new long[] {t, r.open() ? now : t + r.rest(), 1});
            for (ReportData.Clock c : r.clocks()) {
                if (!c.breached()) {
                    continue;
                }
                long start = c.startOffset();
                long due = start + c.target();
                long stop = c.elapsed() == null ? now : start + c.elapsed();
                long[] sum = sums.computeIfAbsent(r.team(), k -> new long[7]);
                sum[0]++;
                int own = c.metric().equals("ACKNOWLEDGEMENT") ? 5 : c.metric().equals("FOLLOW_UP") ? 6 : 0;
                if (own > 0) {
                    // an acknowledgement's budget went on its delivery, a follow-up's on waiting for it
                    sum[own] += Math.min(stop, due) - start;
                    sum[4] += Math.max(0, stop - due);
                    continue;
                }
                for (long[] s : segments) {
                    sum[1 + (int) s[2]] += Math.max(0, Math.min(s[1], due) - Math.max(s[0], start));
                    sum[4] += Math.max(0, Math.min(s[1], stop) - Math.max(s[0], due));
                }
            }
        }
        Map<String, Causes> causes = new TreeMap<>();
        sums.forEach((team, s) -> causes.put(team, new Causes(s[0], s[1], s[2], s[3], s[4], s[5], s[6])));
        return causes;
    }

    private static List<Long> times(List<ReportData.Clock> clocks) {
        return clocks.stream().filter(c -> c.elapsed() != null).map(ReportData.Clock::elapsed).sorted().toList();
    }

    private static List<ReportData.Clock> clocks(List<ReportData.Request> requests, String metric) {
        return requests.stream().flatMap(r -> r.clocks().stream()).filter(c -> c.metric().equals(metric)).toList();
    }

    private static long met(List<ReportData.Clock> clocks) {
        return clocks.stream().filter(c -> c.elapsed() != null && !c.breached()).count();
    }

    private static long breached(List<ReportData.Clock> clocks) {
        return clocks.stream().filter(ReportData.Clock::breached).count();
    }
}
