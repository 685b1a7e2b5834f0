#!/usr/bin/env python3
"""Independent transcription of the reference validator's scoring (protocol.md §6-7, v0.5.4) with numpy, used to
generate and cross-check the expected outputs committed under src/test/resources/scoring/. Not needed to build or
test: the Java tests compare against the committed files.

    python3 reference_score.py INPUT.json              # numpy's own power/cbrt (libm or SVML: platform-dependent)
    python3 reference_score.py --exact-libm INPUT.json  # correctly rounded x**3 and cbrt, as the Java port

Reads the `mvtrx score` input format (doc/scoring.md) and prints the output in the same layout as the Java command.
torch float32 tensors are emulated with numpy float32 (same IEEE single operations).
"""
import json
import math
import sys
from decimal import Decimal, getcontext
from fractions import Fraction

import numpy as np

EXACT = False
DAY = 86_400_000_000_000
SEED = 898746039182


def cube(a):
    a = np.asarray(a, dtype=np.float64)
    if not EXACT:
        return np.power(a, 3)
    return np.array([float(Fraction(float(v)) ** 3) for v in a.ravel()]).reshape(a.shape)


def cbrt_cr(v):
    if v == 0 or not math.isfinite(v):
        return float(np.cbrt(v))
    if v < 0:
        return -cbrt_cr(-v)
    r = float(np.cbrt(v))
    x = Fraction(v)
    for _ in range(4):
        up, down = np.nextafter(r, math.inf), np.nextafter(r, -math.inf)
        mu = (Fraction(r) + Fraction(float(up))) / 2
        md = (Fraction(r) + Fraction(float(down))) / 2
        if x > mu ** 3 or (x == mu ** 3 and (np.float64(up).view(np.int64) & 1) == 0):
            r = float(up)
        elif x < md ** 3 or (x == md ** 3 and (np.float64(down).view(np.int64) & 1) == 0):
            r = float(down)
        else:
            break
    return r


def cbrt(v):
    return cbrt_cr(float(v)) if EXACT else float(np.cbrt(v))


def exp(v):
    return math.exp(v) if EXACT else float(np.exp(v))


D = {
    "scoring": {"interval": 5_000_000_000, "max_inactive_books": 0.375,
                "kappa": {"metric": "kappa3", "weight": 0.79, "lookback": 10_800_000_000_000,
                          "min_lookback": 5_400_000_000_000, "tau": 0.0, "min_realized_observations": 3,
                          "normalization_min": -2.5, "normalization_max": 2.5, "pnl": {"impact": 0.0}},
                "pnl": {"metric": "pnl", "weight": 0.21, "lookback": 10_800_000_000_000,
                        "normalization": {"min_daily_return": -1.0, "max_daily_return": 1.0}},
                "activity": {"trade_volume_sampling_interval": 600_000_000_000,
                             "trade_volume_assessment_period": DAY, "impact": 0.0,
                             "decay_grace_period": 600_000_000_000, "decay_rate": 0.0,
                             "capital_turnover_cap": 10.0}},
    "rewarding": {"seed": SEED, "pareto": {"scale": 1.0, "shape": 1.0},
                  "floor": {"enabled": True, "percentile": 50.0, "softness": 0.5}},
}


def merged(default, given):
    out = {}
    for k, v in default.items():
        if isinstance(v, dict):
            out[k] = merged(v, (given or {}).get(k, {}))
        else:
            out[k] = (given or {}).get(k, v)
    return out


# ---------------------------------------------------------------- trade accounting (§6)
def match_fifo(pos, is_buy, q, p, fee, ts):
    opp = pos['shorts'] if is_buy else pos['longs']
    same = pos['longs'] if is_buy else pos['shorts']
    if not opp:
        same.append([ts, q, p, fee])
        return 0.0, 0.0
    realized, rt, rem = 0.0, 0.0, q
    qinv = 1.0 / q if q > 0 else 0.0
    while rem > 0 and opp:
        ots, oq, op, of = opp[0]
        if oq <= rem:
            pp = ((op - p) if is_buy else (p - op)) * oq
            cf = fee * oq * qinv
            realized += pp - of - cf
            rt += oq
            rem -= oq
            opp.pop(0)
        else:
            oinv = 1.0 / oq
            pp = ((op - p) if is_buy else (p - op)) * rem
            cf = fee * rem * qinv
            ofee = of * rem * oinv
            realized += pp - ofee - cf
            rt += rem
            opp[0] = [ots, oq - rem, op, of - ofee]
            rem = 0
    if rem > 0:
        same.append([ts, rem, p, fee * rem * qinv])
    return realized, rt


