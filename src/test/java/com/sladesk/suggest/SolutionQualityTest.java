package com.sladesk.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * How good the suggestions are, measured: a generated corpus of resolved requests in ten problem families, in
 * English and in Chinese, each written from several phrasings; then new requests written from phrasings the
 * corpus never used. For at least 80 % of the new requests of each language, the top three suggestions hold a
 * request of the same family.
 */
class SolutionQualityTest {

    /** A problem family: phrasings for the corpus and others held out for new requests, per language. */
    record Family(String name, String category, String product, List<String> enCorpus, List<String> enNew,
            List<String> zhCorpus, List<String> zhNew) {
    }

    static final List<Family> FAMILIES = List.of(
            new Family("no-internet", "FAULT", "Router X1",
                    List.of("Router lost internet connection", "No internet since this morning, router lights red",
                            "Internet connection drops every few minutes", "The router shows no internet access",
                            "Our office has no internet, the router keeps rebooting"),
                    List.of("Cannot get online at all, internet is down", "The internet connection is dead again",
                            "Websites will not load, the line seems offline"),
                    List.of("路由器断网了", "从早上开始没有网络，路由器亮红灯", "网络连接每隔几分钟就断开", "路由器显示无法访问互联网",
                            "办公室没有网络，路由器一直重启"),
                    List.of("完全上不了网，网络断了", "网络连接又断了", "网页打不开，线路好像离线了")),
            new Family("printer", "FAULT", "Printer P200",
                    List.of("Printer paper jam", "The printer jams on every page", "Paper stuck inside the printer",
                            "Printer keeps jamming when printing", "Printer says paper jam but there is no paper"),
                    List.of("Pages get jammed in the printer", "Our printer has a paper jam again",
                            "Sheets get stuck when I print documents"),
                    List.of("打印机卡纸", "打印机每页都卡纸", "纸卡在打印机里面", "打印时打印机一直卡纸", "打印机提示卡纸但是里面没有纸"),
                    List.of("打印机又卡纸了", "打印机里的纸卡住了", "打印文件时纸张被夹住")),
            new Family("invoice", "BILLING", null,
                    List.of("Invoice amount is wrong", "I was charged twice on my invoice",
                            "The invoice total is too high",
                            "Wrong amount on this month's invoice", "Invoice shows a charge I did not order"),
                    List.of("My bill has the wrong amount charged", "Charged twice, please fix the invoice",
                            "The amount billed this month looks incorrect"),
                    List.of("发票金额不对", "发票上重复收费", "发票总额太高", "本月发票金额错误", "发票上有我没有订购的费用"),
                    List.of("账单金额收错了", "重复收费，请更正发票", "这个月的账单金额好像不正确")),
            new Family("password", "INQUIRY", null,
                    List.of("How do I reset my password", "Forgot my password and cannot log in",
                            "Password reset email never arrives", "Locked out after entering the wrong password",
                            "Need to change my account password"),
                    List.of("I can't log in, forgot the password", "Please help me reset the account password",
                            "Cannot sign in, need a new login password"),
                    List.of("怎么重置密码", "忘记密码无法登录", "收不到重置密码的邮件", "输错密码后账号被锁定", "需要修改账号密码"),
                    List.of("忘了密码登录不了", "请帮我重置账号密码", "无法登入，需要新的登录密码")),
            new Family("wifi-slow", "FAULT", "Router X1",
                    List.of("WiFi is very slow", "Wireless speed is slow in the evening",
                            "Slow WiFi in the meeting room",
                            "WiFi signal weak and slow", "Download speed over WiFi is very slow"),
                    List.of("The wireless network is so slow", "WiFi speed dropped, everything is slow",
                            "Wireless internet crawls in the afternoon"),
                    List.of("无线网速度很慢", "晚上无线网速很慢", "会议室的无线网很慢", "无线信号弱而且慢", "无线网下载速度很慢"),
                    List.of("无线网络太慢了", "无线网速下降，什么都很慢", "下午无线上网特别卡")),
            new Family("installation", "INSTALLATION", "Router X1",
                    List.of("Need an appointment to install the new router", "When will the technician come to install",
                            "Installation appointment for my new device", "Please schedule installation of the router",
                            "Reschedule my installation appointment"),
                    List.of("Book a technician to install my router", "Can the installation appointment be moved",
                            "Set up a visit to install the equipment"),
                    List.of("需要预约安装新路由器", "技术员什么时候上门安装", "新设备的安装预约", "请安排路由器安装", "更改我的安装预约时间"),
                    List.of("预约技术员上门安装路由器", "安装预约可以改时间吗", "安排上门安装设备")),
            new Family("refund", "RETURN", null,
                    List.of("Refund for my returned item", "I returned the product but got no refund",
                            "When will I get my refund", "Return shipped back, refund still missing",
                            "Please refund the returned order"),
                    List.of("Still waiting for the refund of my return", "Product sent back, where is my refund",
                            "Money for the returned goods has not come back"),
                    List.of("退货的退款", "产品已退回但没有收到退款", "什么时候能收到退款", "退货已寄回，退款还没到", "请为退回的订单退款"),
                    List.of("退货后还在等退款", "产品已经寄回，退款在哪里", "退回商品的钱还没有退给我")),
            new Family("screen", "FAULT", "Phone S9",
                    List.of("Phone screen cracked", "The screen is broken after a fall", "Cracked display needs repair",
                            "Touch screen not responding after the screen broke", "Screen shattered, need replacement"),
                    List.of("My display is cracked and broken", "Need the broken screen replaced",
                            "Display glass smashed on my phone"),
                    List.of("手机屏幕碎了", "摔了以后屏幕坏了", "屏幕碎裂需要维修", "屏幕坏了以后触摸没反应", "屏幕摔碎了，需要更换"),
                    List.of("我的屏幕裂了坏了", "需要更换坏掉的屏幕", "手机显示屏玻璃摔裂")),
            new Family("email-sync", "FAULT", "Mail app",
                    List.of("Email not syncing on my phone", "New emails do not arrive in the mail app",
                            "Mailbox stopped syncing", "Emails are not synchronized between devices",
                            "The mail app cannot sync my inbox"),
                    List.of("My inbox does not sync any more", "Mail app shows no new email, sync fails",
                            "Messages from my mailbox don't show up on the tablet"),
                    List.of("手机上的邮件不同步", "邮件应用收不到新邮件", "邮箱停止同步", "邮件在设备之间没有同步", "邮件应用无法同步收件箱"),
                    List.of("我的收件箱不再同步", "邮件应用没有新邮件，同步失败", "平板上看不到邮箱里的邮件")),
            new Family("complaint", "COMPLAINT", null,
                    List.of("Complaint about rude staff", "The service agent was rude to me",
                            "I want to complain about your service", "Very unhappy with how my case was handled",
                            "Complaint: nobody called me back"),
                    List.of("Your staff were rude, I am complaining", "Formal complaint about the poor service",
                            "The person on the phone was impolite to me"),
                    List.of("投诉工作人员态度差", "客服对我很不礼貌", "我要投诉你们的服务", "对我的问题处理方式非常不满", "投诉：没有人给我回电话"),
                    List.of("你们的员工很粗鲁，我要投诉", "正式投诉服务太差", "电话里的人对我不客气")));

