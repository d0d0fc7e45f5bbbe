package com.sladesk.report;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.sladesk.request.DeskClock;

/**
 * Works out, ahead of any report, the cells of the last months that have ended: their requests' SLA figures and
 * breach causes grouped by every dimension at once, kept in {@code report_month}. A report's first reading of
 * such a month, by any grouping, then adds up the cells instead of reading the month's rows. Runs on a thread of
 * its own after the node starts and on the cron (a month that has just ended, or whose rows changed since), one
 * pass at a time; a month already kept with its current stamp costs one index read. Two nodes doing it at once
 * only do the same work twice.
 */
@Component
class PreparedMonths {

    private static final Logger log = LoggerFactory.getLogger(PreparedMonths.class);

    private final SlaReports reports;
    private final BreachCauses causes;
    private final ReportSegments segments;
    private final ReportProperties.PreparedMonths properties;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;

    PreparedMonths(SlaReports reports, BreachCauses causes, ReportSegments segments, ReportProperties properties) {
        this.reports = reports;
        this.causes = causes;
        this.segments = segments;
        this.properties = properties.preparedMonths();
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        start();
    }

    /** On its own thread: the scheduler's only thread also dispatches the outbox. */
    @Scheduled(cron = "${sladesk.reports.prepared-months.cron}", zone = "${sladesk.reports.zone}")
    void onSchedule() {
        start();
    }

    /** Stops a pass still running at the next month: the context is closing. */
    @PreDestroy
    void stop() {
        stopping = true;
    }

    private void start() {
        if (properties.enabled() && running.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> {
                try {
                    prepare(DeskClock.now(), properties.count());
                } finally {
                    running.set(false);
                }
            }, "prepared-months");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.start();
        }
    }

    /**
     * Works out the cells of the {@code count} months that ended last before {@code now}; how many kinds of month
     * figures it worked out (the others were kept with their month's stamp, or the month had no requests).
     */
    synchronized int prepare(Instant now, int count) {
        long began = System.nanoTime();
        int worked = 0;
        for (ReportScope month : segments.endedMonths(now, count)) {
            if (stopping) {
                break;
            }
            try {
                worked += (reports.prepare(month) ? 1 : 0) + (causes.prepare(month, now) ? 1 : 0);
            } catch (RuntimeException e) {
                log.warn("Could not work out the report figures of the month from {}; reports will", month.from(), e);
            }
        }
        log.info("Report months: worked out {} kinds of figures of the last {} months in {} ms", worked, count,
                (System.nanoTime() - began) / 1_000_000);
        return worked;
    }
}
