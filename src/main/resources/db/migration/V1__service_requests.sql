-- SLA Desk's own tables. Portable between H2 (embedded default) and MySQL 8 / MariaDB.

create table customer (
    id           bigint auto_increment primary key,
    customer_ref varchar(320) not null,
    name         varchar(200),
    email        varchar(320),
    phone        varchar(50),
    tier         varchar(20)  not null,
    created_at   datetime(3)  not null,
    constraint uk_customer_ref unique (customer_ref)
);

create table service_request (
    id                  bigint auto_increment primary key,
    request_key         varchar(20),
    channel             varchar(20)   not null,
    external_id         varchar(200),
    customer_id         bigint        not null,
    category            varchar(30)   not null,
    product             varchar(200),
    subject             varchar(200)  not null,
    description         varchar(4000) not null,
    priority            varchar(20),
    team                varchar(64),
    expert_team         varchar(64),
    escalation_group    varchar(64),
    status              varchar(30)   not null,
    responder           varchar(64),
    breached            boolean       not null,
    received_at         datetime(3)   not null,
    created_at          datetime(3)   not null,
    updated_at          datetime(3)   not null,
    closed_at           datetime(3),
    process_instance_id varchar(64),
    version             bigint        not null,
    constraint uk_request_key unique (request_key),
    constraint uk_request_channel_external_id unique (channel, external_id),
    constraint fk_request_customer foreign key (customer_id) references customer (id)
);
create index ix_request_status on service_request (status);
create index ix_request_team on service_request (team);
create index ix_request_created_at on service_request (created_at);
create index ix_request_breached on service_request (breached);

create table request_message (
    id          bigint auto_increment primary key,
    request_id  bigint        not null,
    author      varchar(20)   not null,
    author_id   varchar(330),
    internal    boolean       not null,
    body        varchar(4000) not null,
    channel     varchar(20),
    external_id varchar(200),
    created_at  datetime(3)   not null,
    constraint fk_message_request foreign key (request_id) references service_request (id)
);
create index ix_message_request on request_message (request_id);

create table sla_clock (
    id              bigint auto_increment primary key,
    request_id      bigint      not null,
    metric          varchar(30) not null,
    target          varchar(40) not null,
    calendar_id     varchar(64) not null,
    warning_percent int         not null,
    started_at      datetime(3) not null,
    warn_at         datetime(3) not null,
    due_at          datetime(3) not null,
    state           varchar(20) not null,
    stopped_at      datetime(3),
    elapsed_seconds bigint,
    paused_seconds  bigint      not null,
    ever_breached   boolean     not null,
    version         bigint      not null,
    constraint uk_clock_request_metric unique (request_id, metric),
    constraint fk_clock_request foreign key (request_id) references service_request (id)
);

-- One event of a kind per clock and level: a retried timer job can never log a breach twice.
create table sla_event (
    id          bigint auto_increment primary key,
    request_id  bigint      not null,
    metric      varchar(30) not null,
    type        varchar(20) not null,
    level       int         not null,
    group_id    varchar(64),
    occurred_at datetime(3) not null,
    constraint uk_event_once unique (request_id, metric, type, level),
    constraint fk_event_request foreign key (request_id) references service_request (id)
);

-- Transactional outbox: written with the event that caused it, delivered later.
create table notification (
    id         bigint auto_increment primary key,
    request_id bigint        not null,
    kind       varchar(30)   not null,
    recipient  varchar(400)  not null,
    subject    varchar(300)  not null,
    body       varchar(4000) not null,
    status     varchar(20)   not null,
    attempts   int           not null,
    last_error varchar(1000),
    dedupe_key varchar(200)  not null,
    created_at datetime(3)   not null,
    sent_at    datetime(3),
    constraint uk_notification_dedupe unique (dedupe_key),
    constraint fk_notification_request foreign key (request_id) references service_request (id)
);
create index ix_notification_status on notification (status);

-- Start-up seeding (identity, Tasklist filters) runs once per database, also with several nodes.
create table seed_marker (
    name       varchar(100) primary key,
    applied_at datetime(3)  not null
);
