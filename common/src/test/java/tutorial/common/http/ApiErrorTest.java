package tutorial.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiErrorTest {

  @Test
  void aShortMessageIsKeptWhole() {
    String message = "x".repeat(ApiError.MAX_MESSAGE_LENGTH);

    assertThat(new ApiError(400, "Bad Request", message).message()).isEqualTo(message);
  }

  @Test
  void aLongMessageKeepsItsStartAndEnd() {
    String message = "Endpoint GET /" + "a".repeat(1000) + " not found";

    String shortened = new ApiError(404, "Not Found", message).message();

    assertThat(shortened)
        .startsWith("Endpoint GET /aaa")
        .contains(" ... (" + (message.length() - 220) + " characters left out) ... ")
        .endsWith("aaa not found")
        .hasSizeLessThan(300);
  }

  @Test
  void noCharacterOutsideTheBmpIsCutInTwo() {
    String message = "\uD83D\uDE00".repeat(300); // 600 chars: every cut point falls inside a pair

    String shortened = new ApiError(400, "Bad Request", message).message();

    // a lone surrogate is a code point of its own; a whole pair is one above the BMP
    assertThat(shortened.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF)).isEmpty();
  }
}
