"""A quick yes for valid plan files: the JSON Schema as one plain Python function.

jsonschema walks a 20,000-item plan in seconds. The schema uses a handful of
keywords, so it is also translated into one plain Python function that is at
least as strict as jsonschema: it may say no to something jsonschema accepts
(a float 3.0 for an integer), never yes to something jsonschema refuses. A yes
skips jsonschema; a no asks jsonschema for the errors and their paths. A
keyword the translator does not know makes it give up (quick_check() is None),
and then jsonschema alone decides.

The generated code runs once a timeline item, so it reads each required property
with x[key] (an object whose keys must be exactly its properties is checked by
its length and those reads: a missing key is a KeyError, which means no),
checks a type once and then relies on it, and writes an anyOf of simple
branches as one expression.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from app.resources import resource_path

_EXACT_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,),
    "object": (dict,), "array": (list,), "null": (type(None),),
}
_ANNOTATIONS = {"$schema", "$id", "title", "description", "$comment"}
_SIMPLE = {"type", "pattern", "enum", "const", "minLength", "minimum", "maximum"}
_STRUCTURE = {"required", "properties", "additionalProperties", "items", "anyOf"}
_KEYWORDS = _ANNOTATIONS | _SIMPLE | _STRUCTURE
_NONE = type(None)


@cache
def plan_schema() -> dict[str, Any]:
    """The plan file's JSON Schema (resources/plan.schema.json)."""
    return json.loads(resource_path("plan.schema.json").read_text(encoding="utf-8"))


class Unsupported(Exception):
    """The schema uses something the translator does not know."""


