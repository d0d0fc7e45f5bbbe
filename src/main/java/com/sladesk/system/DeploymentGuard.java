package com.sladesk.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.xml.sax.SAXException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Vets a deployment by anyone but an administrator before the engine sees it, because an expression in a
 * model is code: the files must be BPMN, DMN or Camunda Forms; no scripts, Java classes, connectors or outside
 * resources; every delegate expression names one of our delegate beans; every other expression is a variable,
 * a literal, a comparison, and/or/not, a decision result's output, or a call of an allowed bean method; DMN
 * uses FEEL only. A refused deployment fails as a whole, naming the file, the element and the rule.
 * Deployments without a logged-in user (the app's own, at start) and by camunda-admin members pass unchecked.
 */
class DeploymentGuard implements Deployer {

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    /** Camunda still reads its extensions under Activiti's namespace. */
    static final String ACTIVITI_NS = "http://activiti.org/bpmn";
    /** Variables the process reads for its waits; a form must not let a user set them. */
    static final Set<String> ENGINE_TIMING = Set.of("autoCloseAt", "reopenUntil", "nextReminderAt", "remindersLeft",
            "remindersSent", "execution", "task", "decisionResult");
    /** The names of FEEL in DMN's expressionLanguage and typeLanguage attributes. */
    private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
            "https://www.omg.org/spec/dmn/20191111/feel/", "https://www.omg.org/spec/dmn/20180521/feel/",
            "http://www.omg.org/spec/dmn/20180521/feel/", "https://www.omg.org/spec/dmn/20230324/feel/");
    private static final Pattern DELEGATE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{");
    private static final Pattern EXTERNAL_FUNCTION = Pattern.compile("\\bexternal\\s*\\{");
    private static final Set<String> FORM_KEY_PREFIXES = Set.of("camunda-forms:deployment:", "camunda-forms:app:",
            "embedded:app:", "app:");

    private final Supplier<Set<String>> delegates;
    private final Map<String, Set<String>> beanMethods;
    private final Supplier<Set<String>> beanNames;
    private final ObjectMapper json = new ObjectMapper();
    private final Builder juel = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    /**
     * @param delegates   the bean names a delegate expression may name
     * @param beanMethods the beans, and their methods, an expression may call
     * @param beanNames   every bean's name, which a form field must not take (a variable hides a bean)
     */
    DeploymentGuard(Supplier<Set<String>> delegates, Map<String, Set<String>> beanMethods,
            Supplier<Set<String>> beanNames) {
        this.delegates = delegates;
        this.beanMethods = beanMethods;
        this.beanNames = beanNames;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        CommandContext context = Context.getCommandContext();
        Authentication user = context == null ? null : context.getAuthentication();
        // a deployment read again into the cache after a restart was vetted, or trusted, when it was made
        if (!deployment.isNew() || user == null || context.getAuthorizationManager().isCamundaAdmin(user)) {
            return;
        }
        deployment.getResources().values().forEach(this::vet);
    }

    /** Throws {@link Refused} when the resource breaks a rule. */
    void vet(ResourceEntity resource) {
        vet(resource.getName(), resource.getBytes());
    }

    void vet(String name, byte[] content) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
            walkBpmn(name, parse(name, content).getDocumentElement());
        } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
            walkDmn(name, parse(name, content).getDocumentElement());
        } else if (lower.endsWith(".form")) {
            vetForm(name, content);
        } else {
            throw new Refused(name, null, "only BPMN, DMN and Camunda Forms files may be deployed");
        }
    }

    /** A form is JSON whose fields a user fills in: none may set what the engine times by or hide a bean. */
    private void vetForm(String file, byte[] content) {
        JsonNode form;
        try {
            form = json.readTree(content);
        } catch (IOException e) {
            throw new Refused(file, null, "it is not a Camunda Form (JSON)");
        }
        if (form == null || !form.path("components").isArray()) {
            throw new Refused(file, null, "it is not a Camunda Form (no components)");
        }
        vetFields(file, form.path("components"));
    }

    private void vetFields(String file, JsonNode components) {
        for (JsonNode component : components) {
            String key = component.path("key").asText("");
            boolean editable = !component.path("disabled").asBoolean() && !component.path("readonly").asBoolean();
            if (editable && (ENGINE_TIMING.contains(key) || beanNames.get().contains(key))) {
                throw new Refused(file, null, "the field '" + key + "' (" + component.path("id").asText()
                        + ") would let a user set what the process relies on; show it read-only (disabled)");
            }
            vetFields(file, component.path("components"));
        }
    }

    private void walkBpmn(String file, Element element) {
        String local = element.getLocalName();
        if ("scriptTask".equals(local)) {
            throw new Refused(file, element, "no script tasks");
        }
        if (isCamunda(element.getNamespaceURI())
                && ("script".equals(local) || "connector".equals(local) || "constraint".equals(local))) {
            throw new Refused(file, element, "no " + local + "s");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String value = attribute.getValue();
            if ("language".equals(attributeName) || "scriptFormat".equals(attributeName)) {
                throw new Refused(file, element, "no scripts (" + attributeName + "=\"" + value + "\")");
            }
            // camunda:taskListener class="…": a Camunda element's own attributes are Camunda's too
            if (isCamunda(attribute.getNamespaceURI())
                    || attribute.getNamespaceURI() == null && isCamunda(element.getNamespaceURI())) {
                vetCamundaAttribute(file, element, attributeName, value);
            } else if (EXPRESSION.matcher(value).find()) {
                vetExpression(file, element, value);
            }
        }
        // the engine reads an element's text as all its text and CDATA joined, comments left out
        StringBuilder text = new StringBuilder();
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walkBpmn(file, childElement);
            } else if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE
                    || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        if (EXPRESSION.matcher(text).find()) {
            vetExpression(file, element, text.toString().strip());
        }
    }

    private void vetCamundaAttribute(String file, Element element, String name, String value) {
        if ("class".equals(name) || name.endsWith("Class")) {
            throw new Refused(file, element, "no Java classes (camunda:" + name + ")");
        }
        if ("businessKey".equals(name)) {
            throw new Refused(file, element, "no business keys handed to other instances (camunda:in businessKey): "
                    + "a request's process is started by intake only");
        }
        if ("resource".equals(name)) {
            throw new Refused(file, element, "no resources from outside the deployment (camunda:resource)");
        }
        if ("delegateExpression".equals(name) || name.endsWith("DelegateExpression")) {
            var delegate = DELEGATE.matcher(value.strip());
            if (!delegate.matches() || !delegates.get().contains(delegate.group(1))) {
                throw new Refused(file, element, "a delegate expression names one of SLA Desk's delegates "
                        + delegates.get() + ", not " + value);
            }
            return;
        }
        if ("formKey".equals(name) && FORM_KEY_PREFIXES.stream().noneMatch(value::startsWith)) {
            throw new Refused(file, element, "forms come from the deployment (camunda:formRef) or the app");
        }
        if (EXPRESSION.matcher(value).find()) {
            vetExpression(file, element, value);
        }
    }

    private void vetExpression(String file, Element element, String expression) {
        AstNode root;
        try {
            root = (AstNode) juel.build(expression).getRoot();
        } catch (TreeBuilderException e) {
            throw new Refused(file, element, "the expression " + expression + " does not parse: " + e.getMessage());
        }
        String broken = broken(root);
        if (broken != null) {
            throw new Refused(file, element, "the expression " + expression + " goes beyond variables, literals,"
                    + " comparisons, and/or/not, decision outputs and the methods " + beanMethods + ": " + broken);
        }
    }

    /** What in the expression is not allowed, or null. */
    private String broken(Node node) {
        if (node instanceof AstMethod method) {
            if (!allowedCall(method) && !isSingleDecisionResult(method)) {
                return "the call " + structure(method);
            }
            return broken(method.getChild(1));
        }
        if (node instanceof AstDot dot) {
            return isSingleDecisionResult(dot.getChild(0)) ? null : "the property " + structure(dot);
        }
        boolean allowed = node instanceof AstEval || node instanceof AstComposite || node instanceof AstText
                || node instanceof AstNested || node instanceof AstBinary || node instanceof AstUnary
                || node instanceof AstChoice || node instanceof AstIdentifier || node instanceof AstString
                || node instanceof AstNumber || node instanceof AstBoolean || node instanceof AstNull
                || node instanceof AstParameters;
        if (!allowed) {
            return structure(node);
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            String broken = broken(node.getChild(i));
            if (broken != null) {
                return broken;
            }
        }
        return null;
    }

    /** {@code bean.method(...)} of an allowed bean and method. */
    private boolean allowedCall(AstMethod method) {
        if (!(method.getChild(0) instanceof AstDot dot) || !(dot.getChild(0) instanceof AstIdentifier bean)) {
            return false;
        }
        String called = structure(dot);
        String methodName = called.substring(called.lastIndexOf('.') + 1);
        return beanMethods.getOrDefault(bean.getName(), Set.of()).contains(methodName);
    }

    /** {@code decisionResult.getSingleResult()}, whose outputs a business rule task maps to variables. */
    private static boolean isSingleDecisionResult(Node node) {
        return node instanceof AstMethod method && method.getChild(1).getCardinality() == 0
                && "decisionResult.getSingleResult".equals(structure((AstNode) method.getChild(0)));
    }

    private static String structure(Node node) {
        return ((AstNode) node).getStructuralId(null);
    }

    private static void walkDmn(String file, Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            if ((name.endsWith("expressionLanguage") || name.endsWith("typeLanguage"))
                    && !FEEL.contains(attribute.getValue().strip().toLowerCase(Locale.ROOT))) {
                throw new Refused(file, element, "decisions use FEEL only, not " + attribute.getValue());
            }
        }
        boolean leaf = true;
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                leaf = false;
                walkDmn(file, childElement);
            }
        }
        if (leaf && EXTERNAL_FUNCTION.matcher(element.getTextContent()).find()) {
            throw new Refused(file, element, "no external (Java) functions in FEEL");
        }
    }

    private static boolean isCamunda(String namespace) {
        return CAMUNDA_NS.equals(namespace) || ACTIVITI_NS.equals(namespace);
    }

    private static org.w3c.dom.Document parse(String file, byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // no DOCTYPE, no external entities: a model is read, never followed elsewhere
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new Refused(file, null, "it is not well-formed XML without a DOCTYPE: " + e.getMessage());
        }
    }

    /** A refused deployment: 400 from /engine-rest, with the file, the element id and the rule broken. */
    static class Refused extends BadUserRequestException {

        Refused(String file, Element element, String rule) {
            super("Deployment refused: " + file + (element == null ? "" : ", element " + idOf(element)) + ": "
                    + rule);
        }

        private static String idOf(Element element) {
            for (Element e = element; e != null; e = e.getParentNode() instanceof Element parent ? parent : null) {
                if (e.hasAttribute("id")) {
                    return e.getAttribute("id") + (e == element ? "" : " (in " + element.getTagName() + ")");
                }
            }
            return element.getTagName();
        }
    }
}
