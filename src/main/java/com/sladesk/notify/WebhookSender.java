package com.sladesk.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Posts a notification as JSON to a webhook target, in our own format (signed with the target's secret in
 * X-SlaDesk-Signature) or as a WeCom, DingTalk or Slack group robot expects it. Any answer but 2xx fails.
 */
@Component
class WebhookSender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final WebhookProperties properties;

    WebhookSender(ObjectMapper json, WebhookProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    void send(String targetName, Notification notification, String requestKey) {
        WebhookProperties.Target target = properties.targets().get(targetName);
        if (target == null || target.url() == null || target.url().isBlank()) {
            throw new IllegalStateException("no webhook target named " + targetName);
        }
        byte[] body = body(target.format(), notification, requestKey);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (target.secret() != null && !target.secret().isBlank()) {
            request.header("X-SlaDesk-Signature", Signatures.sign(target.secret(), body));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("webhook " + targetName + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling webhook " + targetName, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("webhook " + targetName + " answered HTTP " + response.statusCode());
        }
    }

    private byte[] body(WebhookProperties.Format format, Notification notification, String requestKey) {
        String text = notification.getSubject() + "\n" + notification.getBody();
        Map<String, Object> body = switch (format) {
            case WECOM, DINGTALK -> Map.of("msgtype", "text", "text", Map.of("content", text));
            case SLACK -> Map.of("text", text);
            case JSON -> {
                Map<String, Object> ours = new LinkedHashMap<>();
                ours.put("notificationId", notification.getId());
                ours.put("requestKey", requestKey);
                ours.put("kind", notification.getKind());
                ours.put("conversationId", notification.getThreadRef());
                ours.put("subject", notification.getSubject());
                ours.put("text", notification.getBody());
                yield ours;
            }
        };
        try {
            return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
