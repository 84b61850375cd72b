package dev.hashring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.testproviders.BadNameSelector;
import dev.hashring.testproviders.BetaSelector;
import dev.hashring.testproviders.FailingInitSelector;
import dev.hashring.testproviders.FirstServerSelector;
import dev.hashring.testproviders.NotASelector;
import dev.hashring.testproviders.ProviderJar;
import dev.hashring.testproviders.SecondAlphaSelector;
import dev.hashring.testproviders.ThrowingSelector;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {

  private static final String PKG = "dev.hashring.testproviders.";

  @TempDir Path dir;

  private Path alphaJar() throws ClassNotFoundException {
    return ProviderJar.write(
        dir.resolve("alpha.jar"),
        List.of(FirstServerSelector.class, Class.forName(PKG + "FirstServerRing")),
        List.of(PKG + "FirstServerSelector"));
  }

  private Path brokenJar() throws ClassNotFoundException {
    return ProviderJar.write(
        dir.resolve("broken.jar"),
        List.of(
            FirstServerSelector.class,
            Class.forName(PKG + "FirstServerRing"),
            BetaSelector.class,
            ThrowingSelector.class,
            FailingInitSelector.class,
            BadNameSelector.class,
            NotASelector.class),
        List.of(
            "# providers, one of them working",
            PKG + "Missing",
            PKG + "ThrowingSelector",
            PKG + "FailingInitSelector",
            PKG + "BadNameSelector  # a comment",
            PKG + "NotASelector",
            PKG + "BetaSelector"));
  }

  @Test
  void forName_findsAProviderInAJar() throws Exception {
    try (URLClassLoader loader = ProviderJar.loader(alphaJar())) {
      Registry<ServerSelector> registry = ServerSelectors.load(loader);
      ServerSelector alpha = registry.forName("alpha");
      assertThat(alpha.getClass().getName()).isEqualTo(PKG + "FirstServerSelector");
      assertThat(alpha.getClass().getClassLoader()).isSameAs(loader);
      assertThat(registry.names()).containsExactly("alpha");
      assertThat(registry.source(alpha)).isEqualTo(dir.resolve("alpha.jar").toString());
      assertThat(registry.problems()).isEmpty();
    }
  }

  @Test
  void forName_listsWhatIsAvailableAndSuggestsACloseName() throws Exception {
    Path brokenJar = brokenJar();
    try (URLClassLoader loader = ProviderJar.loader(alphaJar())) {
      Registry<ServerSelector> registry = ServerSelectors.load(loader);
      assertThatThrownBy(() -> registry.forName("alpah"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no ServerSelector named 'alpah'; available: alpha (did you mean 'alpha'?)");
      assertThatThrownBy(() -> registry.forName("ALPHA"))
          .hasMessage("no ServerSelector named 'ALPHA'; available: alpha (did you mean 'alpha'?)");
      assertThatThrownBy(() -> registry.forName("ketama"))
          .hasMessage("no ServerSelector named 'ketama'; available: alpha");
      assertThatThrownBy(() -> registry.forName(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("name");
    }
    try (URLClassLoader loader = ProviderJar.loader(brokenJar)) {
      assertThatThrownBy(() -> ServerSelectors.load(loader).forName("gamma"))
          .hasMessageStartingWith(
              "no ServerSelector named 'gamma'; available: beta; 5 could not be used: "
                  + PKG
                  + "Missing ("
                  + brokenJar
                  + "): failed to load: ");
    }
  }

  @Test
  void aBrokenJarNeverHidesTheOthers_andEachProblemNamesItsClassAndJar() throws Exception {
    Path alphaJar = alphaJar();
    Path brokenJar = brokenJar();
    try (URLClassLoader loader = ProviderJar.loader(brokenJar, alphaJar)) {
      Registry<ServerSelector> registry = ServerSelectors.load(loader);

      assertThat(registry.names()).containsExactly("alpha", "beta");
      assertThat(registry.forName("beta").getClass().getName()).isEqualTo(PKG + "BetaSelector");
      assertThat(registry.all()).extracting(ServerSelector::name).containsExactly("alpha", "beta");

      String jar = brokenJar.toString();
      assertThat(registry.problems())
          .containsExactly(
              new ProviderProblem(
                  PKG + "Missing", jar, "failed to load: Provider " + PKG + "Missing not found"),
              new ProviderProblem(
                  PKG + "ThrowingSelector",
                  jar,
                  "failed to load: Provider "
                      + PKG
                      + "ThrowingSelector could not be instantiated caused by"
                      + " java.lang.IllegalStateException: no licence for this selector"),
              new ProviderProblem(
                  PKG + "FailingInitSelector",
                  jar,
                  "failed to load: Provider "
                      + PKG
                      + "FailingInitSelector could not be instantiated caused by"
                      + " java.lang.ExceptionInInitializerError caused by"
                      + " java.lang.NumberFormatException: For input string: \"not a number\""),
              new ProviderProblem(
                  PKG + "BadNameSelector",
                  jar,
                  "invalid name 'Bad Name': a name is lower case letters, digits, '_' and '-'"),
              new ProviderProblem(
                  PKG + "NotASelector",
                  jar,
                  "failed to load: " + PKG + "NotASelector not a subtype"));
    }
  }

  @Test
  void twoProvidersOfOneName_areReportedWithTheirJars() throws Exception {
    Path alphaJar = alphaJar();
    Path secondJar =
        ProviderJar.write(
            dir.resolve("second-alpha.jar"),
            List.of(
                SecondAlphaSelector.class,
                FirstServerSelector.class,
                Class.forName(PKG + "FirstServerRing")),
            List.of(PKG + "SecondAlphaSelector"));
    try (URLClassLoader loader = ProviderJar.loader(alphaJar, secondJar)) {
      Registry<ServerSelector> registry = ServerSelectors.load(loader);
      assertThatThrownBy(() -> registry.forName("alpha"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "2 ServerSelectors are named 'alpha': "
                  + PKG
                  + "FirstServerSelector ("
                  + alphaJar
                  + ") and "
                  + PKG
                  + "SecondAlphaSelector ("
                  + secondJar
                  + "); keep only one of them on the class path or module path");
      assertThat(registry.all()).hasSize(2);
      assertThat(registry.problems())
          .extracting(ProviderProblem::toString)
          .containsExactly(
              PKG
                  + "FirstServerSelector ("
                  + alphaJar
                  + "): shares the name 'alpha' with 1 other ServerSelector provider(s)",
              PKG
                  + "SecondAlphaSelector ("
                  + secondJar
                  + "): shares the name 'alpha' with 1 other ServerSelector provider(s)");
    }
  }

  @Test
  void apiAloneRegistersNoSelector() {
    assertThatThrownBy(() -> ServerSelectors.forName("ketama"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no ServerSelector named 'ketama'; available: none");
  }
}
