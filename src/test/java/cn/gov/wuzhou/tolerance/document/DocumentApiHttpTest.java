package cn.gov.wuzhou.tolerance.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.wuzhou.tolerance.common.Today;
import cn.gov.wuzhou.tolerance.support.CaseDriver;
import cn.gov.wuzhou.tolerance.support.Desk;
import cn.gov.wuzhou.tolerance.support.HttpTest;
import cn.gov.wuzhou.tolerance.support.Rest;
import cn.gov.wuzhou.tolerance.support.Rest.Download;
import cn.gov.wuzhou.tolerance.support.Rest.FilePart;
import cn.gov.wuzhou.tolerance.support.Rest.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 材料 over {@code /api}: who may attach, list and download a case's documents, which files are
 * accepted, and that a refusal writes nothing.
 */
@HttpTest
class DocumentApiHttpTest {

  static final int MAX = 20 * 1024 * 1024;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Today today;
  Rest rest;
  Desk desk;

  @BeforeEach
  void connect() {
    rest = new Rest(port);
    desk = new Desk(rest);
  }

  @Test
  void theUnitAttachesAPdfAndTheReviewingAgencyDownloadsTheSameBytes() {
    String id = report();
    FilePart pdf = Samples.pdf("情况说明（李明）.pdf");

    Reply added = rest.upload("commerce-clerk", documents(id), pdf, Map.of("title", "情况说明"));

    assertThat(added.status()).as("%s", added.body()).isEqualTo(201);
    assertThat(added.text("title")).isEqualTo("情况说明");
    assertThat(added.text("fileName")).isEqualTo("情况说明（李明）.pdf");
    assertThat(added.text("contentType")).isEqualTo("application/pdf");
    assertThat(added.text("typeLabel")).isEqualTo("PDF 文档");
    assertThat(added.body().path("size").asLong()).isEqualTo(pdf.content().length);
    assertThat(added.text("uploadedBy")).isEqualTo("commerce-clerk");
    assertThat(added.text("uploadedByName")).isEqualTo("市商务局 经办人");
    assertThat(OffsetDateTime.parse(added.text("uploadedAt")).getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
    assertThat(added.text("caseInstanceId")).isEqualTo(id);
    assertThat(added.text("href")).isEqualTo("/api/documents/" + added.text("id"));

    awaitTask("jiwei", id, "acknowledgeByDisciplineInspection");
    JsonNode listed = rest.get("jiwei", documents(id)).body();
    assertThat(listed.path("mayAttach").asBoolean()).isTrue();
    assertThat(listed.path("items")).hasSize(1);
    assertThat(listed.path("items").get(0).path("id").asText()).isEqualTo(added.text("id"));

    Download download = rest.download("jiwei", added.text("href"));
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf.content());
    assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(download.header("Content-Disposition")).startsWith("attachment")
        .contains("filename*=UTF-8''%E6%83%85%E5%86%B5%E8%AF%B4%E6%98%8E");
    assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(rest.download("jiwei", added.text("href") + "?inline=true").header("Content-Disposition"))
        .as("an uploaded file is never shown inline").startsWith("attachment");
  }

  @Test
  void nobodyElseListsOrDownloadsThem() {
    String id = report();
    String documentId = rest.upload("commerce-clerk", documents(id), Samples.pdf("a.pdf"), Map.of()).text("id");
    awaitTask("jiwei", id, "acknowledgeByDisciplineInspection");

    // another unit, an agency with no task in the case
    for (String outsider : List.of("tengxian-clerk", "paizhu", "zuzhi")) {
      Reply list = rest.get(outsider, documents(id));
      assertThat(list.status()).as(outsider).isEqualTo(404);
      assertThat(list.text("message")).contains("不存在或不在您的查看范围内");
      assertThat(rest.download(outsider, "/api/documents/" + documentId).status()).as(outsider).isEqualTo(404);
      assertThat(rest.upload(outsider, documents(id), Samples.pdf("b.pdf"), Map.of()).status()).isEqualTo(404);
    }
    assertThat(rest.get("admin", documents(id)).body().path("items")).hasSize(1);
    assertThat(rest.download("admin", "/api/documents/" + documentId).status()).isEqualTo(200);
    assertThat(count(id)).isEqualTo(1);
  }

