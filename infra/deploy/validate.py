"""Validates deployment files offline (run by the deploy tier through infra/deploy/tools.sh's Python).

  validate.py k8s <kubernetes-version> <file>     every document of a multi-document YAML stream
                                                  against the Kubernetes API schemas (strict: an
                                                  unknown field is an error)
  validate.py compose <schema.json> <file>        a Compose file against the Compose specification

Prints one JSON object: {"checked": n, "errors": [{"document": "...", "error": "..."}]}; exits 1
when there are errors.
"""
import json
import sys

import jsonschema
import kubernetes_validate
import yaml


def check_k8s(version, path):
    checked, errors = 0, []
    with open(path, encoding="utf-8") as stream:
        for doc in yaml.safe_load_all(stream):
            if not doc:
                continue
            checked += 1
            name = f"{doc.get('kind')}/{doc.get('metadata', {}).get('name')}"
            try:
                kubernetes_validate.validate(doc, version, strict=True)
            except kubernetes_validate.ValidationError as err:
                errors.append({"document": name, "error": f"{err.path}: {err.message}"})
            except Exception as err:  # unknown kind/version, bad schema: still a failure
                errors.append({"document": name, "error": f"{type(err).__name__}: {err}"})
    return checked, errors


def check_compose(schema_path, path):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)  # PyYAML resolves anchors and `<<` merge keys as Compose does
    validator = jsonschema.validators.validator_for(schema)(schema)  # the draft the schema declares (2020-12)
    errors = [
        {"document": path, "error": f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"}
        for e in validator.iter_errors(doc)
    ]
    return 1, errors


def main():
    mode, arg, path = sys.argv[1:4]
    checked, errors = check_k8s(arg, path) if mode == "k8s" else check_compose(arg, path)
    print(json.dumps({"checked": checked, "errors": errors}, ensure_ascii=False))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