class State:
    def __init__(self, doc):
        self.cfg = merged(D, doc.get("config", {}))
        sim = doc["simulation"]
        self.books = sim["bookCount"]
        self.wealth = float(sim["minerWealth"])
        self.dec = sim["volumeDecimals"]
        self.grace = sim["gracePeriodNs"]
        self.n = doc["uidCount"]
        self.alpha = doc.get("movingAverageAlpha", 0.008298755)
        self.dereg = list(doc.get("deregistered", []))
        self.last_prune = doc.get("lastPruneNs")
        self.pnl = {u: {} for u in range(self.n)}
        self.rt = {u: {} for u in range(self.n)}
        self.pos = {u: {} for u in range(self.n)}
        self.af = {u: {b: 0.0 for b in range(self.books)} for u in range(self.n)}
        self.pf = {u: {b: 1.0 for b in range(self.books)} for u in range(self.n)}
        self.scores = np.zeros(self.n, dtype=np.float32)
        self.with_positions = False
        trades = {}
        for key, e in doc.get("uids", {}).items():
            u = int(key)
            for ts, books in e.get("realizedPnl", []):
                self.pnl[u][ts] = {int(b): float(v) for b, v in books.items()}
            for b, samples in e.get("roundtripVolume", {}).items():
                self.rt[u][int(b)] = {ts: float(v) for ts, v in samples}
            if "openPositions" in e:
                self.with_positions = True
                for b, sides in e["openPositions"].items():
                    self.pos[u][int(b)] = {'longs': [list(l) for l in sides.get('longs', [])],
                                           'shorts': [list(l) for l in sides.get('shorts', [])]}
            if "activityFactors" in e:
                self.af[u] = {b: float(v) for b, v in enumerate(e["activityFactors"])}
            if "pnlFactors" in e:
                self.pf[u] = {b: float(v) for b, v in enumerate(e["pnlFactors"])}
            if "previousScore" in e:
                self.scores[u] = np.float32(e["previousScore"])
            if "trades" in e:
                trades[u] = e["trades"]
        self.states = "stateTimestampsNs" in doc
        for ts in doc.get("stateTimestampsNs", []):
            self.record(ts, {u: [t for t in ts_trades if t["stateTsNs"] == ts] for u, ts_trades in trades.items()})

    def record(self, ts, trades):
        act = self.cfg["scoring"]["activity"]
        sampling = act["trade_volume_sampling_interval"]
        sampled = (ts // sampling) * sampling
        if self.last_prune:
            prune = ts - self.last_prune >= 60_000_000_000
        else:
            prune = True
        if prune:
            self.last_prune = ts
        rp_upd, rt_upd = {}, {}
        for u in range(self.n):
            for t in trades.get(u, []):
                mk, tk = t["makerAgent"] == u, t["takerAgent"] == u
                b = t["book"]
                is_buy = (tk and t["side"] == 0) or (mk and t["side"] == 1)
                fee = t["makerFee"] if mk else t["takerFee"]
                pos = self.pos[u].setdefault(b, {'longs': [], 'shorts': []})
                r, q = match_fifo(pos, is_buy, float(t["quantity"]), float(t["price"]), float(fee), ts)
                if r != 0.0:
                    d = rp_upd.setdefault(u, {})
                    d[b] = d.get(b, 0.0) + r
                if q > 0:
                    d = rt_upd.setdefault(u, {})
                    d[b] = d.get(b, 0.0) + q * float(t["price"])
            if ts not in self.pnl[u]:
                self.pnl[u][ts] = {}
        if prune:
            thr = ts - self.cfg["scoring"]["kappa"]["lookback"]
            vthr = ts - act["trade_volume_assessment_period"]
            for u in range(self.n):
                self.pnl[u] = {k: v for k, v in self.pnl[u].items() if k >= thr}
                for b in self.rt[u]:
                    self.rt[u][b] = {k: v for k, v in self.rt[u][b].items() if k >= vthr}
        for u, books in rp_upd.items():
            tp = self.pnl[u][ts]
            for b, v in books.items():
                r = round(v, self.dec)
                if r == 0.0:
                    continue
                nv = round(tp.get(b, 0.0) + r, self.dec)
                if nv != 0.0:
                    tp[b] = nv
                elif b in tp:
                    del tp[b]
        for u, books in rt_upd.items():
            for b, v in books.items():
                d = self.rt[u].setdefault(b, {})
                d[sampled] = d.get(sampled, 0.0) + v


# ---------------------------------------------------------------- Kappa-3 (§7.1)
def kappa_books(R, tau, minobs):
    nz = np.count_nonzero(R, axis=1)
    suff = nz >= minobs
    out = np.full(R.shape[0], np.nan)
    if np.any(suff):
        mean = R.mean(axis=1)
        lpm = cube(np.maximum(tau - R, 0.0)).mean(axis=1)
        upm = cube(np.maximum(R - tau, 0.0)).mean(axis=1)
        reg = cube((np.abs(mean) + np.std(R, axis=1)) * 0.1)
        eps = np.where(mean > tau, 1e-2, 1e-6)
        for i in range(R.shape[0]):
            if not suff[i]:
                continue
            if lpm[i] > eps[i]:
                out[i] = (mean[i] - tau) / cbrt(lpm[i] + reg[i])
            elif mean[i] > tau:
                out[i] = (mean[i] - tau) / cbrt(upm[i] + reg[i])
            else:
                out[i] = 0.0
    return out


def normalize(lo, hi, v):
    if v is None:
        return None
    rng = hi - lo
    if rng == 0:
        return 0.0
    return max(0.0, min(1.0, (v - lo) / rng))


def kappa_3(st, u):
    k = st.cfg["scoring"]["kappa"]
    hist = st.pnl[u]
    if u in st.dereg or not hist:
        return None
    ts = sorted(hist.keys())
    cutoff = ts[-1] - k["lookback"]
    if ts[0] < cutoff:
        ts = [t for t in ts if t >= cutoff]
    if ts[-1] - ts[0] < k["min_lookback"]:
        return None
    X = np.zeros((st.books, len(ts)))
    for i, t in enumerate(ts):
        for b in range(st.books):
            X[b, i] = hist[t].get(b, 0.0)
    mask = None
    if st.grace > 0:
        diffs = np.diff(np.array(ts, dtype=np.int64))
        idx = np.where(diffs >= st.grace)[0]
        if len(idx):
            mask = np.ones(len(ts) - 1, dtype=bool)
            mask[idx] = False
    med = np.median(X, axis=1, keepdims=True)
    mad = np.maximum(np.median(np.abs(X - med), axis=1, keepdims=True), 1e-6)
    R = X / mad
    if mask is not None:
        R = R[:, np.concatenate([[True], mask])]
    K = kappa_books(R, k["tau"], k["min_realized_observations"])
    res = {"books": {b: (float(K[b]) if not np.isnan(K[b]) else None) for b in range(st.books)}}
    valid = K[~np.isnan(K)]
    res["average"] = float(valid.mean()) if len(valid) else None
    res["median"] = float(np.median(valid)) if len(valid) else None
    tot = X.sum(axis=0)
    if mask is not None:
        tot = tot[np.concatenate([[True], mask])]
    tmed = np.median(tot)
    tmad = max(np.median(np.abs(tot - tmed)), 1e-6)
    tn = tot / tmad
    nzt = tn[tn != 0.0]
    mult = min(len(nzt) / k["min_realized_observations"], 1.0)
    if len(nzt) > 0:
        tv = kappa_books(tn.reshape(1, -1), k["tau"], 1)[0]
        res["total"] = mult * float(tv)
    else:
        res["total"] = None
    for name, key in (("normalizedAverage", "average"), ("normalizedMedian", "median"), ("normalizedTotal", "total")):
        res[name] = normalize(k["normalization_min"], k["normalization_max"], res[key])
    return res


# ---------------------------------------------------------------- scores (§7.2-7.3)
def outlier_penalty(data):
    q1, q3 = np.percentile(data, [25, 75])
    iqr = q3 - q1
    lower = q1 - 1.5 * max(iqr, 0.01)
    out = data[data < lower]
    if len(out) > 0 and np.median(out) < 0.5:
        return (0.5 - np.median(out)) / 1.5 * (1.0 - exp(-5 * iqr))
    return 0


def kappa_score(st, u, kv, now):
    if not kv:
        return 0.0
    sc = st.cfg["scoring"]
    k, act = sc["kappa"], sc["activity"]
    inv = 1.0 / (k["normalization_max"] - k["normalization_min"])
    nk = {b: None for b in st.af[u]}
    for b, v in kv["books"].items():
        if v is not None:
            nk[b] = max(0.0, min(1.0, (v - k["normalization_min"]) * inv))
    cap = round(act["capital_turnover_cap"] * st.wealth, st.dec)
    capinv = 1.0 / cap if cap > 0 else 0.0
    lb = k["lookback"]
    thr = now - lb
    grace = act["decay_grace_period"]
    dwi = lb / sc["interval"] - grace / sc["interval"]
    base = 0.999 if dwi <= 0 else 2 ** (-1 / dwi)
    base = max(0.5, min(0.9999, base))
    dwn = lb - grace
    dwinv = 1.0 / dwn if dwn > 0 else 0.0
    sampling = act["trade_volume_sampling_interval"]
    sampled = (now // sampling) * sampling
    af = st.af[u]
    for b in range(len(nk)):
        vols = st.rt[u].get(b, {})
        lv, lt, lvol = 0.0, 0, 0.0
        for t, v in vols.items():
            if t >= thr:
                lv += v
            if v > 0 and t <= sampled and t > lt:
                lt = t
        if lt > 0 and lt >= sampled - sampling:
            lvol = vols[lt]
        if lvol > 0:
            af[b] = min(1 + ((lv * capinv) * act["impact"]), 2.0)
        elif act["decay_rate"] != 0.0:
            inactive = max(0, now - lt) if lt > 0 else now
            mult = max(af[b], 1.0)
            acc = 1.0 if inactive <= grace else 1 + (((inactive - grace) * dwinv) ** 2.0) * act["decay_rate"]
            tot = min(mult * acc, 100.0)
            d = base ** tot
            af[b] *= d if math.isfinite(d) else 0.0
    pf = st.pf[u]
    if k["pnl"]["impact"] > 0:
        ref = st.wealth * (lb / DAY)
        bp = {}
        for t, books in st.pnl[u].items():
            if t >= thr:
                for b, v in books.items():
                    bp[b] = bp.get(b, 0.0) + v
        for b in nk:
            raw = max(1.0 + bp.get(b, 0.0) / ref, 0.0)
            pf[b] = min(1.0 + ((raw - 1.0) * k["pnl"]["impact"]), 2.0)
    else:
        for b in nk:
            pf[b] = 1.0
    scored, none = [], 0
    for b in nk:
        if nk[b] is None:
            none += 1
            continue
        c = af[b] * pf[b]
        w = c * nk[b] if (c < 1 or nk[b] > 0.5) else (2 - c) * nk[b]
        scored.append(min(w, 1))
    m = int(sc["max_inactive_books"] * len(nk))
    data = np.array(scored if none <= m else scored + [0.0] * (none - m))
    pen = outlier_penalty(data)
    return max(np.median(data) - abs(pen), 0.0)


def pnl_score(st, u, now):
    p = st.cfg["scoring"]["pnl"]
    lb = p["lookback"]
    thr = now - lb
    bp = {}
    for t, books in st.pnl[u].items():
        if t >= thr:
            for b, v in books.items():
                bp[b] = bp.get(b, 0.0) + v
    if not bp:
        return 0.0
    ref = st.wealth * (lb / DAY)
    active, inactive = [], 0
    for b in range(st.books):
        v = bp.get(b, 0.0)
        if v == 0.0:
            inactive += 1
        else:
            active.append(max(p["normalization"]["min_daily_return"],
                              min(p["normalization"]["max_daily_return"], v / ref)))
    m = int(st.cfg["scoring"]["max_inactive_books"] * st.books)
    data = active if inactive <= m else active + [0.0] * (inactive - m)
    return float(np.median(data)) / 2.0 if data else 0.0


# ---------------------------------------------------------------- rewards (§7.4)
def floor(rewards, fl):
    if not fl["enabled"]:
        return list(rewards)
    arr = np.asarray(rewards, dtype=np.float64)
    act = arr[arr > 0]
    if act.size < 2:
        return list(rewards)
    soft = min(max(float(fl["softness"]), 1e-6), 1.0)
    thr = float(np.percentile(act, float(fl["percentile"])))
    if thr <= 0:
        return list(rewards)
    lo = thr * (1.0 - soft)
    f = np.clip((arr - lo) / (thr - lo), 0.0, 1.0) if thr > lo else (arr >= thr).astype(float)
    return (arr * f).tolist()


def pareto(rewards, rw):
    n = len(rewards)
    rng = np.random.default_rng(rw["seed"])
    d = np.array(sorted(rw["pareto"]["scale"] * rng.pareto(rw["pareto"]["shape"], n)), dtype=np.float32)
    r = np.array(rewards, dtype=np.float32)
    order = np.argsort(r, kind="stable")
    out = np.zeros(n, dtype=np.float32)
    out[order] = d * r[order]
    return out


def score(doc):
    st = State(doc)
    now = doc["nowNs"]
    per = {}
    trading = []
    for u in range(st.n):
        kv = kappa_3(st, u)
        ks = kappa_score(st, u, kv, now)
        ps = pnl_score(st, u, now) if st.cfg["scoring"]["pnl"]["weight"] > 0 else 0.0
        ts = max(0.0, min(1.0, (st.cfg["scoring"]["kappa"]["weight"] * ks) + (st.cfg["scoring"]["pnl"]["weight"] * ps)))
        trading.append(ts)
        per[u] = (kv, ks, ps, ts, [st.af[u][b] for b in range(st.books)], [st.pf[u][b] for b in range(st.books)])
    fl = floor(trading, st.cfg["rewarding"]["floor"])
    pa = pareto(fl, st.cfg["rewarding"])
    a, keep = np.float32(st.alpha), np.float32(1 - st.alpha)
    ema = (a * pa) + (keep * st.scores)
    w = ema.astype(np.float32)
    if w.min() < 0:
        w = w - w.min()
    for _ in range(2):
        norm = np.float32(max(np.float32(float(np.sum(np.abs(w).astype(np.float64)))), np.float32(1e-12)))
        w = (w / norm).astype(np.float32)
    return st, per, trading, fl, pa, ema, w


# ---------------------------------------------------------------- output (same layout as the Java command)
def num(v):
    return repr(float(v))


def nullable(v):
    return "null" if v is None else num(v)


def render(st, per, trading, fl, pa, ema, w):
    lines = ["{", '  "uids": {']
    uid_blocks = []
    for u in range(st.n):
        kv, ks, ps, ts, af, pf = per[u]
        rp = "[" + ", ".join("[%d, {%s}]" % (t, ", ".join('"%d": %s' % (b, num(v)) for b, v in books.items()))
                             for t, books in st.pnl[u].items()) + "]"
        rt = "{" + ", ".join('"%d": [%s]' % (b, ", ".join("[%d, %s]" % (t, num(v)) for t, v in st.rt[u][b].items()))
                             for b in sorted(st.rt[u])) + "}"
        block = ['    "%d": {' % u, '      "realizedPnl": %s,' % rp, '      "roundtripVolume": %s,' % rt]
        if st.states or st.with_positions:
            parts = []
            for b in sorted(st.pos[u]):
                sides = st.pos[u][b]
                if not sides['longs'] and not sides['shorts']:
                    continue
                lots = lambda ls: "[" + ", ".join("[%d, %s, %s, %s]" % (l[0], num(l[1]), num(l[2]), num(l[3]))
                                                  for l in ls) + "]"
                parts.append('"%d": {"longs": %s, "shorts": %s}' % (b, lots(sides['longs']), lots(sides['shorts'])))
            block.append('      "openPositions": {%s},' % ", ".join(parts))
        if kv is None:
            kj = "null"
        else:
            kj = ('{"books": {%s}, "average": %s, "median": %s, "total": %s, "normalizedAverage": %s, '
                  '"normalizedMedian": %s, "normalizedTotal": %s}') % (
                ", ".join('"%d": %s' % (b, nullable(v)) for b, v in kv["books"].items()), nullable(kv["average"]),
                nullable(kv["median"]), nullable(kv["total"]), nullable(kv["normalizedAverage"]),
                nullable(kv["normalizedMedian"]), nullable(kv["normalizedTotal"]))
        block += ['      "kappa": %s,' % kj, '      "kappaScore": %s,' % num(ks), '      "pnlScore": %s,' % num(ps),
                  '      "tradingScore": %s,' % num(ts),
                  '      "activityFactors": [%s],' % ", ".join(num(v) for v in af),
                  '      "pnlFactors": [%s]' % ", ".join(num(v) for v in pf), "    }"]
        uid_blocks.append("\n".join(block))
    lines.append(",\n".join(uid_blocks))
    lines.append("  },")
    vec = lambda vs: "[" + ", ".join(num(v) for v in vs) + "]"
    lines += ['  "tradingScores": %s,' % vec(trading), '  "afterFloor": %s,' % vec(fl),
              '  "afterPareto": %s,' % vec(pa), '  "ema": %s,' % vec(ema), '  "weights": %s' % vec(w), "}"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--exact-libm":
        EXACT = True
        args = args[1:]
    with open(args[0]) as f:
        doc = json.load(f)
    sys.stdout.write(render(*score(doc)))
