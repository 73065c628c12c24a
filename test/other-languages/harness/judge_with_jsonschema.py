"""Judges response bodies with Python's jsonschema (Draft 2020-12, with a FormatChecker) against the 3.1 bundle.

Usage: python3 judge_with_jsonschema.py BUNDLE_31_JSON CASES_JSON
CASES_JSON is a list of {"label", "schema_pointer", "body"}; schema_pointer locates the body's schema in the bundle.
Prints one JSON object: the interpreter and jsonschema versions, every format the bundle's schemas use, those this
FormatChecker cannot check, meta-schema errors of the component schemas, and per case {"label", "valid", "errors"}.
Deciding what is expected is the caller's job. Works with jsonschema 4.x, old (RefResolver) and new (referencing).
"""
import json
import platform
import sys
from importlib.metadata import version

from jsonschema import Draft202012Validator, FormatChecker

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def formats_used(node, found):
    """Every `format` value inside the given schemas."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "format" and isinstance(value, str):
                found.add(value)
            else:
                formats_used(value, found)
    elif isinstance(node, list):
        for item in node:
            formats_used(item, found)
    return found


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: judge_with_jsonschema.py BUNDLE_31_JSON CASES_JSON")
    with open(sys.argv[1], encoding="utf-8") as handle:
        bundle = json.load(handle)
    with open(sys.argv[2], encoding="utf-8") as handle:
        cases = json.load(handle)

    checker = FormatChecker()
    schemas = bundle.get("components", {}).get("schemas", {})
    used = formats_used(schemas, set())
    schema_errors = []
    for name, schema in schemas.items():
        for error in Draft202012Validator(Draft202012Validator.META_SCHEMA).iter_errors(schema):
            schema_errors.append(f"{name}: {error.message}")

    results = []
    for case in cases:
        # The whole bundle is the root resource, so `#/components/schemas/...` references resolve as they do in ajv.
        root = dict(bundle, **{"$schema": DIALECT, "$ref": "#" + case["schema_pointer"]})
        validator = Draft202012Validator(root, format_checker=checker)
        errors = sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(case["body"]))
        results.append({"label": case["label"], "valid": not errors, "errors": errors})

    json.dump(
        {
            "python": platform.python_version(),
            "executable": sys.executable,
            "jsonschema": version("jsonschema"),
            "formats_used": sorted(used),
            "unchecked_formats": sorted(used - set(checker.checkers)),
            "schema_errors": schema_errors,
            "results": results,
        },
        sys.stdout,
    )


main()
