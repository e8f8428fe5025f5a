#!/usr/bin/env python3
"""Validates YAML reports against baocao's JSON Schema (tests/input/json_schema_test.cpp).

usage: validate_schema.py SCHEMA.json --valid FILE... --invalid FILE...
Prints one line per file that is not as expected and exits 1 if there is any.

YAML is read the way the yaml language server (YAML 1.2 core schema) and
baocao read it: dates stay text, and only true/false are booleans (PyYAML's
YAML 1.1 rules would make 2015-08-11 a date and `no` a boolean).
"""
import json
import re
import sys

import jsonschema
import yaml


class CoreLoader(yaml.SafeLoader):
    pass


CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return yaml.load(f, Loader=CoreLoader)


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator_class = jsonschema.Draft202012Validator
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    expect, wrong, count = None, 0, 0
    for arg in argv[2:]:
        if arg in ("--valid", "--invalid"):
            expect = arg == "--valid"
            continue
        count += 1
        # Round-trip through JSON text: what an editor would hand the validator.
        document = json.loads(json.dumps(load(arg)))
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        if expect and errors:
            wrong += 1
            e = errors[0]
            print(f"{arg}: rejected at {'/'.join(map(str, e.path))}: {e.message[:300]}")
        elif not expect and not errors:
            wrong += 1
            print(f"{arg}: accepted, but the loader rejects it")
    print(f"{count} files, {wrong} not as expected")
    return 1 if wrong or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
