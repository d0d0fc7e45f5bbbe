package com.sladesk.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Camunda describes every row it inserts (its {@code toString()}, every field) for the message of a wrong id before
 * it checks the id: 2.8 % of intake's CPU. This entity manager leaves only a wrong id to Camunda's check.
 */
@Component
class IdsCheckedWithoutText extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            factories.addAll(configuration.getCustomSessionFactories());
        }
        // custom session factories are added after Camunda's own, so this one takes DbEntityManager's place
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return DbEntityManager.class;
            }

            @Override
            public Session openSession() {
                return new IdCheckingEntityManager(configuration.getIdGenerator(),
                        Context.getCommandContext().getSession(PersistenceSession.class));
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** Camunda's entity manager, building the message of a wrong id only for a wrong id. */
    static final class IdCheckingEntityManager extends DbEntityManager {

        IdCheckingEntityManager(IdGenerator ids, PersistenceSession persistence) {
            super(ids, persistence);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(entity);
            }
        }
    }
}
