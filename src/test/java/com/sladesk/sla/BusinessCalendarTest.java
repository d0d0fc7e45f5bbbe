package com.sladesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calendar arithmetic at its edges, on the calendars application.yaml ships. */
class BusinessCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final BusinessCalendar cn = ShippedCalendars.get("cn-business-hours");
    private final BusinessCalendar eu = ShippedCalendars.get("eu-business-hours");
    private final BusinessCalendar always = ShippedCalendars.get("24x7");

    // case 7
    @Test
    void twentyFourSevenLosesNoMinuteAtMidnightAndTakesATargetOf120Hours() {
        // given
        Instant beforeMidnight = Instant.parse("2026-03-02T23:50:00Z");

        // when / then
        assertThat(always.plus(beforeMidnight, Duration.ofMinutes(20))).isEqualTo(Instant.parse("2026-03-03T00:10:00Z"));
        assertThat(always.between(beforeMidnight, Instant.parse("2026-03-03T00:10:00Z"))).isEqualTo(Duration.ofMinutes(20));
        assertThat(always.plus(beforeMidnight, Duration.ofHours(120))).isEqualTo(Instant.parse("2026-03-07T23:50:00Z"));
    }

    // case 8
    @Test
    void aRequestReceivedSaturdayNightStartsCountingMondayAtNine() {
        // given Saturday 2026-03-07 22:30 in Shanghai, an ordinary weekend
        Instant saturdayNight = at(SHANGHAI, "2026-03-07T22:30");

        // when
        Instant due = cn.plus(saturdayNight, Duration.ofMinutes(30));

        // then
        assertThat(due).isEqualTo(at(SHANGHAI, "2026-03-09T09:30"));
        assertThat(cn.between(saturdayNight, at(SHANGHAI, "2026-03-09T09:00"))).isZero();
    }

    // case 8
    @Test
    void aRequestReceivedOnAnAdjustedWorkingSaturdayCountsThatSaturday() {
        // given Saturday 2026-02-14, a working day to make up for the Spring Festival
        Instant saturdayMorning = at(SHANGHAI, "2026-02-14T08:30");

        // when
        Instant due = cn.plus(saturdayMorning, Duration.ofMinutes(30));

        // then
        assertThat(due).isEqualTo(at(SHANGHAI, "2026-02-14T09:30"));
    }

    @Test
    void lunchBreakAndEveningAreNotBusinessTime() {
        // given Monday 2026-03-09 11:00, four business hours
        Instant monday = at(SHANGHAI, "2026-03-09T11:00");

        // when / then: 11-12 (1h), 13-16 (3h)
        assertThat(cn.plus(monday, Duration.ofHours(4))).isEqualTo(at(SHANGHAI, "2026-03-09T16:00"));
        // 1h + 5h on Monday, then 2h on Tuesday
        assertThat(cn.plus(monday, Duration.ofHours(8))).isEqualTo(at(SHANGHAI, "2026-03-10T11:00"));
        assertThat(cn.between(monday, at(SHANGHAI, "2026-03-10T11:00"))).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void aTargetEndingExactlyAtClosingIsDueAtClosing() {
        assertThat(cn.plus(at(SHANGHAI, "2026-03-13T17:00"), Duration.ofHours(1)))
                .isEqualTo(at(SHANGHAI, "2026-03-13T18:00"));
    }

    // case 2 (calendar part)
    @Test
    void aSpanOverANightAWeekendAndAHolidayHoldsOnlyItsBusinessTime() {
        // given Thursday 2026-04-02 17:00 to Tuesday 2026-04-07 10:00; Sat 4 to Mon 6 April is Qingming
        Instant from = at(SHANGHAI, "2026-04-02T17:00");
        Instant to = at(SHANGHAI, "2026-04-07T10:00");

        // when / then: Thu 17-18 (1h), Fri 8h, Tue 9-10 (1h)
        assertThat(cn.between(from, to)).isEqualTo(Duration.ofHours(10));
    }

    // case 6
    @ParameterizedTest
    @CsvSource({
            // Friday before the spring change, two hours: 1h Friday, 1h Monday (CEST)
            "2026-03-27T16:00, PT2H, 2026-03-30T09:00",
            // nine hours from Friday 08:00 fill Friday; one more lands Monday 09:00 CEST
            "2026-03-27T08:00, PT10H, 2026-03-30T09:00",
            // Friday before the autumn change, two hours: Monday 09:00 CET
            "2026-10-23T16:00, PT2H, 2026-10-26T09:00",
            // received on the change Sunday itself
            "2026-10-25T02:30, PT30M, 2026-10-26T08:30",
            "2026-03-29T02:30, PT30M, 2026-03-30T08:30"})
    void berlinDueInstantsAcrossDaylightSavingChangesAreRightToTheMinute(String received, String target,
            String expectedLocalDue) {
        // when
        Instant due = eu.plus(ZonedDateTime.of(LocalDateTime.parse(received), BERLIN).toInstant(),
                Duration.parse(target));

        // then
        assertThat(due).isEqualTo(at(BERLIN, expectedLocalDue));
    }

    @Test
    void berlinMondayAfterTheSpringChangeIsSummerTime() {
        assertThat(at(BERLIN, "2026-03-30T09:00")).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(at(BERLIN, "2026-10-26T09:00")).isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
    }

    // case 9
    @Test
    void aWarningInstantNeverFallsOutsideBusinessHours() {
        // given requests received at every quarter hour of a fortnight, with odd targets
        for (Instant received = at(SHANGHAI, "2026-09-19T00:00"); received.isBefore(at(SHANGHAI, "2026-10-12T00:00"));
                received = received.plus(Duration.ofMinutes(15))) {
            for (Duration target : new Duration[] {Duration.ofMinutes(15), Duration.ofHours(4), Duration.ofHours(24)}) {
                // when
                SlaClock clock = SlaClock.start(1, SlaMetric.RESOLUTION, target, 75, cn, received);

                // then
                assertThat(isBusinessTime(clock.getWarnAt())).as("warning for %s received %s", target, received)
                        .isTrue();
                assertThat(isBusinessTime(clock.getDueAt())).isTrue();
            }
        }
    }

    private boolean isBusinessTime(Instant instant) {
        ZonedDateTime local = instant.atZone(SHANGHAI);
        LocalDate date = local.toLocalDate();
        return ((WorkingHoursCalendar) cn).intervalsOn(date).stream().anyMatch(interval ->
                !local.toLocalTime().isBefore(interval.from()) && !local.toLocalTime().isAfter(interval.to()));
    }

    private static Instant at(ZoneId zone, String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
    }
}
