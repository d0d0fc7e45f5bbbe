package com.sladesk.notify;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.sladesk.request.Channel;

/**
 * Outgoing webhooks: named targets (URL, body format, optional signing secret), which target carries replies
 * to customers of a channel (a chat or WeChat gateway), and which target a group's notices also go to (a
 * WeCom, DingTalk or Slack group robot).
 */
@ConfigurationProperties("sladesk.webhooks")
public record WebhookProperties(Map<String, Target> targets, Map<Channel, String> channels,
        Map<String, String> groups) {

    public WebhookProperties {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
        channels = channels == null ? Map.of() : Map.copyOf(channels);
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }

    public enum Format {
        /** Our own JSON: requestKey, kind, subject, text, conversationId; signed when a secret is set. */
        JSON, WECOM, DINGTALK, SLACK
    }

    public record Target(String url, Format format, String secret) {

        public Target {
            format = format == null ? Format.JSON : format;
        }
    }
}
