package bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The baseline of the intake benchmark (.ci/benchmark-intake): Spring Boot, Camunda and H2 as the app has them, full
 * history (the app's level leaves out only variable details, and these starts set no variables), none of our code;
 * one process with a user task and a non-interrupting boundary timer, started in-process by 4 threads. Prints starts
 * per second and the p50/p99 latency of a start.
 * Arguments: the JDBC URL (H2 in memory when absent), user, password. Its package is outside com.sladesk, so the
 * app's component scan never finds it in tests; it scans nothing itself, so DesignedProcessBenchmark's plugins and
 * beans beside it stay out.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BareEngineBenchmark {

    /** The key of the baseline's process. */
    public static final String KEY = "Bare";
    static final int WARM_UP = 500;
    static final int MEASURED = 2000;
    static final int CLIENTS = 4;

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:h2:mem:bare;DB_CLOSE_DELAY=-1";
        SpringApplication application = new SpringApplication(BareEngineBenchmark.class);
        List<String> arguments = new ArrayList<>(List.of("--spring.config.location=classpath:/bench/bare-engine.yaml",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + (args.length > 1 ? args[1] : "sa"),
                "--spring.datasource.password=" + (args.length > 2 ? args[2] : "")));
        if (url.startsWith("jdbc:h2:")) {
            // H2 as the app has it (H2ParsedStatements): 256 parsed statements kept per connection, not 8
            arguments.add("--spring.datasource.hikari.data-source-properties.QUERY_CACHE_SIZE=256");
        }
        try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
            RepositoryService repository = context.getBean(RepositoryService.class);
            RuntimeService runtime = context.getBean(RuntimeService.class);
            repository.createDeployment().addModelInstance("bare.bpmn", model()).deploy();
            IntConsumer start = i -> runtime.startProcessInstanceByKey(KEY, "bare-" + System.nanoTime() + "-" + i);
            run(start, WARM_UP);
            long begin = System.nanoTime();
            List<Long> latencies = run(start, MEASURED);
            double seconds = (System.nanoTime() - begin) / 1e9;
            Collections.sort(latencies);
            System.out.printf(Locale.ROOT,
                    "bare engine: %d starts, %d clients: %.1f starts/s, p50 %.1f ms, p99 %.1f ms%n", MEASURED, CLIENTS,
                    MEASURED / seconds, latencies.get(latencies.size() / 2) / 1e6,
                    latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1) / 1e6);
        }
    }

    /** Starts {@code count} instances from {@link #CLIENTS} threads; the latency of each start. */
    static List<Long> run(IntConsumer start, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        long started = System.nanoTime();
                        start.accept(i);
                        latencies.add(System.nanoTime() - started);
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            // a start that failed leaves the other clients running: stop them, or the JVM would never exit
            pool.shutdownNow();
        }
        return latencies;
    }

    /** The baseline's process: one user task for a candidate group, a non-interrupting boundary timer on it. */
    public static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask("Task_Work").camundaCandidateGroups("team")
                .boundaryEvent("Timer_Warning").cancelActivity(false).timerWithDuration("PT1H")
                .endEvent()
                .moveToActivity("Task_Work").endEvent()
                .done();
    }
}
