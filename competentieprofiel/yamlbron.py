"""Reading a YAML file while remembering on which line every value stands.

PyYAML's safe loader forgets positions once it builds Python objects. The loader here
builds dicts and lists that keep them, so validation can say "regel 42" for any field,
and it reports duplicate keys (which PyYAML silently overwrites).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml


class PositionedDict(dict):
    """A mapping from YAML: `line` is where it starts, `lines[key]` where each key stands."""

    line: int = 0
    lines: dict

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


class PositionedList(list):
    """A sequence from YAML: `line` is where it starts, `lines[i]` where each entry stands."""

    line: int = 0
    lines: list

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


@dataclass
class YamlProblem:
    line: int | None
    message: str


@dataclass
class YamlDocument:
    data: object
    problems: list[YamlProblem] = field(default_factory=list)


class _PositionedLoader(yaml.SafeLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self.duplicate_problems: list[YamlProblem] = []


def _construct_mapping(loader: _PositionedLoader, node: yaml.MappingNode) -> PositionedDict:
    loader.flatten_mapping(node)
    mapping = PositionedDict()
    mapping.line = node.start_mark.line + 1
    mapping.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        key_line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            loader.duplicate_problems.append(YamlProblem(key_line, "ongeldige sleutel"))
            continue
        if key in mapping:
            loader.duplicate_problems.append(
                YamlProblem(key_line, f"'{key}' staat hier voor de tweede keer")
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_line
    return mapping


def _construct_sequence(loader: _PositionedLoader, node: yaml.SequenceNode) -> PositionedList:
    sequence = PositionedList(loader.construct_object(child, deep=True) for child in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.lines = [child.start_mark.line + 1 for child in node.value]
    return sequence


_PositionedLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)
_PositionedLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence
)


def parse_yaml(raw: bytes) -> YamlDocument:
    """Parse UTF-8 YAML bytes. Encoding and syntax errors become problems, never exceptions."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return YamlDocument(
            None,
            [YamlProblem(line, f"het bestand is geen geldige UTF-8 (byte 0x{raw[exc.start]:02x})")],
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    loader = _PositionedLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or exc.context or "onleesbare YAML"
        return YamlDocument(None, [YamlProblem(line, f"YAML-syntaxfout: {reason}")])
    except yaml.YAMLError as exc:
        return YamlDocument(None, [YamlProblem(None, f"YAML-fout: {exc}")])
    finally:
        loader.dispose()
    return YamlDocument(data, list(loader.duplicate_problems))
