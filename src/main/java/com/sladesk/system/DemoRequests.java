package com.sladesk.system;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.sladesk.request.Category;
import com.sladesk.request.Channel;
import com.sladesk.request.CustomerTier;
import com.sladesk.request.NewRequest;
import com.sladesk.request.NewRequest.CustomerData;
import com.sladesk.request.RequestIntake;

/** A few requests so that a first look at Tasklist is not empty; created once per database. */
@Component
@ConditionalOnExpression("${sladesk.demo-data:false} and ${sladesk.demo-requests:true}")
class DemoRequests {

    private static final List<NewRequest> REQUESTS = List.of(
            new NewRequest(Channel.PHONE, "demo-call-1", null,
                    new CustomerData("acme", "Acme Ltd", "ops@acme.example", "+86 10 5555 0101", CustomerTier.VIP),
                    Category.FAULT, "Router X1", "Headquarters network is down",
                    "Since this morning nothing works, all staff offline."),
            new NewRequest(Channel.WEB, "demo-web-1", null,
                    new CustomerData("jane@example.com", "Jane Doe", "jane@example.com", null, CustomerTier.STANDARD),
                    Category.INQUIRY, null, "How do I change my plan?", "I would like the bigger one."),
            new NewRequest(Channel.WECHAT, "demo-wechat-1", null,
                    new CustomerData("wang.fang", "王芳", "wang.fang@example.cn", null, CustomerTier.GOLD),
                    Category.BILLING, null, "发票金额不对", "上个月的发票多收了一百元。"));

    private final RequestIntake intake;
    private final SeedOnce seedOnce;

    DemoRequests(RequestIntake intake, SeedOnce seedOnce) {
        this.intake = intake;
        this.seedOnce = seedOnce;
    }

    @Order(4)
    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        seedOnce.run("demo-requests-v1", () -> REQUESTS.forEach(intake::receive));
    }
}
