package com.sladesk.suggest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The suggestion benchmark (README "Suggestions from resolved requests"): indexes 100,000 resolved requests
 * written from the quality test's families with random details, in English and Chinese, then times 2,000
 * searches for new requests as the API runs them, and prints the index's size in memory and the latency's
 * median, 95th and 99th percentile. {@code ./mvnw -q test-compile exec:exec@suggestion-benchmark}
 * ({@code -Dsladesk.benchmark.resolved} changes the number).
 */
public final class SuggestionBenchmark {

    private SuggestionBenchmark() {
    }

    public static void main(String[] args) {
        int resolved = Integer.getInteger("sladesk.benchmark.resolved", 100_000);
        Random random = new Random(12);
        String[] noise = {"customer 4711", "since yesterday", "please call back", "urgent", "branch office",
            "客户编号", "从昨天开始", "请回电", "很急", "分公司"};
        try (SolutionIndex index = new SolutionIndex()) {
            long began = System.nanoTime();
            for (int i = 0; i < resolved; i++) {
                SolutionQualityTest.Family family = SolutionQualityTest.FAMILIES.get(random.nextInt(
                        SolutionQualityTest.FAMILIES.size()));
                List<String> phrasings = random.nextBoolean() ? family.enCorpus() : family.zhCorpus();
                index.add(new SolutionIndex.Solved("SR-%07d".formatted(i), phrasings.get(random.nextInt(
                        phrasings.size())), noise[random.nextInt(noise.length)] + " " + random.nextInt(100_000),
                        family.category(), family.product(), "Resolution " + i + " of " + family.name(),
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
            }
            index.refresh();
            System.out.printf("indexed %,d resolved requests in %.1f s; index in memory %.1f MB%n", index.size(),
                    (System.nanoTime() - began) / 1e9, index.bytes() / 1e6);
            List<String> fresh = new ArrayList<>();
            SolutionQualityTest.FAMILIES.forEach(f -> {
                fresh.addAll(f.enNew());
                fresh.addAll(f.zhNew());
            });
            for (int i = 0; i < 500; i++) {
                index.like(null, fresh.get(i % fresh.size()), "", "FAULT", null, 5);
            }
            long[] micros = new long[2_000];
            for (int i = 0; i < micros.length; i++) {
                long t = System.nanoTime();
                index.like(null, fresh.get(random.nextInt(fresh.size())), noise[random.nextInt(noise.length)],
                        "FAULT", null, 5);
                micros[i] = (System.nanoTime() - t) / 1_000;
            }
            Arrays.sort(micros);
            System.out.printf("suggestions for a new request, 2,000 searches: median %.2f ms, p95 %.2f ms, "
                    + "p99 %.2f ms, max %.2f ms%n", micros[1_000] / 1e3, micros[1_900] / 1e3, micros[1_980] / 1e3,
                    micros[micros.length - 1] / 1e3);
        }
    }
}
