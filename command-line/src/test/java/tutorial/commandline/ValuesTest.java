package tutorial.commandline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Each kind of setting value: what it takes, and what it refuses with what is allowed instead. */
class ValuesTest {

  @TempDir Path folder;

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "5000", "65535", " 8080 "})
  void aPortIsZeroTo65535(String text) throws Exception {
    assertThat(Values.port().convert(text)).isBetween(0, 65535);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "65536", "99999", "abc", "", "5000.5", "99999999999"})
  void aPortOutOfRangeIsRefusedWithTheRange(String text) {
    assertRefused(Values.port(), text, "is not a port: give 0 to 65535");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "localhost", "::1", "::"})
  void anAddressOfThisMachineIsOneToListenOn(String text) throws Exception {
    assertThat(Values.listenAddress().convert(text)).isEqualTo(text);
  }

  @Test
  void aNameThatDoesNotResolveIsRefused() {
    assertRefused(Values.listenAddress(), "nonsense.invalid", "no name that resolves");
    assertRefused(Values.listenAddress(), "", "is no host");
  }

  @Test
  void anotherMachinesAddressIsRefused() {
    // TEST-NET-1: documentation's addresses, never a local interface's
    assertRefused(Values.listenAddress(), "192.0.2.1", "is not an address of this machine");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://api.github.com", "http://127.0.0.1:9", "HTTP://x.example/v3/"})
  void anHttpUrlWithAHostIsTaken(String text) throws Exception {
    assertThat(Values.httpUrl().convert(text)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com", "api.github.com", "http://", "https:///x", "::"})
  void anythingElseIsNoUrl(String text) {
    assertRefused(Values.httpUrl(), text, "is not an http(s) URL");
  }

  @Test
  void numbersHaveTheirLowerBounds() throws Exception {
    assertThat(Values.positiveInteger().convert("1")).isEqualTo(1);
    assertRefused(Values.positiveInteger(), "0", "at least 1");
    assertThat(Values.positiveNumber().convert("0.5")).isEqualTo(0.5);
    assertRefused(Values.positiveNumber(), "0", "above 0");
    assertRefused(Values.positiveNumber(), "NaN", "above 0");
    assertRefused(Values.positiveNumber(), "Infinity", "above 0");
    assertThat(Values.nonNegativeNumber().convert("0")).isZero();
    assertRefused(Values.nonNegativeNumber(), "-0.1", "at least 0");
  }

  @Test
  void aFileToReadMustExistAndBeAFile() throws Exception {
    Path file = Files.writeString(folder.resolve("expected.txt"), "a 1\n");
    assertThat(Values.readableFile().convert(file.toString())).isEqualTo(file);
    assertRefused(Values.readableFile(), folder.resolve("none.txt").toString(), "is no file");
    assertRefused(Values.readableFile(), folder.toString(), "is a folder, not a file");
  }

  @Test
  void aFileToWriteNeedsAFolderThatCanBeMade() throws Exception {
    Path later = folder.resolve("targets/suite.json");
    assertThat(Values.writableFile().convert(later.toString())).isEqualTo(later);
    assertRefused(Values.writableFile(), folder.toString(), "cannot be written");
    Path file = Files.writeString(folder.resolve("a-file"), "");
    assertRefused(
        Values.writableFile(), file.resolve("below.json").toString(), "cannot be written");
  }

  @Test
  void aLongOrMultiLineValueIsShownOnOneShortLine() {
    assertThatThrownBy(() -> Values.port().convert("1\n2" + "9".repeat(100)))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageNotContaining("\n")
        .hasMessageContaining("...");
  }

  private static void assertRefused(ITypeConverter<?> converter, String text, String why) {
    assertThatThrownBy(() -> converter.convert(text))
        .as("'%s'", text)
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining(why);
  }
}
