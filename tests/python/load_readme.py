"""Loads a README with the real huggingface_hub, both ways its docs describe, and prints
what it read as JSON: the model name and every eval result. Exits non-zero if loading
fails. Used by tests/huggingface_hub.rs."""

import json
import sys

from huggingface_hub import ModelCard
from huggingface_hub.repocard import metadata_load
from huggingface_hub.repocard_data import model_index_to_eval_results


def result(r):
    return {
        "task_type": r.task_type,
        "dataset_type": r.dataset_type,
        "dataset_name": r.dataset_name,
        "dataset_split": r.dataset_split,
        "metric_type": r.metric_type,
        "metric_value": r.metric_value,
        "metric_args": r.metric_args,
    }


def main(path):
    card = ModelCard.load(path)
    results = card.data.eval_results or []
    metadata = metadata_load(path) or {}
    name, direct = (None, [])
    if "model-index" in metadata:
        name, direct = model_index_to_eval_results(metadata["model-index"])
    print(json.dumps({
        "model_name": card.data.model_name,
        "license": card.data.license,
        "eval_results": [result(r) for r in results],
        "metadata_load_name": name,
        "metadata_load_results": [result(r) for r in direct],
    }))


if __name__ == "__main__":
    main(sys.argv[1])
