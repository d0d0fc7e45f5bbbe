package com.sladesk.survey;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.sladesk.notify.Signatures;

/**
 * Signed, expiring survey links: {@code /survey/SR-000123.<expiry epoch second>.<signature>}. The signature
 * covers key and expiry, so a link cannot be made for another request or lengthened.
 */
@Component
public class SurveyLinks {

    private static final Pattern TOKEN = Pattern.compile("(SR-\\d{6,})\\.(\\d{1,12})\\.(sha256=)?([0-9a-f]{64})");

    private final SurveyProperties properties;

    public SurveyLinks(SurveyProperties properties) {
        this.properties = properties;
    }

    public String linkFor(String requestKey, Instant now) {
        long expires = now.plus(properties.validFor()).getEpochSecond();
        String signed = requestKey + "." + expires;
        return properties.baseUrl() + "/survey/" + signed + "." + signature(signed).substring("sha256=".length());
    }

    /** What a token names; empty when it is malformed or its signature does not match. */
    Optional<Token> read(String token) {
        Matcher m = TOKEN.matcher(token);
        if (!m.matches()) {
            return Optional.empty();
        }
        String signed = m.group(1) + "." + m.group(2);
        if (!Signatures.verify(properties.secret(), signed.getBytes(StandardCharsets.UTF_8), "sha256=" + m.group(4))) {
            return Optional.empty();
        }
        return Optional.of(new Token(m.group(1), Instant.ofEpochSecond(Long.parseLong(m.group(2)))));
    }

    private String signature(String signed) {
        return Signatures.sign(properties.secret(), signed.getBytes(StandardCharsets.UTF_8));
    }

    record Token(String requestKey, Instant expiresAt) {

        boolean expiredAt(Instant now) {
            return now.isAfter(expiresAt);
        }
    }
}
