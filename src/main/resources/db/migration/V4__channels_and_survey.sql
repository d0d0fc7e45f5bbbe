-- Outbound threading: the Message-ID an e-mail is sent with (replies name it in In-Reply-To), and what it
-- answers (the customer's Message-ID, or a chat conversation id for channel webhooks).
alter table notification add column message_id varchar(250);
alter table notification add column thread_ref varchar(1000);
create index ix_notification_message_id on notification (message_id);

-- Every inbound mail or channel event is processed once, also with two nodes: the unique key decides.
-- A chat conversation or phone call id threads later events into the request its first event opened.
create table inbound_event (
    id              bigint auto_increment primary key,
    channel         varchar(20)  not null,
    event_id        varchar(250) not null,
    conversation_id varchar(200),
    request_id      bigint       not null,
    message_id      bigint,
    received_at     datetime(3)  not null,
    constraint uk_inbound_event unique (channel, event_id),
    constraint fk_inbound_event_request foreign key (request_id) references service_request (id)
);
create index ix_inbound_event_conversation on inbound_event (channel, conversation_id);

-- One satisfaction answer per request; the score is also kept on the request for reports.
create table survey_answer (
    id          bigint auto_increment primary key,
    request_id  bigint        not null,
    score       int           not null,
    comment     varchar(2000),
    answered_at datetime(3)   not null,
    constraint uk_survey_answer_request unique (request_id),
    constraint fk_survey_answer_request foreign key (request_id) references service_request (id)
);
alter table service_request add column satisfaction_score int;

-- The chat conversation or call a request came from; replies to the customer go back into it.
alter table service_request add column conversation_id varchar(200);
