package com.sladesk.system;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.syntaxtree.ParsedExpression;

import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.control.NonFatal;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;

/**
 * Camunda's FEEL engine, parsing each expression once. Camunda's {@link ScalaFeelEngine} hands the text of a cell
 * to feel-scala's {@code evalExpression}/{@code evalUnaryTests}, which parse it again on every evaluation (a fifth
 * of a decision's time in a JFR profile); this one keeps what feel-scala's public {@code parseExpression} and
 * {@code parseUnaryTests} returned, by text, and evaluates it with feel-scala's public {@code eval}: the two calls
 * {@code evalExpression} itself makes. The variables, the input of a test ({@code ?}), the answers and the failures
 * (the same message, the same exception) are the engine's. A text that does not parse is not kept.
 * <p>
 * feel-scala also builds its ~150 built-in functions again for every evaluation (80 % of an evaluation's time), so
 * this engine builds them once and calls feel-scala's own private {@code eval} with a root context of its own; only
 * on the feel-scala version that was checked for it ({@value #CHECKED_VERSION}), else through the public path.
 */
final class ParsedOnceFeelEngine extends ScalaFeelEngine {

    /** Parsed texts kept at most; the cache starts again when full (a table has a few hundred cells). */
    static final int LIMIT = 10_000;

    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> tests = new ConcurrentHashMap<>();
    /**
     * The feel-scala whose {@code evaluate} was read for this (root context, failure collector, recovery, the
     * validation parsing already did): after an upgrade, read it again before changing this.
     */
    static final String CHECKED_VERSION = "1.19.3";
    /** feel-scala's private {@code FeelEngine.eval(ParsedExpression, EvalContext)}; null on another version. */
    private static final MethodHandle EVAL_IN_ROOT = evalInRoot();

    /** The built-in functions, then the custom ones, as feel-scala's root context has them; built once. */
    private final FunctionProvider functions;

    ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
        super(functionProviders);
        functions = EVAL_IN_ROOT == null ? null : new CompositeFunctionProvider(toScalaList(
                new BuiltinFunctions(feelEngine.clock(), feelEngine.valueMapper()), feelEngine.functionProvider()));
    }

    private static MethodHandle evalInRoot() {
        if (!CHECKED_VERSION.equals(feelScalaVersion())) {
            return null;
        }
        try {
            return MethodHandles.privateLookupIn(FeelEngine.class, MethodHandles.lookup()).findVirtual(
                    FeelEngine.class, "eval",
                    MethodType.methodType(EvaluationResult.class, ParsedExpression.class, EvalContext.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The feel-scala on the classpath, from its jar's Maven properties; null when they cannot be read. */
    static String feelScalaVersion() {
        try (InputStream properties = FeelEngine.class
                .getResourceAsStream("/META-INF/maven/org.camunda.feel/feel-engine/pom.properties")) {
            if (properties == null) {
                return null;
            }
            Properties read = new Properties();
            read.load(properties);
            return read.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code parsed} evaluated as feel-scala's {@code eval(parsed, context)} does, in a root context of its own. */
    private Either<Failure, Object> eval(ParsedExpression parsed, Context context) {
        if (EVAL_IN_ROOT == null) {
            return feelEngine.eval(parsed, context);
        }
        EvaluationResult result;
        try {
            // as feel-scala's root context: no variables, the functions, a failure collector of its own
            EvalContext root = EvalContext.create(feelEngine.valueMapper(), functions);
            result = (EvaluationResult) EVAL_IN_ROOT.invokeExact(feelEngine, parsed, root.merge(context));
        } catch (Throwable e) {
            if (!NonFatal.apply(e)) {
                throw ParsedOnceFeelEngine.<RuntimeException>rethrow(e); // as feel-scala's Try: fatal ones go on
            }
            // as feel-scala's evaluate: what else the evaluation threw becomes its failure
            return new Left<>(new Failure("failed to evaluate expression '" + parsed.text() + "' : " + e));
        }
        return result.toEither();
    }

    static FeelEngineFactory factory(List<FeelCustomFunctionProvider> functionProviders) {
        return () -> new ParsedOnceFeelEngine(functionProviders);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new ContextVariableWrapper(variableContext);
            }
        };
        return (T) valueOf(eval(parsed, context));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        ParsedExpression parsed = parsed(tests, expression, feelEngine::parseUnaryTests);
        StaticVariableProvider input = new StaticVariableProvider(
                new Map1<String, Object>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
        ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
        CustomContext context = new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return new CompositeVariableProvider(toScalaList(input, variables));
            }
        };
        // as feel-scala's evalUnaryTests and Camunda's engine: the answer taken as a boolean (null is false)
        return BoxesRunTime.unboxToBoolean(valueOf(eval(parsed, context)));
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable e) throws E {
        throw (E) e;
    }

    /** Whether evaluations share the built-in functions: the checked feel-scala, with the private eval. */
    static boolean buildsBuiltInFunctionsOnce() {
        return EVAL_IN_ROOT != null;
    }

    /** How many texts are kept parsed. */
    int parsedTexts() {
        return expressions.size() + tests.size();
    }

    private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String text,
            Function<String, Either<Failure, ParsedExpression>> parser) {
        ParsedExpression known = cache.get(text);
        if (known != null) {
            return known;
        }
        ParsedExpression parsed = (ParsedExpression) valueOf(parser.apply(text));
        if (cache.size() >= LIMIT) {
            cache.clear();
        }
        cache.put(text, parsed);
        return parsed;
    }

    /** The value on the right, or the engine's exception for the failure on the left. */
    private static Object valueOf(Either<Failure, ?> either) {
        if (either instanceof Right<?, ?> right) {
            return right.value();
        }
        throw LOGGER.evaluationException(((Left<Failure, ?>) either).value().message());
    }
}