  @Test
  void anonymousCallersAreAskedToLogIn() {
    String id = report();
    String documentId = rest.upload("commerce-clerk", documents(id), Samples.pdf("a.pdf"), Map.of()).text("id");

    assertThat(rest.get(null, documents(id)).status()).isEqualTo(401);
    assertThat(rest.download(null, "/api/documents/" + documentId).status()).isEqualTo(401);
    assertThat(rest.upload(null, documents(id), Samples.pdf("b.pdf"), Map.of()).status()).isEqualTo(401);
    // not commerce-clerk: after a wrong password the engine makes its user wait before the next login
    assertThat(rest.get("bianban", "wrong", documents(id)).status()).isEqualTo(401);
    assertThat(count(id)).isEqualTo(1);
  }

  @Test
  void anAgencyAttachesInTheStepItWorksOnAndTheUnitSeesIt() {
    String id = report();
    String taskId = awaitTask("jiwei", id, "acknowledgeByDisciplineInspection");

    // one copy: the sample's zip entries carry the time they were made
    byte[] docx = Samples.docx();
    Reply added = rest.upload("jiwei", documents(id), new FilePart("接收回执.docx", "application/octet-stream",
        docx), Map.of("taskId", taskId));

    assertThat(added.status()).as("%s", added.body()).isEqualTo(201);
    assertThat(added.text("taskId")).isEqualTo(taskId);
    assertThat(added.text("taskName")).isEqualTo("纪委监委接收报告");
    assertThat(added.text("title")).isEqualTo("接收回执");
    assertThat(added.text("contentType"))
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    JsonNode listed = rest.get("commerce-clerk", documents(id)).body();
    assertThat(listed.path("items").findValuesAsText("taskName")).containsExactly("纪委监委接收报告");
    assertThat(rest.download("commerce-clerk", added.text("href")).body()).isEqualTo(docx);
  }

