"""Validates CycloneDX JSON BOMs with the real cyclonedx-python-lib: its strict JSON
validator (no unknown fields) for the given spec version, with format checks. Prints a
JSON object of file -> error (null when valid). Used by tests/cyclonedx_python_lib.rs.

usage: validate_bom.py VERSION FILE...   (VERSION: 1.5, 1.6 or 1.7)"""

import json
import sys

from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator


def main(version, paths):
    validator = JsonStrictValidator(SchemaVersion.from_version(version))
    results = {}
    for path in paths:
        with open(path, encoding="utf-8") as file:
            error = validator.validate_str(file.read())
        results[path] = None if error is None else str(error)
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