class _Translator:
    def __init__(self) -> None:
        self.names: dict[str, Any] = {"_MISSING": object()}
        self.functions: list[str] = []
        self.depth = 0
        self.patterns: dict[str, tuple[str, str]] = {}
        self.seen: list[set[str]] = []  # texts known to match a pattern, forgotten after each check

    def constant(self, value: Any) -> str:
        name = f"_c{len(self.names)}"
        self.names[name] = value
        return name

    def pattern(self, pattern: str) -> tuple[str, str]:
        """Names of the set of texts known to match `pattern` and of the function that checks
        one more text (and adds it to the set if it matches). Plans repeat their dates and
        refer to items by uuid, so most texts are looked up rather than searched."""
        if pattern not in self.patterns:
            search, seen = re.compile(pattern).search, set()

            def matches(text: str) -> bool:
                if search(text) is None:
                    return False
                seen.add(text)
                return True

            self.patterns[pattern] = (self.constant(seen), self.constant(matches))
            self.seen.append(seen)
        return self.patterns[pattern]

    def variable(self, prefix: str) -> str:
        self.depth += 1
        return f"{prefix}{self.depth}"

    def function(self, schema: Any) -> str:
        name = f"_f{len(self.functions)}"
        self.functions.append("")  # reserve the name before the body (which may add functions)
        body = self.check(schema, "x", 2) or ["        pass"]
        self.functions[int(name[2:])] = "\n".join([
            f"def {name}(x):", "    try:", *body,
            "    except KeyError:  # a required property is missing (see object())", "        return False",
            "    return True"])
        return name

    def failures(self, schema: dict[str, Any], v: str) -> tuple[list[str], frozenset[type] | None]:
        """Conditions, in order, of which any true one means `v` fails the simple keywords of
        `schema` (each may rely on the ones before it being false); and the exact types `v` can
        then have (None: not known)."""
        out: list[str] = []
        types: frozenset[type] | None = None
        if "type" in schema:
            names = [schema["type"]] if isinstance(schema["type"], str) else schema["type"]
            allowed = tuple(dict.fromkeys(t for n in names for t in _EXACT_TYPES[n]))
            types = frozenset(allowed)
            if allowed == (_NONE,):
                out.append(f"{v} is not None")
            elif len(allowed) == 1:
                out.append(f"type({v}) is not {self.constant(allowed[0])}")
            else:
                out.append(f"type({v}) not in {self.constant(types)}")

        def only(kinds: tuple[type, ...]) -> str:
            """What must hold before a keyword for values of `kinds` applies to `v`."""
            if types is not None and types <= set(kinds):
                return ""
            if types is not None and types - set(kinds) == {_NONE}:
                return f"{v} is not None and "
            if len(kinds) == 1:
                return f"type({v}) is {self.constant(kinds[0])} and "
            return f"type({v}) in {self.constant(frozenset(kinds))} and "

        if "pattern" in schema:
            seen, matches = self.pattern(schema["pattern"])
            out.append(f"{only((str,))}{v} not in {seen} and not {matches}({v})")
        for key in ("enum", "const"):
            if key in schema:
                values = schema["enum"] if key == "enum" else [schema["const"]]
                if not all(type(x) in (str, int) for x in values):
                    raise Unsupported(key)
                if types is not None and len(types) == 1 and next(iter(types)) in (str, int):
                    (kind,) = types  # the type is checked: compare the values of that type only
                    same = self.constant(frozenset(x for x in values if type(x) is kind))
                    out.append(f"{v} not in {same}")
                else:
                    typed = self.constant(frozenset((type(x), x) for x in values))
                    out.append(f"type({v}) not in (str, int) or (type({v}), {v}) not in {typed}")
        if "minLength" in schema:
            out.append(f"{only((str,))}len({v}) < {int(schema['minLength'])}")
        for key, op in (("minimum", "<"), ("maximum", ">")):
            if key in schema:
                out.append(f"{only((int, float))}{v} {op} {self.constant(schema[key])}")
        return out, types

    def expression(self, schema: Any, v: str) -> str | None:
        """One expression that is true when `v` passes `schema`, for schemas of simple keywords only."""
        if schema is True or schema == {}:
            return "True"
        if not isinstance(schema, dict) or set(schema) - _SIMPLE - _ANNOTATIONS:
            return None
        conditions, _types = self.failures(schema, v)
        if conditions == [f"{v} is not None"]:
            return f"{v} is None"
        return f"not ({' or '.join(conditions)})" if conditions else "True"

    def check(self, schema: Any, v: str, level: int) -> list[str]:
        """Lines that `return False` unless value `v` passes `schema`."""
        pad = "    " * level
        if schema is True or schema == {}:
            return []
        if not isinstance(schema, dict) or set(schema) - _KEYWORDS:
            raise Unsupported(repr(schema)[:60])
        conditions, types = self.failures(schema, v)
        out = [f"{pad}if {c}: return False" for c in conditions]
        if {"required", "properties", "additionalProperties"} & set(schema):
            if types is not None and types <= {dict}:
                out += self.object(schema, v, level)
            else:
                out.append(f"{pad}if type({v}) is dict:")
                out += self.object(schema, v, level + 1) or [f"{pad}    pass"]
        if "items" in schema:
            item = self.variable("i")
            inner = level + 1
            if not (types is not None and types <= {list}):
                out.append(f"{pad}if type({v}) is list:")
                inner += 1
            lines = self.check(schema["items"], item, inner)
            if lines:
                out.append(f"{'    ' * (inner - 1)}for {item} in {v}:")
                out += lines
            elif inner > level + 1:
                out.pop()
        if "anyOf" in schema:
            options = [self.expression(s, v) for s in schema["anyOf"]]
            if any(o is None for o in options):
                options = [f"{self.function(s)}({v})" for s in schema["anyOf"]]
            out.append(f"{pad}if not ({' or '.join(options)}): return False")
        return out

    def object(self, schema: dict[str, Any], v: str, level: int) -> list[str]:
        pad = "    " * level
        out: list[str] = []
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        extra = schema.get("additionalProperties", True)
        exact = extra is False and required == set(properties)
        if exact:
            # As many keys as properties, and each property read with v[key] below (a missing
            # one raises KeyError, which the function turns into False): then the keys are
            # exactly the properties. Cheaper than comparing the key sets for each of 20,000 items.
            out.append(f"{pad}if len({v}) != {len(properties)}: return False")
        else:
            if required:
                out.append(f"{pad}if not {self.constant(frozenset(required))} <= {v}.keys(): return False")
            if extra is False:
                out.append(f"{pad}if not {v}.keys() <= {self.constant(frozenset(properties))}: return False")
        if extra is not True and extra is not False:
            known, check = self.constant(frozenset(properties)), self.function(extra)
            out.append(f"{pad}for k, e in {v}.items():")
            out.append(f"{pad}    if k not in {known} and not {check}(e): return False")
        for key, sub in properties.items():
            p = self.variable("p")
            lines = self.check(sub, p, level + (key not in required))
            if not lines:
                if exact:
                    out.append(f"{pad}{v}[{key!r}]")
                continue
            if key in required:  # known to be there, or a KeyError if `exact`
                out.append(f"{pad}{p} = {v}[{key!r}]")
            else:
                out.append(f"{pad}{p} = {v}.get({key!r}, _MISSING)")
                out.append(f"{pad}if {p} is not _MISSING:")
            out += lines
        return out


def translate(schema: Any) -> tuple[str, dict[str, Any], str, list[set[str]]]:
    """The Python source of the check of `schema`, the names it uses, the name of its main
    function, and the sets of matching texts it remembers while it runs."""
    translator = _Translator()
    main = translator.function(schema)
    return "\n\n".join(translator.functions), dict(translator.names), main, translator.seen


def compile_check(schema: Any) -> Any:
    """A function value -> bool that says yes only to values `schema` accepts; None if the schema
    uses a keyword the translator does not know."""
    try:
        source, names, main, seen = translate(schema)
    except (Unsupported, KeyError, TypeError, re.error):
        return None
    exec(compile(source, "<plan schema>", "exec"), names)  # noqa: S102
    check = names[main]

    def quick(value: Any) -> bool:
        try:
            return check(value)
        finally:
            for texts in seen:  # only for the length of one check: a plan's uuids are many
                texts.clear()

    return quick


@cache
def quick_check() -> Any:
    """The compiled yes/no check of the plan schema, or None if it uses a keyword the translator does not know."""
    return compile_check(plan_schema())
