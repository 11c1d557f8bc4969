"""Modal dialogs: messages, help, sessions, the editors and the save-failed dialog."""

from .help import HelpScreen, help_text
from .messages import ConfirmDialog, MessageDialog, TextDialog
from .sessions import BackupsDialog, NewSessionDialog

__all__ = [
    "BackupsDialog",
    "ConfirmDialog",
    "HelpScreen",
    "MessageDialog",
    "NewSessionDialog",
    "TextDialog",
    "help_text",
]
