package dev.provbench.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST {path}/v1/chat/completions} of one provider: admits the request against the model's
 * concurrency bound, draws its fate, judges the prompt (or answers its retrieval question) and writes the reply. One per provider per
 * server; thread-safe (a request holds its thread while it sleeps).
 */
final class ChatCompletionsRoute {
  private static final int[] SERVER_ERRORS = {500, 502, 503};

  private final SimProfile profile;
  private final SimProvider provider;
  private final Map<String, ModelLoad> loads;
  private final AttemptCounter attempts;
  private final PrefixCache prefixes;
  private final RequestJournal journal;

  ChatCompletionsRoute(SimProfile profile, SimProvider provider, Map<String, ModelLoad> loads,
      AttemptCounter attempts, PrefixCache prefixes, RequestJournal journal) {
    this.profile = profile;
    this.provider = provider;
    this.loads = loads;
    this.attempts = attempts;
    this.prefixes = prefixes;
    this.journal = journal;
  }

  void handle(HttpExchange exchange) throws IOException {
    Arrival arrival = new Arrival(System.currentTimeMillis(), System.nanoTime());
    ChatRequest request;
    try (InputStream in = exchange.getRequestBody()) {
      request = ChatRequest.parse(in.readAllBytes());
    } catch (ChatRequest.Invalid e) {
      JsonReply.error(exchange, 400, e.getMessage(), "invalid_request_error", "invalid_request");
      record(arrival, null, false, 0, Served.error(400, Outcome.BAD_REQUEST), null);
      return;
    }
    SimModel model = provider.model(request.model()).orElse(null);
    if (model == null) {
      JsonReply.error(exchange, 404, "The model `" + request.model() + "` does not exist at " + provider.name()
          + "; GET " + provider.path() + "/v1/models lists the models served.", "invalid_request_error", "model_not_found");
      record(arrival, request.model(), request.stream(), 0, Served.error(404, Outcome.UNKNOWN_MODEL), null);
      return;
    }
    ModelLoad load = loads.get(model.id());
    int inFlight = load.tryEnter();
    if (inFlight == ModelLoad.REFUSED) refuse(exchange, request, model, load, arrival);
    else serveAdmitted(exchange, request, model, load, inFlight, arrival);
  }

  /** When a request arrived, on the wall clock (for people) and the monotonic clock (for intervals). */
  private record Arrival(long epochMs, long nanos) {}

  /** How a served request ended, for its record; {@code completion} is null unless one was decided. */
  private record Served(int status, Outcome outcome, Completion completion) {
    static Served error(int status, Outcome outcome) {
      return new Served(status, outcome, null);
    }
  }

  private void refuse(HttpExchange exchange, ChatRequest request, SimModel model, ModelLoad load, Arrival arrival)
      throws IOException {
    try {
      tooManyRequests(exchange, model, "Too many concurrent requests for " + model.id() + " (at most "
          + model.maxConcurrency() + " at once). Please retry after the advised wait.");
    } finally {
      finish(load, arrival, request, load.inFlight(), Served.error(429, Outcome.OVER_CAPACITY), null);
    }
  }

  /** Serves an admitted request and releases its slot, however it ends; dropped connections propagate. */
  private void serveAdmitted(HttpExchange exchange, ChatRequest request, SimModel model, ModelLoad load, int inFlight,
      Arrival arrival) throws IOException {
    Served served = Served.error(0, Outcome.CLIENT_GONE);
    Service service = new Service(load.slots(), inFlight + 1);
    SlotRelease release = new SlotRelease(() -> {
      service.leave();
      load.exit();
    });
    ReplyTrace trace = new ReplyTrace(arrival.nanos());
    Completion[] decided = new Completion[1];
    try {
      served = serve(exchange, request, model, arrival.nanos(), service, release, trace, decided);
    } catch (DroppedConnection e) {
      served = new Served(Math.max(0, exchange.getResponseCode()), e.outcome(), decided[0]);
      throw e;
    } catch (IOException e) {
      served = new Served(Math.max(0, exchange.getResponseCode()), Outcome.CLIENT_GONE, decided[0]);
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      served = new Served(Math.max(0, exchange.getResponseCode()), Outcome.STOPPED, decided[0]);
      throw new DroppedConnection(Outcome.STOPPED);
    } finally {
      release.run();
      finish(load, arrival, request, inFlight, served, trace);
    }
  }

