package dev.hashring.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleTest {

  @Test
  void rules_areNumberedInOrder_withTraitsExactlyForSection2() {
    List<String> numbers = Arrays.stream(Rule.values()).map(Rule::number).toList();
    assertThat(numbers)
        .containsExactly(
            "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "2.1", "2.2",
            "2.3", "2.4", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10");
    for (Rule rule : Rule.values()) {
      assertThat(rule.trait().isPresent())
          .as(rule.toString())
          .isEqualTo(rule.number().startsWith("2."));
      assertThat(rule.isHashAlgorithmRule()).isEqualTo(rule.number().startsWith("3."));
      assertThat(rule.hint()).isNotBlank();
    }
  }

  @Test
  void everyRule_isCheckedByExactlyOneTestOfItsTck() {
    List<Rule> checked = new ArrayList<>();
    for (Class<?> tck : List.of(ServerSelectorTck.class, HashAlgorithmTck.class)) {
      for (Method method : tck.getDeclaredMethods()) {
        Verifies verifies = method.getAnnotation(Verifies.class);
        if (verifies != null) {
          assertThat(verifies.value().isHashAlgorithmRule())
              .as(method.toString())
              .isEqualTo(tck == HashAlgorithmTck.class);
          checked.add(verifies.value());
        }
      }
    }
    assertThat(checked).containsExactlyInAnyOrder(Rule.values());
  }

  @Test
  void docs_listEveryRuleUnderItsNumberAndTitle() throws IOException {
    Path docs = Path.of(System.getProperty("hashring.root", "..")).resolve("docs/TCK.md");
    String text = Files.readString(docs);
    for (Rule rule : Rule.values()) {
      assertThat(text).contains("\n### " + rule + "\n");
    }
  }
}
