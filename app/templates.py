"""Document templates: the sections, decision points and signature block of each document type.

A template is data. It says which sections a new plan gets (in order, with heading,
level, numbering and the table each section shows), the help text shown in the editor,
the steering model's decision points, and the decision/signature block. A plan copies
all of this when it is created and may then add, rename, move or drop anything.

- ``directive`` follows the uppdragsdirektiv in ``shared/seeds`` (Region Västerbotten,
  a local model BP0–BP3 with a status milestone MS1);
- ``plan`` follows the uppdragsplan in ``shared/seeds`` (Region Örebro län);
- ``project_directive`` and ``project_plan`` follow the usual PPS/Projektil layout with
  the PPS decision points BP1–BP8.

The ``content`` kinds are those of docs/plan-format.md; ``""`` means a section of text only.
"""

from __future__ import annotations

from dataclasses import dataclass

from app import kinds

__all__ = [
    "CONTENT_KINDS",
    "DOC_TYPE_LABELS",
    "TEMPLATES",
    "DecisionPointTemplate",
    "SectionTemplate",
    "Template",
    "get_template",
]

EJ_TILLAMPLIGT = "Ej tillämpligt"


@dataclass(frozen=True)
class SectionTemplate:
    key: str
    heading: str
    level: int = 1
    numbered: bool = True
    content: str = ""
    guidance: str = ""
    optional: bool = False
    empty_text: str = ""


@dataclass(frozen=True)
class DecisionPointTemplate:
    """A decision point (BP…) or milestone (MS…) of a steering model: what is decided there."""

    code: str
    name: str
    decides: str


@dataclass(frozen=True)
class Template:
    key: str
    doc_type: str
    name: str
    sections: tuple[SectionTemplate, ...]
    decision_points: tuple[DecisionPointTemplate, ...]
    signature_title: str
    decision_text: str


# The labels live with the other coded values, where the plan list finds them without loading this.
DOC_TYPE_LABELS: dict[str, str] = kinds.DOC_TYPE_LABELS

# Every `content` kind of docs/plan-format.md and its label in the editor ("" = no table).
CONTENT_KINDS: dict[str, str] = {
    "goals_effect": "Effektmål",
    "goals_deliverable": "Uppdragsmål/projektmål",
    "timeline_phases": "Tidplan (faser och beslutspunkter)",
    "milestones": "Milstolpar och beslutspunkter",
    "decision_points": "Beslutspunkter och beslut",
    "activities": "Delaktiviteter",
    "activity_plan": "Aktivitetsplan",
    "gantt": "Tidplan som Gantt-schema",
    "roles_table": "Roller, ansvar och befogenheter (tabell)",
    "roles_list": "Organisation (en rad per roll)",
    "resources": "Resursplan",
    "budget": "Budget (kostnader och finansiering)",
    "budget_cost": "Budget: kostnader",
    "budget_financing": "Budget: finansiering",
    "risks": "Risker",
    "log": "Ärende- och beslutslogg",
    "status_reports": "Statusrapporter",
    "terms": "Definitioner och förkortningar",
    "references": "Referenser/bilagor",
    "decision": "Beslut",
}


# --- Help texts shared by several templates -------------------------------------------

_G_REQUIREMENTS = (
    "Samlar de krav som ställs på uppdraget. Förutsättningar och avgränsningar "
    "skrivs i underavsnitten; här räcker en kort inledning eller ingenting."
)
_G_SCOPE = (
    "Beskriv vad som ingår och inte ingår, t.ex. vilka verksamheter, utförare, "
    "huvudmän eller frågor som omfattas. Det som uttryckligen ligger utanför är lika viktigt."
)
_G_RISKS = (
    "Beskriv de viktigaste riskerna för att målen inte nås: orsak, konsekvens, hur "
    "sannolika och allvarliga de är och vad som görs för att hantera dem."
)
_G_TERMS = "Förklara begrepp och förkortningar som används i dokumentet, en per rad."
_G_REFERENCES = (
    "Lista dokument, beslut, utredningar och webbsidor som dokumentet hänvisar till, "
    "med en kort beskrivning och länk där den finns."
)


# --- Uppdragsdirektiv (Region Västerbotten) -------------------------------------------

