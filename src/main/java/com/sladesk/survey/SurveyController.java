package com.sladesk.survey;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import com.sladesk.request.RequestProcess;
import com.sladesk.request.RequestStatus;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import com.sladesk.request.DeskClock;

/** The satisfaction survey a customer reaches from the link sent on closure: a 1-5 score and a comment, once. */
@Controller
@RequestMapping("/survey/{token}")
class SurveyController {

    private static final Logger log = LoggerFactory.getLogger(SurveyController.class);
    private static final int LOOP_ATTEMPTS = 3;

    private final SurveyLinks links;
    private final ServiceRequestRepository requests;
    private final SurveyAnswerRepository answers;
    private final TransactionTemplate transaction;
    private final RequestProcess process;

    SurveyController(SurveyLinks links, ServiceRequestRepository requests, SurveyAnswerRepository answers,
            TransactionTemplate transaction, RequestProcess process) {
        this.process = process;
        this.links = links;
        this.requests = requests;
        this.answers = answers;
        this.transaction = transaction;
    }

    record SurveyForm(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 2000) String comment) {
    }

    @GetMapping
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<ServiceRequest> request = requestOf(token, model, response);
        if (request.isEmpty()) {
            return "survey-closed";
        }
        if (answers.existsByRequestId(request.get().getId())) {
            return closed(model, response, HttpStatus.OK, "survey.answered");
        }
        model.addAttribute("form", new SurveyForm(null, null));
        return "survey";
    }

    @PostMapping
    String answer(@PathVariable String token, @Valid @ModelAttribute("form") SurveyForm form, BindingResult errors,
            Model model, HttpServletResponse response) {
        Optional<ServiceRequest> request = requestOf(token, model, response);
        if (request.isEmpty()) {
            return "survey-closed";
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "survey";
        }
        long requestId = request.get().getId();
        if (answers.existsByRequestId(requestId)) {
            return closed(model, response, HttpStatus.CONFLICT, "survey.answered");
        }
        try {
            transaction.executeWithoutResult(status -> {
                answers.saveAndFlush(new SurveyAnswer(requestId, form.score(),
                        form.comment() == null || form.comment().isBlank() ? null : form.comment().trim(),
                        DeskClock.now()));
                requests.findById(requestId).orElseThrow().rated(form.score());
            });
        } catch (DataIntegrityViolationException answeredMeanwhile) {
            // the unique key decides between two answers sent at the same moment
            return closed(model, response, HttpStatus.CONFLICT, "survey.answered");
        }
        closeTheLoop(request.get());
        return closed(model, response, HttpStatus.OK, "survey.thanks");
    }

    /**
     * The answer, committed, closes the loop with the customer (the FOLLOW_UP clock, if it still runs), in a
     * transaction of its own: a collision with a timer or another node is tried again, and never costs the answer.
     */
    private void closeTheLoop(ServiceRequest answered) {
        for (int attempt = 1; attempt <= LOOP_ATTEMPTS; attempt++) {
            try {
                process.loopClosed(answered, "customer answered the survey");
                return;
            } catch (RuntimeException e) {
                log.warn("The survey answer of {} did not close the loop (attempt {}): {}",
                        answered.getRequestKey(), attempt, e.toString());
            }
        }
    }

    /** The request a valid, unexpired token names; otherwise the model explains why not. */
    private Optional<ServiceRequest> requestOf(String token, Model model, HttpServletResponse response) {
        Optional<SurveyLinks.Token> read = links.read(token);
        Optional<ServiceRequest> request = read.flatMap(t -> requests.findByRequestKey(t.requestKey()));
        if (request.isEmpty()) {
            closed(model, response, HttpStatus.NOT_FOUND, "survey.invalid");
        } else if (read.get().expiredAt(DeskClock.now())) {
            closed(model, response, HttpStatus.GONE, "survey.expired");
            return Optional.empty();
        } else if (request.get().getStatus() != RequestStatus.CLOSED) {
            // the survey asks about a closed request; a link for any other is forged or premature
            closed(model, response, HttpStatus.CONFLICT, "survey.notClosed");
            return Optional.empty();
        } else {
            model.addAttribute("token", token);
            model.addAttribute("requestKey", request.get().getRequestKey());
            model.addAttribute("subject", request.get().getSubject());
        }
        return request;
    }

    private static String closed(Model model, HttpServletResponse response, HttpStatus status, String message) {
        response.setStatus(status.value());
        model.addAttribute("message", message);
        return "survey-closed";
    }
}
