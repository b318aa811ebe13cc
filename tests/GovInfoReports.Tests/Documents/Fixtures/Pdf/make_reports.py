#!/usr/bin/env python3
"""Writes random report documents (the JSON `govinfo extract` writes) from a template's JSON Schema.

Usage: make_reports.py SCHEMA.json SEED OUT.json [AGENCY] [YEAR]
Counts are mostly small (0-60), some larger (up to 12,000); about one cell in eight is blank (null); amounts have two
decimals. The same seed gives the same document.
"""
import json
import random
import sys


def value(defs, ref, rnd):
    kind = ref.rsplit("/", 1)[-1]
    if rnd.random() < 0.12:
        return None
    if kind == "count":
        return rnd.choice([rnd.randint(0, 9), rnd.randint(0, 60), rnd.randint(0, 60), rnd.randint(100, 12000)])
    if kind == "signedCount":
        return rnd.randint(-20, 20)
    if kind == "amount":
        return round(rnd.randint(0, 500000) / 100, 2)
    if kind == "amountWithUnit":
        return {"value": round(rnd.randint(0, 5000000) / 100, 2), "unit": rnd.choice(["元", "万元"])}
    raise ValueError(kind)


def fill(schema, defs, node, rnd):
    if "$ref" in node:
        target = node["$ref"].rsplit("/", 1)[-1]
        definition = defs[target]
        if "properties" in definition and target.endswith(".row"):
            return {name: value(defs, column["$ref"], rnd) for name, column in definition["properties"].items()}
        return fill(schema, defs, definition, rnd)
    return {name: fill(schema, defs, child, rnd) for name, child in node["properties"].items()}


def main():
    schema_path, seed, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    agency = sys.argv[4] if len(sys.argv) > 4 else "某某县人民政府办公室"
    schema = json.load(open(schema_path, encoding="utf-8"))
    rnd = random.Random(seed)
    defs = schema["$defs"]
    template = schema["properties"]["template"]["const"]
    year = int(sys.argv[5]) if len(sys.argv) > 5 else (2020 if template == "2019" else 2024)
    document = {"template": template, "year": year, "agency": agency}
    for name, node in schema["properties"].items():
        if name in ("template", "year", "agency"):
            continue
        document[name] = fill(schema, defs, node, rnd)
    json.dump(document, open(out, "w", encoding="utf-8"), ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
