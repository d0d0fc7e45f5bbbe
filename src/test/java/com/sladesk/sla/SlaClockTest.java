package com.sladesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class SlaClockTest {

    private static final Instant START = Instant.parse("2026-03-02T23:50:00Z");
    private static final BusinessCalendar CALENDAR = new TwentyFourSevenCalendar();

    @Test
    void dueAndWarningInstantsFollowTargetAndWarningPercent() {
        // when
        SlaClock clock = SlaClock.start(1, SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(15), 75, CALENDAR, START);

        // then
        assertThat(clock.getDueAt()).isEqualTo(START.plus(Duration.ofMinutes(15)));
        assertThat(clock.getWarnAt()).isEqualTo(START.plusSeconds(675));
        assertThat(clock.getState()).isEqualTo(ClockState.RUNNING);
    }

    @Test
    void stoppingInTimeIsMetWithItsElapsedTime() {
        // given
        SlaClock clock = SlaClock.start(1, SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(15), 75, CALENDAR, START);

        // when
        boolean newlyBreached = clock.stop(START.plus(Duration.ofMinutes(15)), CALENDAR);

        // then
        assertThat(newlyBreached).isFalse();
        assertThat(clock.getState()).isEqualTo(ClockState.MET);
        assertThat(clock.elapsed(START.plus(Duration.ofDays(1)), CALENDAR)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void stoppingLateIsABreachRevealedOnce() {
        // given
        SlaClock clock = SlaClock.start(1, SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(15), 75, CALENDAR, START);

        // when
        boolean newlyBreached = clock.stop(START.plus(Duration.ofMinutes(16)), CALENDAR);

        // then
        assertThat(newlyBreached).isTrue();
        assertThat(clock.getState()).isEqualTo(ClockState.BREACHED);
        assertThat(clock.isEverBreached()).isTrue();
        assertThat(clock.stop(START.plus(Duration.ofMinutes(17)), CALENDAR)).isFalse();
    }

    @Test
    void aBreachIsRecordedOnlyOnceAndNotAfterStopping() {
        // given
        SlaClock clock = SlaClock.start(1, SlaMetric.RESOLUTION, Duration.ofHours(4), 75, CALENDAR, START);

        // when / then
        assertThat(clock.breach()).isTrue();
        assertThat(clock.breach()).isFalse();
        assertThat(clock.stop(START.plus(Duration.ofHours(5)), CALENDAR)).isFalse();
        assertThat(clock.getState()).isEqualTo(ClockState.BREACHED);

        SlaClock stopped = SlaClock.start(2, SlaMetric.RESOLUTION, Duration.ofHours(4), 75, CALENDAR, START);
        stopped.stop(START.plus(Duration.ofHours(1)), CALENDAR);
        assertThat(stopped.breach()).isFalse();
        assertThat(stopped.getState()).isEqualTo(ClockState.MET);
    }

    @Test
    void rejectsTargetsThatAreNotPositive() {
        assertThatThrownBy(() -> SlaClock.start(1, SlaMetric.RESOLUTION, Duration.ZERO, 75, CALENDAR, START))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RESOLUTION target");
    }

    // case 2
    @Test
    void aPauseOverANightAWeekendAndAHolidayMovesTheDueInstantByTheBusinessTimeInsideIt() {
        // given a cn-business-hours clock started Thursday 2 April 2026 09:00 with 16 business hours
        BusinessCalendar cn = ShippedCalendars.get("cn-business-hours");
        Instant thursday = shanghai("2026-04-02T09:00");
        SlaClock clock = SlaClock.start(1, SlaMetric.RESOLUTION, Duration.ofHours(16), 75, cn, thursday);
        assertThat(clock.getDueAt()).isEqualTo(shanghai("2026-04-03T18:00"));

        // when paused Thursday 17:00 until Tuesday 7 April 10:00 (night, Qingming weekend Sat 4 - Mon 6)
        clock.pause(shanghai("2026-04-02T17:00"));
        clock.resume(shanghai("2026-04-07T10:00"), cn);

        // then only Thu 17-18, Fri 8h and Tue 9-10 count as paused: 10 business hours
        assertThat(clock.getPausedSeconds()).isEqualTo(Duration.ofHours(10).toSeconds());
        // 7h worked Thursday, 9h left from Tuesday 10:00: Tue 10-12, 13-18 (7h), Wed 9-11 (2h)
        assertThat(clock.getDueAt()).isEqualTo(shanghai("2026-04-08T11:00"));
        assertThat(clock.elapsed(shanghai("2026-04-07T10:00"), cn)).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void whilePausedTheClockNeitherCountsNorBreaches() {
        // given
        SlaClock clock = SlaClock.start(1, SlaMetric.RESOLUTION, Duration.ofHours(4), 75, CALENDAR, START);
        clock.pause(START.plus(Duration.ofHours(1)));

        // when / then
        assertThat(clock.getState()).isEqualTo(ClockState.PAUSED);
        assertThat(clock.elapsed(START.plus(Duration.ofDays(7)), CALENDAR)).isEqualTo(Duration.ofHours(1));
        assertThat(clock.paused(START.plus(Duration.ofHours(3)), CALENDAR)).isEqualTo(Duration.ofHours(2));

        // when a week later the customer replies
        clock.resume(START.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)), CALENDAR);

        // then three business hours remain
        assertThat(clock.getState()).isEqualTo(ClockState.RUNNING);
        assertThat(clock.getDueAt()).isEqualTo(START.plus(Duration.ofDays(7)).plus(Duration.ofHours(4)));
    }

    // case 4
    @Test
    void aHigherPriorityMidRequestKeepsTheElapsedTimeAndBreachesOnlyOnce() {
        // given four hours' target, breached after five hours
        SlaClock clock = SlaClock.start(1, SlaMetric.RESOLUTION, Duration.ofHours(4), 75, CALENDAR, START);
        assertThat(clock.breach()).isTrue();

        // when the target becomes two hours at hour five
        boolean breachedNow = clock.retarget(Duration.ofHours(2), 75, START.plus(Duration.ofHours(5)), CALENDAR);

        // then
        assertThat(breachedNow).isFalse();
        assertThat(clock.getDueAt()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(clock.elapsed(START.plus(Duration.ofHours(5)), CALENDAR)).isEqualTo(Duration.ofHours(5));
        assertThat(clock.getState()).isEqualTo(ClockState.BREACHED);
    }

    @Test
    void aTighterTargetThatIsAlreadyUsedUpBreachesNow() {
        // given three hours used of a 24-hour target
        SlaClock clock = SlaClock.start(1, SlaMetric.RESOLUTION, Duration.ofHours(24), 75, CALENDAR, START);

        // when the target becomes two hours
        boolean breachedNow = clock.retarget(Duration.ofHours(2), 75, START.plus(Duration.ofHours(3)), CALENDAR);

        // then
        assertThat(breachedNow).isTrue();
        assertThat(clock.isEverBreached()).isTrue();
        assertThat(clock.retarget(Duration.ofHours(1), 75, START.plus(Duration.ofHours(4)), CALENDAR)).isFalse();
    }

    // case 5
    @Test
    void reopeningDoesNotCountTheResolvedPeriodAndKeepsEverBreached() {
        // given a clock breached and stopped after five of four hours
        SlaClock clock = SlaClock.start(1, SlaMetric.RESOLUTION, Duration.ofHours(4), 75, CALENDAR, START);
        clock.breach();
        clock.stop(START.plus(Duration.ofHours(5)), CALENDAR);

        // when reopened two days later and stopped again an hour after that
        clock.restart(START.plus(Duration.ofHours(53)), CALENDAR);

        // then
        assertThat(clock.isEverBreached()).isTrue();
        assertThat(clock.getState()).isEqualTo(ClockState.BREACHED);
        assertThat(clock.elapsed(START.plus(Duration.ofHours(54)), CALENDAR)).isEqualTo(Duration.ofHours(6));
        clock.stop(START.plus(Duration.ofHours(54)), CALENDAR);
        assertThat(clock.getState()).isEqualTo(ClockState.BREACHED);
    }

    // case 11
    @Test
    void twoReclassificationsWithAPauseBetweenMatchAHandCalculation() {
        // given Monday 9 March 2026 10:00 Shanghai, cn-business-hours, 16 business hours
        BusinessCalendar cn = ShippedCalendars.get("cn-business-hours");
        SlaClock clock = SlaClock.start(1, SlaMetric.RESOLUTION, Duration.ofHours(16), 75, cn,
                shanghai("2026-03-09T10:00"));

        // when: at 11:00 the target becomes 8h; paused 14:00 to Tuesday 10:00; at Tuesday 11:00 it becomes 6h
        clock.retarget(Duration.ofHours(8), 75, shanghai("2026-03-09T11:00"), cn);
        clock.pause(shanghai("2026-03-09T14:00"));
        clock.resume(shanghai("2026-03-10T10:00"), cn);
        boolean breachedNow = clock.retarget(Duration.ofHours(6), 50, shanghai("2026-03-10T11:00"), cn);

        // then, by hand: worked Mon 10-12, 13-14 (3h) and Tue 10-11 (1h) = 4h; paused Mon 14-18, Tue 9-10 = 5h.
        // 6h target: 2h left from Tue 11:00 -> 12:00, 13:00-14:00; warning at 3h worked -> Tue 10:00
        assertThat(breachedNow).isFalse();
        assertThat(clock.elapsed(shanghai("2026-03-10T11:00"), cn)).isEqualTo(Duration.ofHours(4));
        assertThat(clock.getPausedSeconds()).isEqualTo(Duration.ofHours(5).toSeconds());
        assertThat(clock.getDueAt()).isEqualTo(shanghai("2026-03-10T14:00"));
        assertThat(clock.getWarnAt()).isEqualTo(shanghai("2026-03-10T10:00"));
        assertThat(clock.getTarget()).isEqualTo(Duration.ofHours(6));
    }

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Test
    void escalationGoesUpOneLevelWhenDueWaitsForTheNextLevelAndStopsWithTheClock() {
        // given a breached clock
        SlaClock clock = SlaClock.start(1, SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(15), 75, CALENDAR, START);
        Instant breached = START.plus(Duration.ofMinutes(15));
        clock.breach();

        // then the first level is due at once
        assertThat(clock.nextEscalation(breached))
                .isEqualTo(new SlaClock.Escalation(SlaClock.Escalation.Step.ESCALATE, 1, null));

        // and after level 1 with level 2 due in 30 minutes, it waits until then and then goes to level 2
        Instant level2 = breached.plus(Duration.ofMinutes(30));
        clock.escalated(1, level2);
        assertThat(clock.nextEscalation(level2.minusSeconds(1)))
                .isEqualTo(new SlaClock.Escalation(SlaClock.Escalation.Step.WAIT, 1, level2));
        assertThat(clock.nextEscalation(level2))
                .isEqualTo(new SlaClock.Escalation(SlaClock.Escalation.Step.ESCALATE, 2, null));

        // and a paused or stopped clock escalates no further
        clock.pause(level2.minusSeconds(60));
        assertThat(clock.nextEscalation(level2).step()).isEqualTo(SlaClock.Escalation.Step.NONE);
        SlaClock answered = SlaClock.start(2, SlaMetric.FIRST_RESPONSE, Duration.ofMinutes(15), 75, CALENDAR, START);
        answered.stop(breached.plusSeconds(60), CALENDAR);
        assertThat(answered.nextEscalation(breached.plus(Duration.ofHours(1))).step())
                .isEqualTo(SlaClock.Escalation.Step.NONE);
    }
}
