package com.sladesk.system;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The FEEL engine of our decisions, answering at once what can depend on nothing but literals and the input.
 * Camunda's FEEL engine parses each expression and builds its table of built-in functions again for every cell it
 * evaluates, a quarter of an intake's time. Most cells are literals: tests such as {@code "VIP"},
 * {@code "URGENT","HIGH"}, {@code >= 2}, outputs such as {@code "PT15M"} or {@code 75}, and inputs that name one
 * string variable ({@code customerTier}). Their answers are remembered (what the engine answered the first time,
 * by expression and input value); everything else (functions, other variables, {@code ?}) goes to the engine.
 */
final class LiteralFeelCache implements FeelEngine {

    /** A string without escapes, a number, a boolean or null. */
    private static final String LITERAL = "\"[^\"\\\\]*\"|-?\\d+(?:\\.\\d+)?|true|false|null";
    private static final Pattern LITERAL_EXPRESSION = Pattern.compile("\\s*(?:" + LITERAL + ")\\s*");
    /** Literals joined by commas, comparisons, ranges and not(...): nothing that names a variable or function. */
    private static final Pattern LITERAL_TESTS = Pattern.compile(
            "(?:\\s*(?:" + LITERAL + "|not\\s*\\(|[,()\\[\\]<>=!]|\\.\\.|-)\\s*)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Words that are FEEL, not a variable's name. */
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "not", "and", "or", "if", "then",
            "else", "for", "in", "return", "some", "every", "satisfies", "between", "instance", "of", "function");
    /** Answers kept at most; the cache starts again when full (a table has a few hundred cells). */
    static final int LIMIT = 10_000;

    private final FeelEngine engine;
    private final Map<String, Optional<Object>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Boolean> tests = new ConcurrentHashMap<>();

    LiteralFeelCache(FeelEngine engine) {
        this.engine = engine;
    }

    /** Camunda's own FEEL engine factory, wrapped. */
    static FeelEngineFactory around(FeelEngineFactory factory) {
        return () -> new LiteralFeelCache(factory.createInstance());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext context) {
        if (NAME.matcher(expression.strip()).matches() && !KEYWORDS.contains(expression.strip())) {
            TypedValue value = context.resolve(expression.strip());
            if (value != null && value.getValue() instanceof String text) {
                return (T) text;
            }
        }
        if (!LITERAL_EXPRESSION.matcher(expression).matches()) {
            return engine.evaluateSimpleExpression(expression, context);
        }
        Optional<Object> known = expressions.get(expression);
        if (known == null) {
            known = Optional.ofNullable(engine.evaluateSimpleExpression(expression, context));
            remember(expressions, expression, known);
        }
        return (T) known.orElse(null);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String simpleUnaryTests, String inputVariable, VariableContext context) {
        TypedValue input = context.resolve(inputVariable);
        Object value = input == null ? null : input.getValue();
        boolean plain = value == null || value instanceof String || value instanceof Number
                || value instanceof Boolean;
        if (!plain || !LITERAL_TESTS.matcher(simpleUnaryTests).matches()) {
            return engine.evaluateSimpleUnaryTests(simpleUnaryTests, inputVariable, context);
        }
        String key = simpleUnaryTests + '\u0000' + (value == null ? "null" : value.getClass().getName() + ':' + value);
        Boolean known = tests.get(key);
        if (known == null) {
            known = engine.evaluateSimpleUnaryTests(simpleUnaryTests, inputVariable, context);
            remember(tests, key, known);
        }
        return known;
    }

    private static <V> void remember(Map<String, V> cache, String key, V value) {
        if (cache.size() >= LIMIT) {
            cache.clear();
        }
        cache.put(key, value);
    }
}