  /** {@code decided[0]} receives the completion once it is decided, so a reply cut short is still recorded. */
  private Served serve(HttpExchange exchange, ChatRequest request, SimModel model, long arrivalNanos,
      Service service, SlotRelease release, ReplyTrace trace, Completion[] decided) throws IOException, InterruptedException {
    long messagesHash = request.messagesHash();
    int attempt = attempts.next(provider.name(), model.id(), messagesHash);
    model = model.drift().apply(model, java.time.Clock.systemUTC()); // as it serves at this hour of the day
    RequestDraws draws = RequestDraws.of(profile.seed(), provider.name(), model, messagesHash, attempt);
    Fault fault = Fault.pick(model, draws.fault());
    // Instant refusals skip the queue; everything else waits for a serving slot and is timed from it.
    boolean queues = fault != Fault.RATE_LIMITED && fault != Fault.REJECTED;
    ScaledClock clock = new ScaledClock(queues ? service.enter() : arrivalNanos, profile.timeScale());
    switch (fault) {
      case RATE_LIMITED -> {
        release.run();
        tooManyRequests(exchange, model, "Rate limit reached for " + model.id() + ". Please retry after the advised wait.");
        return Served.error(429, Outcome.RATE_LIMITED);
      }
      case REJECTED -> {
        release.run();
        JsonReply.error(exchange, 400, "Invalid request for " + model.id() + " (simulated rejection). Check the"
            + " request's parameters.", "invalid_request_error", "invalid_request");
        return Served.error(400, Outcome.REJECTED);
      }
      case SERVER_ERROR -> {
        clock.sleepUntil(draws.ttftMs() * service.slowdown());
        int status = SERVER_ERRORS[(int) (draws.flavour() * SERVER_ERRORS.length)];
        release.run();
        JsonReply.error(exchange, status, "The server had an error while processing your request (simulated "
            + status + "). Please retry.", "server_error", null);
        return Served.error(status, Outcome.SERVER_ERROR);
      }
      case HANG -> {
        clock.sleepUntil(model.hangMs());
        throw new DroppedConnection(Outcome.HUNG);
      }
      default -> {
        Completion completion = complete(request, model, draws, fault == Fault.MALFORMED, service);
        decided[0] = completion;
        boolean truncate = fault == Fault.TRUNCATE;
        if (request.stream()) StreamedReply.write(exchange, completion, request.includeUsage(), clock, truncate, release, trace);
        else BufferedReply.write(exchange, completion, clock, truncate, release, trace);
        return new Served(200, fault == Fault.MALFORMED ? Outcome.MALFORMED : Outcome.OK, completion);
      }
    }
  }

  private Completion complete(ChatRequest request, SimModel model, RequestDraws draws, boolean malformed,
      Service service) {
    // A judge prompt is judged; else a retrieval question is answered; anything else gets the judge's fallback.
    Optional<RetrievalPrompt> retrieval = JudgePrompt.parse(request.lastUserContent()).isPresent()
        ? Optional.empty() : RetrievalPrompt.parse(request);
    ReplyMode mode;
    String text;
    if (retrieval.isPresent()) {
      mode = ReplyMode.CONTENT;
      text = malformed ? RetrievalAnswerer.MALFORMED : RetrievalAnswerer.answer(retrieval.get(),
          service.judgeErrorRate(model), draws.judgeError(), draws.wrongLetter());
    } else {
      FactualityJudge.Verdict verdict = FactualityJudge.judge(request.lastUserContent(), service.judgeErrorRate(model),
          draws.judgeError(), draws.wrongLetter());
      mode = model.toolCalls() && !(malformed && draws.flavour() < 0.5) ? ReplyMode.TOOL_CALLS : ReplyMode.CONTENT;
      if (mode == ReplyMode.TOOL_CALLS) text = malformed ? ToolCallReply.cutArguments(verdict) : ToolCallReply.arguments(verdict);
      else text = malformed ? ToolCallReply.malformed(verdict, draws.flavour()) : ToolCallReply.wellFormed(verdict);
    }
    String finishReason = mode == ReplyMode.TOOL_CALLS ? "tool_calls" : "stop";
    if (request.maxTokens() > 0 && TokenCount.of(text) > request.maxTokens()) {
      text = text.substring(0, request.maxTokens() * 4);
      finishReason = "length";
    }
    int answerTokens = TokenCount.of(text);
    int reasoningTokens = ReasoningText.tokens(draws.reasoningMs(), draws.tokensPerS());
    String reasoning = model.reasons() ? ReasoningText.of(reasoningTokens) : null;
    int cached = model.prefixCache() ? prefixes.cachedTokens(provider.name(), model.id(), request) : 0;
    double prefillMs = model.prefillMs(request.promptTokens() - cached);
    return new Completion("chatcmpl-" + Long.toHexString(draws.streamSeed()), System.currentTimeMillis() / 1000,
        request.model(), mode, text, "call_" + Long.toHexString(draws.streamSeed()), reasoning, finishReason,
        request.promptTokens(), cached, answerTokens, reasoningTokens, model.usage(), model.prefixCache(),
        (draws.ttftMs() + prefillMs) * service.slowdown(), draws.reasoningMs() * service.slowdown(),
        answerTokens * 1000.0 / draws.tokensPerS() * service.slowdown());
  }

