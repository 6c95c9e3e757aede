"""Turns cfn-lint's ECS rule unit tests into CloudFormation templates for the peer-fixture harness.

cfn-lint keeps its ECS cases inline in test/unit/rules/resources/ecs/test_*.py as pytest
parametrize tables: an instance (or a whole template and a path) and the errors the rule must
give. This script executes those modules with stand-ins for cfnlint, pytest and jsonpatch (so no
cfn-lint install is needed), wraps each instance in the smallest template that holds it, and
writes the templates and a case list (positive when the table expects errors).

    python3 bench/peer-cases/extract-cfn-lint.py /path/to/cfn-lint-checkout OUT_DIR
"""

import copy
import importlib.abc
import importlib.machinery
import json
import sys
import types
from pathlib import Path


class ValidationError:
    def __init__(self, message, **kwargs):
        self.message = message
        self.path = list(kwargs.get("path") or [])


def apply_patch(document, patch):
    result = copy.deepcopy(document)
    for op in patch:
        keys = [int(k) if k.isdigit() else k for k in op["path"].strip("/").split("/")]
        parent = result
        for key in keys[:-1]:
            parent = parent[key]
        if op["op"] == "remove":
            del parent[keys[-1]]
        elif op["op"] == "add" and isinstance(parent, list):
            parent.insert(len(parent) if keys[-1] == "-" else keys[-1], op["value"])
        else:
            parent[keys[-1]] = op["value"]
    return result


tables = []


def parametrize(names, values, **_):
    def record(function):
        tables.append(([n.strip() for n in names.split(",")], values))
        return function

    return record


class Anything(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return type(name, (), {"__init__": lambda self, *a, **k: None})


class StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in ("cfnlint", "pytest", "jsonpatch"):
            return importlib.machinery.ModuleSpec(name, self, is_package=True)
        return None

    def create_module(self, spec):
        module = Anything(spec.name)
        module.__path__ = []
        if spec.name == "cfnlint.jsonschema":
            module.ValidationError = ValidationError
        if spec.name == "jsonpatch":
            module.apply_patch = apply_patch
        if spec.name == "pytest":
            module.fixture = lambda *a, **k: (a[0] if a and callable(a[0]) else (lambda f: f))
            module.mark = types.SimpleNamespace(parametrize=parametrize)
        return module

    def exec_module(self, module):
        pass


sys.meta_path.insert(0, StubFinder())


def task_definition(properties):
    return {"Resources": {"TaskDefinition": {"Type": "AWS::ECS::TaskDefinition", "Properties": properties}}}


def service(properties):
    return {"Resources": {"Service": {"Type": "AWS::ECS::Service", "Properties": properties}}}


def container_with_log(configuration):
    return task_definition({"ContainerDefinitions": [{"Name": "app", "Image": "app:1", "LogConfiguration": configuration}]})


# Test module -> (cfn-lint id, what its instance is: wrapped into a template, or None for a template)
modules = {
    "test_ecs_fargate.py": ("E3044", dict, service),
    "test_ecs_fargate_cpu_memory.py": ("E3047", dict, task_definition),
    "test_ecs_task_fargate_properties.py": ("E3048", dict, task_definition),
    "test_task_definition_essentials.py": ("E3042", list, lambda c: task_definition({"ContainerDefinitions": c})),
    "test_task_definition_log_configuration.py": ("E3046", dict, container_with_log),
    "test_service_dynamic_ports.py": ("E3049", None, None),
    "test_service_fargate.py": ("E3054", None, None),
    "test_service_fargate_log_driver.py": ("E3713", None, None),
    "test_service_network_configuration.py": ("E3052", None, None),
    "test_task_definition_aws_vpc.py": ("E3053", None, None),
}


def main(checkout, out_dir):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cases = []
    for module_name, (peer_id, instance_type, wrap) in modules.items():
        source_path = f"test/unit/rules/resources/ecs/{module_name}"
        tables.clear()
        code = (Path(checkout) / source_path).read_text()
        exec(compile(code, source_path, "exec"), {"__name__": module_name})
        for names, values in tables:
            for index, row in enumerate(values):
                arguments = dict(zip(names, row))
                expected = arguments["expected"]
                if wrap is None:
                    template = copy.deepcopy(arguments["template"])
                    resource = list(arguments["start_path"])[1]
                else:
                    if not isinstance(arguments["instance"], instance_type):
                        continue  # the "wrong type" rows: nothing a template could hold
                    template = wrap(copy.deepcopy(arguments["instance"]))
                    resource = next(iter(template["Resources"]))
                template = {"AWSTemplateFormatVersion": "2010-09-09", **template}
                name = f"{peer_id}-{module_name[5:-3].replace('_', '-')}-{index}.json"
                (out / name).write_text(json.dumps(template, indent=2) + "\n")
                cases.append(
                    {
                        "peerId": peer_id,
                        "file": name,
                        "resource": resource,
                        "source": f"{source_path} (parametrize row {index})",
                        "expected": "positive" if expected else "negative",
                        "errors": [{"path": e.path, "message": e.message} for e in expected],
                    }
                )
    (out / "cases.json").write_text(json.dumps(cases, indent=2) + "\n")
    print(f"{len(cases)} cases written to {out}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
