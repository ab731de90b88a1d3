#!/usr/bin/env python3
"""Runs AWS SAM's own transform (the samtranslator package, `pip install aws-sam-translator`) on
template.yaml offline and reports its errors. The functions' local CodeUri paths are replaced by
an S3 URI first, as `sam package` would. Usage: AWS_DEFAULT_REGION=us-east-1 tools/sam-transform-check.py"""
import re
import sys
from pathlib import Path

from samtranslator.public.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The template names no managed policies, so none need looking up."""

    def get_policies(self):
        return {}


def main() -> int:
    text = Path(__file__).resolve().parent.parent.joinpath("template.yaml").read_text()
    text = re.sub(r"CodeUri: functions/\S+", "CodeUri: s3://bucket/function.jar", text)
    try:
        out = transform(yaml_parse(text), {}, NoManagedPolicies())
    except InvalidDocumentException as e:
        for cause in e.causes:
            print("ERROR", cause.message)
        return 1
    print(f"SAM transform OK: {len(out['Resources'])} resources")
    return 0


if __name__ == "__main__":
    sys.exit(main())