  @Test
  void aTaskOfAnotherCaseIsNotAStepOfThisOne() {
    String id = report();
    String other = report();
    String otherTask = awaitTask("jiwei", other, "acknowledgeByDisciplineInspection");
    awaitTask("jiwei", id, "acknowledgeByDisciplineInspection");

    Reply refused = rest.upload("jiwei", documents(id), Samples.pdf("a.pdf"), Map.of("taskId", otherTask));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("message")).contains(otherTask);
    assertThat(count(id)).isZero();
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("现场照片.png", Samples.png(), "image/png"),
        Arguments.of("现场照片.JPG", Samples.jpeg(), "image/jpeg"),
        Arguments.of("整改台账.xlsx", Samples.xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        Arguments.of("情况说明.doc", Samples.compound("WordDocument"), "application/msword"),
        Arguments.of("情况说明.wps", Samples.compound("WordDocument"), "application/wps-office.wps"),
        Arguments.of("整改台账.xls", Samples.compound("Workbook"), "application/vnd.ms-excel"),
        Arguments.of("整改台账.et", Samples.compound("Workbook"), "application/wps-office.et"),
        Arguments.of("情况说明.odt", Samples.opendocument("application/vnd.oasis.opendocument.text"),
            "application/vnd.oasis.opendocument.text"),
        Arguments.of("整改台账.ods", Samples.opendocument("application/vnd.oasis.opendocument.spreadsheet"),
            "application/vnd.oasis.opendocument.spreadsheet"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void imagesAndOfficeAndWpsFilesAreAcceptedByTheirContent(String name, byte[] content, String contentType) {
    String id = report();

    // the declared type is the client's word; the content decides
    Reply added = rest.upload("commerce-clerk", documents(id), new FilePart(name, "text/html", content), Map.of());

    assertThat(added.status()).as("%s", added.body()).isEqualTo(201);
    assertThat(added.text("contentType")).isEqualTo(contentType);
    assertThat(rest.download("commerce-clerk", added.text("href")).header("Content-Type")).isEqualTo(contentType);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("通知.html", "text/html", Samples.text("<html><script>alert(1)</script></html>"), 415, "只能上传"),
        Arguments.of("公章.svg", "image/svg+xml", Samples.text("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), 415,
            "只能上传"),
        Arguments.of("整改方案.pdf", "application/pdf", Samples.text("MZ\u0090\u0000 This program"), 415, "只能上传"),
        Arguments.of("安装包.doc", "application/msword", Samples.compound("\u0005SummaryInformation"), 415, "只能上传"),
        Arguments.of("资料.docx", "application/zip", Samples.zip("[Content_Types].xml", "index.html"), 415,
            "内含不允许的内容（index.html"),
        Arguments.of("情况说明.docx", "application/octet-stream", Samples.ooxml(Samples.WORD_MAIN, "/word/document.xml",
            new Samples.Entry("word/page.html", Samples.text("<html><script>alert(1)</script></html>")),
            new Samples.Entry("word/setup.exe", Samples.exe())), 415, "内含不允许的内容（word/page.html"),
        Arguments.of("情况说明.docx", "application/octet-stream", Samples.ooxml(Samples.WORD_MAIN, "/word/document.xml",
            new Samples.Entry("word/media/image1.png", Samples.exe())), 415, "word/media/image1.png：可执行程序"),
        Arguments.of("情况说明.docx", "application/octet-stream", Samples.ooxml(Samples.WORD_MAIN, "/word/document.xml",
            new Samples.Entry("word/vbaProject.bin", Samples.text("Attribute VB_Name"))), 415, "宏代码"),
        Arguments.of("情况说明.docx", "application/octet-stream", Samples.ooxml(Samples.WORD_MAIN, "/word/document.xml",
            new Samples.Entry("word/embeddings/台账.xlsx", Samples.ooxml(Samples.EXCEL_MAIN, "/xl/workbook.xml",
                new Samples.Entry("xl/run.js", Samples.text("WScript.Shell"))))), 415, "word/embeddings/台账.xlsx/xl/run.js"),
        Arguments.of("情况说明.docx", "application/octet-stream", Samples.ooxml(
            "application/vnd.ms-word.document.macroEnabled.main+xml", "/word/document.xml"), 415, "macroenabled"),
        Arguments.of("整改台账.docx", "application/octet-stream", Samples.xlsx(), 415, "的内容是 Excel 表格，与扩展名 .docx 不符"),
        Arguments.of("情况说明.docx", "application/octet-stream", Samples.zip("[Content_Types].xml", "word/document.xml"),
            415, "只能上传"),
        Arguments.of("情况说明.docx", "application/pdf", Samples.pdf(2048), 415, "与扩展名 .docx 不符"),
        Arguments.of("情况说明", "application/pdf", Samples.pdf(2048), 415, "与扩展名（无）不符"),
        Arguments.of("空白.pdf", "application/pdf", new byte[0], 400, "是空的"),
        Arguments.of("x".repeat(252) + ".pdf", "application/pdf", Samples.pdf(2048), 400, "文件名不能超过"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void otherFilesAreRefusedWithAMessageAndNothingIsWritten(String name, String declared, byte[] content, int status,
      String message) {
    String id = report();

    Reply refused = rest.upload("commerce-clerk", documents(id), new FilePart(name, declared, content), Map.of());

    assertThat(refused.status()).as("%s", refused.body()).isEqualTo(status);
    assertThat(refused.text("message")).contains(message);
    assertThat(count(id)).isZero();
  }

  @Test
  void aFileUpToTheLimitIsKeptOneByteMoreIsRefused() {
    String id = report();

    Reply atLimit = rest.upload("commerce-clerk", documents(id), new FilePart("扫描件.pdf", "application/pdf",
        Samples.pdf(MAX)), Map.of());
    Reply over = rest.upload("commerce-clerk", documents(id), new FilePart("扫描件.pdf", "application/pdf",
        Samples.pdf(MAX + 1)), Map.of());

    assertThat(atLimit.status()).isEqualTo(201);
    assertThat(over.status()).isEqualTo(413);
    assertThat(over.text("message")).contains("20 MB");
    assertThat(count(id)).isEqualTo(1);
  }

  @Test
  void bidirectionalControlsAreStrippedFromNamesAndTitles() {
    String id = report();

    // shown as 情况说明exe.pdf, but a program 情况说明fdp.exe to whoever trusts the override; here a real PDF
    Reply added = rest.upload("commerce-clerk", documents(id), new FilePart("情况说明\u202Eexe.pdf", "application/pdf",
        Samples.pdf(4096)), Map.of("title", "\u2067情况\u200F说明\u2069"));

    assertThat(added.status()).as("%s", added.body()).isEqualTo(201);
    assertThat(added.text("fileName")).isEqualTo("情况说明exe.pdf");
    assertThat(added.text("title")).isEqualTo("情况说明");
    assertThat(jdbc.queryForObject("SELECT file_name FROM case_document WHERE id = ?", String.class, added.text("id")))
        .isEqualTo("情况说明exe.pdf");
  }

  @Test
  void aCaseTakesNoMoreThanItsQuota() {
    String id = report();
    int eleven = 11 * 1024 * 1024;
    assertThat(rest.upload("commerce-clerk", documents(id), new FilePart("扫描件一.pdf", "application/pdf",
        Samples.pdf(eleven)), Map.of()).status()).isEqualTo(201);

    // the test configuration's quota is 21 MB a case
    Reply refused = rest.upload("commerce-clerk", documents(id), new FilePart("扫描件二.pdf", "application/pdf",
        Samples.pdf(eleven)), Map.of());

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.text("message")).contains("每个案件 21 MB 的上限").contains("已有 11 MB");
    assertThat(count(id)).isEqualTo(1);
    assertThat(rest.upload("commerce-clerk", documents(report()), new FilePart("扫描件二.pdf", "application/pdf",
        Samples.pdf(eleven)), Map.of()).status()).as("another case has its own quota").isEqualTo(201);
  }

  @Test
  void malformedUploadsAreRefusedAsJson() {
    String id = report();

    Reply noFile = rest.upload("commerce-clerk", documents(id), null, Map.of("title", "情况说明"));
    Reply json = rest.post("commerce-clerk", documents(id), Map.of("file", "JVBERi0="));
    Reply longTitle = rest.upload("commerce-clerk", documents(id), Samples.pdf("a.pdf"), Map.of("title", "长".repeat(201)));

    assertThat(noFile.status()).isEqualTo(400);
    assertThat(noFile.text("message")).contains("file");
    assertThat(json.status()).isEqualTo(415);
    assertThat(json.text("message")).contains("multipart/form-data");
    assertThat(longTitle.status()).isEqualTo(400);
    assertThat(longTitle.text("message")).contains("材料名称");
    assertThat(count(id)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/cases/no-such-case/documents", "/api/documents/no-such-document",
      "/api/documents/5b0c0b59-0000-4000-8000-000000000000"})
  void unknownCasesAndDocumentsAre404(String path) {
    Reply reply = rest.get("admin", path);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.text("message")).contains("不存在");
  }

  @Test
  void aFinishedCaseKeepsItsDocumentsAndTakesNoMore() {
    String id = report(CaseDriver.validReport(today.date()), "officialCategory", "OTHER");
    desk.work("jiwei", "discipline-inspection", id, "acknowledgeByDisciplineInspection",
        Map.of("disciplineAcknowledged", true, "scopeReason", "当事人不行使公权力"));
    desk.awaitEnded("commerce-clerk", id);

    Reply refused = rest.upload("commerce-clerk", documents(id), Samples.pdf("迟交.pdf"), Map.of());
    JsonNode listed = rest.get("commerce-clerk", documents(id)).body();

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text("message")).contains("已办结");
    assertThat(listed.path("mayAttach").asBoolean()).isFalse();
    assertThat(listed.path("items")).isEmpty();
    assertThat(count(id)).isZero();
  }

  @Test
  void aPreFilingIsACaseOfItsOwn() {
    Reply started = rest.post("commerce-clerk", "/engine-rest/process-definition/key/prefiling/start",
        Rest.withVariables(Map.of("planTitle", "政务服务“秒批”试点", "planSummary", "试行无人工干预自动审批。",
            "workCategory", "ENTERPRISE_SERVICE", "innovationNature", "INNOVATIVE", "riskAssessment", "风险可控。",
            "plannedStart", today.date().plusDays(10).toString(), "filingAuthority", "dispatched-discipline-group")));
    assertThat(started.status()).as("start: %s", started.body()).isEqualTo(200);
    String id = started.text("id");
    rest.upload("commerce-clerk", documents(id), Samples.pdf("备案方案.pdf"), Map.of());
    awaitTask("paizhu", id, "reviewPrefiling");

    assertThat(rest.get("paizhu", documents(id)).body().path("items").findValuesAsText("title")).containsExactly("备案方案");
    assertThat(rest.get("jiwei", documents(id)).status()).isEqualTo(404);
  }

  @Test
  void theDeliberationsAgenciesSeeTheCasesDocumentsThroughTheSubProcess() {
    String id = report();
    String documentId = rest.upload("commerce-clerk", documents(id), Samples.pdf("情况说明.pdf"), Map.of()).text("id");
    desk.acknowledgeAndCorrect(id, today.date());
    desk.work("wenze", "accountability-office", id, "reviewCase", CaseDriver.findingsWith("wideImpact", "true"));
    Rest.await("the deliberation starts", () -> deliberation(id) != null);
    String deliberation = deliberation(id);
    assertThat(rest.get("renshe", documents(id)).status()).isEqualTo(404);
    desk.work("wenze", "accountability-office", deliberation, "conveneDeliberation",
        Map.of("deliberationTopic", "项目延期是否予以容错", "meetingDate", today.date().plusDays(3).toString()));
    awaitTask("renshe", deliberation, "giveOpinion");

    JsonNode throughSubProcess = rest.get("renshe", documents(deliberation)).body();
    assertThat(throughSubProcess.path("caseInstanceId").asText()).isEqualTo(id);
    assertThat(throughSubProcess.path("items").findValuesAsText("id")).containsExactly(documentId);
    assertThat(rest.get("renshe", documents(id)).body().path("items")).hasSize(1);
    Reply opinion = rest.upload("renshe", documents(deliberation), Samples.pdf("人社局意见.pdf"), Map.of());
    assertThat(opinion.status()).isEqualTo(201);
    assertThat(opinion.text("caseInstanceId")).isEqualTo(id);
    assertThat(opinion.text("processInstanceId")).isEqualTo(deliberation);
    assertThat(rest.get("commerce-clerk", documents(id)).body().path("items")).hasSize(2);
  }

  private String deliberation(String caseId) {
    JsonNode found = rest.get("admin", "/engine-rest/process-instance?superProcessInstance=" + caseId).body();
    return found.isEmpty() ? null : found.get(0).path("id").asText();
  }

  private String report() {
    return report(CaseDriver.validReport(today.date()));
  }

  private String report(Map<String, Object> report, Object... namesAndValues) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      report.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    Reply reply = rest.post("commerce-clerk", "/engine-rest/process-definition/key/toleranceCase/start",
        Rest.withVariables(report));
    assertThat(reply.status()).as("start: %s", reply.body()).isEqualTo(200);
    return reply.text("id");
  }

  /** Waits until the user's groups have the task in the process instance; its id. */
  private String awaitTask(String user, String processInstanceId, String taskKey) {
    String query = "/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + taskKey;
    Rest.await(taskKey + " reaches " + user, () -> rest.get(user, query).body().size() == 1);
    return rest.get(user, query).body().get(0).path("id").asText();
  }

  private static String documents(String processInstanceId) {
    return "/api/cases/" + processInstanceId + "/documents";
  }

  private long count(String caseInstanceId) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM case_document WHERE case_instance_id = ?", Long.class,
        caseInstanceId);
    return count == null ? 0 : count;
  }
}
