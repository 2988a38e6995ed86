"""The templates' Jinja environments: attribute lookups (``rec.schedule.type`` on feed records,
plain dicts, is most of what an opportunity page looks up), translated strings, and templates
compiled once for all of them."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import Any

from jinja2 import Environment, TemplateError, nodes
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.compiler import CodeGenerator, Frame
from jinja2.runtime import Context

#: Names a dict answers as attributes (``items``, ``get``...): these keep Jinja's order.
_DICT_ATTRIBUTES = frozenset(dir(dict))


def dict_first_getattr(environment: Environment) -> Callable[[Any, str], Any]:
    """``environment.getattr`` that looks a plain dict's key up first. Jinja tries the
    attribute first and falls back to the key, which for a dict costs a raised and caught
    ``AttributeError`` per lookup; for any name that is not a dict attribute the attribute
    lookup always fails, so the result is the same. A key a dict lacks is then undefined at
    once, as Jinja would find after failing both lookups."""
    jinja_getattr = environment.getattr
    undefined = environment.undefined

    def getattr_(obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            if attribute in _DICT_ATTRIBUTES:
                return jinja_getattr(obj, attribute)
            try:
                return obj[attribute]
            except KeyError:
                return undefined(obj=obj, name=attribute)
        try:
            return getattr(obj, attribute)
        except AttributeError:
            return jinja_getattr(obj, attribute)  # an item of a mapping or sequence, or undefined

    return getattr_


#: The template names of the gettext function (``jinja2.ext.i18n``).
_GETTEXT = frozenset({"_", "gettext"})


class TranslatingCodeGenerator(CodeGenerator):
    """Jinja's code generator, with ``_('Literal text')`` (a message without arguments:
    most of a page's interface text, ninety calls on an opportunity page) compiled to a look
    into the translations the gettext function has made already (``translated_text``),
    rather than to Jinja's general call, which first finds out how the function wants to be
    called. Anything else compiles as Jinja compiles it."""

    def visit_Call(self, node: nodes.Call, frame: Frame, forward_caller: bool = False) -> None:
        if forward_caller or self.environment.is_async or self.environment.sandboxed or \
                not isinstance(node.node, nodes.Name) or node.node.name not in _GETTEXT or \
                len(node.args) != 1 or not isinstance(node.args[0], nodes.Const) or \
                not isinstance(node.args[0].value, str) or node.kwargs or \
                node.dyn_args is not None or node.dyn_kwargs is not None:
            super().visit_Call(node, frame, forward_caller=forward_caller)
            return
        self.write("environment.translated_text(context, ")
        self.visit(node.node, frame)
        self.write(", ")
        self.visit(node.args[0], frame)
        if frame.loop_frame:
            self.write(", _loop_vars=_loop_vars")
        if frame.block_frame:
            self.write(", _block_vars=_block_vars")
        self.write(")")


def translated_text(context: Context, gettext: Any, message: str, **call_variables: Any) -> Any:
    """``gettext(message)`` as the template calls it: the text the function keeps of each
    message it has translated without arguments (``i18n.catalogs``), else the call itself."""
    made = getattr(gettext, "translated", None)
    if made is not None and context.eval_ctx.autoescape:
        text = made.get(message)
        if text is not None:
            return text
    return context.call(gettext, message, **call_variables)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the life of the process. Every generator has a
    Jinja environment of its own (nine of them), which would otherwise each compile the same
    templates again; a build process that stays up (``core.resident``) makes new environments
    for every build. Jinja checks each entry against the template's source, so an edited
    template is compiled afresh."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_compiled = MemoryBytecodeCache()


def shared_bytecode_cache() -> MemoryBytecodeCache:
    return _compiled


def compile_templates(environments: Iterable[Environment]) -> None:
    """Load every template of the theme into each environment, compiling each once (the
    environments share their compiled code), before the build forks its workers: they
    inherit the templates instead of each compiling its own. A template that does not compile
    is left to the page that uses it, which reports the error."""
    for environment in environments:
        for name in environment.list_templates(filter_func=_own_template):
            with contextlib.suppress(TemplateError):
                environment.get_template(name)


def _own_template(name: str) -> bool:
    # "!simple/…" are Pelican's built-in theme, which the portal's templates do not use.
    return not name.startswith("!")
