package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

import com.sladesk.process.ServiceRequestProcess;
import com.sladesk.process.ServiceRequestProcess.Var;

/**
 * The desk's process without the desk: service-request.bpmn and its decisions on the engine as the app configures it,
 * our delegates and listeners doing nothing, warm, against the baseline's one user task in the same engine. What intake
 * adds (its rows, HTTP, the login, the outbox) is left out. Arguments as {@link BareEngineBenchmark}'s; run it from
 * the project directory, it reads processes/ and decisions/.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "com.sladesk.system", useDefaultFilters = false, includeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = "com\\.sladesk\\.system\\.(FullHistoryWithoutVariableDetails|FastFeel"
                + "|IdsCheckedWithoutText|H2ParsedStatements)"))
public class DesignedProcessBenchmark {

    static final Path PROCESS = Path.of("processes", "service-request.bpmn");

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:h2:mem:designed;DB_CLOSE_DELAY=-1";
        SpringApplication application = new SpringApplication(DesignedProcessBenchmark.class);
        try (ConfigurableApplicationContext context = application.run(
                "--spring.config.location=classpath:/bench/bare-engine.yaml", "--spring.datasource.url=" + url,
                // the app's level (FullHistoryWithoutVariableDetails): no ACT_HI_DETAIL row per variable
                "--camunda.bpm.history-level=full-without-variable-details",
                "--spring.datasource.username=" + (args.length > 1 ? args[1] : "sa"),
                "--spring.datasource.password=" + (args.length > 2 ? args[2] : ""))) {
            RepositoryService repository = context.getBean(RepositoryService.class);
            RuntimeService runtime = context.getBean(RuntimeService.class);
            DeploymentBuilder deployment = repository.createDeployment().name("designed")
                    .addModelInstance("bare.bpmn", BareEngineBenchmark.model());
            for (Path file : resources()) {
                deployment.addString(file.getFileName().toString(), Files.readString(file));
            }
            deployment.deploy();
            AtomicLong keys = new AtomicLong();
            IntConsumer oneTask = i -> runtime.startProcessInstanceByKey(BareEngineBenchmark.KEY,
                    "bare-" + keys.incrementAndGet());
            IntConsumer designed = i -> runtime.startProcessInstanceByKey(ServiceRequestProcess.PROCESS_KEY,
                    "SR-" + keys.incrementAndGet(), startVariables());
            // the baseline's own 500 starts leave the JIT far from done; here both run warm, each after the other's
            // code paths were compiled: 1,000 starts of each, twice, before either is measured
            for (int round = 0; round < 2; round++) {
                BareEngineBenchmark.run(oneTask, 2 * BareEngineBenchmark.WARM_UP);
                BareEngineBenchmark.run(designed, 2 * BareEngineBenchmark.WARM_UP);
            }
            double baseline = measure("one user task", oneTask);
            double process = measure("service-request.bpmn", designed);
            System.out.printf(Locale.ROOT, "designed process: against the one user task %.2f%n", process / baseline);
        }
    }

    /** The process, its forms and the decisions it calls, as the app deploys them. */
    private static List<Path> resources() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(Path.of("processes"), Path.of("decisions"))) {
            try (var listing = Files.list(folder)) {
                listing.filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** Prints and returns the starts per second of {@link BareEngineBenchmark#MEASURED} starts. */
    private static double measure(String label, IntConsumer start) throws Exception {
        long begin = System.nanoTime();
        List<Long> latencies = BareEngineBenchmark.run(start, BareEngineBenchmark.MEASURED);
        double rate = BareEngineBenchmark.MEASURED / ((System.nanoTime() - begin) / 1e9);
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "designed process: %-20s %.1f starts/s, p50 %.1f ms, p99 %.1f ms%n", label,
                rate, latencies.get(latencies.size() / 2) / 1e6,
                latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1) / 1e6);
        return rate;
    }

    /** What intake starts an instance with (RequestVariables.atStart and the suggestions) for the README's body. */
    private static Map<String, Object> startVariables() {
        return Map.of(Var.REQUEST_KEY, "SR-1", Var.CHANNEL, "EMAIL", Var.CUSTOMER_NAME, "Acme Ltd",
                Var.CUSTOMER_TIER, "VIP", Var.CATEGORY, "FAULT", Var.PRODUCT, "Router X1",
                Var.SUBJECT, "Outage at our headquarters", Var.DESCRIPTION, "Nothing works since 9:00",
                Var.SUGGESTIONS, "No resolved request like this one yet.");
    }

    /**
     * Every ${name} the process calls as a delegate or listener, registered as {@link DoesNothing}; Start SLA clocks
     * as {@link StartSlaClocksWithoutClocks}.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor delegatesThatDoNothing() throws Exception {
        String model = Files.readString(PROCESS);
        return (BeanDefinitionRegistry registry) -> {
            Matcher names = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"").matcher(model);
            while (names.find()) {
                String name = names.group(1);
                if (!registry.containsBeanDefinition(name)) {
                    Class<?> bean = name.equals("startSlaClocksDelegate") ? StartSlaClocksWithoutClocks.class
                            : DoesNothing.class;
                    registry.registerBeanDefinition(name, new RootBeanDefinition(bean));
                }
            }
        };
    }

    @Bean
    static ConstantSlaRecord slaRecord() {
        return new ConstantSlaRecord();
    }

    /** A delegate or listener that does nothing. */
    static class DoesNothing implements JavaDelegate, ExecutionListener, TaskListener {
        @Override
        public void execute(DelegateExecution execution) {
            // our code is not measured here
        }

        @Override
        public void notify(DelegateExecution execution) {
            // as execute
        }

        @Override
        public void notify(DelegateTask task) {
            // as execute
        }
    }

    /** Start SLA clocks without clocks: the variables the real one sets, at constant distances from now. */
    static class StartSlaClocksWithoutClocks implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            long now = System.currentTimeMillis();
            execution.setVariable(Var.FIRST_RESPONSE_WARN_AT, new Date(now + 675_000));
            execution.setVariable(Var.FIRST_RESPONSE_DUE_AT, new Date(now + 900_000));
            execution.setVariable(Var.RESOLUTION_WARN_AT, new Date(now + 10_800_000));
            execution.setVariable(Var.RESOLUTION_DUE_AT, new Date(now + 14_400_000));
            execution.setVariable(Var.TASK_PRIORITY, 80);
        }
    }

    /** slaRecord's answers for a VIP fault whose clocks all run, an hour or more ahead. */
    public static class ConstantSlaRecord {
        public Date warnAt(DelegateExecution execution, String metric) {
            return new Date(System.currentTimeMillis() + 3_600_000);
        }

        public Date dueAt(DelegateExecution execution, String metric) {
            return new Date(System.currentTimeMillis() + 7_200_000);
        }

        public boolean isStopped(DelegateExecution execution, String metric) {
            return false;
        }

        public boolean hasNextLevel(DelegateExecution execution, String metric) {
            return true;
        }

        public Date nextLevelAt(DelegateExecution execution, String metric) {
            return new Date(System.currentTimeMillis() + 10_800_000);
        }

        public int nextEscalationLevel(DelegateExecution execution, String metric) {
            return 1;
        }

        public String customerTier(DelegateExecution execution) {
            return "VIP";
        }

        public String priority(DelegateExecution execution) {
            return "URGENT";
        }

        public String team(DelegateExecution execution) {
            return "tech-support";
        }

        public String expertTeam(DelegateExecution execution) {
            return "experts";
        }

        public String agent(DelegateExecution execution) {
            return null;
        }

        public int taskPriority(DelegateExecution execution) {
            return 80;
        }
    }
}
