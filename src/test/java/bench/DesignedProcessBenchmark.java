package bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * How fast the engine alone runs the desk's own process: processes/service-request.bpmn and the four decisions on the
 * engine as the app configures it (its history level, FEEL engine, id check and H2 settings), with every delegate and
 * listener of ours replaced by one that does nothing, and slaRecord answering constants. What intake adds on top (the
 * request and clock rows, the report row, the outbox, HTTP and the login) is left out, so its starts/s bound the app's
 * intake from above. Measured in the same engine and run: the baseline's one user task with a boundary timer. Prints
 * both, and their ratio: no intake can reach more than that ratio of the baseline without changing the process.
 * Arguments as {@link BareEngineBenchmark}'s. Run from the project directory (it reads processes/ and decisions/).
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
            IntConsumer oneTask = i -> runtime.startProcessInstanceByKey("Bare", "bare-" + i);
            IntConsumer designed = i -> runtime.startProcessInstanceByKey("ServiceRequest", "SR-" + i, startVariables(i));
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

    /** What intake starts an instance with (RequestVariables.atStart and the form's suggestions), for the README's body. */
    private static Map<String, Object> startVariables(int i) {
        return Map.of("requestKey", "SR-" + i, "channel", "EMAIL", "customerName", "Acme Ltd", "customerTier", "VIP",
                "category", "FAULT", "product", "Router X1", "subject", "Outage at our headquarters",
                "description", "Nothing works since 9:00", "suggestions", "No resolved request like this one yet.");
    }

    /**
     * Every ${name} the process calls as a delegate or listener, registered as {@link Nothing}; Start SLA clocks as
     * {@link ClockCopies}, which sets the variables the real one sets.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor delegatesThatDoNothing() throws Exception {
        String model = Files.readString(PROCESS);
        return (BeanDefinitionRegistry registry) -> {
            Matcher names = Pattern.compile("(?:delegateExpression)=\"\\$\\{(\\w+)}\"").matcher(model);
            while (names.find()) {
                String name = names.group(1);
                if (!registry.containsBeanDefinition(name)) {
                    registry.registerBeanDefinition(name, new RootBeanDefinition(
                            name.equals("startSlaClocksDelegate") ? ClockCopies.class : Nothing.class));
                }
            }
        };
    }

    @Bean
    static ConstantSlaRecord slaRecord() {
        return new ConstantSlaRecord();
    }

    /** A delegate or listener that does nothing. */
    static class Nothing implements JavaDelegate, ExecutionListener, TaskListener {
        @Override
        public void execute(DelegateExecution execution) {
            // nothing: our code is not measured here
        }

        @Override
        public void notify(DelegateExecution execution) {
            // nothing
        }

        @Override
        public void notify(DelegateTask task) {
            // nothing
        }
    }

    /** Start SLA clocks without clocks: the same variables, constant instants. */
    static class ClockCopies implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            long now = System.currentTimeMillis();
            execution.setVariable("firstResponseWarnAt", new Date(now + 675_000));
            execution.setVariable("firstResponseDueAt", new Date(now + 900_000));
            execution.setVariable("resolutionWarnAt", new Date(now + 10_800_000));
            execution.setVariable("resolutionDueAt", new Date(now + 14_400_000));
            execution.setVariable("taskPriority", 80);
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