  /**
   * One admitted request's place in its model's capacity: the serving slot it waits for and holds, how much
   * the batch slows it, whether it is judged worse. Without a capacity it is served at once at full speed.
   * One per request; entered on the request's thread, left once (from its {@link SlotRelease}).
   */
  private static final class Service {
    private final ServingSlots slots;
    private final int inFlight;
    private volatile boolean holding;
    private double slowdown = 1;

    /** @param inFlight requests of the model in flight once this one was admitted, itself included. */
    Service(ServingSlots slots, int inFlight) {
      this.slots = slots;
      this.inFlight = inFlight;
    }

    /** Waits for a serving slot; returns {@link System#nanoTime()} when service starts. */
    long enter() throws InterruptedException {
      if (slots != null) {
        int busy = slots.acquire();
        holding = true;
        slowdown = slots.capacity().slowdown(busy);
      }
      return System.nanoTime();
    }

    double slowdown() {
      return slowdown;
    }

    double judgeErrorRate(SimModel model) {
      if (slots == null || !slots.capacity().degradedAt(inFlight)) return model.judgeErrorRate();
      slots.countDegraded();
      return Math.max(model.judgeErrorRate(), slots.capacity().degradedJudgeErrorRate());
    }

    void leave() {
      if (holding) {
        holding = false;
        slots.release();
      }
    }
  }

  private void tooManyRequests(HttpExchange exchange, SimModel model, String message) throws IOException {
    double waitMs = model.retryAfterS() * 1000.0 * profile.timeScale();
    exchange.getResponseHeaders().set("Retry-After", String.valueOf((long) Math.ceil(waitMs / 1000.0)));
    exchange.getResponseHeaders().set("retry-after-ms", String.valueOf(Math.round(waitMs)));
    JsonReply.error(exchange, 429, message, "rate_limit_error", "rate_limit_exceeded");
  }

  private void finish(ModelLoad load, Arrival arrival, ChatRequest request, int inFlight, Served served,
      ReplyTrace trace) {
    load.countStatus(served.status());
    record(arrival, request.model(), request.stream(), inFlight, served, trace);
  }

  private void record(Arrival arrival, String model, boolean stream, int inFlight, Served served, ReplyTrace trace) {
    double serviceMs = (System.nanoTime() - arrival.nanos()) / 1e6;
    Completion c = served.completion();
    journal.add(new RequestRecord(arrival.epochMs(), arrival.nanos(), serviceMs, provider.name(), model,
        served.status(), stream, inFlight, served.outcome(),
        trace == null ? -1 : trace.firstDeltaMs(), trace == null ? -1 : trace.firstAnswerMs(),
        c == null ? null : c.id(), c == null ? 0 : c.promptTokens(), c == null ? 0 : c.completionTokens(),
        c == null ? 0 : c.reasoningTokens(), c == null ? 0 : c.cachedTokens(),
        trace != null && trace.wasUsageSent(), c == null ? null : c.mode()));
  }
}
