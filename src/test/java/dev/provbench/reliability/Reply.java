package dev.provbench.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/**
 * One scripted answer of a fake provider, made when a request arrives. Error bodies echo the request's
 * {@code Authorization} header, as careless servers do, so a test can check that no key is ever kept.
 *
 * @param label what it is, as shown in docs/RELIABILITY.md.
 * @param fault whether it is a fault (anything but a well-formed answer).
 * @param maker builds the response from the request's Authorization header (or "none") and stream flag.
 */
record Reply(String label, boolean fault, Maker maker) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String ANSWER = "<function=select_choice>{\"reasons\": \"same facts\", \"choice\": \"C\"}</function>";

  interface Maker {
    MockResponse make(String authorization, boolean stream);
  }

  MockResponse make(String authorization, boolean stream) {
    return maker.make(authorization, stream);
  }

  static Reply ok() {
    return new Reply("ok", false, (auth, stream) -> answer(ANSWER, stream));
  }

  static Reply malformed() {
    return new Reply("malformed tool call", true, (auth, stream) -> answer("I think the answer is C.", stream));
  }

  static Reply status(int code) {
    return new Reply(String.valueOf(code), true, (auth, stream) -> error(code, auth).build());
  }

  static Reply tooManySeconds(int seconds) {
    return new Reply("429", true, (auth, stream) -> error(429, auth).setHeader("Retry-After", seconds).build());
  }

  static Reply tooManyUntil(int secondsFromNow) {
    return new Reply("429", true, (auth, stream) -> error(429, auth).setHeader("Retry-After",
        ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(secondsFromNow).format(DateTimeFormatter.RFC_1123_DATE_TIME)).build());
  }

  static Reply tooManyMillis(long ms) {
    return new Reply("429", true, (auth, stream) -> error(429, auth).setHeader("retry-after-ms", ms).build());
  }

  /** The connection is closed where the status line should be. */
  static Reply reset() {
    return new Reply("reset", true, (auth, stream) -> new MockResponse.Builder()
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
  }

  /** Nothing is ever sent back. */
  static Reply hang() {
    return new Reply("hang", true, (auth, stream) -> new MockResponse.Builder()
        .onResponseStart(SocketEffect.Stall.INSTANCE).build());
  }

  /**
   * 200 and the first tokens, then the connection closes after a whole event: no finish chunk, no [DONE].
   * Says so with {@code Connection: close}, so the client does not pool a connection about to be dropped.
   */
  static Reply cutStream() {
    String firstEvents = String.join("\n\n", Arrays.asList(sse(ANSWER).split("\n\n")).subList(0, 3)) + "\n\n";
    return cut("cut", firstEvents);
  }

  /** The same, but the connection closes in the middle of an event's JSON. */
  static Reply cutInsideEvent() {
    String body = sse(ANSWER);
    return cut("cut", body.substring(0, body.indexOf("\n\n", 100) - 10));
  }

  private static Reply cut(String label, String body) {
    return new Reply(label, true, (auth, stream) -> new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream").setHeader("Connection", "close").body(body)
        .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
  }

  /** 200 and the first tokens, then silence longer than any read timeout of the tests. */
  static Reply stallMidStream() {
    String body = sse(ANSWER);
    return new Reply("stall", true, (auth, stream) -> new MockResponse.Builder()
        .setHeader("Content-Type", "text/event-stream").body(body)
        .throttleBody(160, 3, TimeUnit.SECONDS).build());
  }

  static Reply body200(String label, String contentType, String body) {
    return new Reply(label, true, (auth, stream) -> new MockResponse.Builder().setHeader("Content-Type", contentType)
        .body(body.replace("{auth}", auth)).build());
  }

  static Reply invalidJson() {
    return body200("invalid JSON", "application/json", "{\"choices\": [{\"message\": {\"content\": \"{auth}");
  }

  static Reply htmlPage() {
    return body200("HTML page", "text/html", "<html><head><title>502 Bad Gateway</title></head>"
        + "<body><h1>Bad Gateway</h1><p>upstream refused request with {auth}</p></body></html>");
  }

  static Reply emptyChoices() {
    return body200("empty choices", "application/json", "{\"id\": \"x\", \"object\": \"chat.completion\", \"choices\": []}");
  }

  static Reply errorObject() {
    return body200("error object", "application/json",
        "{\"error\": {\"message\": \"model overloaded; request with {auth} dropped\", \"type\": \"server_error\"}}");
  }

  /** An SSE stream whose only event is an OpenAI-style error. */
  static Reply errorEvent() {
    return body200("error event", "text/event-stream",
        "data: {\"error\": {\"message\": \"stream aborted for {auth}\", \"type\": \"server_error\"}}\n\n");
  }

  private static MockResponse.Builder error(int code, String auth) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body("{\"error\": {\"message\": \"refused request with Authorization: " + auth + "\", \"type\": \"error_" + code
            + "\"}}");
  }

  private static MockResponse answer(String content, boolean stream) {
    return stream
        ? new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(sse(content)).build()
        : new MockResponse.Builder().setHeader("Content-Type", "application/json").body(completion(content)).build();
  }

  static String completion(String content) {
    return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":" + quote(content) + "},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":17,\"total_tokens\":137}}";
  }

  static String sse(String content) {
    StringBuilder sb = new StringBuilder("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n");
    for (int i = 0; i < content.length(); i += 12) {
      String piece = content.substring(i, Math.min(content.length(), i + 12));
      sb.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":").append(quote(piece)).append("}}]}\n\n");
    }
    sb.append("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
    sb.append("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":17,\"total_tokens\":137}}\n\n");
    return sb.append("data: [DONE]\n\n").toString();
  }

  private static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
