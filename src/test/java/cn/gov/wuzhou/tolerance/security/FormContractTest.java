package cn.gov.wuzhou.tolerance.security;

import static cn.gov.wuzhou.tolerance.support.Refusals.assertRefusedNaming;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The forms process owners edit are the contract of each step: what the contract reads from them. */
class FormContractTest {

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(path -> path.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest
  @MethodSource("forms")
  void noFormTextRendersAVariablesValue(Path form) throws IOException {
    // form-js renders text components as Markdown with HTML: a {{variable}} there would show a clerk's input as markup
    List<String> texts = new ObjectMapper().readTree(form.toFile()).findValues("text").stream()
        .map(JsonNode::asText).toList();

    assertThat(texts).noneMatch(text -> text.contains("{{"));
  }

  @ParameterizedTest
  @MethodSource("forms")
  void everyFieldHasAChineseLabelForTheMessages(Path form) throws IOException {
    try (InputStream schema = Files.newInputStream(form)) {
      assertThat(FormContract.parse(schema).fields().values())
          .allSatisfy(field -> assertThat(field.label()).isNotEqualTo(field.key()).matches(".*\\p{IsHan}.*"));
    }
  }

  @Test
  void aRequiredFieldIsSatisfiedByTheValueItAlreadyHas() throws IOException {
    FormContract proposal = contract("propose-determination");

    assertThat(proposal.admit(Map.of(), name -> name.equals("proposedDetermination") ? "TOLERATE" : null)).isEmpty();
    assertRefusedNaming("proposedDetermination", () -> proposal.admit(Map.of(), name -> null));
  }

  @Test
  void aYesNoChoiceTakesTheFormsTextOrABooleanAndIsWrittenAsABoolean() throws IOException {
    FormContract verification = contract("verify-correction");

    assertThat(verification.admit(Map.of("correctionVerified", true), name -> null))
        .containsEntry("correctionVerified", true);
    assertThat(verification.admit(Map.of("correctionVerified", "false"), name -> null))
        .containsEntry("correctionVerified", false);
    assertThat(contract("review-case").admit(Map.of("errorInFiledWork", ""), name -> "true"))
        .as("a question left unanswered (shown only for a pre-filed case) stays unanswered")
        .containsEntry("errorInFiledWork", "");
    assertRefusedNaming("correctionVerified", () -> verification.admit(Map.of("correctionVerified", "maybe"), name -> null));
  }

  @Test
  void aReadOnlyDateComesBackAsTheTextItWasStoredAs() throws IOException {
    FormContract verification = contract("verify-correction");

    assertThat(verification.admit(Map.of("correctionVerified", true, "correctionDeadline", "2026-12-31"),
        name -> name.equals("correctionDeadline") ? "2026-12-31" : null)).containsOnlyKeys("correctionVerified");
    assertRefusedNaming("correctionDeadline", () -> verification.admit(
        Map.of("correctionVerified", true, "correctionDeadline", "2027-12-31"), name -> "2026-12-31"));
  }

  private static FormContract contract(String name) throws IOException {
    try (InputStream schema = Files.newInputStream(Path.of("forms", name + ".form"))) {
      return FormContract.parse(schema);
    }
  }
}
