"""Finding demanded and imposed sentences in Dutch text, with their evidence offsets.

Three steps: find every amount ("6 (zes) maanden", "240 uur", "€ 500"), keep those linked to a
penalty word or a sentencing verb (so ages, periods and probation terms drop out), and decide per
clause whether it is a demand, an imposed sentence, a lower court's sentence or neither. Amounts of
one frame in one sentence (or one dictum block) make one statement.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from inbeeld.judgments.model import Sentence
from inbeeld.judgments.numbers import (
    DIGITS,
    UNIT_PATTERN,
    as_days,
    digits_to_number,
    token_to_number,
    unit_of,
)
from inbeeld.judgments.text import Segment, clauses, sentences

PRISON_NOUN = (r"(?:gevangenisstraf(?:fen)?|celstraf(?:fen)?|cel|gevangenis|jeugddetentie|opsluiting"
               r"|hechtenis|detentie|vrijheidsstraf(?:fen)?|jeugdgevangenis|celstraf)")
SERVICE_NOUN = r"(?:taakstraf(?:fen)?|werkstraf(?:fen)?|leerstraf(?:fen)?|dienstverlening)"
_NUM = rf"(?:{DIGITS}|[A-Za-zëéèï]+)"

_AMOUNT = re.compile(
    rf"(?<![\w-])(?:(?P<whole>{_NUM})\s+en\s+een\s+)?(?P<num>{_NUM})"
    rf"(?:\s*\((?P<paren>[^()]{{1,40}})\))?\s+(?P<unit>{UNIT_PATTERN})(?![\w-])",
    re.I,
)
_BARE_PART = re.compile(  # "waarvan drie voorwaardelijk": the unit is the total's
    rf"waarvan\s+(?P<num>{_NUM})(?:\s*\([^()]{{1,40}}\))?\s+(?P<neg>on)?voorwaardelijk", re.I)
_FINE = re.compile(r"(?:€|\beur\b\.?|\beuro\b)\s*(?P<a>\d[\d.]*(?:,\d{1,2})?)(?:,-)?"
                   r"|(?P<b>\d[\d.]*(?:,\d{1,2})?)(?:,-)?\s*(?:euro|eur)\b", re.I)

# An amount belongs to a penalty when a penalty word is right before it ...
_LINK_BEFORE = re.compile(
    rf"(?P<adj>(?:on|deels\s+)?voorwaardelijke\s+)?(?P<noun>{PRISON_NOUN}|{SERVICE_NOUN})"
    r"(?:\s+(?:op|opleggen|op\s+te\s+leggen|opgelegd|gekregen|krijgen))?"
    r"(?:\s+(?:voor\s+(?:de\s+)?duur\s+van|van(?:\s+in\s+totaal)?|met\s+een\s+duur\s+van))?\s*$", re.I)
# ... or right after it ("20 maanden celstraf", "vier maanden onvoorwaardelijk") ...
_LINK_AFTER = re.compile(
    rf"^\s*(?P<adj>onvoorwaardelijke?|voorwaardelijke?|deels\s+voorwaardelijke?)?\s*"
    rf"(?:de\s+(?=(?:cel|gevangenis)\s+in\b))?(?P<noun>{PRISON_NOUN}|{SERVICE_NOUN})?(?![\w-])", re.I)
# ... or a sentencing verb comes right before it ("veroordeeld tot 7 jaar en 9 maanden") ...
_CUE_BEFORE = re.compile(
    r"(?:veroordee\w*\s+tot|straf\s+van|eis(?:t|te|ten)?|geëist|eis\s+van|strafeis\s+van|kreeg|krijgt"
    r"|kregen|riskeer\w*|respectievelijk|leg(?:t|de|den)|opgelegd|bestraft\s+met|vroeg|vraagt|hoorde"
    r"|groot|waarvan)\s+(?:\S+\s+){0,2}?$", re.I)
# ... or after it in a relative clause ("de tien jaar die is geëist").
_CUE_AFTER = re.compile(
    r"^\s*(?:(?:die|dat|welke)\s+(?:\S+\s+){0,6}?)?(?:geëist|gevorderd|opgelegd|eiste|eisten|vorderde"
    r"|gekregen|kreeg|geëist)\b", re.I)

# Amounts that are not a sentence even next to a penalty word.
_NOT_BEFORE = re.compile(
    r"(?:proeftijd|vervangende|vervangen\s+door|subsidiair|indien\s+niet|gijzeling|maximaal|maximum\w*"
    r"|ten\s+hoogste|ten\s+minste|minimaal|minimum\w*|hooguit|tot\s+wel|oplopen\s+tot|strafmaximum"
    r"|tbs|terbeschikkingstelling|pij|maatregel|ontzegging|verbod|toezicht|leeftijd|jonger|ouder"
    r"|voorarrest|voorlopige\s+hechtenis|uitgezeten|verjaring\w*|oriëntatiepunt\w*|bevoegdheid|rato)\W+(?:[\w()]+\W+){0,5}$",
    re.I)
_NOT_AFTER = re.compile(
    r"^\s*(?:vervangende|oud\b|geleden|later|lang\b|in\s+(?:voorarrest|voorlopige|verzekering)"
    r"|voorarrest|voorlopige\s+hechtenis|heeft\s+(?:vast|gezeten)|vastgezeten|gezeten|uitgezeten|na\b|per\b)",
    re.I)
_APPROXIMATE = re.compile(r"(?:meer\s+dan|minder\s+dan|ruim|bijna|circa|ongeveer|zo'n|tot\s+wel|hooguit"
                          r"|enkele|tussen\s+(?:de\s+|een\s+)?\S+\s+(?:en|tot)|van\s+\S+\s+(?:jaar|maanden)?\s*tot)\s+$",
                          re.I)
_SUBSTITUTE = re.compile(r"vervangende\s+hechtenis|gijzeling|subsidiair|vervangen\s+door", re.I)
_PERIOD_BEFORE = re.compile(r"(?:gedurende|geleden|sinds|binnen|periode\s+van|ruim|bijna|afgelopen"
                            r"|na|al|onder|boven|elke|iedere|per)\s+$", re.I)
_CONDITIONAL_AFTER = re.compile(r"^\s*(?:\S+\s+)?met\s+(?:volledig\s+)?uitstel\b", re.I)
_CHAIN_GAP = re.compile(r"^\s*(?:en|of|,)\s*$")

# Clause frames. Defence and enforcement of an earlier sentence (TUL) are neither demand nor sentence.
# Statements about sentencing in general ("in zestig procent van de zaken ...") are not a case's.
_IGNORE = re.compile(r"\b(?:raads(?:man|vrouw)|verdediging|bepleit\w*|pleit\w*|tenuitvoerlegging"
                     r"|oriëntatie\w*|soortgelijke|vergelijkbare|lovs|procent|gemiddeld\w*|doorgaans"
                     r"|meestal|richtlijn\w*|reclassering\w*|adviseer\w*|strafblad|justitiële\s+documentatie"
                     r"|eerder\s+(?:al\s+)?(?:veroordeeld|bestraft|opgelegd)|gevallen|zaken\s+als\s+deze"
                     r"|dit\s+soort|maximale|basisstraf)\b|%", re.I)
# "Vaak maar één dag cel", "legt de rechter vaak een celstraf van één dag op": a habit, not a case
_HABITUAL = re.compile(r"\b(?:vaak|veelal|meestal|zelden|nooit|soms|doorgaans|regelmatig)\s+"
                       r"(?:(?:maar|slechts|ook|nog)\s+)*(?:(?:een|de)\s+(?:\w+\s+)?)?$", re.I)
_DEMAND = re.compile(r"\b(?:eis|eist|eiste|eisten|eisen|geëist|geëiste|strafeis\w*|requisitoir|gevorderd"
                     r"|vordert|vorderde|vorderden|gevorderde|vordering|requireer\w*|gerequireerd"
                     r"|riskeert|riskeren|vraagt|vroeg)\b", re.I)
_IMPOSED = re.compile(r"\b(?:veroordee\w*|opgelegd\w*|oplegt|oplegde|oplegging|opleggen|legt|legde|legden"
                      r"|kreeg|kregen|krijgt|krijgen|bestraft|straft|passend|geboden|vonnis)\b", re.I)
_LOWER_COURT = re.compile(r"\b(?:rechtbank|politierechter|kinderrechter|eerste\s+aanleg)\b", re.I)
_DICTUM_START = re.compile(r"^(?:[-•*–]\s*)?(?:Veroordeelt|Bepaalt|Beveelt|Legt|Gelast|Verklaart|Stelt|Wijst"
                           r"|Spreekt|Vernietigt|Bevestigt|Verbeurdverklaart|Onttrekt|Heft)\b", re.I)
_LIST_ITEM = re.compile(r"^(?:[-•*–]|\d+[.)]|[a-z][.)])\s+\S")
_WHOLE_CONDITIONAL = re.compile(
    r"bepaalt\s+dat\s+(?:de|deze)\s+(?:opgelegde\s+)?(?:gevangenisstraf|jeugddetentie|straf)\b[^.]{0,80}"
    r"niet\s+(?:zal\s+worden\s+)?ten\s*uitvoer", re.I)
_NOT_EXECUTED = re.compile(r"niet\s+(?:zal\s+worden\s+)?ten\s*uitvoer", re.I)
# "Van deze gevangenisstraf zal een gedeelte, groot 3 maanden, niet ten uitvoer worden gelegd."
_PART_SENTENCE = re.compile(r"\bgedeelte\b[^.]{0,80}\bgroot\b|^waarvan\b", re.I)
_TBS = re.compile(r"\b(?:tbs|terbeschikkingstelling|ter\s+beschikking\s+(?:wordt\s+|is\s+)?gesteld"
                  r"|ter\s+beschikking\s+stelling(?!\s+van\s+(?:de|het)\s+(?:goed|voorwerp|geld)))\b", re.I)

FRAMES = ("demanded", "imposed", "lower", "ignored")


@dataclass(frozen=True, slots=True)
class Amount:
    """One sentence component found in the text: prison days, service hours or euros."""

    start: int
    end: int
    kind: str  # "prison", "service" or "fine"
    value: float  # days, hours or euros
    status: str = "plain"  # plain | conditional | unconditional | part_conditional | part_unconditional
    unit: str | None = None  # the (last) unit written: "maand" in "1 jaar en 6 maanden"
    phrase_start: int | None = None  # the amount with its penalty word ("20 maanden celstraf")
    phrase_end: int | None = None
    merged: bool = False  # a compound duration whose value is already in days


@dataclass(frozen=True, slots=True)
class Statement:
    """One stated sentence: its frame, its value, and where it is in the text."""

    frame: str
    sentence: Sentence
    start: int  # evidence: from the first to the last amount (or penalty word)
    end: int
    sentence_start: int  # the text sentence (or dictum block) it is in
    sentence_end: int
    is_dictum: bool = False
    respectively: int | None = None  # "tegen A en B, van respectievelijk X en Y": 0 for A, 1 for B

    def __post_init__(self) -> None:
        if self.frame not in FRAMES:
            raise ValueError(f"frame {self.frame!r} not in {FRAMES}")


def find_statements(text: str, *, judgment: bool, instance: str | None = None) -> list[Statement]:
    """Return every demanded, imposed or lower-court sentence stated in `text`, in text order.

    Args:
        judgment: the text is a court document (bare penalties there are the court's own).
        instance: the document's court level; in a Hoge Raad text every sentence is a lower court's.
    """
    spans = sentences(text)
    blocks = _blocks(text, spans)
    out: list[Statement] = []
    for block in blocks:
        out.extend(_block_statements(text, block, judgment=judgment, instance=instance))
    return out


def _blocks(text: str, spans: list[Segment]) -> list[list[Segment]]:
    """Group sentences: consecutive dictum lines ("Veroordeelt ...", "Bepaalt ...") form one block."""
    blocks: list[list[Segment]] = []
    previous_dictum = False
    for span in spans:
        sentence = text[span.start:span.end]
        is_dictum = bool(_DICTUM_START.match(sentence))
        is_part = bool(_PART_SENTENCE.search(sentence))
        # "veroordeelt verdachte tot:\n- een gevangenisstraf ...;\n- een taakstraf ..."
        is_item = bool(_LIST_ITEM.match(sentence)) and previous_dictum
        if blocks and ((is_dictum and previous_dictum) or is_part or is_item):
            blocks[-1].append(span)
        else:
            blocks.append([span])
        previous_dictum = is_dictum or is_item
    return blocks


def _block_statements(text: str, block: list[Segment], *, judgment: bool,
                      instance: str | None) -> list[Statement]:
    found: list[tuple[str, Amount]] = []
    last_prison: list[Amount] = []
    for span in block:
        amounts = _amounts(text, span)
        if _WHOLE_CONDITIONAL.search(text[span.start:span.end]) and not amounts and last_prison:
            # "Bepaalt dat deze gevangenisstraf niet ten uitvoer zal worden gelegd": the whole
            # prison term of the sentence before is conditional
            found = [(f, replace(a, status="conditional") if a in last_prison and a.status == "plain" else a)
                     for f, a in found]
            continue
        if not amounts:
            continue
        whole = _WHOLE_CONDITIONAL.search(text, span.start, span.end)
        if whole:  # "...van 6 maanden; bepaalt dat deze gevangenisstraf niet ten uitvoer ..."
            amounts = [replace(a, status="conditional")
                       if a.kind == "prison" and a.status == "plain" and a.end <= whole.start() else a
                       for a in amounts]
        last_prison = [a for a in amounts if a.kind == "prison"]
        frames = _clause_frames(text, span, judgment=judgment, instance=instance)
        for amount in amounts:
            frame = next((f for seg, f in frames if seg.start <= amount.start < seg.end), frames[-1][1])
            found.append((frame, amount))
    if not found:
        return []
    start, end = block[0].start, block[-1].end
    block_text = text[start:end]
    is_dictum = bool(_DICTUM_START.match(block_text))
    out: list[Statement] = []
    for frame in ("demanded", "imposed", "lower"):
        amounts = [a for f, a in found if f == frame]
        if not amounts:
            continue
        respectively = _respectively_split(text, start, end, amounts)
        groups = [[a] for a in respectively] if respectively else [amounts]
        for index, group in enumerate(groups):
            sentence = _combine(group)
            if sentence.is_empty:
                continue
            if _TBS.search(block_text):
                sentence = replace(sentence, tbs=True)
            out.append(Statement(frame, sentence, min(_phrase(a)[0] for a in group),
                                 max(_phrase(a)[1] for a in group),
                                 start, end, is_dictum, index if respectively else None))
    return sorted(out, key=lambda s: s.start)


def _phrase(amount: Amount) -> tuple[int, int]:
    start = amount.start if amount.phrase_start is None else amount.phrase_start
    end = amount.end if amount.phrase_end is None else amount.phrase_end
    return start, end


_PLURAL = re.compile(r"\b(?:respectievelijk|celstraffen|gevangenisstraffen|taakstraffen|werkstraffen"
                     r"|straffen|beiden|allebei|elk|ieder|mannen|vrouwen|verdachten|broers|zussen|daders"
                     r"|pooiers|ouders|beklaagden|mensenhandelaars)\b", re.I)
_MAX_LIST = 12  # more "defendants" in one list is not a list of sentences
_TIMES = re.compile(r"\b(?P<n>twee|drie|vier|vijf|zes|\d)\s+keer\s+$", re.I)
_LIST_GAP = re.compile(r"^\s*(?:,|en|of|,\s*en)\s*(?:(?:twee|drie|vier|vijf|zes|\d)\s+keer\s+)?$", re.I)


def _respectively_split(text: str, start: int, end: int, amounts: list[Amount]) -> list[Amount] | None:
    """Return one prison amount per defendant for a list ("respectievelijk acht en drie jaar",
    "celstraffen van 7 maanden en twee keer drie jaar"), else None."""
    # three or more plain terms in one list only make sense for several defendants
    if not _PLURAL.search(text[start:end]) and len(amounts) < 3:
        return None
    if not 2 <= len(amounts) <= _MAX_LIST or any(a.kind != "prison" or a.status != "plain" for a in amounts):
        return None
    if any(not _LIST_GAP.match(text[_phrase(a)[1]:b.start]) and not _LIST_GAP.match(text[a.end:b.start])
           for a, b in itertools.pairwise(amounts)):
        return None
    out: list[Amount] = []
    for amount in amounts:
        times = _TIMES.search(text[max(start, amount.start - 20):amount.start])
        count = int(token_to_number(times.group("n")) or 1) if times else 1
        out.extend([amount] * count)  # "twee keer drie jaar": two defendants, three years each
    return out


def _clause_frames(text: str, span: Segment, *, judgment: bool,
                   instance: str | None) -> list[tuple[Segment, str]]:
    """Return each clause of a sentence with its frame; clauses without a cue inherit one."""
    parts = clauses(text, span)
    cues: list[str | None] = []
    for part in parts:
        chunk = text[part.start:part.end]
        if _IGNORE.search(chunk):
            cues.append("ignored")
        elif _DEMAND.search(chunk):
            cues.append("demanded")
        elif _IMPOSED.search(chunk):
            cues.append("imposed")
        else:
            cues.append(None)
    framed: list[str] = []
    for i, cue in enumerate(cues):
        if cue is None:  # inherit from the nearest clause before, else after, else the default
            before = [c for c in cues[:i] if c is not None]
            after = [c for c in cues[i + 1:] if c is not None]
            cue = before[-1] if before else after[0] if after else "imposed"
        framed.append(cue)
    sentence_text = text[span.start:span.end]
    out: list[tuple[Segment, str]] = []
    for part, frame in zip(parts, framed, strict=True):
        if instance == "hoge raad":
            # the Hoge Raad imposes nothing: a sentence in its texts is a lower court's
            frame = "lower" if frame == "imposed" else "ignored"
        elif judgment and instance == "hof" and frame == "imposed" and _LOWER_COURT.search(sentence_text):
            frame = "lower"
        out.append((part, frame))
    return out


def _amounts(text: str, span: Segment) -> list[Amount]:
    """Return the penalty amounts in one sentence, compound durations merged."""
    raw: list[Amount] = []
    for match in _AMOUNT.finditer(text, span.start, span.end):
        value = token_to_number(match.group("num"))
        unit = unit_of(match.group("unit"))
        if value is None or unit is None:
            continue
        if match.group("whole"):
            whole = token_to_number(match.group("whole"))
            if whole is None:
                continue
            value = whole + 0.5
        raw.append(Amount(match.start(), match.end(), "", value, "plain", unit))
    raw = _merge_compounds(text, raw)
    kept: list[Amount] = []
    for amount in raw:
        linked = _link(text, span, amount, kept[-1] if kept else None)
        if linked is not None:
            kept.append(linked)
    kept = _link_backwards(text, span, raw, kept)
    kept.extend(_bare_parts(text, span, kept))
    kept.extend(_fines(text, span))
    return sorted(kept, key=lambda a: a.start)


def _link_backwards(text: str, span: Segment, raw: list[Amount], kept: list[Amount]) -> list[Amount]:
    """Accept list members before a linked amount: "30 maanden, twee jaar en drie jaar geëist"."""
    by_start = {a.start: a for a in kept}
    out = list(kept)
    following: Amount | None = None
    for amount in reversed(raw):
        if amount.start in by_start:
            following = by_start[amount.start]
            continue
        before = text[max(span.start, amount.start - 90):amount.start]
        after = text[amount.end:min(span.end, amount.end + 60)]
        if (following is not None and following.kind == "prison" and amount.unit in _UNIT_RANK
                and _CHAIN_GAP.match(text[amount.end:following.start])
                and not (_NOT_BEFORE.search(before) or _NOT_AFTER.match(after)
                         or _PERIOD_BEFORE.search(before))):
            following = replace(amount, kind="prison", value=_days(amount), status="plain")
            out.append(following)
        else:
            following = None
    return sorted(out, key=lambda a: a.start)


_UNIT_RANK = {"jaar": 4, "maand": 3, "week": 2, "dag": 1}


def _merge_compounds(text: str, amounts: list[Amount]) -> list[Amount]:
    """Merge "7 jaar en 9 maanden" into one duration (units must decrease)."""
    out: list[Amount] = []
    for amount in amounts:
        prev = out[-1] if out else None
        if (prev is not None and prev.unit in _UNIT_RANK and amount.unit in _UNIT_RANK
                and _UNIT_RANK[prev.unit] > _UNIT_RANK[amount.unit]
                and _CHAIN_GAP.match(text[prev.end:amount.start])):
            days = _days(prev) + _days(amount)
            out[-1] = Amount(prev.start, amount.end, "", days, "plain", amount.unit, merged=True)
        else:
            out.append(amount)
    return out


def _days(amount: Amount) -> float:
    if amount.merged or amount.unit not in _UNIT_RANK:
        return amount.value
    return as_days(amount.value, amount.unit)


def _link(text: str, span: Segment, amount: Amount, previous: Amount | None) -> Amount | None:
    """Return the amount as a penalty component, or None when nothing ties it to a penalty."""
    before = text[max(span.start, amount.start - 90):amount.start]
    after = text[amount.end:min(span.end, amount.end + 60)]
    if _NOT_BEFORE.search(before) or _NOT_AFTER.match(after) or _APPROXIMATE.search(before):
        return None
    link_before = _LINK_BEFORE.search(before)
    link_after = _LINK_AFTER.match(after)
    if _SUBSTITUTE.search(before) and not (link_before and link_before.group("noun")):
        return None  # "vervangende hechtenis ... voor de duur van 90 dagen" is not a sentence
    noun = (link_before.group("noun") if link_before else None) or (
        link_after.group("noun") if link_after else None)
    adj = ((link_before.group("adj") if link_before else None) or "") + " " + (
        (link_after.group("adj") if link_after else None) or "")
    has_adj = bool(adj.strip())
    chained = (previous is not None and previous.kind in ("prison", "service")
               and _CHAIN_GAP.match(text[previous.end:amount.start]) is not None)
    cue = bool(_CUE_BEFORE.search(before) or _CUE_AFTER.match(after))
    if amount.unit == "uur" and re.search(rf"\b{SERVICE_NOUN}\b[^.;]*$", before, re.I):
        cue = True  # "taakstraf bestaande uit onbetaalde arbeid voor de duur van 60 uren"
    if not (noun or has_adj or chained or cue):
        return None
    if not noun and not has_adj and _PERIOD_BEFORE.search(before):
        return None
    kind = _kind(amount.unit, noun, previous if chained else None)
    if kind is None:
        return None
    value = amount.value if kind == "service" else _days(amount)
    status = "plain"
    lowered = adj.lower()
    if re.search(r"\bwaarvan\s+(?:\S+\s+){0,1}$", before, re.I):
        status = "part_unconditional" if "onvoorwaardelijk" in after.lower()[:25] else "part_conditional"
    elif re.search(r"\bgroot\s+$", before, re.I) and _NOT_EXECUTED.search(text[amount.end:span.end]):
        status = "part_conditional"
    elif "onvoorwaardelijk" in lowered:
        status = "unconditional"
    elif "voorwaardelijk" in lowered or _CONDITIONAL_AFTER.match(after):
        status = "conditional"
    if kind != "prison":
        status = "plain"
    before_start = amount.start - len(before)
    noun_start = link_before.start() if link_before and link_before.group("noun") else len(before)
    if _HABITUAL.search(before[:noun_start]):
        return None
    has_noun_before = link_before is not None and link_before.group("noun")
    phrase_start = before_start + link_before.start() if has_noun_before else amount.start
    phrase_end = amount.end + link_after.end() if link_after and link_after.group(0).strip() else amount.end
    return replace(amount, kind=kind, value=value, status=status, phrase_start=phrase_start,
                   phrase_end=phrase_end)


def _kind(unit: str | None, noun: str | None, previous: Amount | None) -> str | None:
    noun = (noun or "").lower()
    if unit == "uur":
        if noun and re.fullmatch(PRISON_NOUN, noun):
            return None  # hours of custody are not a prison sentence in days
        return "service"
    if noun and re.fullmatch(SERVICE_NOUN, noun):
        return None  # a taakstraf is counted in hours
    if previous is not None and previous.kind == "service" and not noun:
        return None
    return "prison"


def _bare_parts(text: str, span: Segment, kept: list[Amount]) -> list[Amount]:
    """Read "zes maanden cel, waarvan drie voorwaardelijk" (the part has no unit of its own)."""
    out: list[Amount] = []
    for match in _BARE_PART.finditer(text, span.start, span.end):
        if any(a.start <= match.start("num") < a.end for a in kept):
            continue
        totals = [a for a in kept if a.kind == "prison" and a.end <= match.start()]
        value = token_to_number(match.group("num"))
        if not totals or value is None:
            continue
        unit = totals[-1].unit or "dag"
        status = "part_unconditional" if match.group("neg") else "part_conditional"
        out.append(Amount(match.start("num"), match.end(), "prison", as_days(value, unit), status, unit,
                          merged=True))
    return out


def _fines(text: str, span: Segment) -> list[Amount]:
    out: list[Amount] = []
    for match in _FINE.finditer(text, span.start, span.end):
        before = text[max(span.start, match.start() - 60):match.start()]
        if not re.search(r"\b(?:geld)?boete\b[^,;.]*$", before, re.I):
            continue
        if re.search(r"schadevergoeding|benadeelde|ontneming|wederrechtelijk|smartengeld|vordering",
                     before, re.I):
            continue
        value = digits_to_number((match.group("a") or match.group("b")).rstrip("."))
        if value is not None:
            out.append(Amount(match.start(), match.end(), "fine", value))
    return out


def _combine(amounts: list[Amount]) -> Sentence:
    """Add the components of one statement into a Sentence (spec: total − conditional part)."""
    plain = sum(a.value for a in amounts if a.kind == "prison" and a.status == "plain")
    has_plain = any(a.kind == "prison" and a.status == "plain" for a in amounts)
    cond = [a.value for a in amounts if a.kind == "prison" and a.status == "conditional"]
    uncond = [a.value for a in amounts if a.kind == "prison" and a.status == "unconditional"]
    part_cond = sum(a.value for a in amounts if a.status == "part_conditional")
    part_uncond = sum(a.value for a in amounts if a.status == "part_unconditional")
    unconditional: float | None = sum(uncond) if uncond else None
    conditional: float | None = sum(cond) if cond else None
    if has_plain:
        if part_cond and part_cond <= plain:
            unconditional = (unconditional or 0) + plain - part_cond
            conditional = (conditional or 0) + part_cond
        elif part_uncond and part_uncond <= plain:
            unconditional = (unconditional or 0) + part_uncond
            conditional = (conditional or 0) + plain - part_uncond
        else:
            unconditional = (unconditional or 0) + plain
    service = [a.value for a in amounts if a.kind == "service"]
    fines = [a.value for a in amounts if a.kind == "fine"]
    return Sentence(
        prison_days_unconditional=unconditional,
        prison_days_conditional=conditional,
        community_service_hours=sum(service) if service else None,
        fine_eur=sum(fines) if fines else None,
    )
