package com.sladesk.sla;

import java.time.Duration;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A target stored as its ISO-8601 text (PT15M), as the decisions give it. */
@Converter
class IsoDuration implements AttributeConverter<Duration, String> {

    @Override
    public String convertToDatabaseColumn(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    @Override
    public Duration convertToEntityAttribute(String text) {
        return text == null ? null : Duration.parse(text);
    }
}
