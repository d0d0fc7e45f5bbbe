package com.sladesk.channel;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.sladesk.request.Channel;
import com.sladesk.request.CustomerTier;

/**
 * Inbound channels: the tier of a customer we meet for the first time, each webhook channel's signing secret,
 * the IMAP mailbox polled for mail, and the web form's limit per e-mail address.
 */
@ConfigurationProperties("sladesk.channels")
public record ChannelProperties(CustomerTier defaultTier, Map<Channel, String> secrets, Mail mail, WebForm webForm) {

    public ChannelProperties {
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }

    /** The support mailbox; {@code protocol} is imap or imaps (TLS). */
    public record Mail(boolean enabled, String protocol, String host, int port, String username, String password,
            String folder, Duration pollInterval) {
    }

    /**
     * @param maxPerHour          requests per e-mail address and hour
     * @param maxPerClientPerHour requests per client (browser) address and hour
     * @param confirmFor          how long the link that confirms the sender's address is valid
     */
    public record WebForm(int maxPerHour, int maxPerClientPerHour, Duration confirmFor) {
    }
}
