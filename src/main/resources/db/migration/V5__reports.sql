-- Reports read one row per request, kept up to date in every transaction that changes the request or one of
-- its SLA clocks. Its primary key leads with the arrival instant, so a period's rows lie together and a
-- report reads them in one range scan.
create table request_report (
    received_at   datetime(3) not null,
    request_id    bigint      not null,
    channel       varchar(20) not null,
    category      varchar(30) not null,
    team          varchar(64),
    customer_tier varchar(20),
    priority      varchar(20),
    responder     varchar(64),
    status        varchar(30) not null,
    breached      boolean     not null,
    frt_state     varchar(20),
    frt_breached  boolean     not null,
    frt_seconds   bigint,
    frt_level     int         not null,
    ert_state     varchar(20),
    ert_breached  boolean     not null,
    ert_seconds   bigint,
    ert_level     int         not null,
    ttr_state     varchar(20),
    ttr_breached  boolean     not null,
    ttr_seconds   bigint,
    ttr_level     int         not null,
    primary key (received_at, request_id),
    constraint uk_request_report unique (request_id)
);

insert into request_report (received_at, request_id, channel, category, team, customer_tier, priority, responder,
        status, breached, frt_state, frt_breached, frt_seconds, frt_level, ert_state, ert_breached, ert_seconds,
        ert_level, ttr_state, ttr_breached, ttr_seconds, ttr_level)
select r.received_at, r.id, r.channel, r.category, r.team, r.customer_tier, r.priority, r.responder, r.status,
       r.breached, f.state, coalesce(f.ever_breached, false), f.elapsed_seconds, coalesce(f.escalation_level, 0),
       x.state, coalesce(x.ever_breached, false), x.elapsed_seconds, coalesce(x.escalation_level, 0),
       t.state, coalesce(t.ever_breached, false), t.elapsed_seconds, coalesce(t.escalation_level, 0)
from service_request r
left join sla_clock f on f.request_id = r.id and f.metric = 'FIRST_RESPONSE'
left join sla_clock x on x.request_id = r.id and x.metric = 'EXPERT_RESPONSE'
left join sla_clock t on t.request_id = r.id and t.metric = 'RESOLUTION';

-- Requests about to breach: running clocks by due instant.
create index ix_clock_state_due on sla_clock (state, due_at);

-- The weekly SLA summary: one per period, also with several nodes; mailed through the outbox and kept here.
create table report_summary (
    id           bigint auto_increment primary key,
    kind         varchar(30)   not null,
    period_from  datetime(3)   not null,
    period_to    datetime(3)   not null,
    subject      varchar(300)  not null,
    body         varchar(8000) not null,
    created_at   datetime(3)   not null,
    constraint uk_report_summary unique (kind, period_from)
);
