-- Pausing, escalation levels, reopening, reclassification and time per state.

alter table sla_clock add column paused_at datetime(3);
alter table sla_clock add column escalation_level int not null default 0;
alter table sla_clock add column next_escalation_at datetime(3);

alter table service_request add column customer_tier varchar(20);
update service_request set customer_tier = (select c.tier from customer c where c.id = service_request.customer_id);
alter table service_request add column calendar_id varchar(64);
alter table service_request add column reopen_count int not null default 0;
alter table service_request add column resolved_at datetime(3);

-- A customer's message delivered twice (same external id) is recorded once.
alter table request_message add constraint uk_message_external_id unique (request_id, external_id);

create table status_interval (
    id               bigint auto_increment primary key,
    request_id       bigint      not null,
    status           varchar(30) not null,
    started_at       datetime(3) not null,
    ended_at         datetime(3),
    business_seconds bigint,
    wall_seconds     bigint,
    team             varchar(64),
    assignee         varchar(64),
    constraint fk_interval_request foreign key (request_id) references service_request (id)
);
create index ix_interval_request on status_interval (request_id);

create table reclassification (
    id           bigint auto_increment primary key,
    request_id   bigint       not null,
    changed_by   varchar(64)  not null,
    reason       varchar(500) not null,
    old_priority varchar(20),
    new_priority varchar(20),
    old_category varchar(30),
    new_category varchar(30),
    old_tier     varchar(20),
    new_tier     varchar(20),
    changed_at   datetime(3)  not null,
    constraint fk_reclassification_request foreign key (request_id) references service_request (id)
);
create index ix_reclassification_request on reclassification (request_id);
