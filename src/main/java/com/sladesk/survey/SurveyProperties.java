package com.sladesk.survey;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Satisfaction survey links: the address customers reach us at, the signing secret, and how long a link lives. */
@ConfigurationProperties("sladesk.survey")
public record SurveyProperties(String baseUrl, String secret, Duration validFor) {
}
