package dev.provbench.preflight;

import java.util.List;
import java.util.Map;

/**
 * What one check request to a provider × model showed. A yes/no field is null when the check could not tell
 * (e.g. whether the key is accepted when the host did not answer).
 *
 * @param provider      the provider's name.
 * @param model         the model id.
 * @param reachable     an HTTP response came back.
 * @param keyAccepted   not refused with 401 or 403.
 * @param modelFound    not refused as an unknown model (404, or an error naming the model).
 * @param answerParsed  the task read a verdict from the reply (ok, not parse_error).
 * @param streamed      the reply came as a stream of deltas; null when the job does not stream.
 * @param serverUsage   the server reported token counts (in the stream's last chunk when streaming).
 * @param carried       what the reply held, among content, tool_calls and reasoning; empty without a reply.
 * @param rateLimits    the rate-limit headers returned, by lower-case name, in name order.
 * @param httpStatus    the response status, or null.
 * @param latencyMs     request sent to last byte (or to the failure).
 * @param ttftMs        request sent to the first delta; null unless streamed.
 * @param problem       why the model fails the check and how to fix it; null when it passes.
 * @param notes         what passes but deserves a look (no usage in the stream, a whole reply to a streamed request).
 */
public record ModelCheck(String provider, String model, Boolean reachable, Boolean keyAccepted, Boolean modelFound,
    Boolean answerParsed, Boolean streamed, Boolean serverUsage, List<String> carried, Map<String, String> rateLimits,
    Integer httpStatus, long latencyMs, Long ttftMs, String problem, List<String> notes) {

  public ModelCheck {
    carried = List.copyOf(carried);
    rateLimits = Map.copyOf(rateLimits);
    notes = List.copyOf(notes);
  }

  public boolean passed() {
    return problem == null;
  }
}
