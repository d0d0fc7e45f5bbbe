package com.sladesk.report;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.sladesk.request.Category;
import com.sladesk.request.Channel;
import com.sladesk.request.CustomerTier;
import com.sladesk.request.Priority;
import com.sladesk.request.DeskClock;
import com.sladesk.request.RequestReader;

/** Managers' pages; they read our API from the browser with the manager's own login. */
@Controller
class ManagerPages {

    private static final String LABELS = "manager.dashboard.label.";
    private static final List<String> LABEL_KEYS = List.of("firstResponse", "expertResponse", "resolution",
            "acknowledgement", "followUp", "medianAck", "medianFollowUp", "met", "breached", "target", "compliance",
            "average", "median", "p90", "none", "requests", "breaches", "team", "channel", "category", "medianFrt",
            "medianTtr", "openBreached", "causeQUEUE", "causeAGENT", "causeEXPERTS", "causeESCALATION",
            "causeDELIVERY", "causeFOLLOW_UP", "request", "metric", "mainCause", "dueAt", "priority", "queue",
            "tasks", "unassigned", "oldest", "soonestDue", "failed", "FIRST_RESPONSE", "EXPERT_RESPONSE",
            "RESOLUTION", "ACKNOWLEDGEMENT", "FOLLOW_UP", "clickToShow", "unitMinutes", "unitHours", "risk",
            "riskReason");

    private static final String SIMULATE_LABELS = "manager.simulate.label.";
    private static final List<String> SIMULATE_LABEL_KEYS = List.of("FIRST_RESPONSE", "EXPERT_RESPONSE", "RESOLUTION",
            "MET", "BREACHED", "RUNNING", "group", "requests", "now", "candidate", "breaches", "none", "total",
            "compliance", "request", "metric", "elapsed", "targetNow", "targetCandidate", "more", "running",
            "summary");

    private final MessageSource messages;
    private final ReportProperties properties;
    private final RequestReader requests;

    ManagerPages(MessageSource messages, ReportProperties properties, RequestReader requests) {
        this.messages = messages;
        this.properties = properties;
        this.requests = requests;
    }

    @GetMapping("/manager")
    String dashboard(Model model, Locale locale) {
        Map<String, List<String>> dimensions = new LinkedHashMap<>();
        dimensions.put("channel", names(Channel.values()));
        dimensions.put("category", names(Category.values()));
        dimensions.put("tier", names(CustomerTier.values()));
        dimensions.put("priority", names(Priority.values()));
        Map<String, String> labels = new LinkedHashMap<>();
        LABEL_KEYS.forEach(key -> labels.put(key, messages.getMessage(LABELS + key, null, key, locale)));
        model.addAttribute("dimensions", dimensions);
        model.addAttribute("labels", labels);
        model.addAttribute("complianceTarget", properties.complianceTarget());
        // dates on the page are days in the report zone, as the API reads them
        model.addAttribute("today", LocalDate.ofInstant(DeskClock.now(), properties.zone()).toString());
        model.addAttribute("zone", properties.zone().getId());
        return "manager-dashboard";
    }

    @GetMapping("/manager/simulate")
    String simulate(Model model, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        SIMULATE_LABEL_KEYS.forEach(key -> labels.put(key, messages.getMessage(SIMULATE_LABELS + key, null, key,
                locale)));
        model.addAttribute("labels", labels);
        model.addAttribute("dimensions", Arrays.stream(Dimension.values()).map(Dimension::label).toList());
        model.addAttribute("today", LocalDate.ofInstant(DeskClock.now(), properties.zone()).toString());
        model.addAttribute("zone", properties.zone().getId());
        return "manager-simulate";
    }

    @GetMapping("/manager/requests/{key}")
    String request(@PathVariable String key, Model model, HttpServletResponse response) {
        model.addAttribute("key", key);
        model.addAttribute("zone", properties.zone().getId());
        if (!requests.exists(key)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "manager-request-not-found";
        }
        return "manager-request";
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
