package com.sladesk.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On MySQL and MariaDB, Camunda creates its tables in utf8 (three bytes a character), so a variable holding an
 * emoji a customer sent from WeChat fails to save. Once its schema exists, its tables are converted to
 * utf8mb4 like ours: whole tables where no foreign key links them, else the text columns outside keys and
 * indexes (ids stay as they are). Each start converts only tables not converted yet; a second node starting
 * at the same moment repeats an ALTER to the same effect.
 */
@Component
class MysqlUnicodeTables extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(MysqlUnicodeTables.class);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        String type = configuration.getDatabaseType();
        if (!"mysql".equals(type) && !"mariadb".equals(type)) {
            return;
        }
        try (Connection connection = LongStatements.untimed(configuration.getDataSource().getConnection());
                Statement statement = connection.createStatement()) {
            List<String> tables = strings(statement, "select table_name from information_schema.tables "
                    + "where table_schema = database() and table_name like 'ACT\\_%' "
                    + "and table_collation not like 'utf8mb4%'");
            if (tables.isEmpty()) {
                return;
            }
            log.info("Converting {} Camunda tables to utf8mb4", tables.size());
            List<String> linked = strings(statement, "select table_name from information_schema.referential_constraints "
                    + "where constraint_schema = database() union select referenced_table_name from "
                    + "information_schema.referential_constraints where constraint_schema = database()");
            for (String table : tables) {
                if (linked.contains(table)) {
                    // keys shared with other tables keep their charset; the columns holding text change
                    for (String column : strings(statement, textColumnsOutsideIndexes(table))) {
                        statement.execute("alter table " + table + " modify " + column);
                    }
                    statement.execute("alter table " + table + " default character set utf8mb4 collate utf8mb4_bin");
                } else {
                    statement.execute("alter table " + table + " convert to character set utf8mb4 collate utf8mb4_bin");
                }
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Camunda's tables could not be converted to utf8mb4", e);
        }
    }

    /** Each text column of {@code table} that no index uses, as a column definition in utf8mb4. */
    private static String textColumnsOutsideIndexes(String table) {
        return """
                select concat(column_name, ' ', column_type, ' character set utf8mb4 collate utf8mb4_bin',
                              if(is_nullable = 'NO', ' not null', ' null'))
                from information_schema.columns c
                where c.table_schema = database() and c.table_name = '%s'
                  and c.character_set_name is not null and c.character_set_name <> 'utf8mb4'
                  and not exists (select 1 from information_schema.statistics s where s.table_schema = database()
                                  and s.table_name = c.table_name and s.column_name = c.column_name)
                """.formatted(table);
    }

    private static List<String> strings(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
