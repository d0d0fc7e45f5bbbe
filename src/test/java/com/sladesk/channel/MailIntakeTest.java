package com.sladesk.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailIntakeTest {

    @Test
    void aReplyLosesTheQuotedMailBelowIt() {
        assertThat(MailIntake.withoutQuote("Version 2.4.\r\n\r\nOn Mon, 23 Nov 2026, SLA Desk wrote:\r\n> Which?"))
                .isEqualTo("Version 2.4.");
        assertThat(MailIntake.withoutQuote("是 2.4 版。\n\n在 2026年11月23日，SLA Desk 写道：\n> 哪个版本？"))
                .isEqualTo("是 2.4 版。");
    }

    @Test
    void aMailThatIsAllQuoteKeepsItsText() {
        assertThat(MailIntake.withoutQuote("> only a quote")).isEqualTo("> only a quote");
    }
}