_DIRECTIVE_SECTIONS = (
    SectionTemplate(
        "summary", "Sammanfattning", numbered=False, optional=True,
        guidance=(
            "Sammanfatta uppdraget och de viktigaste rekommendationerna på några stycken, "
            "för den som bara hinner läsa första sidan. Skriv gärna detta sist."
        ),
    ),
    SectionTemplate(
        "background", "Bakgrund",
        guidance=(
            "Beskriv varför uppdraget ges: vilket beslut eller fullmäktigeuppdrag det bygger på, "
            "nuläget, behovet och tidigare arbete som uppdraget tar vid efter."
        ),
    ),
    SectionTemplate(
        "idea", "Idé", level=2,
        guidance=(
            "Beskriv kort idén med uppdraget: vad som ska bli bättre och hur ansvaret "
            "fördelas mellan nämnder, förvaltningar och verksamheter."
        ),
    ),
    SectionTemplate(
        "goals", "Mål och verksamhetsnytta",
        guidance=(
            "Beskriv gärna kort hur uppdraget bidrar till verksamhetens mål. "
            "Effektmål och uppdragsmål skrivs i underavsnitten."
        ),
    ),
    SectionTemplate(
        "effect_goals", "Effektmål", level=2, content="goals_effect",
        guidance=(
            "Beskriv den långsiktiga nyttan för invånare, patienter eller verksamhet som uppdraget "
            "ska bidra till. Effekterna visar sig ofta först efter att uppdraget är avslutat."
        ),
    ),
    SectionTemplate(
        "deliverable_goals", "Uppdragsmål", level=2, content="goals_deliverable",
        guidance=(
            "Lista vad uppdraget ska ha levererat när det är klart. Skriv målen så att de går "
            "att följa upp: konkreta, mätbara och tidsatta."
        ),
    ),
    SectionTemplate("requirements", "Krav på uppdraget", guidance=_G_REQUIREMENTS),
    SectionTemplate(
        "prerequisites", "Förutsättningar", level=2,
        guidance=(
            "Ange vad som måste finnas på plats för att uppdraget ska kunna genomföras, t.ex. "
            "engagerade sponsorer, mandat, resurser och perspektiv som ska beaktas."
        ),
    ),
    SectionTemplate("scope", "Avgränsningar", level=2, guidance=_G_SCOPE),
    SectionTemplate(
        "dependencies", "Kopplingar och beroenden", optional=True, empty_text=EJ_TILLAMPLIGT,
        guidance=(
            "Lista andra uppdrag, projekt, planer och samverkansstrukturer som uppdraget "
            "påverkar eller är beroende av."
        ),
    ),
    SectionTemplate(
        "timeline", "Tidplan", content="timeline_phases",
        guidance=(
            "Ange faser och beslutspunkter med start och slut. Ungefärliga datum går bra, "
            "t.ex. ”September 2025” eller ”Q3 2025”."
        ),
    ),
    SectionTemplate(
        "budget", "Budget",
        guidance="Beskriv uppdragets ekonomi kort. Kostnader och finansiering anges i underavsnitten.",
    ),
    SectionTemplate(
        "costs", "Kostnader", level=2, content="budget_cost",
        guidance=(
            "Ange uppdragets kostnader, t.ex. arbetstid, konsulter och material, "
            "eller skriv att arbetet sker inom befintliga ramar."
        ),
    ),
    SectionTemplate(
        "financing", "Finansiering", level=2, content="budget_financing",
        optional=True, empty_text=EJ_TILLAMPLIGT,
        guidance="Ange hur kostnaderna finansieras och vem som har beslutat om medlen.",
    ),
    SectionTemplate("risks", "Risker", content="risks", guidance=_G_RISKS),
    SectionTemplate(
        "organisation", "Organisation", content="roles_list",
        guidance=(
            "Ange uppdragsägare, uppdragsledare, uppdragsmedlemmar, mottagare av resultatet "
            "och övriga intressenter, med namn eller funktion och verksamhet."
        ),
    ),
    SectionTemplate(
        "planning", "Planering",
        guidance="Samlar uppdragets planering. Milstolpar och delaktiviteter anges i underavsnitten.",
    ),
    SectionTemplate(
        "milestones", "Milstolpar", level=2, content="milestones",
        guidance=(
            "Ange beslutspunkter och milstolpar med datum, vad som beslutas eller stäms av "
            "och eventuell kommentar."
        ),
    ),
    SectionTemplate(
        "activities", "Delaktiviteter", level=2, content="activities",
        guidance=(
            "Lista de delaktiviteter som ska genomföras, med start- och slutdatum "
            "och vem som är ansvarig för varje aktivitet."
        ),
    ),
    SectionTemplate(
        "communication", "Kommunikation",
        guidance="Beskriv hur uppdraget kommuniceras, till vilka målgrupper och i vilka kanaler.",
    ),
    SectionTemplate(
        "reporting", "Återrapportering", level=2,
        guidance="Beskriv hur, när och till vem uppdragsledaren rapporterar status och resultat.",
    ),
    SectionTemplate(
        "handover", "Överlämning",
        guidance=(
            "Beskriv hur resultatet lämnas över till uppdragsägaren eller mottagaren och vem som "
            "ansvarar för realisering och nyttohemtagning."
        ),
    ),
    SectionTemplate(
        "terms", "Definitioner och förkortningar", numbered=False, content="terms",
        optional=True, guidance=_G_TERMS,
    ),
)

