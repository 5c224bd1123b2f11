"""Messages with a stable key: English text for the command line, a key and parameters for a
user interface that speaks another language.

A :class:`Message` *is* its English text (a ``str``): code that prints, compares, joins or
stores it as JSON sees the same string as before; a translator reads ``key`` and ``params``
(a parameter may itself be a Message, translated in turn).
"""

from __future__ import annotations


def _rebuild(key: str, template: str, params: dict[str, object]) -> Message:
    return Message(key, template, **params)


class Message(str):
    """English text made from ``template`` and ``params``, carrying ``key`` for translation."""

    key: str
    template: str
    params: dict[str, object]

    def __new__(cls, key: str, template: str, **params: object) -> Message:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.key = key
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple:  # pickled to Dask workers and back: keep the key
        return _rebuild, (self.key, self.template, self.params)


def key_of(text: object) -> str | None:
    """The key of a :class:`Message`, None for plain text."""
    return text.key if isinstance(text, Message) else None
