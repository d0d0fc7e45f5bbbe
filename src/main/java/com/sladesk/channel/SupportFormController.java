package com.sladesk.channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import com.sladesk.request.Category;
import com.sladesk.request.Channel;
import com.sladesk.request.NewRequest;
import com.sladesk.request.ServiceRequest;
import com.sladesk.request.ServiceRequestRepository;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import com.sladesk.request.DeskClock;

/**
 * The customers' web form at /support, no login: validated on the server, CSRF-protected (Spring Security's
 * session token), limited per e-mail address and per client address, in English or Chinese as the browser
 * asks. The sender confirms the e-mail address through the link in the acknowledgement (AddressConfirmation).
 */
@Controller
@RequestMapping("/support")
class SupportFormController {

    private static final Duration RATE_WINDOW = Duration.ofHours(1);

    private final ChannelInbox inbox;
    private final ServiceRequestRepository requests;
    private final ChannelProperties properties;
    private final InboundEventRepository events;
    private final AddressConfirmation confirmation;

    SupportFormController(ChannelInbox inbox, ServiceRequestRepository requests, ChannelProperties properties,
            InboundEventRepository events, AddressConfirmation confirmation) {
        this.events = events;
        this.confirmation = confirmation;
        this.inbox = inbox;
        this.requests = requests;
        this.properties = properties;
    }

    /** The form; {@code submissionId} makes a double submit one request. */
    record SupportForm(
            @NotBlank @Size(max = 200) String subject,
            @NotBlank @Size(max = 4000) String description,
            @NotBlank @Email @Size(max = 320) String email,
            @Size(max = 200) String name,
            Category category,
            @Size(max = 200) String product,
            @NotBlank @Pattern(regexp = "[0-9a-f-]{36}") String submissionId) {
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", new SupportForm(null, null, null, null, null, null, UUID.randomUUID().toString()));
        return form(model, null);
    }

    @PostMapping
    String submit(@Valid @ModelAttribute("form") SupportForm form, BindingResult errors, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, null);
        }
        String email = form.email().trim().toLowerCase();
        Instant now = DeskClock.now();
        String client = request.getRemoteAddr();
        if (requests.countByChannelAndCustomer_EmailAndCreatedAtAfter(Channel.WEB, email, now.minus(RATE_WINDOW))
                >= properties.webForm().maxPerHour() || events.countByChannelAndClientAddressAndReceivedAtAfter(
                        Channel.WEB, client, now.minus(RATE_WINDOW)) >= properties.webForm().maxPerClientPerHour()) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return form(model, "support.tooMany");
        }
        // a sender of its own until the address is confirmed: no known customer's tier or data
        ChannelInbox.Accepted accepted = inbox.accept(new Inbound(Channel.WEB, "web-" + form.submissionId(),
                Inbound.Conversation.of(null), new NewRequest.CustomerData(AddressConfirmation.WEB_SENDER + email,
                        form.name(), email, null, null),
                form.subject(), form.description(), now, form.category(), form.product(), client));
        model.addAttribute("requestKey", accepted.requestKey());
        model.addAttribute("email", email);
        return "support-done";
    }

    /** The link from the acknowledgement: a page with a button, so that a mail scanner's visit confirms nothing. */
    @GetMapping("/confirm/{token}")
    String confirmation(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<ServiceRequest> request = confirmation.requestOf(token);
        if (request.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("message", "support.confirmInvalid");
            return "support-confirm";
        }
        model.addAttribute("token", token);
        model.addAttribute("requestKey", request.get().getRequestKey());
        return "support-confirm";
    }

    @PostMapping("/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<String> confirmed = confirmation.confirm(token);
        if (confirmed.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("message", confirmed.isPresent() ? "support.confirmed" : "support.confirmInvalid");
        model.addAttribute("requestKey", confirmed.orElse(null));
        return "support-confirm";
    }

    private static String form(Model model, String problem) {
        model.addAttribute("categories", Category.values());
        model.addAttribute("problem", problem);
        return "support";
    }
}
