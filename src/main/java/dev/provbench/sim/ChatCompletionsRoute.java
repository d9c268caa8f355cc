package dev.provbench.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;

/**
 * {@code POST {path}/v1/chat/completions} of one provider: admits the request against the model's
 * concurrency bound, draws its fate, has {@link AnswerComposer} decide the answer, writes the reply and records
 * the request. One per provider per server; thread-safe (a request holds its thread while it sleeps).
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
    Completion completion = null; // once decided, recorded even when the reply is cut short
    try {
      Fate fate = fate(request, model);
      // Instant refusals skip the queue; everything else waits for a serving slot and is timed from it.
      ScaledClock clock = new ScaledClock(fate.queues() ? service.enter() : arrival.nanos(), profile.timeScale());
      if (fate.answers()) {
        completion = compose(request, fate, service);
        served = answer(exchange, request, fate.fault(), completion, clock, release, trace);
      } else {
        served = fail(exchange, fate, clock, service, release);
      }
    } catch (DroppedConnection e) {
      served = new Served(Math.max(0, exchange.getResponseCode()), e.outcome(), completion);
      throw e;
    } catch (IOException e) {
      served = new Served(Math.max(0, exchange.getResponseCode()), Outcome.CLIENT_GONE, completion);
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      served = new Served(Math.max(0, exchange.getResponseCode()), Outcome.STOPPED, completion);
      throw new DroppedConnection(Outcome.STOPPED);
    } finally {
      release.run();
      finish(load, arrival, request, inFlight, served, trace);
    }
  }

  /**
   * What a request is given, drawn from what it is.
   *
   * @param model the model as it serves at this hour of the day.
   */
  private record Fate(SimModel model, RequestDraws draws, Fault fault) {
    boolean queues() {
      return fault != Fault.RATE_LIMITED && fault != Fault.REJECTED;
    }

    /** Whether the request gets a completion (perhaps malformed or cut short) rather than an error or a hang. */
    boolean answers() {
      return fault == Fault.NONE || fault == Fault.MALFORMED || fault == Fault.TRUNCATE;
    }
  }

  private Fate fate(ChatRequest request, SimModel model) {
    long messagesHash = request.messagesHash();
    int attempt = attempts.next(provider.name(), model.id(), messagesHash);
    SimModel now = model.drift().apply(model, Clock.systemUTC());
    RequestDraws draws = RequestDraws.of(profile.seed(), provider.name(), now, messagesHash, attempt);
    return new Fate(now, draws, Fault.pick(now, draws.fault()));
  }

  /** An error reply, or a hang, for a fault that gives no completion. */
  private Served fail(HttpExchange exchange, Fate fate, ScaledClock clock, Service service, SlotRelease release)
      throws IOException, InterruptedException {
    SimModel model = fate.model();
    switch (fate.fault()) {
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
        clock.sleepUntil(fate.draws().ttftMs() * service.slowdown());
        int status = SERVER_ERRORS[(int) (fate.draws().flavour() * SERVER_ERRORS.length)];
        release.run();
        JsonReply.error(exchange, status, "The server had an error while processing your request (simulated "
            + status + "). Please retry.", "server_error", null);
        return Served.error(status, Outcome.SERVER_ERROR);
      }
      case HANG -> {
        clock.sleepUntil(model.hangMs());
        throw new DroppedConnection(Outcome.HUNG);
      }
      default -> throw new IllegalStateException(fate.fault() + " is answered with a completion");
    }
  }

  private Completion compose(ChatRequest request, Fate fate, Service service) {
    SimModel model = fate.model();
    double judgeErrorRate = service.judgeErrorRate(model);
    int cached = model.prefixCache() ? prefixes.cachedTokens(provider.name(), model.id(), request) : 0;
    return AnswerComposer.compose(request, model, fate.draws(), fate.fault() == Fault.MALFORMED,
        new AnswerComposer.Serving(judgeErrorRate, service.slowdown(), cached, System.currentTimeMillis() / 1000));
  }

  /** Writes the completion, streamed or whole; a truncate fault cuts it short. */
  private Served answer(HttpExchange exchange, ChatRequest request, Fault fault, Completion completion, ScaledClock clock,
      SlotRelease release, ReplyTrace trace) throws IOException, InterruptedException {
    boolean truncate = fault == Fault.TRUNCATE;
    if (request.stream()) StreamedReply.write(exchange, completion, request.includeUsage(), clock, truncate, release, trace);
    else BufferedReply.write(exchange, completion, clock, truncate, release, trace);
    return new Served(200, fault == Fault.MALFORMED ? Outcome.MALFORMED : Outcome.OK, completion);
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
        c == null ? null : c.head().id(), c == null ? 0 : c.usage().promptTokens(),
        c == null ? 0 : c.usage().completionTokens(), c == null ? 0 : c.usage().reasoningTokens(),
        c == null ? 0 : c.usage().cachedTokens(), trace != null && trace.wasUsageSent(),
        c == null ? null : c.message().mode()));
  }
}
