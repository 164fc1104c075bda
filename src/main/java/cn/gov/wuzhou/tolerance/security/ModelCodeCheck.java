package cn.gov.wuzhou.tolerance.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.engine.Problem;

/**
 * Whether the models of a deployment run only the project's own code: BPMN without scripts, Java
 * classes, connectors or expressions that call anything but the project's delegates and model functions;
 * DMN in FEEL without external functions; forms whose texts show no variable's value. Reads the files as
 * they are, before the engine parses them, so nothing of a refused deployment is ever evaluated.
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
      return checkXml(resource, content, true);
    }
    if (name.endsWith(".form")) {
      return checkForm(resource, content);
    }
    return List.of(new Finding(resource, null, -1, -1, "只能部署流程（.bpmn）、规则（.dmn）和表单（.form）"));
  }

  private List<Finding> checkXml(String resource, byte[] content, boolean dmn) {
    List<Finding> findings = new ArrayList<>();
    Deque<String> ids = new ArrayDeque<>();
    Deque<Boolean> prose = new ArrayDeque<>();
    XMLStreamReader xml = null;
    try {
      xml = secureFactory().createXMLStreamReader(new ByteArrayInputStream(content));
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String id = xml.getAttributeValue(null, "id");
          ids.push(id != null ? id : ids.isEmpty() ? "" : ids.peek());
          String local = xml.getLocalName();
          prose.push(local.equals("documentation") || (!dmn && local.equals("text")) || local.equals("description"));
          Location at = xml.getLocation();
          Reporter report = message -> findings.add(
              new Finding(resource, blankToNull(ids.peek()), at.getLineNumber(), at.getColumnNumber(), message));
          checkElement(local, report);
          for (int i = 0; i < xml.getAttributeCount(); i++) {
            checkAttribute(xml.getAttributeLocalName(i), xml.getAttributeValue(i), dmn, report);
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          ids.pop();
          prose.pop();
        } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
            && !prose.isEmpty() && !prose.peek()) {
          String text = xml.getText();
          Location at = xml.getLocation();
          Reporter report = message -> findings.add(
              new Finding(resource, blankToNull(ids.peek()), at.getLineNumber(), at.getColumnNumber(), message));
          if (dmn && FEEL_EXTERNAL.matcher(text).find()) {
            report.refuse("FEEL 外部函数（external）可执行 Java 代码：" + shorten(text));
          }
          checkExpressions(text, report);
        }
      }
    } catch (XMLStreamException e) {
      findings.add(new Finding(resource, null, -1, -1, "不是有效的 XML：" + e.getMessage()));
    } finally {
      close(xml);
    }
    return findings;
  }

  private interface Reporter {
    void refuse(String message);
  }

  // by local name in any namespace: the engine also reads the old activiti namespace for its extensions
  private static void checkElement(String local, Reporter report) {
    if (local.equals("scriptTask")) {
      report.refuse("脚本任务（scriptTask）会执行脚本");
    } else if (local.equals("script")) {
      report.refuse("脚本（camunda:script）会执行代码");
    } else if (local.equals("connector")) {
      report.refuse("连接器（camunda:connector）会从服务器发出请求");
    }
  }

  private void checkAttribute(String local, String value, boolean dmn, Reporter report) {
    if (local.equals("class") || local.equals("variableMappingClass")) {
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

  private static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  private static void close(XMLStreamReader xml) {
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException ignored) {
        // nothing was written
      }
    }
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
