package dev.provbench.sim;

/** The fault a request is given, if any: one per request, from one draw over the model's rate bands. */
enum Fault {
  NONE, RATE_LIMITED, SERVER_ERROR, HANG, TRUNCATE, MALFORMED, REJECTED;

  /** Bands in a fixed order, so a draw maps to the same fault for the same profile; new bands go last. */
  static Fault pick(SimModel m, double draw) {
    double edge = m.rate429();
    if (draw < edge) return RATE_LIMITED;
    if (draw < (edge += m.rate5xx())) return SERVER_ERROR;
    if (draw < (edge += m.rateHang())) return HANG;
    if (draw < (edge += m.rateTruncate())) return TRUNCATE;
    if (draw < (edge += m.rateMalformed())) return MALFORMED;
    if (draw < edge + m.rate400()) return REJECTED;
    return NONE;
  }
}
