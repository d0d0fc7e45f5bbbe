package com.sladesk.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys processes/ and decisions/ at start. Only resources that changed since the last deployment are
 * deployed again, so a restart without edits creates no new versions.
 */
@Component
public class ProcessDeployer {

    public static final String DEPLOYMENT_NAME = "sla-desk";
    private static final String[] PATTERNS = {"classpath*:processes/*.bpmn", "classpath*:processes/*.form",
            "classpath*:decisions/*.dmn"};
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repositoryService;

    public ProcessDeployer(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    @Order(1)
    @EventListener(ApplicationReadyEvent.class)
    public void deployChangedResources() throws IOException {
        DeploymentBuilder deployment = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(true);
        List<String> names = new ArrayList<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : PATTERNS) {
            for (Resource resource : resolver.getResources(pattern)) {
                deployment.addInputStream(resource.getFilename(), resource.getInputStream());
                names.add(resource.getFilename());
            }
        }
        DeploymentWithDefinitions result = deployment.deployWithResult();
        log.info("Deployed {} from {} ({} changed definitions)", result.getId(), names,
                count(result.getDeployedProcessDefinitions()) + count(result.getDeployedDecisionDefinitions()));
    }

    private static int count(List<?> definitions) {
        return definitions == null ? 0 : definitions.size();
    }
}
