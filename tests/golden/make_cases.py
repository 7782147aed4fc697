#!/usr/bin/env python3
"""Writes the golden set: scenarios and message logs whose `wacost` outputs are kept in
tests/golden/expected and compared byte for byte by scripts/golden.sh.

Deterministic (fixed seed): run it again and the same files come out. The cases are committed;
this script only documents how they were chosen and lets the set be regrown on purpose."""
import json, random, os

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261201)

COUNTRIES = ["IN", "BR", "GB", "US", "MX", "DE", "ID", "NG", "KE", "ZA", "AE", "SA", "CO", "AR",
             "PL", "HK", "KZ", "UA", "BD", "DO", "JM", "FR", "IT", "ES", "PK", "EG", "TR", "XX", "ZZ"]
MARKETS = ["Rest of Africa", "Rest of Asia Pacific", "North America", "Other", "India", "Narnia",
           "Rest of Latin America", "Rest of Western Europe", "Rest of Middle East"]
MONTHS = ["2021-06", "2022-03", "2023-02", "2023-07", "2024-07", "2024-12", "2025-08", "2025-11",
          "2026-02", "2026-05", "2026-08", "2026-10", "2026-11", "2027-03", "2019-01"]
RULES = ["mx-2021-02", "cbp-2022-02", "cbp-2023-06", "cbp-2024-11", "pmp-2025-07", "pmp-2026-10"]
CARDS = ["2021-02-01", "2022-02-01", "2024-10-01", "2025-10-01", "2026-01-01", "2026-04-01",
         "2026-07-01", "2026-10-01", "2026-10-02"]
CURRENCIES = ["USD", "USD", "USD", "USD", "EUR", "INR", "COP", "BRL", "AED", "IDR", "GBP", "XYZ"]
LINE_COUNTS = [1, 2, 3, 5, 8, 20]
CATEGORIES = ["marketing", "utility", "authentication", "authentication_international", "service"]


def count():
    r = rng.random()
    if r < 0.2:
        return 0
    if r < 0.5:
        return rng.randint(1, 2000)
    if r < 0.85:
        return rng.randint(1000, 300000)
    return rng.randint(10**6, 4 * 10**8)


def share():
    return rng.choice(["0", "0.1", "0.25", "0.5", "1", "0.333", "0.05"])


def line():
    l = {}
    if rng.random() < 0.8:
        l["country"] = rng.choice(COUNTRIES)
    else:
        l["market"] = rng.choice(MARKETS)
    for c in ["marketing", "utility", "authentication", "service"]:
        if rng.random() < 0.8:
            l[c] = count()
    return l


def scenario(i):
    s = {}
    s["month"] = rng.choice(MONTHS)
    if rng.random() < 0.7:
        s["currency"] = rng.choice(CURRENCIES)
    if rng.random() < 0.3:
        s["rules"] = rng.choice(RULES)
    if rng.random() < 0.25:
        s["rate_card"] = rng.choice(CARDS)
    if rng.random() < 0.4:
        s["business_country"] = rng.choice(["IN", "GB", "US", "BR", "ID"])
    if rng.random() < 0.4:
        s["auth_international"] = rng.random() < 0.7
    if rng.random() < 0.5:
        s["phone_numbers"] = rng.randint(1, 12)
    if rng.random() < 0.3:
        s["wabas"] = rng.randint(1, 4)
    if rng.random() < 0.5:
        s["utility_in_window"] = share()
    if rng.random() < 0.5:
        s["entry_point"] = share()
    if rng.random() < 0.2:
        s["free_conversations"] = rng.choice([1000, 1500, 0])
    if rng.random() < 0.3:
        s["per_conversation"] = {c: rng.choice(["1", "1.5", "2", "4", "3.7"])
                                 for c in ["marketing", "utility", "authentication", "service"]
                                 if rng.random() < 0.7}
    s["lines"] = [line() for _ in range(rng.choice(LINE_COUNTS))]
    if rng.random() < 0.5:
        bsp = {}
        for k, v in [("per_message", "0.005"), ("markup", "0.10"), ("monthly", "49"),
                     ("per_number", "3.5")]:
            if rng.random() < 0.6:
                bsp[k] = v
        if rng.random() < 0.4:
            bsp["per_message_on"] = rng.choice(["charged", "delivered"])
        s["bsp"] = bsp
    if rng.random() < 0.2:
        s["custom_rates"] = [{"market": rng.choice(MARKETS[:5] + ["Brazil", "Atlantis"]),
                              "category": cat, "rate": rng.choice(["0.01", "0.0123", "0"])}
                             for cat in rng.sample(CATEGORIES, rng.randint(1, 3))]
    if rng.random() < 0.1:
        s["custom_tiers"] = [{"market": rng.choice(["India", "Brazil", "Atlantis"]),
                              "category": rng.choice(["utility", "authentication"]),
                              "bands": [{"to": 1000, "rate": "0.01"}, {"to": 5000, "rate": "0.008"},
                                        {"to": None, "rate": "0.005"}]}]
    return s


