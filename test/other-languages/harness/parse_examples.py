"""Parses response bodies with the generated Python models and reports, per body, what happened.

Usage: python3 parse_examples.py MODULE_DIR MODULE_NAME CASES_JSON
CASES_JSON is a list of {"label", "model", "body"}. Prints a JSON list of
{"label", "parsed", "round_trip", "error"}; deciding what is expected is the caller's job.
"""
import importlib
import json
import re
import sys


def function_prefix(model):
    # quicktype names the top-level helpers after the model in snake case: VideoLog -> video_log_from_dict.
    return re.sub(r"(?<!^)(?=[A-Z])", "_", model).lower()


def without_nulls(value):
    # The generated to_dict leaves out a None-valued optional field, so null and absent count as the same.
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def main():
    module_dir, module_name, cases_path = sys.argv[1:4]
    sys.path.insert(0, module_dir)
    models = importlib.import_module(module_name)
    with open(cases_path, encoding="utf-8") as handle:
        cases = json.load(handle)
    results = []
    for case in cases:
        prefix = function_prefix(case["model"])
        parse = getattr(models, prefix + "_from_dict")
        dump = getattr(models, prefix + "_to_dict")
        try:
            parsed = parse(case["body"])
        except Exception as error:  # the generated code signals a mismatch with assert or ValueError
            results.append({"label": case["label"], "parsed": False, "round_trip": False,
                            "error": "%s: %s" % (type(error).__name__, error)})
            continue
        same = without_nulls(dump(parsed)) == without_nulls(case["body"])
        results.append({"label": case["label"], "parsed": True, "round_trip": same, "error": None})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