# The local model of the seed directive: BP0–BP3 and a status milestone MS1.
_UPPDRAG_DECISION_POINTS = (
    DecisionPointTemplate(
        "BP0", "Beredande av uppdragsdirektiv",
        "Uppdragsdirektivet är berett i ledningsgruppen och kan lämnas till beslut.",
    ),
    DecisionPointTemplate(
        "BP1", "Start av uppdraget",
        "Uppdragsdirektivet beslutas av uppdragsägaren (nämnd eller styrelse) och uppdraget startar.",
    ),
    DecisionPointTemplate(
        "MS1", "Avstämning status delaktiviteter",
        "Milstolpe: status för delaktiviteterna stäms av med uppdragsägaren; inget formellt beslut.",
    ),
    DecisionPointTemplate(
        "BP2", "Delaktiviteter slutförda",
        "Delaktiviteterna är slutförda och resultatet kan sammanställas för leverans.",
    ),
    DecisionPointTemplate(
        "BP3", "Leverans till uppdragsägare",
        "Resultatet lämnas till uppdragsägaren, som godkänner leveransen och avslutar uppdraget.",
    ),
)


# --- Uppdragsplan (Region Örebro län) -------------------------------------------------

_PLAN_SECTIONS = (
    SectionTemplate(
        "document_purpose", "Syfte med uppdragsplanen", numbered=False,
        guidance=(
            "Förklara vad dokumentet är: en överenskommelse mellan uppdragsledare och uppdragsägare "
            "och ett underlag för beslut att starta arbetet."
        ),
    ),
    SectionTemplate(
        "background", "Bakgrund/inledning",
        guidance=(
            "Beskriv bakgrunden till uppdraget: lagstiftning, nationella överenskommelser, "
            "lokala beslut och de behov som uppdraget utgår från."
        ),
    ),
    SectionTemplate(
        "purpose", "Syfte",
        guidance=(
            "Beskriv varför uppdraget genomförs och vilken nytta det ska ge, "
            "för invånarna och för de parter som samverkar."
        ),
    ),
    SectionTemplate(
        "goals", "Mål",
        guidance=(
            "Beskriv vad uppdraget ska leda fram till. Skriv målen så att det går att "
            "avgöra när de är uppnådda."
        ),
    ),
    SectionTemplate("requirements", "Krav på uppdraget", guidance=_G_REQUIREMENTS),
    SectionTemplate(
        "prerequisites", "Förutsättningar", level=2,
        guidance=(
            "Ange vad uppdraget utgår från och måste ta hänsyn till, t.ex. stödmaterial, "
            "utredningar, andra uppdrag och närliggande överenskommelser."
        ),
    ),
    SectionTemplate("scope", "Avgränsningar", level=2, guidance=_G_SCOPE),
    SectionTemplate(
        "organisation", "Uppdragsorganisation",
        guidance=(
            "Beskriv kort hur uppdraget är organiserat. Roller, namn och verksamhet "
            "anges i tabellen i underavsnittet."
        ),
    ),
    SectionTemplate(
        "roles", "Roller ansvar och befogenheter", level=2, content="roles_table",
        guidance=(
            "Ange beställare, uppdragsägare, mottagare, styrgrupp och uppdragsledare med namn "
            "och verksamhet. Efter tabellen kan arbets- och referensgrupper beskrivas."
        ),
    ),
    SectionTemplate(
        "activity_plan", "Aktivitetsplan", content="activity_plan",
        guidance=(
            "Dela upp arbetet i delområden med en kort beskrivning, tidsplan och ansvarig "
            "för varje del."
        ),
    ),
    SectionTemplate(
        "resources", "Resursplan", content="resources",
        guidance=(
            "Lista de resurser och kompetenser som uppdraget behöver, med namn där de är kända, "
            "och övriga resurser som lokaler och trycksaker."
        ),
    ),
    SectionTemplate(
        "budget", "Budget", content="budget",
        guidance=(
            "Beskriv vad uppdraget kostar, hur det finansieras och vilka beslut om medel "
            "som finns."
        ),
    ),
    SectionTemplate(
        "communication", "Kommunikation",
        guidance="Samlar hur uppdraget rapporterar och kommunicerar; detaljerna skrivs i underavsnitten.",
    ),
    SectionTemplate(
        "internal_reporting", "Rapportering inom uppdragsorganisationen", level=2,
        guidance=(
            "Beskriv vem som rapporterar till vem inom uppdragsorganisationen, hur ofta och i vilken "
            "form, och var uppdragets dokument samlas och diarieförs."
        ),
    ),
    SectionTemplate(
        "changes", "Ändringar och avvikelser från plan", level=2,
        guidance=(
            "Beskriv hur förslag till ändringar och andra avvikelser från planen hanteras, "
            "vem som beslutar och var det dokumenteras."
        ),
    ),
    SectionTemplate(
        "stakeholder_communication", "Kommunikation med intressenter/resurser", level=2,
        guidance=(
            "Beskriv hur intressenter och resurser informeras och involveras och vilka forum "
            "och kanaler som används."
        ),
    ),
    SectionTemplate(
        "messages", "Budskap/Budskapsplattform", level=2,
        optional=True, empty_text=EJ_TILLAMPLIGT,
        guidance="Ange utgångspunkten för uppdragets budskap, vilka begrepp som används och vilken grafisk profil.",
    ),
    SectionTemplate("risks", "Risker", content="risks", guidance=_G_RISKS),
    SectionTemplate(
        "closure", "Uppdragsavslut",
        guidance=(
            "Beskriv när uppdraget är avslutat och vem som ansvarar för fortsatt hantering "
            "och implementering av resultatet."
        ),
    ),
    SectionTemplate(
        "references", "Referenser/bilagor", content="references",
        optional=True, empty_text=EJ_TILLAMPLIGT, guidance=_G_REFERENCES,
    ),
    SectionTemplate(
        "decision", "Beslut uppdragsplan", content="decision",
        guidance=(
            "Fylls i när uppdragsägaren eller styrgruppen har beslutat om planen: "
            "datum, ja eller nej och eventuell kommentar."
        ),
    ),
)


