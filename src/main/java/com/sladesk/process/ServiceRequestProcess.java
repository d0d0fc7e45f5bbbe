package com.sladesk.process;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;

/** Typed facade of the ServiceRequest process: its key, element ids, decisions and variables. */
public final class ServiceRequestProcess {

    public static final String PROCESS_KEY = "ServiceRequest";

    public static final String DECISION_PRIORITY = "RequestPriority";
    public static final String DECISION_SLA_TARGETS = "SlaTargets";
    public static final String DECISION_ROUTING = "Routing";
    public static final String DECISION_ESCALATION = "Escalation";

    /** Messages the process waits for. */
    public static final String MESSAGE_CUSTOMER_REPLIED = "CustomerReplied";
    public static final String MESSAGE_CUSTOMER_CONFIRMED = "CustomerConfirmed";
    public static final String MESSAGE_CUSTOMER_REOPENED = "CustomerReopened";
    public static final String MESSAGE_ACKNOWLEDGEMENT_DELIVERED = "AcknowledgementDelivered";

    public static final String TASK_RESPOND_TO_CUSTOMER = "Task_RespondToCustomer";
    public static final String TASK_RESOLVE_REQUEST = "Task_ResolveRequest";
    public static final String TASK_EXPERT_DIAGNOSIS = "Task_ExpertDiagnosis";
    public static final String STAGE_EXPERT_DIAGNOSIS = "SubProcess_ExpertDiagnosis";
    public static final String WAITING_ON_CUSTOMER = "EventGateway_WaitingOnCustomer";
    public static final String AWAITING_CONFIRMATION = "EventGateway_AwaitingConfirmation";
    public static final String REOPEN_WINDOW = "EventGateway_ReopenWindow";
    public static final String TIMER_REMINDER_DUE = "Timer_ReminderDue";
    public static final String TIMER_AUTO_CLOSE = "Timer_AutoClose";
    public static final String TIMER_REOPEN_WINDOW_ENDS = "Timer_ReopenWindowEnds";
    public static final String END_CLOSED_WITHOUT_REPLY = "EndEvent_ClosedWithoutReply";
    public static final String STAGE_FIRST_RESPONSE = "SubProcess_FirstResponse";
    public static final String STAGE_RESOLUTION = "SubProcess_Resolution";
    public static final String TIMER_FIRST_RESPONSE_WARNING = "Timer_FirstResponseWarning";
    public static final String TIMER_FIRST_RESPONSE_BREACH = "Timer_FirstResponseBreach";
    public static final String TIMER_RESOLUTION_WARNING = "Timer_ResolutionWarning";
    public static final String TIMER_RESOLUTION_BREACH = "Timer_ResolutionBreach";
    public static final String TIMER_EXPERT_RESPONSE_WARNING = "Timer_ExpertResponseWarning";
    public static final String TIMER_EXPERT_RESPONSE_BREACH = "Timer_ExpertResponseBreach";
    public static final String TIMER_FIRST_RESPONSE_NEXT_LEVEL = "Timer_FirstResponseNextLevel";
    public static final String TIMER_RESOLUTION_NEXT_LEVEL = "Timer_ResolutionNextLevel";
    public static final String TIMER_EXPERT_RESPONSE_NEXT_LEVEL = "Timer_ExpertResponseNextLevel";
    public static final String END_REQUEST_CLOSED = "EndEvent_RequestClosed";
    public static final String TASK_AWAIT_ACKNOWLEDGEMENT = "Task_AwaitAcknowledgement";
    public static final String TIMER_ACKNOWLEDGEMENT_WARNING = "Timer_AcknowledgementWarning";
    public static final String TIMER_ACKNOWLEDGEMENT_BREACH = "Timer_AcknowledgementBreach";
    public static final String TIMER_ACKNOWLEDGEMENT_NEXT_LEVEL = "Timer_AcknowledgementNextLevel";
    public static final String STAGE_FOLLOW_UP = "SubProcess_FollowUp";
    public static final String STAGE_ACKNOWLEDGEMENT = "SubProcess_AcknowledgementClock";
    public static final String TASK_FOLLOW_UP = "Task_FollowUpCustomer";
    public static final String TIMER_FOLLOW_UP_WARNING = "Timer_FollowUpWarning";
    public static final String TIMER_FOLLOW_UP_BREACH = "Timer_FollowUpBreach";
    public static final String TIMER_FOLLOW_UP_NEXT_LEVEL = "Timer_FollowUpNextLevel";

