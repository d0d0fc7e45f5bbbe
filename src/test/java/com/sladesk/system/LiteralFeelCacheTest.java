package com.sladesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The cache answers exactly what Camunda's FEEL engine answers, and asks it once per literal cell and input. */
class LiteralFeelCacheTest {

    private final FeelEngine scala = new ScalaFeelEngineFactory().createInstance();
    private final AtomicInteger asked = new AtomicInteger();
    private final FeelEngine counted = new FeelEngine() {
        @Override
        public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
            asked.incrementAndGet();
            return scala.evaluateSimpleExpression(expression, context);
        }

        @Override
        public boolean evaluateSimpleUnaryTests(String tests, String input, VariableContext context) {
            asked.incrementAndGet();
            return scala.evaluateSimpleUnaryTests(tests, input, context);
        }
    };
    private final LiteralFeelCache cache = new LiteralFeelCache(counted);

    @Test
    void literalTestsAnswerAsTheEngineAndAreAskedOncePerInput() {
        List<String> tests = List.of("\"VIP\"", "\"URGENT\",\"HIGH\"", "not(\"VIP\")", ">= 2", "[1..3]", "< 10",
                "\"VIP\", \"GOLD\"", "-");
        List<Object> inputs = java.util.Arrays.asList("VIP", "GOLD", "STANDARD", "URGENT", 1, 2, 3L, 12, null);
        for (int round = 0; round < 3; round++) {
            for (String test : tests) {
                for (Object input : inputs) {
                    VariableContext context = Variables.createVariables().putValue("cellInput", input)
                            .asVariableContext();
                    boolean expected;
                    try {
                        expected = scala.evaluateSimpleUnaryTests(test, "cellInput", context);
                    } catch (RuntimeException notComparable) {
                        continue;
                    }
                    assertThat(cache.evaluateSimpleUnaryTests(test, "cellInput", context))
                            .as("%s with %s", test, input).isEqualTo(expected);
                }
            }
            if (round == 0) {
                asked.set(0);
            }
        }
        assertThat(asked).as("the engine asked again after the first round").hasValue(0);
    }

    @Test
    void testsThatNameAFunctionOrVariableGoToTheEngineEachTime() {
        VariableContext context = Variables.createVariables().putValue("cellInput", "total outage").putValue("limit", 3)
                .asVariableContext();
        for (int i = 0; i < 3; i++) {
            assertThat(cache.evaluateSimpleUnaryTests("contains(?, \"outage\")", "cellInput", context)).isTrue();
            assertThat(cache.evaluateSimpleUnaryTests("\"x\", limit", "cellInput", context)).isFalse();
        }
        assertThat(asked).hasValue(6);
    }

    @Test
    void literalOutputsAndStringInputsAnswerAsTheEngine() {
        VariableContext context = Variables.createVariables().putValue("customerTier", "VIP").putValue("level", 2)
                .putValue("subject", "Router DOWN").asVariableContext();
        for (String expression : List.of("\"PT15M\"", "75", "2.5", "true", "null", "customerTier", "level",
                "lower case(subject)", "\"24x7\"")) {
            Object expected = scala.evaluateSimpleExpression(expression, context);
            for (int i = 0; i < 3; i++) {
                Object answered = cache.evaluateSimpleExpression(expression, context);
                assertThat(answered).as(expression).isEqualTo(expected);
                assertThat(answered == null ? null : answered.getClass()).as(expression)
                        .isEqualTo(expected == null ? null : expected.getClass());
            }
        }
        asked.set(0);
        cache.evaluateSimpleExpression("\"PT15M\"", context);
        cache.evaluateSimpleExpression("customerTier", context);
        assertThat(asked).as("literals and a string input answered without the engine").hasValue(0);
        cache.evaluateSimpleExpression("level", context);
        cache.evaluateSimpleExpression("lower case(subject)", context);
        assertThat(asked).hasValue(2);
    }
}
