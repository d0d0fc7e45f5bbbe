package com.sladesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

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
    void twentyFourSevenLosesNoMinuteAtMidnightAndTakesLongTargets() {
        // when
        SlaClock clock = SlaClock.start(1, SlaMetric.RESOLUTION, Duration.ofHours(120), 75, CALENDAR, START);

        // then
        assertThat(clock.getDueAt()).isEqualTo(Instant.parse("2026-03-07T23:50:00Z"));
        assertThat(CALENDAR.between(START, Instant.parse("2026-03-03T00:10:00Z"))).isEqualTo(Duration.ofMinutes(20));
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
}
