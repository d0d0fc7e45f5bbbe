package com.sladesk.report;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.sladesk.report.RequestHistory.Entry;
import com.sladesk.request.Channel;
import com.sladesk.request.DeskClock;
import com.sladesk.request.RequestMessage;
import com.sladesk.request.RequestReader;
import com.sladesk.request.RequestSla.ClockView;
import com.sladesk.request.RequestView;
import com.sladesk.sla.BusinessCalendar;
import com.sladesk.sla.BusinessCalendars;

/**
 * A request's history as a manager reads it: one step per thing that happened, in words ("Breached first
 * response by 2 min"), a task's start and end as one step with its duration, times in the report zone, and the
 * raw entries each step was told from (engine ids, activity types, variables) kept as its details. Raw entries
 * no step tells (activities entered and left, escalation decisions) are the engine steps.
 */
@Service
public class ReadableHistory {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    /** Business and wall-clock time are both told when they differ by at least this. */
    private static final Duration TELL_BUSINESS_TIME = Duration.ofMinutes(1);

    private final RequestHistory history;
    private final RequestReader reader;
    private final BusinessCalendars calendars;
    private final ReportProperties properties;

    ReadableHistory(RequestHistory history, RequestReader reader, BusinessCalendars calendars,
            ReportProperties properties) {
        this.history = history;
        this.reader = reader;
        this.calendars = calendars;
        this.properties = properties;
    }

    /** One thing that happened: when (in the report zone), what in words, who, how long, and the raw entries. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Step(Instant at, String when, String what, String who, String duration, String kind,
            List<Entry> details) {
    }

    /** The readable steps, the engine steps no step tells, each clock in words, and the zone the times are in. */
    public record Story(String zone, List<ClockWords> clocks, List<Step> steps, List<Step> engineSteps) {
    }

    /** A clock as the page labels it: "First response", 17 min of 15 min, paused 2 h 10 min. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ClockWords(String metric, String name, String state, String elapsed, String target,
            String paused) {
    }

    public Optional<Story> of(String key) {
        Optional<List<Entry>> raw = history.of(key);
        Optional<RequestView> view = reader.detail(key);
        if (raw.isEmpty() || view.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Teller(view.get(), raw.get()).tell());
    }

    /** Tells one request's raw entries as steps. */
    private final class Teller {

        private final RequestView request;
        private final List<Entry> raw;
        private final BusinessCalendar calendar;
        private final Map<String, ClockView> clocks = new HashMap<>();
        private final Map<String, String> taskNames = new HashMap<>();
        private final Map<String, Entry> taskEnds = new HashMap<>();
        private final List<Step> steps = new ArrayList<>();
        private final List<Step> engine = new ArrayList<>();
        /** The open "Waiting on customer" step of each paused clock, and the instant it began. */
        private final Map<String, Integer> waiting = new HashMap<>();
        private Entry priorityDecision;

        Teller(RequestView request, List<Entry> raw) {
            this.request = request;
            this.raw = raw;
            this.calendar = calendarOf(request);
            request.clocks().forEach(clock -> clocks.put(clock.metric(), clock));
            for (Entry entry : raw) {
                Object taskId = entry.details() == null ? null : entry.details().get("taskId");
                if ("TASK_CREATED".equals(entry.type())) {
                    taskNames.put((String) taskId, entry.title());
                } else if ("TASK_COMPLETED".equals(entry.type()) || "TASK_ENDED".equals(entry.type())) {
                    taskEnds.put((String) taskId, entry);
                }
            }
        }

