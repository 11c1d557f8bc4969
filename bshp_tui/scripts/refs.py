"""The fields the plan-specific rules rely on, declared in one table.

Most answers reach the documents through what the prompt files declare (see placement.py). Some
rules need to know what a particular field *means*: which list holds the goal areas, which table is
the action plan with a cost column, which rating field gives the ranking. Those rules name the field
through a `Ref` below and nowhere else. `bshp check-prompts` checks a facilitator's own folder
against this table: a missing ref turns its rules off (a warning that says what is left out), a ref
of the wrong kind cannot work (an error).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..record import Record

if TYPE_CHECKING:
    from .model import Field, Script


class Ref(Record):
    """A field a plan-specific rule relies on."""

    def __init__(
        self,
        name: str,
        field: str,
        kinds: tuple[str, ...],
        lost: str,
        columns: tuple[str, ...] = (),
        scales: tuple[str, ...] = (),
        options: tuple[str, ...] = (),
    ):
        self.name = name  # how check-prompts names it, in Norwegian
        self.field = field  # "script.field" in the shipped prompts
        self.kinds = kinds  # the field kinds the rules can read
        self.lost = lost  # what is left out without it (Norwegian, a full sentence)
        self.columns = columns  # table columns the rules read
        self.scales = scales  # rating scales the rules read
        self.options = options  # choice options the rules read

    @property
    def script_id(self) -> str:
        return self.field.split(".", 1)[0]

    @property
    def field_id(self) -> str:
        return self.field.split(".", 1)[1]


PLAN_PERIOD = Ref(
    "planperioden",
    "oppstart.planperiode",
    ("tekst",),
    "Titlene og overskriftene bruker planperioden fra økta (bshp new --period) i stedet for svaret.",
)
PLAN_TYPE = Ref(
    "plantypen",
    "oppstart.plantype",
    ("valg",),
    "Innledningen får ingen setning om hvilken form planen har.",
    options=("kommunedelplan", "temaplan", "handlingsdel"),
)
SECTORS = Ref(
    "sektorene i arbeidsgruppa",
    "oppstart.sektorer",
    ("flervalg",),
    "Assistenten sier ikke fra når arbeidsgruppa mangler en politiker eller har få sektorer.",
    options=("politiker",),
)
ROLE_GROUPS = Ref(
    "rollegruppene",
    "oppstart.rollegrupper",
    ("liste",),
    "Arbeidsdokumentene får ingen SWOT-tabeller per rollegruppe; svarene står i stedet under "
    "«Flere svar fra arbeidsgruppa» i datagrunnlaget.",
)
STRENGTHS = Ref("sterke sider", "oppstart.sterke", ("liste",), "SWOT-tabellene mangler sterke sider.")
WEAKNESSES = Ref("svake sider", "oppstart.svake", ("liste",), "SWOT-tabellene mangler svake sider.")
OPPORTUNITIES = Ref("muligheter", "oppstart.muligheter", ("liste",), "SWOT-tabellene mangler muligheter.")
THREATS = Ref("trusler", "oppstart.trusler", ("liste",), "SWOT-tabellene mangler trusler.")
KNOWLEDGE_GAPS = Ref(
    "kunnskapshullene",
    "kartlegging.mangler",
    ("liste",),
    "Assistenten minner ikke om å gjøre kunnskapshull fra kartleggingen til tiltak.",
)
GOAL_AREAS = Ref(
    "målområdene",
    "gap.malomrader",
    ("liste",),
    "Planen og datagrunnlaget får ingen kapitler per målområde, og svar som hører til et målområde, "
    "står i stedet under «Flere svar fra arbeidsgruppa» i datagrunnlaget.",
)
GAP_STATUS = Ref(
    "status i dag per målområde", "gap.status", ("tekst",), "Gap-tabellen i arbeidsdokumentene mangler status i dag."
)
GAP_VISION = Ref(
    "visjonen per målområde", "gap.framtid", ("tekst",), "Gap-tabellen i arbeidsdokumentene mangler visjonen."
)
GAP_MEASURES = Ref(
    "behov og tiltak per målområde",
    "gap.tiltak",
    ("liste",),
    "Gap-tabellen mangler behov og tiltak, og assistenten sier ikke fra om målområder uten tiltak.",
)
RATINGS = Ref(
    "vurderingen av tiltakene",
    "prioritering.vurderinger",
    ("vurdering",),
    "Arbeidsdokumentene får ingen rangert liste, 2×2-rutenett eller lavthengende frukter.",
    scales=("haster", "kostnad", "innflytelse", "kunnskap"),
)
# The rating scales the ranking rules read, by meaning.
URGENT, COST, INFLUENCE, KNOWLEDGE = RATINGS.scales
# The effect scale: used where the rating field has it (big moves, the cost/effect grid).
EFFECT = "effekt"
FINAL_ORDER = Ref(
    "arbeidsgruppas rekkefølge",
    "prioritering.rekkefolge",
    ("utvalg",),
    "Steget viser ikke den rangerte lista, og dokumentene bruker hjelpesummens rekkefølge.",
)
TARGET_GROUPS = Ref(
    "målgruppene",
    "prioritering.malgrupper",
    ("flervalg",),
    "Hovedmålene får ingen setning om hvilke målgrupper planen prioriterer.",
)
OTHER_TARGET_GROUPS = Ref(
    "andre målgrupper",
    "prioritering.andre_malgrupper",
    ("liste",),
    "Setningen om prioriterte målgrupper tar ikke med gruppenes egne målgrupper.",
)
MAIN_GOALS = Ref("hovedmålene", "prioritering.hovedmal", ("liste",), "Planoversikten i appen viser ingen hovedmål.")
AREA_GOAL = Ref(
    "målet per målområde", "tiltak.mal", ("tekst",), "Planoversikten i appen viser ikke målet for hvert målområde."
)
ACTION_PLAN = Ref(
    "handlingsplanen",
    "tiltak.handlingsplan",
    ("tabell",),
    "Planen får ingen tiltakstabell per målområde og ingen kostnader, og assistenten sier ikke fra om "
    "tiltak uten ansvarlig, frist eller kostnad.",
    columns=("strategi", "tiltak", "ansvarlig", "tidsfrist", "kostnad"),
)
INDICATORS = Ref(
    "målindikatorene",
    "prioritering.indikatorer",
    ("tabell",),
    "Planen får ingen tabell over målindikatorer per hovedmål.",
    columns=("indikator", "utgangspunkt", "mal", "kilde"),
)
MANDATE = Ref(
    "mandatet", "oppstart.mandat", ("tekst",), "Saksframlegget får ikke arbeidsgruppas mandat under «Bakgrunn»."
)
MOBILISATION = Ref(
    "mobiliseringsplanen",
    "medvirkning.mobiliseringsplan",
    ("tabell",),
    "Assistenten sier ikke fra når mobiliseringsplanen bare har interne målgrupper.",
    columns=("type",),
)
PARTICIPATION = Ref(
    "medvirkningsplanen",
    "medvirkning.medvirkningsplan",
    ("tabell",),
    "Assistenten sjekker ikke at gruppene som trenger tilrettelegging, er med i medvirkningsplanen.",
)
SPECIAL_GROUPS = Ref(
    "grupper som trenger tilrettelegging",
    "medvirkning.tilrettelegging",
    ("flervalg",),
    "Assistenten sjekker ikke at gruppene som trenger tilrettelegging, er med i medvirkningsplanen.",
)
HOUSING_NEED = Ref(
    "boligbehovet per målgruppe",
    "kartlegging.behov",
    ("tabell",),
    "Datagrunnlaget regner ikke ut gapet mellom i dag og forventet behov per målgruppe.",
    columns=("malgruppe", "i_dag", "behov", "gap"),
)
PARTICIPATION_INPUT = Ref(
    "innspillene fra medvirkningen",
    "medvirkning.innspill",
    ("tabell",),
    "Gap-analysen og prioriteringen viser ikke innspillene fra medvirkningen.",
    columns=("aktivitet", "innspill", "gjelder", "oppfolging"),
)
LONG_TERM_HORIZON = Ref(
    "tidsperspektivet for de langsiktige målene",
    "prioritering.horisont",
    ("tekst",),
    "Overskriften over hovedmålene bruker planperioden i stedet for det lange tidsperspektivet.",
)
MEETING_PLAN = Ref(
    "møteplanen",
    "medvirkning.moteplan",
    ("tabell",),
    "Arbeidsdokumentene regner ikke ut hvor lenge medvirkningsmøtet varer.",
    columns=("minutter",),
)
FOLLOW_UP_YEARS = Ref(
    "årene som er fulgt opp",
    "oppfolging.ar",
    ("liste",),
    "Statusrapporten finner ingen år med oppfølging, og en ny planperiode tar ikke med historikken.",
)
FOLLOW_UP_STATUS = Ref(
    "status for tiltakene per år",
    "oppfolging.tiltak",
    ("tabell",),
    "Statusrapporten viser ingen status, kommentar eller forbruk for tiltakene.",
    columns=("tiltak", "status", "kommentar", "drift", "investering"),
)
FOLLOW_UP_INDICATORS = Ref(
    "indikatorverdiene per år",
    "oppfolging.indikatorer",
    ("tabell",),
    "Statusrapporten viser ikke indikatorverdiene over årene.",
    columns=("indikator", "verdi"),
)

MEMBERS = Ref(
    "arbeidsgruppas medlemmer",
    "oppstart.medlemmer",
    ("tabell",),
    "Dagens samling kan ikke foreslå hvem som er til stede; navnene skrives inn.",
    columns=("navn",),
)
WORKSHOPS = Ref(
    "samlingene i framdriftsplanen",
    "oppstart.samlinger",
    ("tabell",),
    "Dagens samling og referatet sier ikke hvilken samling som er den neste.",
    columns=("tidspunkt", "tema"),
)

REFS: tuple[Ref, ...] = (
    PLAN_PERIOD,
    PLAN_TYPE,
    SECTORS,
    ROLE_GROUPS,
    STRENGTHS,
    WEAKNESSES,
    OPPORTUNITIES,
    THREATS,
    KNOWLEDGE_GAPS,
    GOAL_AREAS,
    GAP_STATUS,
    GAP_VISION,
    GAP_MEASURES,
    RATINGS,
    TARGET_GROUPS,
    OTHER_TARGET_GROUPS,
    MAIN_GOALS,
    AREA_GOAL,
    ACTION_PLAN,
    INDICATORS,
    MANDATE,
    MOBILISATION,
    PARTICIPATION,
    SPECIAL_GROUPS,
    MEETING_PLAN,
    HOUSING_NEED,
    LONG_TERM_HORIZON,
    PARTICIPATION_INPUT,
    FOLLOW_UP_YEARS,
    FOLLOW_UP_STATUS,
    FOLLOW_UP_INDICATORS,
    FINAL_ORDER,
    MEMBERS,
    WORKSHOPS,
)


class RefProblem(Record):
    """What check-prompts says about a ref in a facilitator's own folder."""

    def __init__(self, ref: Ref, level: str, message: str):
        self.ref = ref
        self.level = level  # "advarsel" (the rules are turned off) or "feil" (cannot work)
        self.message = message

    def __str__(self) -> str:
        return f"{self.level}: {self.message}"