# --- Projektdirektiv and projektplan (PPS/Projektil) ------------------------------------

_PPS_DECISION_POINTS = (
    DecisionPointTemplate(
        "BP1", "Starta projektet",
        "Om projektet ska startas och förberedelserna påbörjas, utifrån projektdirektivet.",
    ),
    DecisionPointTemplate(
        "BP2", "Fortsätta förberedelserna",
        "Om förberedelsearbetet ska fortsätta, göras om eller avbrytas.",
    ),
    DecisionPointTemplate(
        "BP3", "Projektåtagande",
        "Om underlaget räcker för ett åtagande för resten av projektet; projektplanen godkänns.",
    ),
    DecisionPointTemplate(
        "BP4", "Starta genomförandet",
        "Om genomförandet ska starta enligt den godkända projektplanen.",
    ),
    DecisionPointTemplate(
        "BP5", "Fortsätta genomförandet",
        "Om projektet ska fortsätta enligt plan eller om åtagandet ska ändras.",
    ),
    DecisionPointTemplate(
        "BP6", "Godkänna leverans",
        "Om projektets delresultat eller slutresultat kan godkännas.",
    ),
    DecisionPointTemplate(
        "BP7", "Överlämna resultatet",
        "Om ansvaret för projektets resultat kan lämnas över till mottagande förvaltning eller linje.",
    ),
    DecisionPointTemplate(
        "BP8", "Avsluta projektet",
        "Om projektet kan avslutas, med slutrapport och tillvaratagna erfarenheter.",
    ),
)