        Story tell() {
            for (Entry entry : raw) {
                tell(entry);
            }
            if (priorityDecision != null) {
                engine.add(step(priorityDecision, priorityDecision.title(), null, null, "engine"));
            }
            // a wait no reply ended (closed without reply): it ended when its clock stopped
            for (Map.Entry<String, Integer> open : waiting.entrySet()) {
                ClockView clock = clocks.get(open.getKey());
                Step step = steps.get(open.getValue());
                if (clock != null && clock.stoppedAt() != null && step.what().startsWith("Waiting on customer (")) {
                    String waited = HumanDuration.of(Duration.between(step.at(), clock.stoppedAt()));
                    steps.set(open.getValue(), new Step(step.at(), step.when(), "Waiting on customer " + waited
                            + " (clock paused), no reply", step.who(), waited, step.kind(), step.details()));
                }
            }
            // within one instant: what arrived, what was decided, who claimed, what was said, then what followed
            steps.sort(Comparator.comparing(Step::at, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingInt(ReadableHistory::rank));
            List<ClockWords> words = request.clocks().stream().map(clock -> new ClockWords(clock.metric(),
                    capitalized(words(clock.metric())), clock.state(), HumanDuration.ofIso(clock.elapsed()),
                    HumanDuration.ofIso(clock.target()), "PT0S".equals(clock.paused()) ? null
                            : HumanDuration.ofIso(clock.paused()))).toList();
            return new Story(properties.zone().getId(), words, steps, engine);
        }

        private void tell(Entry entry) {
            Map<String, Object> details = entry.details() == null ? Map.of() : entry.details();
            switch (entry.type()) {
                case "RECEIVED" -> add(entry, "Request received " + channel((Channel) details.get("channel"))
                        + " from " + customer() + " (" + request.customerTier() + ")", null, null, "request");
                case "PROCESS_STARTED" -> attachToFirst(entry);
                case "DECISION_EVALUATED" -> decision(entry, details);
                case "TASK_CREATED" -> task(entry, details);
                case "TASK_COMPLETED", "TASK_ENDED" -> {
                    // told with the task's creation
                }
                case "TASK_CLAIM" -> add(entry, entry.user() + " claimed " + taskName(details) + " — "
                        + since(request.receivedAt(), entry.at()) + " after arrival", entry.user(), null, "claim");
                case "TASK_ASSIGN", "TASK_DELEGATE" -> add(entry, details.get("assignee") == null
                        ? entry.user() + " unassigned " + taskName(details)
                        : entry.user() + ("TASK_ASSIGN".equals(entry.type()) ? " assigned " : " delegated ")
                                + taskName(details) + " to " + details.get("assignee"), entry.user(), null, "claim");
                case "MESSAGE" -> add(entry, message(entry, details), entry.user(), null, "message");
                case "WARNING" -> add(entry, "Warning: " + words(details) + (clock(details) == null ? ""
                        : " at " + clock(details).warningPercent() + " %"), null, null, "sla warning");
                case "BREACHED" -> add(entry, breached(details) + because(details), null, null, "sla breach");
                case "RISK" -> add(entry, "At risk of breaching: " + words(details), null, null, "sla warning");
                case "ESCALATED" -> add(entry, "Escalated to " + details.get("group") + " (level "
                        + details.get("level") + ")", null, null, "sla breach");
                case "MET" -> add(entry, met(entry, details) + because(details), null, null, "sla met");
                case "STOPPED" -> add(entry, capitalized(words(details)) + " stopped late" + because(details), null,
                        null, "sla breach");
                case "PAUSED" -> paused(entry, details);
                case "RESUMED" -> resumed(entry, details);
                case "RECLASSIFIED" -> add(entry, reclassified(entry, details), entry.user(), null, "request");
                case "CUSTOMER_CONFIRMED" -> add(entry, "The customer confirmed the resolution", entry.user(), null,
                        "request");
                case "CUSTOMER_REOPENED" -> add(entry, "The customer reopened the request", entry.user(), null,
                        "request");
                case "INCIDENT" -> add(entry, "Incident: " + entry.title(), null, null, "incident");
                case "PROCESS_ENDED" -> add(entry, "Process ended", null, null, "process");
                default -> {
                    if (entry.type().startsWith("SENT_")) {
                        add(entry, "Sent " + entry.type().substring(5).toLowerCase(Locale.ROOT).replace('_', ' ')
                                + " to " + details.get("recipient") + ": " + entry.title(), null, null, "notification");
                    } else {
                        engine.add(step(entry, entry.title(), entry.user(), null, "engine"));
                    }
                }
            }
        }

        private void decision(Entry entry, Map<String, Object> details) {
            Map<?, ?> outputs = details.get("outputs") instanceof Map<?, ?> map ? map : Map.of();
            String version = " (" + details.get("decision") + (RequestHistory.REMOVED.equals(details.get("version"))
                    ? ", version removed)" : " v" + details.get("version") + ")");
            switch (String.valueOf(details.get("decision"))) {
                case "RequestPriority" -> priorityDecision = entry;
                case "SlaTargets" -> {
                    Object priority = priorityDecision == null ? request.priority() : ((Map<?, ?>) priorityDecision
                            .details().getOrDefault("outputs", Map.of())).get("priority");
                    Step step = add(entry, "Decided: " + (priority == null ? request.priority() : priority)
                            + ", first response " + HumanDuration.ofIso((String) outputs.get("firstResponseTarget"))
                            + ", resolution " + HumanDuration.ofIso((String) outputs.get("resolutionTarget"))
                            + version, null, null, "decision");
                    if (priorityDecision != null) {
                        step.details().add(0, priorityDecision);
                        priorityDecision = null;
                    }
                }
                case "Routing" -> add(entry, "Routed to " + (outputs.get("team") == null ? request.team()
                        : outputs.get("team")) + version, null, null, "decision");
                case "Escalation" -> engine.add(step(entry, entry.title() + version, null, null, "engine"));
                default -> add(entry, "Decided by " + entry.title() + version, null, null, "decision");
            }
        }

        private void task(Entry entry, Map<String, Object> details) {
            Entry end = taskEnds.get((String) details.get("taskId"));
            String what = entry.title();
            Instant until;
            if (end == null) {
                what += " — open";
                until = DeskClock.now();
            } else if ("TASK_COMPLETED".equals(end.type())) {
                what += end.user() == null ? " — done" : " — done by " + end.user();
                until = end.at();
            } else {
                what += " — ended (" + end.details().getOrDefault("reason", "canceled") + ")";
                until = end.at();
            }
            Step step = add(entry, what, end == null ? null : end.user(), between(entry.at(), until), "task");
            if (end != null) {
                step.details().add(end);
            }
        }

        private void paused(Entry entry, Map<String, Object> details) {
            // clocks paused together (resolution and expert response) are one wait
            for (Map.Entry<String, Integer> open : waiting.entrySet()) {
                Step step = steps.get(open.getValue());
                if (step.at().equals(entry.at())) {
                    step.details().add(entry);
                    waiting.put((String) details.get("metric"), open.getValue());
                    return;
                }
            }
            add(entry, "Waiting on customer (clock paused)", null,
                    "so far " + HumanDuration.of(Duration.between(entry.at(), DeskClock.now())), "waiting");
            waiting.put((String) details.get("metric"), steps.size() - 1);
        }

        private void resumed(Entry entry, Map<String, Object> details) {
            Integer index = waiting.remove((String) details.get("metric"));
            if (index == null) {
                engine.add(step(entry, entry.title(), null, null, "engine"));
                return;
            }
            Step open = steps.get(index);
            String waited = HumanDuration.of(Duration.between(open.at(), entry.at()));
            Step done = new Step(open.at(), open.when(), "Waiting on customer " + waited + " (clock paused)",
                    open.who(), waited, open.kind(), open.details());
            done.details().add(entry);
            steps.set(index, done);
        }

        private String message(Entry entry, Map<String, Object> details) {
            String said = ": “" + excerpt((String) details.get("body")) + "”";
            if (!(details.get("author") instanceof RequestMessage.Author author) || entry.title().startsWith("Internal")
                    || entry.title().startsWith("The customer's words")) {
                return entry.title() + said;
            }
            return switch (author) {
                case CUSTOMER -> "Message from the customer" + said;
                case AGENT -> (entry.user() == null ? "Message" : "Message from " + entry.user()) + " to the customer"
                        + said;
                case EXPERT -> (entry.user() == null ? "Message from an expert" : "Message from " + entry.user()
                        + " (expert)") + said;
            };
        }

        /** The elapsed time is the clock's only while it still stands where this event stopped it. */
        private String met(Entry entry, Map<String, Object> details) {
            ClockView clock = clock(details);
            String met = capitalized(words(details)) + " met";
            if (clock == null) {
                return met;
            }
            boolean stoppedHere = clock.stoppedAt() != null && entry.at() != null
                    && Duration.between(entry.at(), clock.stoppedAt()).abs().compareTo(Duration.ofSeconds(1)) <= 0;
            return met + (stoppedHere ? " in " + HumanDuration.ofIso(clock.elapsed()) : "") + " (target "
                    + HumanDuration.ofIso(clock.target()) + ")";
        }

        private String breached(Map<String, Object> details) {
            ClockView clock = clock(details);
            String words = words(details);
            if (clock == null) {
                return "Breached " + words;
            }
            if (clock.stoppedAt() != null) {
                Duration over = Duration.parse(clock.elapsed()).minus(Duration.parse(clock.target()));
                if (!over.isNegative()) {
                    return "Breached " + words + " by " + HumanDuration.of(over);
                }
            }
            return "Breached " + words + " (target " + HumanDuration.ofIso(clock.target()) + ")";
        }

        /** Why, where the desk knows: an acknowledgement not delivered, how the loop with the customer closed. */
        private static String because(Map<String, Object> details) {
            return details.get("reason") == null ? "" : " — " + details.get("reason");
        }

        private String reclassified(Entry entry, Map<String, Object> details) {
            List<String> changes = new ArrayList<>();
            for (String field : List.of("priority", "category", "tier")) {
                if (details.get(field) instanceof Map<?, ?> change) {
                    changes.add(field + " " + change.get("from") + " → " + change.get("to"));
                }
            }
            return "Reclassified by " + entry.user() + (changes.isEmpty() ? "" : ": " + String.join(", ", changes))
                    + (details.get("reason") == null ? "" : " — " + details.get("reason"));
        }

        private Step add(Entry entry, String what, String who, String duration, String kind) {
            Step step = step(entry, what, who, duration, kind);
            steps.add(step);
            return step;
        }

        private Step step(Entry entry, String what, String who, String duration, String kind) {
            List<Entry> details = new ArrayList<>();
            details.add(entry);
            return new Step(entry.at(), entry.at() == null ? "" : WHEN.format(entry.at().atZone(properties.zone())),
                    what, who, duration, kind, details);
        }

        private void attachToFirst(Entry entry) {
            if (steps.isEmpty()) {
                engine.add(step(entry, entry.title(), entry.user(), null, "engine"));
            } else {
                steps.get(0).details().add(entry);
            }
        }

        /** Wall-clock time from {@code from} to {@code to}, and the business time when it differs. */
        private String between(Instant from, Instant to) {
            if (from == null || to == null) {
                return null;
            }
            Duration wall = Duration.between(from, to);
            Duration business = calendar == null ? wall : calendar.between(from, to);
            return HumanDuration.of(wall) + (wall.minus(business).compareTo(TELL_BUSINESS_TIME) >= 0
                    ? " (business " + HumanDuration.of(business) + ")" : "");
        }

        private String since(Instant from, Instant to) {
            String between = between(from, to);
            return between == null ? "" : between;
        }

        private String taskName(Map<String, Object> details) {
            return taskNames.getOrDefault((String) details.get("taskId"), "a task");
        }

        private ClockView clock(Map<String, Object> details) {
            return clocks.get(String.valueOf(details.get("metric")));
        }

        private String customer() {
            RequestView.CustomerView customer = request.customer();
            return customer.name() != null && !customer.name().isBlank() ? customer.name() : customer.id();
        }

        private BusinessCalendar calendarOf(RequestView view) {
            try {
                return view.calendar() == null ? null : calendars.get(view.calendar());
            } catch (IllegalArgumentException removed) {
                // a calendar taken out of the configuration since: wall-clock time only
                return null;
            }
        }
    }

    private static int rank(Step step) {
        return switch (step.kind()) {
            case "request" -> step.what().startsWith("Request received") ? 0 : 4;
            case "decision" -> 1;
            case "claim" -> 2;
            case "message" -> 3;
            case "task" -> 5;
            default -> 4;
        };
    }

    private static String words(Map<String, Object> details) {
        return words(String.valueOf(details.get("metric")));
    }

    private static String words(String metric) {
        return metric.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String capitalized(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String channel(Channel channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case PHONE -> "by phone";
            case EMAIL -> "by e-mail";
            case WEB -> "on the web form";
            case CHAT -> "in chat";
            case SOCIAL -> "on social media";
            case WECHAT -> "on WeChat";
            case APP -> "in the app";
            case API -> "through the API";
        };
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() <= 120 ? line : line.substring(0, 119) + "…";
    }
}
