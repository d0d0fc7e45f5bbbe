package com.sladesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanDurationTest {

    @ParameterizedTest
    @CsvSource({"PT0S, 0 s", "PT45.9S, 45 s", "PT1M, 1 min", "PT3M54S, 3 min 54 s", "PT59M59S, 59 min 59 s",
        "PT1H, 1 h", "PT1H5M, 1 h 05 min", "PT1H5M30S, 1 h 05 min", "PT23H59M, 23 h 59 min", "P1D, 1 d",
        "P2DT3H, 2 d 3 h", "P2DT3H59M, 2 d 3 h", "PT-2M, −2 min", "PT6M55.566S, 6 min 55 s"})
    void writesDurationsAsPeopleDo(String iso, String words) {
        assertThat(HumanDuration.of(Duration.parse(iso))).isEqualTo(words);
        assertThat(HumanDuration.ofIso(iso)).isEqualTo(words);
    }

    @ParameterizedTest
    @CsvSource(value = {"'', ''", "soon, soon"})
    void leavesOtherTextAlone(String text, String words) {
        assertThat(HumanDuration.ofIso(text)).isEqualTo(words);
    }
}
