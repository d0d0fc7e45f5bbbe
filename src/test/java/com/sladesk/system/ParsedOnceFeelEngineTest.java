package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunction;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * Every answer and every failure of the engine that parses once is Camunda's FEEL engine's, for the same text and
 * variables, however often and from however many threads it is asked.
 */
class ParsedOnceFeelEngineTest {

    private final FeelEngine camunda = new ScalaFeelEngineFactory().createInstance();
    private final ParsedOnceFeelEngine once = new ParsedOnceFeelEngine(List.of());

    private static final List<String> EXPRESSIONS = List.of("lower case(subject + \" \" + description)",
            "\"PT15M\"", "75", "level * 2 + 0.5", "if level > 1 then \"HIGH\" else \"LOW\"", "customerTier",
            "missing", "[1, level, 3]", "{a: level, b: subject}", "string length(subject)",
            "date(\"2026-12-02\") + duration(\"P1D\")", "upper case(null)", "level > 1 and subject != null",
            "substring(subject, 2, 3)", "sum([level, 3])", "contains(subject, \"DOWN\")",
            "assert(level, level > 1)", "assert(level, level > 1, \"level too low\")",
            "now() > date and time(\"2020-01-01T00:00:00@UTC\")", "today() > date(\"2020-01-01\")",
            "get or else(missing, level)", "number(\"x\")");
    private static final List<String> TESTS = List.of(
            "contains(?, \"outage\") or matches(?, \"(^|[^a-z])down([^a-z]|$)\") or contains(?, \"not working\")",
            "contains(?, \"故障\") or contains(?, \"宕机\")", "\"VIP\"", "\"URGENT\",\"HIGH\"", "not(\"VIP\")",
            ">= 2", "[1..3]", "-", "? > level", "string length(?) > 5");

    private static VariableContext variables(Object input, int level) {
        return Variables.createVariables().putValue("cellInput", input).putValue("level", level)
                .putValue("subject", "Router DOWN").putValue("description", "since 9:00 网络故障")
                .putValue("customerTier", "VIP").asVariableContext();
    }

    private static Object outcome(Supplier<Object> evaluation) {
        try {
            return evaluation.get();
        } catch (RuntimeException failure) {
            return failure.getClass().getName() + ": " + failure.getMessage();
        }
    }

    @Test
    void expressionsAnswerAndFailAsCamundasEngine() {
        for (int round = 0; round < 3; round++) {
            for (int level : new int[] {0, 2, 5}) {
                VariableContext context = variables(null, level);
                for (String expression : EXPRESSIONS) {
                    Object expected = outcome(() -> camunda.evaluateSimpleExpression(expression, context));
                    Object answered = outcome(() -> once.evaluateSimpleExpression(expression, context));
                    assertThat(answered).as("%s at level %d", expression, level).isEqualTo(expected);
                    assertThat(answered == null ? null : answered.getClass()).as(expression)
                            .isEqualTo(expected == null ? null : expected.getClass());
                }
            }
        }
        assertThat(once.parsedTexts()).as("each text parsed once").isEqualTo(EXPRESSIONS.size());
    }

    /** A designer's own functions: one that answers, one that throws. */
    private static final FeelCustomFunctionProvider CUSTOM = new FeelCustomFunctionProvider() {
        @Override
        public Optional<CustomFunction> resolveFunction(String name) {
            return switch (name) {
                case "twice" -> Optional.of(CustomFunction.create().setParams("x")
                        .setFunction(args -> ((Number) args.get(0)).longValue() * 2).build());
                case "broken" -> Optional.of(CustomFunction.create().setParams("x").setFunction(args -> {
                    throw new IllegalStateException("broken for " + args.get(0));
                }).build());
                default -> Optional.empty();
            };
        }

        @Override
        public Collection<String> getFunctionNames() {
            return List.of("twice", "broken");
        }
    };

