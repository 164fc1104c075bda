package cn.gov.wuzhou.tolerance.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.ModelInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Whether the models of a deployment run only the project's own code: BPMN without scripts, Java
 * classes, connectors or expressions that call anything but the project's delegates and model functions;
 * DMN in FEEL without external functions; forms whose texts show no variable's value. Reads the models with
 * the engine's own model API before the engine deploys them, for an early refusal that names every finding;
 * what holds whatever a file says is the {@link SandboxExpressionManager} where expressions are evaluated.
 */
public class ModelCodeCheck {

  /** What the expression language reaches besides variables: the Spring beans of the application. */
  interface Beans {

    boolean exists(String name);

    /** A delegate or listener of the project, which a model names ({@code ${recordDecision}}) but does not call. */
    boolean isDelegate(String name);

    /** A bean of the project marked {@code @CallableFromModels} with this public method. */
    boolean isModelFunction(String name, String method);
  }

  /** One thing refused, where it is. */
  public record Finding(String resource, String elementId, int line, int column, String message) implements Problem {

    @Override
    public String getMessage() {
      return resource + (elementId == null ? "" : "，元素 " + elementId) + "：" + message;
    }

    @Override
    public int getLine() {
      return line;
    }

    @Override
    public int getColumn() {
      return column;
    }

    @Override
    public String getMainElementId() {
      return elementId;
    }

    @Override
    public List<String> getElementIds() {
      return elementId == null ? List.of() : List.of(elementId);
    }
  }

