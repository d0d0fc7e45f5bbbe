package com.sladesk.report;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Durations as people write them: 45 s, 3 min 54 s, 1 h 05 min, 2 d 3 h. */
public final class HumanDuration {

    private HumanDuration() {
    }

    public static String of(Duration duration) {
        if (duration == null) {
            return "";
        }
        if (duration.isNegative()) {
            return "−" + of(duration.negated());
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            long s = seconds % 60;
            return seconds / 60 + " min" + (s == 0 ? "" : " " + s + " s");
        }
        if (seconds < 86_400) {
            long minutes = seconds / 60 % 60;
            return seconds / 3600 + " h" + (minutes == 0 ? "" : String.format(" %02d min", minutes));
        }
        long hours = seconds / 3600 % 24;
        return seconds / 86_400 + " d" + (hours == 0 ? "" : " " + hours + " h");
    }

    /** An ISO-8601 duration (PT15M, P1DT2H) in words; text that is no duration stays as it is. */
    public static String ofIso(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return of(Duration.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
