"""Marking messages for translation in pure modules (no Django): they keep the English msgid with its values, and the
page layer translates it in the reader's language when it shows the message."""


def gettext_noop(message: str) -> str:
    """`message` as it is; `makemessages` collects the msgid by this function's name."""
    return message
