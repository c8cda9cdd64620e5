package tutorial.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tutorial.common.upstream.DrillControl;

/** The client of a stand-in's drill switch ({@link DrillControl}): on, off, and what runs. */
final class DrillSwitch {

  /** The switch did not do it: it said why, or it could not be reached. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  private final String url;
  private final String address;
  private final String unreachable;
  private final OkHttpClient http =
      new OkHttpClient.Builder()
          .connectTimeout(Duration.ofSeconds(2))
          .readTimeout(Duration.ofSeconds(5))
          .build();

  /**
   * @param unreachable what to tell when nothing answers at {@code address}
   */
  DrillSwitch(String address, String unreachable) {
    this.address = address;
    this.url = "http://" + address + DrillControl.PATH;
    this.unreachable = unreachable;
  }

  String address() {
    return address;
  }

  JsonNode on(String drill, String grade, Duration lasting) throws Refused {
    ObjectNode body = JSON.createObjectNode().put("drill", drill);
    if (grade != null) {
      body.put("grade", grade);
    }
    body.put("for", lasting.toSeconds() + "s");
    return call(new Request.Builder().url(url).put(RequestBody.create(body.toString(), JSON_TYPE)));
  }

  JsonNode off() throws Refused {
    return call(new Request.Builder().url(url).delete());
  }

  JsonNode state() throws Refused {
    return call(new Request.Builder().url(url));
  }

  private JsonNode call(Request.Builder request) throws Refused {
    try (Response response = http.newCall(request.build()).execute()) {
      JsonNode json = JSON.readTree(response.body().string());
      if (!response.isSuccessful()) {
        throw new Refused(json.path("message").asText("the switch answered " + response.code()));
      }
      return json;
    } catch (IOException e) {
      throw new Refused(unreachable);
    }
  }
}
