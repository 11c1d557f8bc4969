"""Errors the user can cause or meet, each with a message in Norwegian that says what happened
and what to do. The CLI prints `str(error)`; the app shows it in the status line or a dialog."""

from __future__ import annotations

import errno


class BshpError(Exception):
    """Base for errors with a user-facing Norwegian message."""

    exit_code = 1


class UsageError(BshpError):
    """Bad input from the user: wrong argument, unknown session, invalid file."""

    exit_code = 2


class SessionNotFound(UsageError):
    pass


class DamagedSessionError(BshpError):
    """A session file that cannot be read. The file is never modified."""

    def __init__(self, path, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(
            f"Økta i «{path}» er skadet: {reason}. Filen er ikke endret. "
            f"Gjenopprett fra en sikkerhetskopi (bshp backups {path.stem})."
        )


class NewerSchemaError(BshpError):
    def __init__(self, path, found: int, known: int):
        self.path = path
        super().__init__(
            f"«{path}» er lagret av en nyere versjon av bshp (filformat {found}, denne versjonen "
            f"kjenner til {known}). Filen er ikke endret. Oppdater bshp for å åpne den."
        )


class SessionLockedError(BshpError):
    def __init__(self, path, owner: str):
        self.path = path
        self.owner = owner
        super().__init__(
            f"Økta «{path.stem}» er allerede åpen i et annet bshp-vindu ({owner}). "
            "Lukk det andre vinduet først, eller åpne økta skrivebeskyttet (bare lesing)."
        )


class ReadOnlyError(BshpError):
    def __init__(self, session_id: str):
        super().__init__(
            f"Økta «{session_id}» er åpnet skrivebeskyttet, så endringer lagres ikke. "
            "Lukk den og åpne den på nytt når den ikke er åpen andre steder."
        )


class SaveError(BshpError):
    """A save failed. The file on disk is unchanged and the data stays in memory."""

    def __init__(self, path, exc: OSError):
        self.path = path
        self.cause: OSError | None = exc
        super().__init__(
            f"Kunne ikke lagre «{path}»: {describe_os_error(exc)} "
            "Svarene er ikke tapt: de ligger i minnet, og lagres når du prøver igjen."
        )


class LockLostError(SaveError):
    """The writer lock vanished under an open session (`.locks/` deleted or replaced), and it
    cannot be taken back safely. Nothing was written; the data stays in memory."""

    def __init__(self, path, why: str):
        self.path = path
        self.cause = None
        BshpError.__init__(
            self,
            f"Kunne ikke lagre «{path}»: låsen som sikrer at økta bare skrives ett sted om gangen, "
            f"er borte (mappen «.locks» ble slettet eller endret), og {why}. Ingenting er skrevet "
            "til filen, så ingenting der er overskrevet. Svarene er ikke tapt: de ligger i minnet. "
            "Lagre en kopi, lukk det andre vinduet og prøv igjen.",
        )


class NothingChangedError(BshpError):
    """A command that creates, imports, restores or deletes a session failed before it changed
    anything. Unlike SaveError, there is nothing in memory to retry."""

    def __init__(self, what: str, exc: OSError):
        self.cause = exc
        super().__init__(f"{what}: {describe_os_error(exc)} Ingenting er endret.")


def describe_os_error(exc: OSError) -> str:
    """A short Norwegian explanation of an OS error, with what to do."""
    code = exc.errno
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        return "disken er full. Frigjør plass og prøv igjen."
    if code in (errno.EACCES, errno.EPERM):
        return "mangler skrivetilgang til mappen. Velg en annen mappe eller be om tilgang."
    if code == errno.EROFS:
        return "mappen ligger på en skrivebeskyttet disk. Velg en annen mappe."
    if code == errno.ENOENT:
        return "mappen finnes ikke (er en minnepinne tatt ut?). Sjekk mappen og prøv igjen."
    if code == errno.EIO:
        return "lese-/skrivefeil på disken. Prøv igjen, eller lagre et annet sted."
    return f"{exc.strerror or exc}. Prøv igjen."
