package com.sladesk.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import com.sladesk.process.ServiceRequestProcess.Var;
import com.sladesk.request.Customer;
import com.sladesk.request.Priority;
import com.sladesk.request.ServiceRequest;
import com.sladesk.sla.SlaClock;
import com.sladesk.sla.SlaMetric;

/**
 * The ServiceRequest process's variables, typed: the only code that reads or writes them. Variables are
 * copies for forms, Tasklist columns and the decisions; what an SLA depends on is read from our tables
 * ({@link SlaRecord}), because whoever works a task could overwrite a variable.
 */
final class RequestVariables {

    private final VariableScope scope;

    private RequestVariables(VariableScope scope) {
        this.scope = scope;
    }

    static RequestVariables of(VariableScope scope) {
        return new RequestVariables(scope);
    }

    /** The metric a warning, breach or escalation activity acts for (its local input). */
    SlaMetric metric() {
        return SlaMetric.valueOf(string(Var.METRIC));
    }

    /** The RequestPriority decision's result. */
    Priority priority() {
        return Priority.valueOf(string(Var.PRIORITY));
    }

    /** SlaTargets' calendar id. */
    String calendar() {
        return string(Var.CALENDAR);
    }

    /** Routing's team, expert team and escalation group. */
    String team() {
        return string(Var.TEAM);
    }

    String expertTeam() {
        return string(Var.EXPERT_TEAM);
    }

    String escalationGroup() {
        return string(Var.ESCALATION_GROUP);
    }

    /** SlaTargets' warning percentage. */
    int warningPercent() {
        return ((Number) scope.getVariable(Var.WARNING_PERCENT)).intValue();
    }

    /** SlaTargets' target of the metric, an ISO-8601 duration (or the metric's default when it gave none). */
    Duration target(SlaMetric metric) {
        MetricVariables names = MetricVariables.of(metric);
        return names.target(scope.getVariable(names.target));
    }

    /** Records how the loop with the customer was closed; the follow-up stage's conditional event ends on it. */
    void loopClosed(String how) {
        scope.setVariable(Var.LOOP_CLOSED_BY, how);
    }

    /** The note of the follow-up contact (form field of Follow up with the customer). */
    String followUpNote() {
        return string(Var.FOLLOW_UP_NOTE);
    }

    /** The task priority the request's tasks start with. */
    void taskPriority(Priority priority) {
        scope.setVariable(Var.TASK_PRIORITY, priority.taskPriority());
    }

    /** Copies the clock's warning and due instants for the forms and for process versions before slaRecord. */
    void publish(SlaMetric metric, SlaClock clock) {
        MetricVariables names = MetricVariables.of(metric);
        scope.setVariable(names.warnAt, Date.from(clock.getWarnAt()));
        scope.setVariable(names.dueAt, Date.from(clock.getDueAt()));
    }

    /** The copy that process versions before slaRecord read their next-level timer and gateway from. */
    void nextLevelAt(SlaMetric metric, Instant at) {
        scope.setVariable(MetricVariables.of(metric).nextLevelAt, at == null ? null : Date.from(at));
    }

    /** The Escalation decision's group of the next level (none: no rule for it), from "Decide escalation". */
    String notifyGroup() {
        return string(Var.NOTIFY_GROUP);
    }

    /** The Escalation decision's business time until the level after the next, an ISO-8601 duration or none. */
    String nextLevelAfter() {
        return string(Var.NEXT_LEVEL_AFTER);
    }

    /** The agent's answer (form field of Respond to customer). */
    String reply() {
        return string(Var.REPLY);
    }

    /** The resolution text (form field of Resolve request). */
    String resolution() {
        return string(Var.RESOLUTION);
    }

    /** The expert's diagnosis (form field of Diagnose as expert). */
    String diagnosis() {
        return string(Var.DIAGNOSIS);
    }

    /** The question to the customer (form field of Resolve request, waiting on the customer). */
    String question() {
        return string(Var.QUESTION);
    }

    /** The outcome chosen on the resolution task is used up: the next pass through the task chooses again. */
    void outcomeUsed() {
        scope.removeVariable(Var.OUTCOME);
    }

    /** The agent's notes for the experts replace the resolution text, which starts empty again. */
    void handOver(String notes) {
        scope.setVariable(Var.HAND_OVER_NOTES, notes);
        scope.removeVariable(Var.RESOLUTION);
    }

    /** The customer's latest answer, shown on the resolution task. */
    void customerReply(String text) {
        scope.setVariable(Var.CUSTOMER_REPLY, text);
    }

    /** Who claimed the respond or the diagnosis task (Tasklist column and form). */
    void responder(String user) {
        scope.setVariable(Var.RESPONDER, user);
    }

    void diagnosedBy(String user) {
        scope.setVariable(Var.DIAGNOSED_BY, user);
    }

    /** When the resolved request closes by itself, and until when it may be reopened. */
    void resolvedUntil(Instant autoCloseAt, Instant reopenUntil) {
        scope.setVariable(Var.AUTO_CLOSE_AT, Date.from(autoCloseAt));
        scope.setVariable(Var.REOPEN_UNTIL, Date.from(reopenUntil));
    }

    /** Reminders sent while waiting on the customer. */
    int remindersSent() {
        Object sent = scope.getVariable(Var.REMINDERS_SENT);
        return sent == null ? 0 : ((Number) sent).intValue();
    }

    /** After {@code sent} reminders: whether another is left, and when it is due. */
    void reminders(int sent, boolean left, Instant nextAt) {
        scope.setVariable(Var.REMINDERS_SENT, sent);
        scope.setVariable(Var.REMINDERS_LEFT, left);
        scope.setVariable(Var.NEXT_REMINDER_AT, Date.from(nextAt));
    }

    /** The variables a request's process starts with: the request's facts, as the decisions read them. */
    static Map<String, Object> atStart(ServiceRequest request) {
        Customer customer = request.getCustomer();
        return Map.of(Var.REQUEST_KEY, request.getRequestKey(),
                Var.CHANNEL, request.getChannel().name(),
                Var.CUSTOMER_NAME, customer.getName() == null ? customer.getCustomerRef() : customer.getName(),
                Var.CUSTOMER_TIER, customer.getTier().name(),
                Var.CATEGORY, request.getCategory().name(),
                Var.PRODUCT, request.getProduct() == null ? "" : request.getProduct(),
                Var.SUBJECT, request.getSubject(),
                Var.DESCRIPTION, request.getDescription());
    }

    /** A running instance's variables after a reclassification: the new classification and decision outputs. */
    static void reclassified(RuntimeService runtime, String instance, Priority priority, String category,
            String customerTier, Map<String, Object> decisionOutputs) {
        VariableMap variables = Variables.createVariables()
                .putValue(Var.PRIORITY, priority.name())
                .putValue(Var.CATEGORY, category)
                .putValue(Var.CUSTOMER_TIER, customerTier)
                .putValue(Var.TASK_PRIORITY, priority.taskPriority());
        variables.putAll(decisionOutputs);
        runtime.setVariables(instance, variables);
    }

    /** A running instance's copies of a clock's instants after the clock moved. */
    static void publish(RuntimeService runtime, String instance, SlaMetric metric, SlaClock clock) {
        MetricVariables names = MetricVariables.of(metric);
        runtime.setVariables(instance, Map.of(names.warnAt, Date.from(clock.getWarnAt()), names.dueAt,
                Date.from(clock.getDueAt())));
    }

    private String string(String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