    @Test
    void theTopThreeHoldASolutionOfTheSameFamilyForFourOutOfFiveNewRequestsInEachLanguage() {
        Random random = new Random(16);
        Map<String, String> familyOf = new HashMap<>();
        try (SolutionIndex index = new SolutionIndex()) {
            // a few hundred resolved requests: each family's corpus phrasings, several times with other details
            int n = 0;
            for (Family family : FAMILIES) {
                for (int round = 0; round < 3; round++) {
                    for (String[] phrasing : pairs(family.enCorpus(), family.zhCorpus())) {
                        for (String text : phrasing) {
                            String key = "SR-%06d".formatted(++n);
                            familyOf.put(key, family.name());
                            index.add(new SolutionIndex.Solved(key, text, detail(random, text), family.category(),
                                    family.product(), "Resolution for " + family.name(),
                                    Instant.parse("2026-11-01T00:00:00Z").plusSeconds(n)));
                        }
                    }
                }
            }
            index.refresh();
            assertThat(index.size()).isEqualTo(300);

            // when new requests, phrased as the corpus never was, ask for suggestions
            Map<String, int[]> hits = new HashMap<>();
            for (Family family : FAMILIES) {
                for (String language : List.of("en", "zh")) {
                    for (String text : language.equals("en") ? family.enNew() : family.zhNew()) {
                        List<SolutionIndex.Suggestion> top = index.like(null, text, "", family.category(),
                                family.product(), 3);
                        int[] counts = hits.computeIfAbsent(language, l -> new int[2]);
                        counts[1]++;
                        if (top.stream().anyMatch(s -> family.name().equals(familyOf.get(s.key())))) {
                            counts[0]++;
                        }
                    }
                }
            }

            // then four out of five (or better) find their family in the top three, in each language
            for (Map.Entry<String, int[]> language : hits.entrySet()) {
                double share = (double) language.getValue()[0] / language.getValue()[1];
                System.out.printf("suggestions, %s: %d of %d new requests have their family in the top 3 (%.0f %%)%n",
                        language.getKey(), language.getValue()[0], language.getValue()[1], share * 100);
                assertThat(share).as(language.getKey()).isGreaterThanOrEqualTo(0.8);
            }
        }
    }