  // the engine's objects an expression sees besides variables and beans
  private static final Set<String> ENGINE_OBJECTS =
      Set.of("execution", "task", "caseExecution", "externalTask", "variableScope");
  // what a model may read of them: identifiers, never the engine behind them
  private static final Set<String> ENGINE_OBJECT_PROPERTIES = Set.of("id", "processInstanceId", "processBusinessKey",
      "businessKey", "processDefinitionId", "currentActivityId", "activityInstanceId", "eventName", "name",
      "taskDefinitionKey", "assignee");
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
      "empty", "div", "mod", "true", "false", "null", "instanceof");
  private static final Set<String> REFLECTIVE = Set.of("class", "classLoader", "declaringClass");
  private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\b");
  // FEEL that loops or defines functions: a rule is a test of the case's facts, not a program
  private static final Pattern FEEL_PROGRAM = Pattern.compile("\\b(for|some|every|function)\\b");
  /** The largest rules table a process owner may deploy or preview, and its most rules. */
  private static final Set<String> FEEL_HOLDERS =
      Set.of("inputEntry", "outputEntry", "inputExpression", "literalExpression", "defaultOutputEntry");
  public static final int MAX_DMN_BYTES = 1024 * 1024;
  public static final int MAX_DMN_RULES = 500;
  private static final Pattern FEEL_LANGUAGE =
      Pattern.compile("feel|feel-scala|https?://www\\.omg\\.org/spec/(dmn/\\d+/)?feel(/\\d+)?/?");

  private final Beans beans;
  private final ObjectMapper json = new ObjectMapper();

  ModelCodeCheck(Beans beans) {
    this.beans = beans;
  }

  public List<Finding> check(String resource, byte[] content) {
    String name = resource.toLowerCase(Locale.ROOT);
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
      return checkXml(resource, content, false);
    }
    if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      if (content.length > MAX_DMN_BYTES) {
        return List.of(new Finding(resource, null, -1, -1, "规则表过大（" + content.length / 1024
            + " KB），不能超过 " + MAX_DMN_BYTES / 1024 + " KB"));
      }
      return checkXml(resource, content, true);
    }
    if (name.endsWith(".form")) {
      return checkForm(resource, content);
    }
    return List.of(new Finding(resource, null, -1, -1, "只能部署流程（.bpmn）、规则（.dmn）和表单（.form）"));
  }

  private List<Finding> checkXml(String resource, byte[] content, boolean dmn) {
    List<Finding> findings = new ArrayList<>();
    Document document;
    try {
      // the engine's own model reader: what is checked is what the engine reads (comments, processing
      // instructions and CDATA boundaries are gone, entities resolved)
      ModelInstance model = dmn ? Dmn.readModelFromStream(new ByteArrayInputStream(content))
          : Bpmn.readModelFromStream(new ByteArrayInputStream(content));
      document = (Document) model.getDocument().getDomSource().getNode();
    } catch (ModelException e) {
      findings.add(new Finding(resource, null, -1, -1, "不是有效的 XML，或不符合 " + (dmn ? "DMN" : "BPMN")
          + " 规范：" + rootCause(e)));
      return findings;
    }
    checkElement(document.getDocumentElement(), null, resource, dmn, findings);
    int rules = document.getElementsByTagNameNS("*", "rule").getLength();
    if (dmn && rules > MAX_DMN_RULES) {
      findings.add(new Finding(resource, null, -1, -1, "规则表有 " + rules + " 条规则，不能超过 " + MAX_DMN_RULES + " 条"));
    }
    return findings;
  }

  private void checkElement(Element element, String parentId, String resource, boolean dmn, List<Finding> findings) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : parentId;
    Reporter report = message -> findings.add(new Finding(resource, blankToNull(id), -1, -1, message));
    String local = element.getLocalName();
    checkElementName(local, report);
    if (local.equals("constraint") && "validator".equals(element.getAttribute("name"))) {
      report.refuse("自定义校验器（camunda:constraint name=\"validator\"）会加载 Java 类或调用 Bean");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
        checkAttribute(name, attribute.getValue(), dmn, report);
      }
    }
    // the element's own text, as the engine's parser joins it (text around child elements included)
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      } else if (child.getNodeType() == Node.ELEMENT_NODE) {
        checkElement((Element) child, id, resource, dmn, findings);
      }
    }
    if (dmn && FEEL_EXTERNAL.matcher(text).find()) {
      report.refuse("FEEL 外部函数（external）可执行 Java 代码：" + shorten(text.toString()));
    } else if (dmn && isFeel(element) && FEEL_PROGRAM.matcher(withoutStrings(text.toString())).find()) {
      report.refuse("规则只能是对案件事实的判断（一元检验），不能使用 FEEL 的循环或函数定义（for、some、every、function）："
          + shorten(text.toString()));
    }
    checkExpressions(text.toString(), report);
  }

  private interface Reporter {
    void refuse(String message);
  }

  // by local name in any namespace: the engine also reads the old activiti namespace for its extensions
  private static void checkElementName(String local, Reporter report) {
    if (local.equals("scriptTask")) {
      report.refuse("脚本任务（scriptTask）会执行脚本");
    } else if (local.equals("script")) {
      report.refuse("脚本（camunda:script）会执行代码");
    } else if (local.equals("connector")) {
      report.refuse("连接器（camunda:connector）会从服务器发出请求");
    }
  }

  private void checkAttribute(String local, String value, boolean dmn, Reporter report) {
    if (local.equals("class") || local.endsWith("Class")) {
      report.refuse("Java 类（camunda:" + local + "=\"" + shorten(value) + "\"）会执行任意代码，请使用本系统的委托");
    } else if (local.equals("language") || local.equals("scriptFormat")) {
      report.refuse("脚本语言（" + local + "=\"" + shorten(value) + "\"）会执行脚本");
    } else if (dmn && local.equals("expressionLanguage")
        && !FEEL_LANGUAGE.matcher(value.strip().toLowerCase(Locale.ROOT)).matches()) {
      report.refuse("规则只能用 FEEL 书写，不能用 " + shorten(value));
    } else {
      checkExpressions(value, report);
    }
  }

  /** Every {@code ${…}} or {@code #{…}} in a text. */
  private void checkExpressions(String text, Reporter report) {
    int from = 0;
    while (true) {
      int dollar = text.indexOf("${", from);
      int hash = text.indexOf("#{", from);
      int start = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
      if (start < 0) {
        return;
      }
      int end = closingBrace(text, start + 2);
      if (end < 0) {
        report.refuse("表达式没有结束的 }：" + shorten(text.substring(start)));
        return;
      }
      String problem = expressionProblem(text.substring(start + 2, end));
      if (problem != null) {
        report.refuse("表达式 " + shorten(text.substring(start, end + 1)) + " " + problem
            + "（表达式只能读取变量、比较，或调用本系统的委托和模型函数）");
      }
      from = end + 1;
    }
  }

  private static int closingBrace(String text, int from) {
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '}') {
        return i;
      }
    }
    return -1;
  }

  /** Why the body of one expression is refused, or {@code null}. */
  String expressionProblem(String body) {
    List<String> tokens = tokens(body);
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String previous = i > 0 ? tokens.get(i - 1) : "";
      String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
      if (token.equals("(") && (isIdentifier(previous) && !KEYWORDS.contains(previous)
          || previous.equals(")") || previous.equals("]"))) {
        return "调用了 " + previous + "(…)";
      }
      if (token.equals(".") && previous.equals(")")) {
        return "读取了括号中表达式的属性";
      }
      if (isQuoted(token) && previous.equals("[") && REFLECTIVE.contains(unquote(token))) {
        return "读取了 " + unquote(token);
      }
      if (!isIdentifier(token) || KEYWORDS.contains(token)) {
        continue;
      }
      if (previous.equals(".")) {
        if (REFLECTIVE.contains(token)) {
          return "读取了 " + token;
        }
        continue;
      }
      String member = next.equals(".") && i + 2 < tokens.size() ? tokens.get(i + 2) : null;
      String afterMember = i + 3 < tokens.size() ? tokens.get(i + 3) : "";
      if (ENGINE_OBJECTS.contains(token)) {
        if (next.equals("[") || member != null && (!ENGINE_OBJECT_PROPERTIES.contains(member)
            || afterMember.equals(".") || afterMember.equals("[") || afterMember.equals("("))) {
          return "读取了引擎对象 " + token + (member == null ? "" : "." + member);
        }
        i += member == null ? 0 : 2;
      } else if (beans.exists(token)) {
        if (member != null && afterMember.equals("(") && beans.isModelFunction(token, member)) {
          i += 3; // the arguments are checked as they come
        } else if (member == null && !next.equals("[") && (beans.isDelegate(token) || beans.isModelFunction(token, null))) {
          continue;
        } else {
          return "使用了 " + token + (member == null ? "" : "." + member);
        }
      }
    }
    return null;
  }

  private static List<String> tokens(String body) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '\'' || c == '"') {
        i++;
        while (i < body.length() && body.charAt(i) != c) {
          i += body.charAt(i) == '\\' ? 2 : 1;
        }
        i = Math.min(i + 1, body.length());
      } else if (Character.isJavaIdentifierStart(c)) {
        while (i < body.length() && Character.isJavaIdentifierPart(body.charAt(i))) {
          i++;
        }
      } else if (Character.isDigit(c)) {
        while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '.')) {
          i++;
        }
      } else {
        i++;
      }
      tokens.add(body.substring(start, i));
    }
    return tokens;
  }

  private List<Finding> checkForm(String resource, byte[] content) {
    List<Finding> findings = new ArrayList<>();
    try {
      JsonNode schema = json.readTree(content);
      for (JsonNode component : schema.findParents("type")) {
        String type = component.path("type").asText();
        if (!type.equals("text") && !type.equals("html")) {
          continue;
        }
        String text = component.path("text").asText("") + component.path("content").asText("");
        if (text.contains("{{") || text.strip().startsWith("=")) {
          findings.add(new Finding(resource, component.path("id").asText(null), -1, -1,
              "表单文字不能显示变量的值（会把填报内容当作 Markdown/HTML 显示）：" + shorten(text)));
        }
      }
    } catch (IOException e) {
      findings.add(new Finding(resource, null, -1, -1, "不是有效的表单 JSON：" + e.getMessage()));
    }
    return findings;
  }

  // the texts the DMN engine evaluates (annotations and descriptions are prose)
  private static boolean isFeel(Element element) {
    Node parent = element.getParentNode();
    return element.getLocalName().equals("text") && parent != null
        && FEEL_HOLDERS.contains(parent.getLocalName());
  }

  // FEEL string literals ("…") may say anything
  private static String withoutStrings(String feel) {
    return feel.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? e.getMessage() : cause.getMessage();
  }

  private static boolean isIdentifier(String token) {
    return !token.isEmpty() && Character.isJavaIdentifierStart(token.charAt(0));
  }

  private static boolean isQuoted(String token) {
    return token.length() >= 2 && (token.charAt(0) == '\'' || token.charAt(0) == '"');
  }

  private static String unquote(String token) {
    return token.substring(1, token.length() - 1);
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static String shorten(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() > 120 ? flat.substring(0, 120) + "…" : flat;
  }
}
