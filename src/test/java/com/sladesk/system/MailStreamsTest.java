package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;

/**
 * The stream provider named for Jakarta Mail is one it can instantiate: a wrong name would not fall back to the
 * lookup, it would fail every mail. (Without the name the lookup finds the same class, only slower.)
 */
class MailStreamsTest {

    @Test
    void theNamedProviderIsInstantiatedAndWritesAMultipartMail() throws Exception {
        // given
        MailStreams.nameTheProvider();

        // when an acknowledgement-like mail is built and written
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        MimeMessageHelper helper = new MimeMessageHelper(mail, true, "UTF-8");
        helper.setFrom("support@sladesk.local");
        helper.setTo("ops@acme.example");
        helper.setSubject("We received your request SR-000001");
        helper.setText("Dear customer, 您好", "<p>Dear customer, 您好</p>");
        mail.saveChanges();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        mail.writeTo(written);

        // then
        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreams.ANGUS);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreams.ANGUS);
        assertThat(written.toString()).contains("multipart/mixed", "text/html", "SR-000001");
    }
}
