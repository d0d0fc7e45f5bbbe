package com.sladesk.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Open tasks per team (candidate group) and per agent (assignee), read from the engine's runtime tables. */
public class Workload {

    public record Queue(String name, long tasks, long unassigned, Instant oldestCreated, Instant soonestDue) {
    }

    public record Report(List<Queue> teams, List<Queue> agents) {
    }

    private final JdbcTemplate jdbc;

    public Workload(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Report now() {
        List<Queue> teams = jdbc.query("""
                select l.GROUP_ID_, count(*), sum(case when t.ASSIGNEE_ is null then 1 else 0 end),
                       min(t.CREATE_TIME_), min(t.DUE_DATE_)
                from ACT_RU_TASK t join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_
                where l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null
                group by l.GROUP_ID_ order by l.GROUP_ID_""", (rs, n) -> new Queue(rs.getString(1), rs.getLong(2),
                rs.getLong(3), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))));
        List<Queue> agents = jdbc.query("""
                select t.ASSIGNEE_, count(*), 0, min(t.CREATE_TIME_), min(t.DUE_DATE_)
                from ACT_RU_TASK t where t.ASSIGNEE_ is not null
                group by t.ASSIGNEE_ order by t.ASSIGNEE_""", (rs, n) -> new Queue(rs.getString(1), rs.getLong(2),
                rs.getLong(3), instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))));
        return new Report(teams, agents);
    }

    /** The engine writes its dates in the JVM's zone, as getTimestamp reads them. */
    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