    /** Process variable names; the decision inputs and outputs carry the same names. */
    public static final class Var {
        public static final String REQUEST_KEY = "requestKey";
        public static final String CHANNEL = "channel";
        public static final String CUSTOMER_NAME = "customerName";
        public static final String CUSTOMER_TIER = "customerTier";
        public static final String CATEGORY = "category";
        public static final String PRODUCT = "product";
        public static final String SUBJECT = "subject";
        public static final String DESCRIPTION = "description";
        public static final String PRIORITY = "priority";
        public static final String FIRST_RESPONSE_TARGET = "firstResponseTarget";
        public static final String RESOLUTION_TARGET = "resolutionTarget";
        public static final String EXPERT_RESPONSE_TARGET = "expertResponseTarget";
        public static final String ACKNOWLEDGEMENT_TARGET = "acknowledgementTarget";
        public static final String FOLLOW_UP_TARGET = "followUpTarget";
        public static final String WARNING_PERCENT = "warningPercent";
        public static final String CALENDAR = "calendar";
        public static final String TEAM = "team";
        public static final String EXPERT_TEAM = "expertTeam";
        public static final String ESCALATION_GROUP = "escalationGroup";
        public static final String FIRST_RESPONSE_WARN_AT = "firstResponseWarnAt";
        public static final String FIRST_RESPONSE_DUE_AT = "firstResponseDueAt";
        public static final String RESOLUTION_WARN_AT = "resolutionWarnAt";
        public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
        public static final String EXPERT_RESPONSE_WARN_AT = "expertResponseWarnAt";
        public static final String EXPERT_RESPONSE_DUE_AT = "expertResponseDueAt";
        public static final String FIRST_RESPONSE_NEXT_LEVEL_AT = "firstResponseNextLevelAt";
        public static final String RESOLUTION_NEXT_LEVEL_AT = "resolutionNextLevelAt";
        public static final String EXPERT_RESPONSE_NEXT_LEVEL_AT = "expertResponseNextLevelAt";
        public static final String ACKNOWLEDGEMENT_WARN_AT = "acknowledgementWarnAt";
        public static final String ACKNOWLEDGEMENT_DUE_AT = "acknowledgementDueAt";
        public static final String ACKNOWLEDGEMENT_NEXT_LEVEL_AT = "acknowledgementNextLevelAt";
        public static final String FOLLOW_UP_WARN_AT = "followUpWarnAt";
        public static final String FOLLOW_UP_DUE_AT = "followUpDueAt";
        public static final String FOLLOW_UP_NEXT_LEVEL_AT = "followUpNextLevelAt";
        /** How the loop with the customer was closed (the follow-up stage's conditional event listens to it). */
        public static final String LOOP_CLOSED_BY = "loopClosedBy";
        /** The agent's note of a follow-up contact (form field of Follow up with the customer). */
        public static final String FOLLOW_UP_NOTE = "followUpNote";
        public static final String TASK_PRIORITY = "taskPriority";
        public static final String QUESTION = "question";
        /** The customer's latest answer, shown on the resolution task after a pause. */
        public static final String CUSTOMER_REPLY = "customerReply";
        public static final String NEXT_REMINDER_AT = "nextReminderAt";
        public static final String REMINDERS_SENT = "remindersSent";
        public static final String REMINDERS_LEFT = "remindersLeft";
        public static final String AUTO_CLOSE_AT = "autoCloseAt";
        public static final String REOPEN_UNTIL = "reopenUntil";
        /** Outputs of the Escalation decision. */
        public static final String NOTIFY_GROUP = "notifyGroup";
        public static final String NEXT_LEVEL_AFTER = "nextLevelAfter";
        public static final String RESPONDER = "responder";
        public static final String DIAGNOSED_BY = "diagnosedBy";
        public static final String REPLY = "reply";
        public static final String RESOLUTION = "resolution";
        /** Resolutions of like requests resolved before, shown read-only on the Respond to customer form. */
        public static final String SUGGESTIONS = "suggestions";
        public static final String OUTCOME = "outcome";
        public static final String DIAGNOSIS = "diagnosis";
        /** The agent's internal notes for the experts, shown read-only. */
        public static final String HAND_OVER_NOTES = "handOverNotes";
        /** Local input of the warning, breach and escalation activities. */
        public static final String METRIC = "metric";
        /** Input of the Escalation decision. */
        public static final String LEVEL = "level";

        private Var() {
        }
    }

    /** Values of the {@link Var#OUTCOME} form field of the resolution task. */
    public static final String OUTCOME_RESOLVED = "RESOLVED";
    public static final String OUTCOME_TRANSFER_TO_EXPERTS = "TRANSFER_TO_EXPERTS";
    public static final String OUTCOME_WAITING_ON_CUSTOMER = "WAITING_ON_CUSTOMER";

    private ServiceRequestProcess() {
    }

    /**
     * Whether the instance's model version has the stage: a request started on an earlier version finishes without
     * the stages added since (the acknowledgement and follow-up clocks).
     */
    public static boolean hasStage(DelegateExecution execution, String stageId) {
        return execution.getBpmnModelInstance().getModelElementById(stageId) != null;
    }

    /**
     * The request's database id, read from the business key (SR-000123 → 123) rather than from a variable:
     * whoever completes a task may set variables, but cannot change the business key.
     */
    public static long requestId(DelegateExecution execution) {
        return ServiceRequest.idOfKey(execution.getProcessBusinessKey());
    }

    /** The engine's clock: tests move it with ClockUtil, and timers fire by it. */
    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The request the execution's instance carries (see {@link #requestId}); only its own instance may act on it. */
    public static ServiceRequest request(ServiceRequestRepository requests, DelegateExecution execution) {
        return requests.ofInstance(requestId(execution), execution.getProcessInstanceId());
    }
}
