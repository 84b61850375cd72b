package dev.hashring.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hashring.HashAlgorithm;
import dev.hashring.ServerSelector;
import dev.hashring.tck.TckReport.Outcome;
import dev.hashring.tck.TckReport.ProviderResult;
import dev.hashring.tck.broken.IdentityHash;
import dev.hashring.tck.broken.ModuloClaimingMinimalDisruption;
import dev.hashring.tck.broken.SpinningSelector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** TckRunner on jars assembled at test time, as the {@code hashring tck --jar} command uses it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TckRunnerTest {

  private static final Path TEST_CLASSES = classesOf(TckRunnerTest.class);
  private static final String MD5_HELPER = "dev.hashring.tck.broken.Md5";

  @TempDir static Path dir;
  private Path thirdParty;
  private Path broken;

  private static Path classesOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Two jars: one compiled from source here, whose classes exist nowhere else, and one of test
   * classes, which the jar's class loader finds first in its parent (the test class path) and so
   * reports as coming from there; the runner still checks them because the jar's service files list
   * them.
   */
  @BeforeAll
  void buildJars() throws IOException {
    Path classes = dir.resolve("third-party-classes");
    TestJars.compile(ThirdPartySources.classes(), classes, false);
    Path services = Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(
        services.resolve(ServerSelector.class.getName()), "com.example.ring.ExampleModulo\n");
    Files.writeString(
        services.resolve(HashAlgorithm.class.getName()),
        "# a comment, then the provider\ncom.example.ring.ExampleCrc32\n");
    thirdParty = TestJars.jarOf(dir.resolve("example-ring.jar"), classes);
    broken =
        TestJars.write(
            dir.resolve("broken.jar"),
            TEST_CLASSES,
            List.of(
                ModuloClaimingMinimalDisruption.class.getName(),
                IdentityHash.class.getName(),
                MD5_HELPER),
            Map.of(
                ServerSelector.class, List.of(ModuloClaimingMinimalDisruption.class),
                HashAlgorithm.class, List.of(IdentityHash.class)));
  }

  @Test
  void thirdPartyJar_passesEveryRule_andOnlyItsProvidersAreChecked() {
    TckReport report = TckRunner.forJars(List.of(thirdParty)).run();
    System.out.println(report.text());

    assertThat(report.passed()).isTrue();
    assertThat(report.problems()).isEmpty();
    assertThat(report.providers())
        .extracting(ProviderResult::name, ProviderResult::className, ProviderResult::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "example-modulo", "com.example.ring.ExampleModulo", thirdParty.toString()),
            org.assertj.core.groups.Tuple.tuple(
                "example_crc32", "com.example.ring.ExampleCrc32", thirdParty.toString()));
    ProviderResult selector = report.providers().get(0);
    assertThat(selector.results()).hasSize(14);
    assertThat(selector.count(Outcome.PASSED)).isEqualTo(10);
    assertThat(selector.count(Outcome.SKIPPED)).isEqualTo(4);
    assertThat(selector.results().get(10).message())
        .isEqualTo(
            "ring does not claim WEIGHTED: ring(4 servers of weights 1, 2, 3, 4, default options)"
                + " refuses weights: weight must be 1 for selector example-modulo, which has no"
                + " weights: 2 (server 10.0.110.24:11211); ring(3 servers of weights 1, 1, 10,"
                + " default options) refuses weights: weight must be 1 for selector"
                + " example-modulo, which has no weights: 10 (server 10.0.35.253:11211)");
    assertThat(report.providers().get(1).results())
        .hasSize(10)
        .allMatch(result -> result.outcome() == Outcome.PASSED);
    assertThat(report.text())
        .contains(
            "ServerSelector 'example-modulo' (com.example.ring.ExampleModulo, "
                + thirdParty
                + ") with default options: passed\n"
                + "  passed   1.1 the same key gives the same server\n",
            "  skipped  2.1 a server's share of keys follows its weight\n"
                + "           ring does not claim WEIGHTED: ")
        .endsWith(
            "PASSED: 2 providers, 24 rule checks: 20 passed, 0 failed, 4 skipped (trait not"
                + " claimed)\n");
  }

  @Test
  void brokenJar_failsTheRulesItBreaks_withReadableMessages() {
    TckReport report = TckRunner.forJars(List.of(broken)).run();
    System.out.println(report.text());

    assertThat(report.passed()).isFalse();
    assertThat(report.providers()).extracting(ProviderResult::passed).containsExactly(false, false);
    assertThat(report.providers().get(0).results())
        .filteredOn(result -> result.outcome() == Outcome.FAILED)
        .extracting(result -> result.rule().number())
        .containsExactly("2.2", "2.3");
    assertThat(report.text())
        .contains(
            "ServerSelector 'modulo-claiming-minimal-disruption'"
                + " (dev.hashring.tck.broken.ModuloClaimingMinimalDisruption, "
                + TEST_CLASSES
                + ") with default options: FAILED\n",
            "  FAILED   2.2 adding a server moves keys only to it, about its share of them\n"
                + "           Rule 2.2 violated: adding a server moves keys only to it, about its"
                + " share of them\n"
                + "             subject:  selector 'modulo-claiming-minimal-disruption'",
            "  FAILED   3.1 equal bytes give equal hashes\n")
        .containsPattern(
            "FAILED: 2 providers, 24 rule checks: \\d+ passed, \\d+ failed \\(in 2 of 2"
                + " providers\\), \\d+ skipped \\(trait not claimed\\)\n$");
  }

  @Test
  void options_areGivenToEverySelector() {
    TckReport report =
        TckRunner.forJars(List.of(thirdParty))
            .selector("example-modulo")
            .options(Map.of("compat", "libmemcached"))
            .run();

    assertThat(report.passed()).isFalse();
    ProviderResult selector = report.providers().get(0);
    assertThat(selector.options()).isEqualTo(Map.of("compat", "libmemcached"));
    assertThat(selector.results().get(0).outcome()).isEqualTo(Outcome.FAILED);
    assertThat(selector.results().get(0).message())
        .contains(
            "threw java.lang.IllegalArgumentException: unknown option 'compat' for selector"
                + " example-modulo; accepted: none");
  }

  @Test
  void names_chooseWhichProvidersAreChecked() {
    TckReport hashOnly = TckRunner.forJars(List.of(broken)).hash("identity").run();
    assertThat(hashOnly.providers()).extracting(ProviderResult::name).containsExactly("identity");
    assertThat(hashOnly.problems()).isEmpty();

    TckReport misspelt = TckRunner.forJars(List.of(broken)).hash("identiy").selector("nope").run();
    assertThat(misspelt.providers()).isEmpty();
    assertThat(misspelt.problems())
        .containsExactly(
            "no ServerSelector named 'nope' in ["
                + broken
                + "]; available: modulo-claiming-minimal-disruption",
            "no HashAlgorithm named 'identiy' in ["
                + broken
                + "]; available: identity (did you mean 'identity'?)");
    assertThat(misspelt.passed()).isFalse();
    assertThat(misspelt.text())
        .isEqualTo(
            "Problems:\n  "
                + misspelt.problems().get(0)
                + "\n  "
                + misspelt.problems().get(1)
                + "\n\nFAILED: no provider was checked; 2 problems loading providers\n");
  }

  @Test
  void providerOnTheClassPath_isNotChecked_butTheClassLoaderRunnerSeesIt() {
    TckReport fromJar = TckRunner.forJars(List.of(broken)).selector("tck-rendezvous").run();
    assertThat(fromJar.providers()).isEmpty();
    assertThat(fromJar.problems().get(0)).startsWith("no ServerSelector named 'tck-rendezvous' in");

    TckReport fromLoader =
        TckRunner.forClassLoader(getClass().getClassLoader()).selector("tck-rendezvous").run();
    assertThat(fromLoader.providers())
        .extracting(ProviderResult::name)
        .containsExactly("tck-rendezvous");
    assertThat(fromLoader.passed()).isTrue();
  }

  @Test
  void missingProviderClass_isAProblem() throws IOException {
    Path jar = TestJars.write(dir.resolve("missing.jar"), TEST_CLASSES, List.of(), Map.of());
    Path withEntry = dir.resolve("missing-class.jar");
    Path classes = Files.createDirectories(dir.resolve("missing/META-INF/services"));
    Files.writeString(
        classes.resolve(ServerSelector.class.getName()), "com.example.NoSuchSelector\n");
    TestJars.jarOf(withEntry, dir.resolve("missing"));

    TckReport empty = TckRunner.forJars(List.of(jar)).run();
    assertThat(empty.problems())
        .containsExactly(
            "no providers in ["
                + jar
                + "]: no jar lists a class in META-INF/services/dev.hashring.ServerSelector or"
                + " META-INF/services/dev.hashring.HashAlgorithm");

    TckReport missing = TckRunner.forJars(List.of(withEntry)).run();
    assertThat(missing.passed()).isFalse();
    assertThat(missing.problems()).hasSize(1);
    assertThat(missing.problems().get(0))
        .startsWith("com.example.NoSuchSelector (" + withEntry + "): failed to load: ")
        .contains("com.example.NoSuchSelector not found");
  }

  @Test
  void modularJarWithoutServiceFile_isAProblem() throws IOException {
    Path classes = dir.resolve("modular-classes");
    TestJars.compile(
        Map.of(
            "module-info.java", ThirdPartySources.MODULE_INFO,
            "com/example/ring/ExampleModulo.java", ThirdPartySources.SELECTOR),
        classes,
        true);
    Path jar = TestJars.jarOf(dir.resolve("modular.jar"), classes);

    TckReport report = TckRunner.forJars(List.of(jar)).run();
    assertThat(report.providers()).isEmpty();
    assertThat(report.problems())
        .containsExactly(
            "com.example.ring.ExampleModulo ("
                + jar
                + "): module-info.class provides it as a ServerSelector but"
                + " META-INF/services/dev.hashring.ServerSelector does not list it; the runner"
                + " loads jars on the class path, where only that file counts (AutoService writes"
                + " it)");
  }

  @Test
  void badArguments_areRejected() {
    assertThatThrownBy(() -> TckRunner.forJars(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jars must not be empty: give at least one jar file");
    Path nowhere = dir.resolve("nowhere.jar");
    assertThatThrownBy(() -> TckRunner.forJars(List.of(nowhere)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jar file does not exist or is not a file: " + nowhere + " (" + nowhere + ")");
    assertThatThrownBy(() -> TckRunner.forJars(List.of(thirdParty)).timeLimit(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("time limit must be positive: PT0S");
  }

  /**
   * A provider that spins forever, ignoring interruption, fails its rules instead of hanging the
   * TCK, and its spinning thread does not keep the JVM alive. Run in a JVM of its own, so that the
   * spinning thread does not slow down the other tests.
   */
  @Test
  void spinningProvider_failsInsteadOfHanging_andTheJvmStillExits() throws Exception {
    Path jar =
        TestJars.write(
            dir.resolve("spinning.jar"),
            TEST_CLASSES,
            List.of(SpinningSelector.class.getName(), MD5_HELPER),
            Map.of(ServerSelector.class, List.of(SpinningSelector.class)));
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path output = dir.resolve("spinning.txt");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                RunTckOnJars.class.getName(),
                "1000",
                jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean exited = process.waitFor(90, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    System.out.println(text);

    assertThat(exited).as("the JVM exited by itself; output:\n%s", text).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(text)
        .contains(
            "ServerSelector 'spinning' (dev.hashring.tck.broken.SpinningSelector, "
                + TEST_CLASSES
                + ") with default options: FAILED",
            " servers, default options) did not return within 1 s; it is still running in daemon"
                + " thread 'hashring-tck rule ",
            "dev.hashring.tck.broken.SpinningSelector.ring(SpinningSelector.java:",
            "subject:  selector 'spinning' (dev.hashring.tck.broken.SpinningSelector) with"
                + " default options\n",
            "actual:   not checked: rule ")
        .containsPattern("FAILED: 1 provider, 14 rule checks: .*\n$");
  }
}