_P_BACKGROUND = SectionTemplate(
    "background", "Bakgrund",
    guidance=(
        "Beskriv varför projektet behövs: vilket problem eller behov det löser, vilka beslut "
        "det bygger på och vad som har gjorts tidigare."
    ),
)
_P_PURPOSE = SectionTemplate(
    "purpose", "Syfte och effektmål", content="goals_effect",
    guidance=(
        "Beskriv varför projektet genomförs och den långsiktiga nytta det ska ge. "
        "Effektmålen uppnås ofta först efter projektets slut, i mottagarens verksamhet."
    ),
)
_P_PROJECT_GOALS = SectionTemplate(
    "project_goals", "Projektmål", content="goals_deliverable",
    guidance=(
        "Ange vad projektet ska leverera när det avslutas. Skriv målen mätbara och tidsatta, "
        "så att det går att avgöra om de är uppnådda."
    ),
)
_P_SCOPE = SectionTemplate("scope", "Omfattning och avgränsningar", guidance=_G_SCOPE)
_P_PREREQUISITES = SectionTemplate(
    "prerequisites", "Förutsättningar",
    guidance=(
        "Ange vad som måste finnas på plats för att projektet ska lyckas, t.ex. mandat, "
        "resurser, kompetens, system och beslut."
    ),
)
_P_TIMELINE = SectionTemplate(
    "timeline", "Tidplan och beslutspunkter", content="milestones",
    guidance=(
        "Ange projektets beslutspunkter (BP1–BP8) och milstolpar med datum och vad som "
        "beslutas. Ungefärliga datum som ”Q3 2025” går bra."
    ),
)
_P_BUDGET = SectionTemplate(
    "budget", "Budget", content="budget",
    guidance="Ange projektets kostnader per år och hur de finansieras, och vem som har beslutat om medlen.",
)
_P_RISKS = SectionTemplate("risks", "Risker", content="risks", guidance=_G_RISKS)
_P_DEPENDENCIES = SectionTemplate(
    "dependencies", "Beroenden", optional=True, empty_text=EJ_TILLAMPLIGT,
    guidance="Lista andra projekt, uppdrag, system och beslut som projektet påverkar eller är beroende av.",
)
_P_TERMS = SectionTemplate(
    "terms", "Definitioner och förkortningar", content="terms", optional=True, guidance=_G_TERMS,
)
_P_REFERENCES = SectionTemplate(
    "references", "Referenser", content="references",
    optional=True, empty_text=EJ_TILLAMPLIGT, guidance=_G_REFERENCES,
)

_PROJECT_DIRECTIVE_SECTIONS = (
    _P_BACKGROUND,
    _P_PURPOSE,
    _P_PROJECT_GOALS,
    _P_SCOPE,
    _P_PREREQUISITES,
    _P_TIMELINE,
    _P_BUDGET,
    SectionTemplate(
        "organisation", "Organisation", content="roles_table",
        guidance=(
            "Ange beställare, projektägare, styrgrupp och projektledare, och vem som tar emot "
            "resultatet. Namn och verksamhet för varje roll."
        ),
    ),
    _P_RISKS,
    _P_DEPENDENCIES,
    SectionTemplate(
        "reporting", "Rapportering",
        guidance="Beskriv hur och hur ofta projektledaren rapporterar till projektägare och styrgrupp.",
    ),
    _P_TERMS,
    _P_REFERENCES,
    SectionTemplate(
        "decision", "Beslut", content="decision",
        guidance="Fylls i när projektägaren har beslutat om direktivet: datum, ja eller nej och eventuell kommentar.",
    ),
)