    @Test
    void customFunctionsAnswerAndFailAsInCamundasEngine() {
        // given Camunda's engine and ours, each with a designer's functions
        FeelEngine camundaWithCustom = new ScalaFeelEngine(List.of(CUSTOM));
        ParsedOnceFeelEngine onceWithCustom = new ParsedOnceFeelEngine(List.of(CUSTOM));
        // when both evaluate texts that call them, then they answer and fail alike
        for (int level : new int[] {0, 2, 5}) {
            VariableContext context = variables(level, level);
            for (String expression : List.of("twice(level)", "twice(level) + 1", "broken(level)",
                    "upper case(subject)", "twice(\"x\")")) {
                Object expected = outcome(() -> camundaWithCustom.evaluateSimpleExpression(expression, context));
                assertThat(outcome(() -> onceWithCustom.evaluateSimpleExpression(expression, context)))
                        .as("%s at level %d", expression, level).isEqualTo(expected);
            }
            for (String test : List.of("twice(?) > 3", "broken(?)", "< twice(level)")) {
                Object expected = outcome(() -> camundaWithCustom.evaluateSimpleUnaryTests(test, "cellInput", context));
                assertThat(outcome(() -> onceWithCustom.evaluateSimpleUnaryTests(test, "cellInput", context)))
                        .as("%s at level %d", test, level).isEqualTo(expected);
            }
        }
        assertThat(outcome(() -> onceWithCustom.evaluateSimpleExpression("broken(level)", variables(1, 1))))
                .asString().contains("broken for 1");
    }

    @Test
    void evaluatesThroughFeelScalasOwnEvalOnTheVersionCheckedForIt() {
        // given the feel-scala on the classpath
        String version = ParsedOnceFeelEngine.feelScalaVersion();

        // then it is the one whose evaluate was read, and its private eval is found (else every evaluation would
        // build the ~150 built-in functions again, as before)
        assertThat(version).as("feel-scala was upgraded: read its FeelEngine.evaluate again, then change "
                + "ParsedOnceFeelEngine.CHECKED_VERSION").isEqualTo(ParsedOnceFeelEngine.CHECKED_VERSION);
        assertThat(ParsedOnceFeelEngine.buildsBuiltInFunctionsOnce()).isTrue();
    }

    @Test
    void unaryTestsAnswerAndFailAsCamundasEngine() {
        List<Object> inputs = Arrays.asList("total outage", "router is down", "downtime", "服务器宕机", "VIP", "URGENT",
                "STANDARD", 1, 2, 3L, 12, null);
        for (int round = 0; round < 3; round++) {
            for (String test : TESTS) {
                for (Object input : inputs) {
                    VariableContext context = variables(input, 2);
                    Object expected = outcome(() -> camunda.evaluateSimpleUnaryTests(test, "cellInput", context));
                    Object answered = outcome(() -> once.evaluateSimpleUnaryTests(test, "cellInput", context));
                    assertThat(answered).as("%s with %s", test, input).isEqualTo(expected);
                }
            }
        }
        assertThat(once.parsedTexts()).isEqualTo(TESTS.size());
    }

    @Test
    void aTextThatDoesNotParseFailsAsCamundasEngineEachTimeAndIsNotKept() {
        VariableContext context = variables("x", 1);
        for (String broken : List.of("contains(?, \"outage\"", "1 +", "\"open")) {
            Object expected = outcome(() -> camunda.evaluateSimpleExpression(broken, context));
            assertThat(expected).asString().contains("failed to parse");
            for (int i = 0; i < 2; i++) {
                assertThat(outcome(() -> once.evaluateSimpleExpression(broken, context))).isEqualTo(expected);
                assertThat(outcome(() -> once.evaluateSimpleUnaryTests(broken, "cellInput", context)))
                        .isEqualTo(outcome(() -> camunda.evaluateSimpleUnaryTests(broken, "cellInput", context)));
            }
        }
        assertThat(once.parsedTexts()).isZero();
        assertThat(catchThrowable(() -> once.evaluateSimpleExpression("1 +", context)))
                .isExactlyInstanceOf(catchThrowable(() -> camunda.evaluateSimpleExpression("1 +", context))
                        .getClass());
    }

    @Test
    void oneParsedTextServesManyThreadsWithTheirOwnVariables() throws Exception {
        String test = TESTS.get(0);
        String expression = EXPRESSIONS.get(0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String text = i % 2 == 0 ? "the router is down, item " + i : "a question about item " + i;
                answers.add(threads.submit(() -> {
                    VariableContext context = Variables.createVariables().putValue("cellInput", text)
                            .putValue("subject", text).putValue("description", "D").asVariableContext();
                    return once.evaluateSimpleUnaryTests(test, "cellInput", context)
                            == camunda.evaluateSimpleUnaryTests(test, "cellInput", context)
                            && once.evaluateSimpleExpression(expression, context)
                                    .equals(camunda.evaluateSimpleExpression(expression, context))
                            && once.evaluateSimpleUnaryTests(test, "cellInput", context) == (text.contains("down"));
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(once.parsedTexts()).isEqualTo(2);
    }
}