    @Test
    void aRequestNeverSuggestsItselfAndAResolvedAgainRequestIsKeptOnce() {
        try (SolutionIndex index = new SolutionIndex()) {
            index.add(new SolutionIndex.Solved("SR-000001", "Router lost internet", "", "FAULT", "Router X1",
                    "Restarted the line", Instant.parse("2026-11-01T00:00:00Z")));
            index.add(new SolutionIndex.Solved("SR-000001", "Router lost internet", "", "FAULT", "Router X1",
                    "Replaced the router", Instant.parse("2026-11-02T00:00:00Z")));
            index.add(new SolutionIndex.Solved("SR-000002", "Printer paper jam", "", "FAULT", "Printer P200",
                    "Cleared the tray", Instant.parse("2026-11-03T00:00:00Z")));
            index.refresh();

            assertThat(index.size()).isEqualTo(2);
            assertThat(index.like(null, "No internet on the router", "", "FAULT", null, 3))
                    .extracting(SolutionIndex.Suggestion::key, SolutionIndex.Suggestion::resolution)
                    .first().isEqualTo(org.assertj.core.groups.Tuple.tuple("SR-000001", "Replaced the router"));
            assertThat(index.like("SR-000001", "Router lost internet", "", "FAULT", null, 3))
                    .extracting(SolutionIndex.Suggestion::key).doesNotContain("SR-000001");
            assertThat(index.like(null, "   ", "", null, null, 3)).isEmpty();
        }
    }

    /** The corpus phrasings as pairs, English beside Chinese. */
    private static List<String[]> pairs(List<String> en, List<String> zh) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < en.size(); i++) {
            pairs.add(new String[] {en.get(i), zh.get(i)});
        }
        return pairs;
    }

    /** A description with a detail that says nothing about the problem. */
    private static String detail(Random random, String text) {
        boolean chinese = text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        String[] en = {"Customer number 4711.", "Please call back.", "Since yesterday.", "Urgent, thanks."};
        String[] zh = {"客户编号4711。", "请回电。", "从昨天开始。", "很急，谢谢。"};
        return (chinese ? zh : en)[random.nextInt(4)];
    }
}
