package com.sladesk.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SurveyLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final SurveyLinks links = new SurveyLinks(
            new SurveyProperties("https://desk.example.com", "secret", Duration.ofDays(30)));

    @Test
    void aLinkNamesItsRequestUntilItExpires() {
        String token = tokenOf(links.linkFor("SR-000123", NOW));

        SurveyLinks.Token read = links.read(token).orElseThrow();

        assertThat(read.requestKey()).isEqualTo("SR-000123");
        assertThat(read.expiredAt(NOW.plus(Duration.ofDays(30)))).isFalse();
        assertThat(read.expiredAt(NOW.plus(Duration.ofDays(30)).plusSeconds(1))).isTrue();
    }

    @Test
    void aLinkForAnotherRequestOrALongerLifeIsRefused() {
        String token = tokenOf(links.linkFor("SR-000123", NOW));
        String[] parts = token.split("\\.");

        assertThat(links.read("SR-000124." + parts[1] + "." + parts[2])).isEmpty();
        assertThat(links.read(parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2])).isEmpty();
        assertThat(links.read(token + "0")).isEmpty();
        assertThat(new SurveyLinks(new SurveyProperties("https://desk.example.com", "other", Duration.ofDays(30)))
                .read(token)).isEmpty();
    }

    private static String tokenOf(String link) {
        assertThat(link).startsWith("https://desk.example.com/survey/");
        return link.substring("https://desk.example.com/survey/".length());
    }
}