_PROJECT_PLAN_SECTIONS = (
    _P_BACKGROUND,
    _P_PURPOSE,
    _P_PROJECT_GOALS,
    _P_SCOPE,
    _P_PREREQUISITES,
    _P_TIMELINE,
    SectionTemplate(
        "activity_plan", "Aktivitetsplan", content="activity_plan",
        guidance=(
            "Dela upp arbetet i aktiviteter eller delområden med beskrivning, tidsplan och "
            "ansvarig. Beroenden mellan aktiviteterna anges i tidplanen."
        ),
    ),
    SectionTemplate(
        "gantt", "Gantt-schema", level=2, content="gantt", optional=True,
        guidance="Visar faser, aktiviteter och beslutspunkter som Gantt-schema. Skriv gärna en kort kommentar till tidplanen.",
    ),
    SectionTemplate(
        "organisation", "Projektorganisation", content="roles_table",
        guidance=(
            "Ange beställare, projektägare, styrgrupp, projektledare, projektmedlemmar och "
            "referensgrupper med namn och verksamhet."
        ),
    ),
    SectionTemplate(
        "resources", "Resursplan", content="resources",
        guidance=(
            "Ange vilka kompetenser och personer projektet behöver, hur stor andel av tjänsten "
            "och under vilken period."
        ),
    ),
    _P_BUDGET,
    _P_RISKS,
    _P_DEPENDENCIES,
    SectionTemplate(
        "communication", "Kommunikationsplan",
        guidance="Beskriv målgrupper, budskap, kanaler och tidpunkter för projektets kommunikation, och vem som ansvarar.",
    ),
    SectionTemplate(
        "quality", "Kvalitetssäkring",
        guidance="Beskriv hur resultatet granskas, testas och godkänns, och vem som gör det.",
    ),
    SectionTemplate(
        "change_log", "Ändringshantering och ärendelogg", content="log",
        guidance=(
            "Beskriv hur ändringar i projektets omfattning, tid och budget föreslås och beslutas. "
            "Ärenden och beslut förs i loggen."
        ),
    ),
    SectionTemplate(
        "status_reports", "Statusrapportering", content="status_reports",
        guidance="Beskriv hur ofta och till vem status rapporteras. Statusrapporterna samlas i tabellen.",
    ),
    SectionTemplate(
        "closure", "Överlämning och avslut",
        guidance=(
            "Beskriv hur resultatet lämnas över till mottagaren, vem som ansvarar för "
            "nyttohemtagningen och hur projektet avslutas och utvärderas."
        ),
    ),
    _P_TERMS,
    _P_REFERENCES,
    SectionTemplate(
        "decision", "Beslut", content="decision",
        guidance="Fylls i när styrgruppen eller projektägaren har beslutat om planen: datum, ja eller nej och eventuell kommentar.",
    ),
)


def _template(key: str, sections: tuple[SectionTemplate, ...], decision_points: tuple[DecisionPointTemplate, ...],
              *, signature_title: str, decision_text: str) -> Template:
    """A template whose key is its document type."""
    return Template(key=key, doc_type=key, name=DOC_TYPE_LABELS[key], sections=sections,
                    decision_points=decision_points, signature_title=signature_title, decision_text=decision_text)


TEMPLATES: dict[str, Template] = {t.key: t for t in (
    _template("directive", _DIRECTIVE_SECTIONS, _UPPDRAG_DECISION_POINTS, signature_title="Uppdragsägare",
              decision_text=""),
    _template("plan", _PLAN_SECTIONS, _UPPDRAG_DECISION_POINTS, signature_title="",
              decision_text="Beslut att godkänna uppdragsplanen och starta genomförandefasen"),
    _template("project_directive", _PROJECT_DIRECTIVE_SECTIONS, _PPS_DECISION_POINTS, signature_title="Projektägare",
              decision_text="Beslut att godkänna projektdirektivet och starta projektet"),
    _template("project_plan", _PROJECT_PLAN_SECTIONS, _PPS_DECISION_POINTS, signature_title="Projektägare",
              decision_text="Beslut att godkänna projektplanen och starta genomförandet"),
)}


def get_template(key: str) -> Template:
    """The template called ``key``; an unknown key gives a ValueError with a Swedish message."""
    try:
        return TEMPLATES[key]
    except (KeyError, TypeError):
        known = ", ".join(f"{k} ({DOC_TYPE_LABELS[k]})" for k in TEMPLATES)
        raise ValueError(f"Det finns ingen mall som heter ”{key}”. Välj en av: {known}.") from None
