package com.sladesk.request;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/** One customer request, whatever channel it came on; its life cycle runs as a ServiceRequest process. */
@Entity
public class ServiceRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String requestKey;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String externalId;
    private String conversationId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;
    @Enumerated(EnumType.STRING)
    private CustomerTier customerTier;
    @Enumerated(EnumType.STRING)
    private Category category;
    private String product;
    private String subject;
    private String description;
    @Enumerated(EnumType.STRING)
    private Priority priority;
    private String team;
    private String expertTeam;
    private String escalationGroup;
    private String calendarId;
    @Enumerated(EnumType.STRING)
    private RequestStatus status;
    private int reopenCount;
    private Instant resolvedAt;
    private String responder;
    private String agent;
    private String expert;
    private boolean senderVerified = true;
    /** Some SLA clock of this request has breached its target (and stays so). */
    private boolean breached;
    private Instant receivedAt;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;
    private Integer satisfactionScore;
    private String processInstanceId;
    @Version
    private long version;

    protected ServiceRequest() {
    }

    public ServiceRequest(Channel channel, String externalId, Customer customer, Category category, String product,
            String subject, String description, Instant receivedAt, Instant now) {
        this.channel = channel;
        this.externalId = externalId;
        this.customer = customer;
        this.customerTier = customer.getTier();
        this.category = category;
        this.product = product;
        this.subject = subject;
        this.description = description;
        this.receivedAt = receivedAt;
        this.status = RequestStatus.NEW;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The key follows the database id, so two nodes never hand out the same one. */
    public void assignKey() {
        this.requestKey = keyOf(id);
    }

    /** SR-000123 for the request with database id 123. */
    public static String keyOf(long id) {
        return "SR-%06d".formatted(id);
    }

    /** The database id in a request key (SR-000123 → 123). */
    public static long idOfKey(String key) {
        return Long.parseLong(key.substring(key.indexOf('-') + 1));
    }

    public void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void decided(Priority priority, String team, String expertTeam, String escalationGroup,
            String calendarId) {
        this.priority = priority;
        this.calendarId = calendarId;
        routedTo(team, expertTeam, escalationGroup);
    }

    /** A reclassification: null leaves a value as it is. */
    public void reclassify(Priority newPriority, Category newCategory, CustomerTier newTier) {
        if (newPriority != null) {
            this.priority = newPriority;
        }
        if (newCategory != null) {
            this.category = newCategory;
        }
        if (newTier != null) {
            this.customerTier = newTier;
        }
    }

    public void routedTo(String team, String expertTeam, String escalationGroup) {
        this.team = team;
        this.expertTeam = expertTeam;
        this.escalationGroup = escalationGroup;
    }

    void inConversation(String conversationId) {
        this.conversationId = conversationId;
    }

    public String getConversationId() {
        return conversationId;
    }

    /** The customer's 1-5 answer to the satisfaction survey. */
    public void rated(int score) {
        this.satisfactionScore = score;
    }

    public Integer getSatisfactionScore() {
        return satisfactionScore;
    }

    public void markBreached() {
        this.breached = true;
    }

    void respondedBy(String agent) {
        this.responder = agent;
    }

    /** A web form post: nobody has proven yet that the sender owns the e-mail address. */
    public void unverifiedSender() {
        this.senderVerified = false;
    }

    /** The sender proved the address, which belongs to {@code customer}: the request is theirs now. */
    public void senderConfirmedAs(Customer owner) {
        this.customer = owner;
        this.senderVerified = true;
    }

    public boolean isSenderVerified() {
        return senderVerified;
    }

    /** The agent who last did the request's work (answered, asked the customer, resolved); gets it back. */
    public void workedBy(String agent) {
        this.agent = agent;
    }

    /** The expert who gave the latest diagnosis. */
    public void diagnosedBy(String expert) {
        this.expert = expert;
    }

    public String getAgent() {
        return agent;
    }

    public String getExpert() {
        return expert;
    }

    void moveTo(RequestStatus next, Instant at) {
        this.status = next;
        this.updatedAt = at;
        switch (next) {
            case RESOLVED -> this.resolvedAt = at;
            case CLOSED, CLOSED_NO_REPLY -> this.closedAt = at;
            default -> this.closedAt = null;
        }
    }

    void reopened() {
        this.reopenCount++;
    }

    public Long getId() {
        return id;
    }

    public String getRequestKey() {
        return requestKey;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getExternalId() {
        return externalId;
    }

    public Customer getCustomer() {
        return customer;
    }

    public CustomerTier getCustomerTier() {
        return customerTier;
    }

    public String getCalendarId() {
        return calendarId;
    }

    public int getReopenCount() {
        return reopenCount;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Category getCategory() {
        return category;
    }

    public String getProduct() {
        return product;
    }

    public String getSubject() {
        return subject;
    }

    public String getDescription() {
        return description;
    }

    public Priority getPriority() {
        return priority;
    }

    public String getTeam() {
        return team;
    }

    public String getExpertTeam() {
        return expertTeam;
    }

    public String getEscalationGroup() {
        return escalationGroup;
    }

    public RequestStatus getStatus() {
        return status;
    }

    public boolean isBreached() {
        return breached;
    }

    public String getResponder() {
        return responder;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