# Hand-picked: the spec's worked examples and inputs every error path must keep naming.
FIXED = {
    "e13-india-inr": {"month": "2026-10", "currency": "INR", "lines": [
        {"country": "IN", "marketing": 1000, "utility": 500, "service": 3350}]},
    "e13-india-usd": {"month": "2026-10", "lines": [
        {"country": "IN", "marketing": 1000, "utility": 500, "service": 3350}]},
    "e14-rest-of-africa": {"rules": "pmp-2026-10", "rate_card": "2026-10-01",
                           "lines": [{"market": "Rest of Africa", "marketing": 8000}]},
    "e15-kazakhstan": {"month": "2026-10", "lines": [{"country": "KZ", "service": 3000}]},
    "readme": {"month": "2026-11", "currency": "USD", "phone_numbers": 1, "utility_in_window": "0.25",
               "lines": [{"country": "IN", "marketing": 1000, "utility": 500, "service": 3350},
                         {"market": "Rest of Africa", "marketing": 8000}],
               "bsp": {"per_message": "0.005", "per_message_on": "charged", "markup": "0.10",
                       "monthly": "49"}},
    "tiers-india-utility": {"month": "2026-11", "lines": [{"country": "IN", "utility": 90000000}]},
    "bad-values": {"month": "2026-13", "currency": "us", "phone_numbers": 0, "entry_point": "1.5",
                   "lines": [{"country": "India", "utility": "12.5", "marketing": -1},
                             {"market": "", "service": "1,500"}, {"foo": 1}],
                   "bsp": {"per_message_on": "sent", "markup": "x"}, "extra": True},
    "not-json": "{\"month\": ",
    "not-object": [1, 2, 3],
    "era-mismatch": {"month": "2026-11", "rules": "cbp-2022-02",
                     "lines": [{"country": c, "marketing": 10} for c in ["IN", "BR", "GB", "DE"]]},
    "mexico-test": {"month": "2021-06", "lines": [{"country": "MX", "marketing": 2000, "service": 900},
                                                 {"country": "BR", "marketing": 10}]},
}


def main():
    cases = os.path.join(HERE, "scenarios")
    os.makedirs(cases, exist_ok=True)
    for name, s in FIXED.items():
        with open(os.path.join(cases, f"{name}.json"), "w") as f:
            f.write(s if isinstance(s, str) else json.dumps(s, indent=1) + "\n")
    for i in range(120):
        with open(os.path.join(cases, f"random-{i:03}.json"), "w") as f:
            f.write(json.dumps(scenario(i), indent=1) + "\n")
    # Mostly priceable: USD months on complete cards, known destinations.
    global COUNTRIES, MARKETS, MONTHS, CURRENCIES, RULES, CARDS, LINE_COUNTS
    COUNTRIES = [c for c in COUNTRIES if c not in ("XX", "ZZ")]
    MARKETS = [m for m in MARKETS if m != "Narnia"]
    MONTHS = ["2024-12", "2025-11", "2026-02", "2026-08", "2026-10", "2026-11", "2027-03"]
    CURRENCIES = ["USD"]
    RULES = ["cbp-2023-06", "cbp-2024-11", "pmp-2025-07", "pmp-2026-10"]
    CARDS = ["2025-10-01", "2026-01-01", "2026-07-01", "2026-10-01"]
    LINE_COUNTS = [1, 2, 3, 4]
    for i in range(60):
        with open(os.path.join(cases, f"priceable-{i:03}.json"), "w") as f:
            f.write(json.dumps(scenario(i), indent=1) + "\n")


if __name__ == "__main__":
    main()
