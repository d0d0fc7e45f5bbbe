package com.sladesk.channel;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.sladesk.request.Channel;
import com.sladesk.request.NewRequest;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

/**
 * Polls the support mailbox over IMAP. Each unseen mail goes to the channel inbox and is then flagged \Seen;
 * bodies are read with PEEK, so a mail that fails stays unseen and is tried again at the next poll (and
 * logged each time). Two nodes may read the same mail: the inbox processes a Message-ID once.
 */
@Component
public class MailIntake {

    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);
    private static final Pattern REQUEST_KEY = Pattern.compile("\\[(SR-\\d{6,})]");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private final ChannelInbox inbox;
    private final ChannelProperties.Mail mailbox;

    MailIntake(ChannelInbox inbox, ChannelProperties properties) {
        this.inbox = inbox;
        this.mailbox = properties.mail();
    }

    @Scheduled(fixedDelayString = "${sladesk.channels.mail.poll-interval}")
    void poll() {
        if (mailbox.enabled()) {
            pollOnce();
        }
    }

    /** Reads every unseen mail; returns how many were taken in. */
    public int pollOnce() {
        Properties settings = new Properties();
        String protocol = mailbox.protocol();
        settings.put("mail.store.protocol", protocol);
        settings.put("mail." + protocol + ".peek", "true");
        settings.put("mail." + protocol + ".connectiontimeout", "10000");
        settings.put("mail." + protocol + ".timeout", "30000");
        int taken = 0;
        try (Store store = Session.getInstance(settings).getStore(protocol)) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message mail : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (take((MimeMessage) mail)) {
                        taken++;
                    }
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            log.warn("Support mailbox {}@{}:{} not read: {}", mailbox.username(), mailbox.host(), mailbox.port(),
                    e.getMessage());
        }
        return taken;
    }

    private boolean take(MimeMessage mail) {
        String messageId = null;
        try {
            messageId = mail.getMessageID();
            ChannelInbox.Accepted accepted = inbox.accept(inbound(mail));
            mail.setFlag(Flags.Flag.SEEN, true);
            log.info("Mail {} {} {}", messageId, accepted.outcome(), accepted.requestKey());
            return true;
        } catch (RuntimeException | MessagingException | IOException e) {
            log.warn("Mail {} not taken in, will be tried again: {}", messageId, e.toString());
            return false;
        }
    }

    private Inbound inbound(MimeMessage mail) throws MessagingException, IOException {
        InternetAddress from = sender(mail);
        String subject = mail.getSubject() == null ? "" : mail.getSubject();
        Matcher key = REQUEST_KEY.matcher(subject);
        List<String> repliesTo = new ArrayList<>();
        for (String header : new String[] {"In-Reply-To", "References"}) {
            String[] values = mail.getHeader(header);
            if (values != null) {
                Arrays.stream(values).forEach(value -> MESSAGE_ID.matcher(value).results()
                        .forEach(id -> repliesTo.add(id.group())));
            }
        }
        String messageId = mail.getMessageID() != null ? mail.getMessageID()
                : "<%s.%s@no-message-id>".formatted(from.getAddress(), mail.getSentDate() == null ? 0
                        : mail.getSentDate().getTime());
        Instant sent = mail.getSentDate() == null ? null : mail.getSentDate().toInstant();
        return new Inbound(Channel.EMAIL, messageId,
                new Inbound.Conversation(null, key.find() ? key.group(1) : null, List.copyOf(repliesTo)),
                new NewRequest.CustomerData(null, from.getPersonal(), from.getAddress().toLowerCase(), null, null),
                subject.replaceFirst("^((re|fw|fwd|回复|答复|转发)\\s*[:：]\\s*)+", "").strip(),
                withoutQuote(text(mail)), sent, null, null);
    }

    private static InternetAddress sender(MimeMessage mail) throws MessagingException {
        Address[] from = mail.getReplyTo() != null && mail.getReplyTo().length > 0 ? mail.getReplyTo() : mail.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            throw new MessagingException("mail has no sender address");
        }
        return address;
    }

    /** The plain text of a mail; HTML only when there is no plain part, with its tags removed. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    continue;
                }
                String text = text(child);
                if (text != null && child.isMimeType("text/html")) {
                    html = text;
                } else if (text != null) {
                    return text;
                }
            }
            return html;
        }
        if (part.isMimeType("text/html")) {
            return ((String) part.getContent()).replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]+>", "")
                    .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        }
        return null;
    }

    /** A reply without the quoted mail below it, so the conversation shows what the customer wrote. */
    static String withoutQuote(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(">") || trimmed.matches("(?i)^on .+ wrote:$") || trimmed.matches("^在.+写道[:：]$")
                    || trimmed.matches("(?i)^-+\\s*original message\\s*-+$")) {
                break;
            }
            kept.append(line).append('\n');
        }
        String result = kept.toString().strip();
        return result.isEmpty() ? text.strip() : result;
    }
}
