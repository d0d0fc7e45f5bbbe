-- The agent who has the resolution work and the expert who diagnosed, kept on the request instead of in
-- process variables that anyone working a task could overwrite.
alter table service_request add column agent varchar(64);
alter table service_request add column expert varchar(64);

-- What a customer said on the phone, recorded by an agent: the agent is the author, the words the customer's.
alter table request_message add column on_behalf_of_customer boolean default false not null;

-- Who gave the customer's answer (confirm, reopen): a channel's user or the staff member who recorded it.
create table customer_answer (
    id          bigint auto_increment primary key,
    request_id  bigint      not null references service_request (id),
    answer      varchar(16) not null,
    recorded_by varchar(64) not null,
    recorded_at datetime(3) not null
);
create index ix_customer_answer_request on customer_answer (request_id);

-- requests answered before: the agent who answered works them
update service_request set agent = responder where agent is null;
