"""Swedish text for the benchmark data: sentences built from the words of the domain.

Everything is drawn from a `random.Random` handed in by the caller, so the same
seed gives the same texts.
"""

from __future__ import annotations

import random

SUBJECTS = (
    "Omställningen till nära vård", "Primärvården", "Regionen", "Kommunerna i länet",
    "Samverkan mellan huvudmännen", "Uppdragsgruppen", "Styrgruppen", "Vårdcentralerna",
    "Hemsjukvården", "Den kommunala hälso- och sjukvården", "Elevhälsan", "Socialtjänsten",
    "Första linjens psykiatri", "Ungdomsmottagningen", "Barnhälsovården", "Mödrahälsovården",
    "Närsjukvårdsteamet", "Den specialiserade vården", "Folkhälsoarbetet", "Civilsamhället",
    "Läkemedelsgenomgången", "Den gemensamma planen", "Digitaliseringen", "Kompetensförsörjningen",
)
VERBS = (
    "ska stärka", "behöver utveckla", "bidrar till", "förutsätter", "innebär", "ska samordna",
    "ska följa upp", "kräver", "underlättar", "ska tydliggöra", "leder till", "ska kartlägga",
    "skapar förutsättningar för", "ska förankra", "ska prioritera", "ska utvärdera",
)
OBJECTS = (
    "en sammanhållen vård för invånaren", "tillgängligheten i primärvården",
    "kontinuiteten för patienter med kroniska sjukdomar", "en fast vårdkontakt",
    "den personcentrerade vården", "samverkan över huvudmannagränserna",
    "gemensamma arbetssätt i länet", "uppföljningen av hälsoval", "ersättningsmodellen",
    "förebyggande insatser utifrån befolkningens behov", "den digitala vårdkontakten",
    "kompetensförsörjningen på lång sikt", "en gemensam målbild för nära vård",
    "omställningen av resurser till primärvården", "den mobila närvården",
    "samordnad individuell plan (SIP)", "trygg och effektiv utskrivning",
    "hälsofrämjande arbete i skolan", "stödet till anhöriga", "patientsäkerheten i hemmet",
    "ledningssystemet för kvalitet", "vårdens digitala infrastruktur",
)
TAILS = (
    "under planperioden", "i samverkan med länets kommuner", "enligt den nationella överenskommelsen",
    "utifrån invånarens perspektiv", "inom ramen för befintliga resurser", "på makro- och mesonivå",
    "i enlighet med hälso- och sjukvårdslagen", "med stöd av uppdragsledaren", "före nästa beslutspunkt",
    "i dialog med verksamheterna", "med hänsyn till patientsäkerheten", "",
)
ACTIVITY_VERBS = (
    "Kartlägga", "Ta fram", "Förankra", "Genomföra", "Utvärdera", "Samordna", "Utreda",
    "Besluta om", "Implementera", "Följa upp", "Analysera", "Sammanställa", "Pröva",
)
ACTIVITY_OBJECTS = (
    "nuläget i primärvården", "gemensamma mål", "behovsanalys", "ersättningsmodell",
    "uppföljningsplan", "kompetensplan", "kommunikationsplan", "nya arbetssätt",
    "digitala vårdmöten", "mobila team", "samverkansavtal", "riskanalys", "utbildningsinsats",
    "dialogmöten med kommunerna", "pilotverksamhet", "indikatorer", "beslutsunderlag",
    "remissvar", "lokala överenskommelser", "handlingsplan för hemsjukvården",
)
RISK_TITLES = (
    "Brist på tid hos nyckelpersoner", "Otydligt mandat för uppdragsgruppen",
    "Svårt att rekrytera specialistsjuksköterskor", "Förändrade politiska prioriteringar",
    "Bristande förankring i kommunerna", "Försenade IT-system", "Otillräcklig finansiering",
    "Hög sjukfrånvaro i verksamheterna", "Motstånd mot nya arbetssätt",
    "Otydlig ansvarsfördelning mellan huvudmännen", "Juridiska hinder för informationsdelning",
    "Beroende av andra uppdrag i färdplanen",
)
FIRST_NAMES = (
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Kerstin", "Ingrid", "Linnea",
    "Helena", "Malin", "Sofia", "Johanna", "Lars", "Anders", "Johan", "Per", "Erik", "Karl",
    "Peter", "Mikael", "Fredrik", "Magnus", "Nadia", "Ali", "Omar", "Leila", "Jonas", "Åsa",
)
LAST_NAMES = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Lindberg", "Lindqvist",
    "Ljunggren", "Hedlund", "Eklöf", "Brännström", "Forsberg", "Sandström", "Åberg",
    "Öberg", "Amini", "Holmgren", "Nyström", "Bergström", "Lundgren", "Sjöberg",
)
TITLES = (
    "Uppdragsledare", "Områdeschef", "Verksamhetschef", "Utvecklingsledare", "Medicinsk rådgivare",
    "Socialchef", "Enhetschef", "Hälso- och sjukvårdsdirektör", "Samordnare", "Controller",
    "Verksamhetsutvecklare", "Distriktssköterska", "Allmänläkare", "MAS", "Kommunikatör",
)
UNITS = (
    "Hälsoval", "Vårdcentralen Norr", "Vårdcentralen Söder", "Välfärd och folkhälsa",
    "Socialförvaltningen", "Område nära vård", "Regionkansliet", "Ekonomienheten",
    "Hemsjukvården", "Primärvårdsförvaltningen", "HR-avdelningen", "Digitaliseringsenheten",
)
ORGANISATIONS = (
    "Region Örebro län", "Region Västerbotten", "Region Halland", "Region Uppsala",
    "Örebro kommun", "Umeå kommun", "Skellefteå kommun", "Karlskoga kommun", "Region Gävleborg",
)
TERMS = (
    ("SIP", "Samordnad individuell plan"), ("HSL", "Hälso- och sjukvårdslagen"),
    ("MAS", "Medicinskt ansvarig sjuksköterska"), ("BP", "Beslutspunkt"), ("MS", "Milstolpe"),
    ("CLG", "Chefsledningsgrupp"), ("LSS", "Lagen om stöd och service till vissa funktionshindrade"),
    ("SKR", "Sveriges Kommuner och Regioner"), ("VC", "Vårdcentral"), ("N/A", "Inte tillämplig"),
)


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def sentence(rng: random.Random) -> str:
    tail = rng.choice(TAILS)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{' ' + tail if tail else ''}."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def body(rng: random.Random, paragraphs: int, *, lists: bool = False) -> str:
    """Section markup: paragraphs separated by blank lines, sometimes a bullet or numbered list."""
    parts = []
    for _ in range(paragraphs):
        parts.append(paragraph(rng, rng.randint(2, 6)))
        if lists and rng.random() < 0.35:
            n = rng.randint(3, 7)
            if rng.random() < 0.5:
                parts.append("\n".join(f"- {rng.choice(ACTIVITY_VERBS)} {rng.choice(ACTIVITY_OBJECTS)}" for _ in range(n)))
            else:
                parts.append("\n".join(f"{k + 1}. {sentence(rng)}" for k in range(n)))
        if rng.random() < 0.1:
            parts[-1] = parts[-1] + f" **{rng.choice(OBJECTS).capitalize()}** är *särskilt viktigt*."
    return "\n\n".join(parts)


def activity_title(rng: random.Random) -> str:
    return f"{rng.choice(ACTIVITY_VERBS)} {rng.choice(ACTIVITY_OBJECTS)}"


def plan_title(rng: random.Random) -> str:
    return f"{rng.choice(ACTIVITY_VERBS)} {rng.choice(OBJECTS)}".capitalize()


def search_words() -> list[str]:
    """What a person types into the search field in the search benchmark (B4)."""
    return ["omställning", "primärvård", "samverkan", "nära vård", "hemsjukvården", "kompetens"]