def check(scripts: Iterable["Script"]) -> list[RefProblem]:
    """What each ref finds in these scripts: nothing to say, a warning or an error."""
    fields: dict[str, "Field"] = {f.ref_id: f for s in scripts for f in s.fields()}
    out: list[RefProblem] = []
    for ref in REFS:
        fld = fields.get(ref.field)
        if fld is None:
            out.append(RefProblem(ref, "advarsel", f"Fant ikke feltet «{ref.field}» ({ref.name}). {ref.lost}"))
            continue
        where = f"{fld.script_id}.{fld.id}"
        if fld.kind not in ref.kinds:
            out.append(
                RefProblem(
                    ref,
                    "feil",
                    (
                        f"Feltet «{where}» ({ref.name}) er av typen {fld.kind}, men reglene trenger typen "
                        f"{' eller '.join(ref.kinds)}. Endre typen, eller gi feltet en annen id. {ref.lost}"
                    ),
                )
            )
            continue
        gone = [c for c in ref.columns if fld.column(c) is None]
        if gone:
            out.append(
                RefProblem(
                    ref, "advarsel", (f"Tabellen «{where}» ({ref.name}) mangler kolonnen {_names(gone)}. {ref.lost}")
                )
            )
        gone = [s for s in ref.scales if s not in {sc.id for sc in fld.scales}]
        if gone:
            out.append(
                RefProblem(
                    ref,
                    "advarsel",
                    (
                        f"Vurderingen «{where}» mangler skalaen {_names(gone)}; rangeringsreglene bruker "
                        f"{_names(list(ref.scales))}. {ref.lost}"
                    ),
                )
            )
        gone = [o for o in ref.options if o not in {opt.id for opt in fld.options}]
        if gone:
            out.append(
                RefProblem(
                    ref,
                    "advarsel",
                    (
                        f"Valgfeltet «{where}» ({ref.name}) mangler alternativet {_names(gone)}. "
                        "Reglene som bruker det, er slått av."
                    ),
                )
            )
    return out


def field_of(c, ref: Ref) -> "Field | None":
    """The field a ref names, if the scripts have it with a kind the rules can read."""
    if not c.has_field(ref.field):
        return None
    fld = c.field(ref.field)
    return fld if fld.kind in ref.kinds else None


def _names(ids: list[str]) -> str:
    quoted = [f"«{i}»" for i in ids]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " og " + quoted[-1]
