# Regenerates the golden payloads with the Python packages the reference uses (msgpack, lz4.frame, zlib):
#   pip install msgpack lz4 && python3 make_vectors.py
# Output: python-vectors.json. Not run by the build; the JSON is committed.
import base64, json, zlib
import msgpack, lz4.frame

books = {
    0: {"i": 0, "r": 0.4, "e": [
            {"y": "o", "i": 101, "c": None, "t": 1000, "q": 1.5, "s": 0, "p": 300.15, "l": 0.0},
            {"y": "o", "i": 102, "c": 7, "t": 1050, "q": 0.25, "s": 1, "p": None, "l": 1.0},
            {"y": "t", "i": 7, "s": 1, "t": 1100, "q": 0.25, "p": 300.1, "Ti": 102, "Ta": -5, "Tf": 0.0172,
             "Mi": 99, "Ma": 3, "Mf": 0.0, "cr": None, "Toi": None},
            {"y": "c", "i": 55, "t": 1200, "p": 301.0, "q": None}],
        "b": [{"p": 300.1, "q": 12.5, "o": [{"y": "o", "i": 99, "c": None, "t": 900, "q": 12.5, "s": 0,
                                              "p": 300.1, "l": 0.0}]},
              {"p": 299.95, "q": 4.0}],
        "a": [{"p": 300.2, "q": 3.0, "o": None}]},
    1: {"i": 1, "r": 0.0, "e": [], "b": [], "a": []},
}
config = {"simulation_id": "20260523_1644", "logDir": None, "remoteAgentCount": 264, "block_count": 8,
          "time_unit": "ns", "duration": 86400000000000, "grace_period": 600000000000,
          "publish_interval": 1000000000, "books_per_block": 16, "book_count": 128, "book_levels": 21,
          "detailed_book_levels": 5, "baseDecimals": 4, "quoteDecimals": 10, "priceDecimals": 2,
          "volumeDecimals": 4, "fee_policy": {"fee_type": "dynamic", "params": {}, "tiers": []},
          "min_order_size": 0.25, "max_open_orders": 100, "max_leverage": 4.0, "max_loan": 10000.0,
          "maintenance_margin": 0.1, "miner_capital_type": "pareto", "miner_wealth": 50000.0, "init_price": 300.0}
accounts = {3: {0: {"i": 3, "b": 0,
                    "bb": {"c": "BASE", "t": 10.5, "f": 10.0, "r": 0.5, "i": 10.0},
                    "qb": {"c": "QUOTE", "t": 47000.123456789, "f": 46000.123456789, "r": 1000.0, "i": 47000.0},
                    "bl": 0.0, "ql": 600.0, "bc": 0.0, "qc": 0.0,
                    "o": [{"y": "o", "i": 120, "c": 42, "t": 950, "q": 0.5, "s": 1, "p": 301.5, "l": 0.0}],
                    "l": {118: {"i": 118, "a": 600.0, "c": 1, "bc": 2.0, "qc": 0.0}},
                    "f": {"v": 1234.5, "m": 0.0, "t": 0.00023}, "v": 0.0}}}
notices = {3: [
    {"y": "RDPOL", "t": 1000, "a": 3, "b": 0, "o": 120, "c": 42, "s": 1, "q": 0.5, "u": True, "m": "",
     "l": 0.0, "f": -2, "p": 301.5},
    {"y": "ERDPOM", "t": 1001, "a": 3, "b": 0, "o": None, "c": None, "s": 0, "q": 5.0, "u": False,
     "m": "INSUFFICIENT_QUOTE", "l": 0.0, "f": -2, "r": 0},
    {"y": "ET", "t": 1100, "a": 3, "b": 0, "i": 7, "c": None, "Ta": -5, "Ti": 102, "Tf": 0.0172, "Ma": 3, "Mi": 99,
     "Mf": 0.0, "s": 1, "p": 300.1, "q": 0.25, "cr": None, "Toi": None},
    {"y": "RDCO", "t": 1200, "a": 3, "b": 0, "c": [{"t": 1200, "b": 0, "o": 55, "q": 1.0, "u": True, "m": ""}]},
]}
payload = {"pools": None, "accounts": accounts, "notices": notices, "config": config, "response": None}

def part(value, codec):
    raw = msgpack.packb(value)
    data = lz4.frame.compress(raw, compression_level=1) if codec == "lz4" else zlib.compress(raw)
    return base64.b64encode(data).decode()

# What a Python miner returns (pydantic dump of FinanceAgentResponse inside the compressed payload).
response = {"agent_id": 3, "instructions": [
    {"agentId": 3, "delay": 0, "type": "PLACE_ORDER_LIMIT", "bookId": 0, "direction": 0, "quantity": 1.5,
     "price": 300.05, "clientOrderId": None, "stp": 1, "currency": 0, "leverage": 0.0, "settleFlag": -2,
     "delegate": "", "stop_loss": None, "take_profit": None, "postOnly": False, "timeInForce": 1,
     "expiryPeriod": 120000000000},
    {"agentId": 3, "delay": 5, "type": "PLACE_ORDER_MARKET", "bookId": 1, "direction": 1, "quantity": 25.5,
     "clientOrderId": 17, "stp": 2, "currency": 1, "leverage": 0.5, "settleFlag": -1, "delegate": "",
     "max_slippage": 0.01, "stop_loss": None, "take_profit": 0.05},
    {"agentId": 3, "delay": 0, "type": "CANCEL_ORDERS", "bookId": 0,
     "cancellations": [{"orderId": 120, "volume": None}, {"orderId": 121, "volume": 0.25}]},
    {"agentId": 3, "delay": 0, "type": "CLOSE_POSITIONS", "bookId": 0, "closes": [{"orderId": 118, "volume": None}]}]}
reply_payload = {"pools": None, "accounts": None, "notices": None, "config": None, "response": response}

out = {
    "reply": {"books": part(None, "lz4"), "payload": part(reply_payload, "lz4")},
    "state": {codec: {"books": part(books, codec), "payload": part(payload, codec)} for codec in ("lz4", "zlib")},
    "state_json_v44_zlib": {"books": base64.b64encode(zlib.compress(json.dumps({str(k): v for k, v in books.items()}).encode())).decode()},
    "msgpack": [
        {"value": v, "hex": msgpack.packb(v).hex()} for v in
        [None, True, False, 0, 127, 128, 255, 256, 65535, 65536, 2**32 - 1, 2**32, 2**63 - 1, -1, -32, -33, -128,
         -129, -32768, -32769, -2**31, -2**31 - 1, -2**63, 1.5, -0.1, 300.15, "", "a", "x" * 31, "x" * 32, "é€",
         "y" * 256, [], [1, [2, "3"]], list(range(16)), {}, {"a": 1, "b": [True, None]},
         {str(i): i for i in range(16)}]
    ],
    "msgpack_int_keys": {"hex": msgpack.packb({0: "a", 300: {1: 2}}).hex()},
    "msgpack_bin": {"hex": msgpack.packb(b"\x00\x01\xff").hex()},
    "lz4_hello": {"plain": "hello hello hello hello", "b64": base64.b64encode(lz4.frame.compress(b"hello hello hello hello")).decode()},
}
with open("python-vectors.json", "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
