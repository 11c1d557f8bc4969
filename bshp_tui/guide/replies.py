"""What the guided chat tells the group when an answer or a move cannot do what was asked, or did
something they should know about. Kept together so that the wording is read, and changed, in one place."""

from __future__ import annotations

ALL_ANSWERED = "Alle spørsmålene er besvart. Velg et steg i lista for å endre et svar, eller /eksporter."
READ_ONLY = (
    "Økta er åpnet bare for lesing, så her kan ingenting skrives eller endres. For å skrive: lukk "
    "økta i et eventuelt annet vindu, gå til øktlista (Esc) og åpne den med Enter."
)
FIRST_QUESTION = "Dette er det første spørsmålet. /neste går videre, F3 viser alle stegene."
LAST_QUESTION = "Dette er det siste spørsmålet. /tilbake går til forrige, F3 viser alle stegene."
NOTHING_TO_SKIP = (
    "Alle spørsmålene er besvart, så det er ikke noe å hoppe over. Velg et steg med F3 for å endre et svar."
)
NOT_YET = "Det steget er ikke tilgjengelig ennå: fyll ut lista det gjentas for først."
PRIVATE_ALL_ANSWERED = (
    "Alle spørsmålene er besvart. Velg et steg i lista til venstre for å tenke gjennom det hver for dere med /privat."
)
HALF_TYPED_KEPT = (
    "Et halvskrevet skjult innspill er ikke vist, fordi det ikke ble sendt; det er tatt vare "
    "på, og /privat henter det fram."
)  # /vis does not show a hidden input never sent
NOTHING_TO_REVEAL = "Alle spørsmålene er besvart, og det er ingen skjulte innspill å vise."


def skipped(required: bool) -> str:
    """After /hopp left a question unanswered."""
    if required:
        return (
            "Hoppet over. Spørsmålet er påkrevd: steget står som ikke ferdig (○) i steglista, og dere "
            "får spørsmålet igjen når resten er besvart."
        )
    return "Hoppet over. Spørsmålet er valgfritt; steglista (F3) tar dere tilbake til det."


def half_typed_command(half: str) -> str:
    """An answer that ends in something like a command (`/hj`): not saved, and why."""
    return (
        f"Svaret slutter med «/{half}», som ligner en kommando, så det er ikke lagret. "
        "Skriv hele kommandoen (Tab fullfører), eller fjern skråstreken."
    )


def left_unsent(title: str, answered: bool) -> str:
    """The group moved away from the question `title` with text typed and not sent: it is kept as a
    draft, and the answer (if any) is unchanged."""
    if answered:
        return (
            f"Endringen i «{title}» er ikke lagret som svar; den er tatt vare på som utkast "
            "(gå tilbake dit og trykk Ctrl+R for å hente den fram)."
        )
    return (
        f"Det dere skrev i «{title}», er ikke sendt; det er tatt vare på som utkast og står i "
        "feltet når dere kommer tilbake."
    )
