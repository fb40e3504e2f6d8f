"""From one document to the facts about each defendant in it (shared/spec/judgments.md)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from inbeeld.judgments.defendants import Descriptor, find_descriptors
from inbeeld.judgments.facts import (
    court_from_ecli,
    court_from_text,
    find_acquittal,
    find_articles,
    find_birth_year,
    find_channels,
    find_date,
    find_ecli,
    find_follows_demand,
    find_legal_area,
    find_victim_ages,
    find_victim_genders,
    instance_from,
    role_from,
)
from inbeeld.judgments.model import EMPTY_SENTENCE, Document, JudgmentFacts, Sentence
from inbeeld.judgments.penalties import Statement, find_statements

# Words only court documents use; a text with none of them (and no ECLI) is read as a news report.
_JUDGMENT_MARKERS = re.compile(
    r"\b(?:Inhoudsindicatie|Parketnummer|parketnummer|tenlastelegging|ten\s+laste\s+gelegde"
    r"|bewezenverklaring|Strafkamer|meervoudige\s+kamer|politierechter\s+\w+\s+recht\s+doende"
    r"|VONNIS|ARREST|CONCLUSIE)\b")
_OWN_AGE = re.compile(r"\b(?:de|het)\s+(\d{2})-jarige\s+verdachte\b|\bverdachte\s+(?:was\s+)?(?:toen\s+)?"
                      r"(\d{2})\s+jaar\s+oud\b", re.I)


def extract(document: Document) -> list[JudgmentFacts]:
    """Return one JudgmentFacts per defendant: one for a judgment, one per defendant in news."""
    text = document.text
    meta = document.metadata
    ecli = meta.get("ecli") or find_ecli(text, document.source)
    court = meta.get("court") or court_from_ecli(ecli) or court_from_text(text)
    instance = instance_from(court, ecli)
    is_judgment = ecli is not None or bool(_JUDGMENT_MARKERS.search(text))
    statements = find_statements(text, judgment=is_judgment, instance=instance)
    articles = find_articles(text, ecli)
    article_names = [a for a, _, _ in articles]
    ages = find_victim_ages(text)
    channel, channel_names, channel_ev = find_channels(text)
    base = JudgmentFacts(
        source=document.source,
        ecli=ecli,
        court=court,
        decision_date=_iso(meta.get("decision_date")) or (find_date(text) if is_judgment else None),
        year=None if is_judgment else _publication_year(text),
        instance=instance if is_judgment else None,
        legal_area=meta.get("legal_area") or find_legal_area(text),
        articles=tuple(article_names),
        role_of_defendant=role_from(article_names, text),
        victim_ages=tuple(a for a, _, _ in ages),
        victim_genders=find_victim_genders(text),
        defendant_birth_year=find_birth_year(text) if is_judgment else None,
        contact_channel=channel,
        channel_names=channel_names,
    )
    evidence: dict[str, tuple[int, int]] = {}
    if ages:
        evidence["victim_ages"] = (ages[0][1], ages[0][2])
    if channel_ev:
        evidence["contact_channel"] = channel_ev
    if articles:
        evidence["articles"] = (articles[0][1], articles[0][2])
    if is_judgment:
        return [_judgment_facts(base, text, statements, evidence)]
    return _news_facts(base, text, statements, evidence, ages)


_PUBLISHED = re.compile(r"^\s*date\s+(\d{4})-\d{2}\b")


def _publication_year(text: str) -> int | None:
    """Year a saved news page carries in its leading "date YYYY-MM" line (an approximation of the
    decision year: reports appear within days of the hearing)."""
    match = _PUBLISHED.match(text)
    return int(match.group(1)) if match else None


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"\d{4}-\d{2}-\d{2}", value)
    return match.group(0) if match else None


def _judgment_facts(base: JudgmentFacts, text: str, statements: list[Statement],
                    evidence: dict[str, tuple[int, int]]) -> JudgmentFacts:
    demanded = _choose([s for s in statements if s.frame == "demanded"])
    imposed = _choose([s for s in statements if s.frame == "imposed"])
    lower = _choose([s for s in statements if s.frame == "lower"])
    acquittal = find_acquittal(text)
    if imposed is not None:
        acquitted: bool | None = False
    elif base.instance == "hoge raad":
        acquitted = None  # the Hoge Raad neither convicts nor acquits in the cases read here
    else:
        acquitted = True if acquittal else None
    own_age = _OWN_AGE.search(text)
    ev = dict(evidence)
    for name, st in (("demanded", demanded), ("imposed", imposed), ("lower_court_imposed", lower)):
        if st is not None:
            ev[name] = (st.start, st.end)
    if acquitted and acquittal:
        ev["acquitted"] = acquittal
    return _with(base, text, demanded, imposed, lower, acquitted, ev,
                 defendant_age=int(own_age.group(1) or own_age.group(2)) if own_age else None)


def _choose(candidates: list[Statement]) -> Statement | None:
    """Pick the statement that states the sentence: the dictum, else the fullest, else the first."""
    if not candidates:
        return None
    dictum = [s for s in candidates if s.is_dictum]
    if len(dictum) == 1:
        return dictum[0]
    if dictum:  # the decision lists prison, conditional part and taakstraf in separate paragraphs
        return replace(dictum[0], sentence=_add_sentences([s.sentence for s in dictum]),
                       start=dictum[0].start, end=dictum[-1].end)
    return max(candidates, key=lambda s: (_filled(s.sentence), -s.start))


def _add_sentences(parts: list[Sentence]) -> Sentence:
    def total(name: str) -> float | None:
        values = [getattr(p, name) for p in parts if getattr(p, name) is not None]
        return sum(values) if values else None

    return Sentence(total("prison_days_unconditional"), total("prison_days_conditional"),
                    total("community_service_hours"), total("fine_eur"),
                    True if any(p.tbs for p in parts) else None)


def _filled(sentence: Sentence) -> int:
    return sum(v is not None for v in (sentence.prison_days_unconditional, sentence.prison_days_conditional,
                                       sentence.community_service_hours, sentence.fine_eur))


def _with(base: JudgmentFacts, text: str, demanded: Statement | None, imposed: Statement | None,
          lower: Statement | None, acquitted: bool | None, evidence: dict[str, tuple[int, int]],
          **extra: object) -> JudgmentFacts:
    follows = None
    if demanded is not None and imposed is None and not acquitted:
        follows = find_follows_demand(text)
    if follows is not None and demanded is not None:
        # "de rechtbank legde de straf conform de eis op": the sentence is the demand
        evidence = {**evidence, "imposed": follows}
        return replace(base, demanded=demanded.sentence, demanded_text=text[demanded.start:demanded.end],
                       imposed=demanded.sentence, imposed_text=text[follows[0]:follows[1]],
                       lower_court_imposed=lower.sentence if lower else None, acquitted=False,
                       evidence=evidence, **extra)
    return replace(
        base,
        demanded=demanded.sentence if demanded else EMPTY_SENTENCE,
        demanded_text=text[demanded.start:demanded.end] if demanded else None,
        imposed=imposed.sentence if imposed and not acquitted else EMPTY_SENTENCE,
        imposed_text=text[imposed.start:imposed.end] if imposed and not acquitted else None,
        lower_court_imposed=lower.sentence if lower else None,
        acquitted=acquitted,
        evidence=evidence,
        **extra,
    )


@dataclass
class _Case:
    descriptor: Descriptor | None
    statements: dict[str, Statement] = field(default_factory=dict)


def _news_facts(base: JudgmentFacts, text: str, statements: list[Statement],
                evidence: dict[str, tuple[int, int]],
                ages: tuple[tuple[int, int, int], ...]) -> list[JudgmentFacts]:
    """Group the statements of a news text by defendant (one object per defendant)."""
    cases: list[_Case] = []
    lists: list[list[_Case]] = []  # cases created from one list ("respectievelijk X en Y")
    descriptor_cache: dict[tuple[int, int], list[Descriptor]] = {}
    list_sizes = Counter((st.sentence_start, st.frame) for st in statements if st.respectively is not None)
    for st in statements:
        if st.frame not in ("demanded", "imposed"):
            continue
        key = (st.sentence_start, st.sentence_end)
        if key not in descriptor_cache:
            descriptor_cache[key] = find_descriptors(text, *key)
        descriptors = descriptor_cache[key]
        if st.respectively is not None:
            size = list_sizes[(st.sentence_start, st.frame)]
            desc = descriptors[st.respectively] if len(descriptors) == size else None
            _place_list_item(cases, lists, st, size, desc)
            continue
        desc = descriptors[0] if descriptors else None
        target = _find_case(cases, desc, st)
        if target is None:
            target = _Case(desc)
            cases.append(target)
        elif desc is not None and (target.descriptor is None
                                   or (desc.age is not None and target.descriptor.age is None)):
            target.descriptor = desc  # the fuller description ("de 29-jarige pooier") wins
        target.statements.setdefault(st.frame, st)
    # an age inside a defendant's description ("een 14-jarige jongen ... veroordeeld") is not a victim's
    spans = [(c.descriptor.start, c.descriptor.end) for c in cases if c.descriptor is not None]
    victim_ages = tuple(dict.fromkeys(a for a, s, _ in ages if not any(ds <= s < de for ds, de in spans)))
    if victim_ages != base.victim_ages:
        base = replace(base, victim_ages=victim_ages)
        evidence = {k: v for k, v in evidence.items() if k != "victim_ages"}
    out = []
    acquittal = find_acquittal(text)
    for case in cases:
        imposed = case.statements.get("imposed")
        demanded = case.statements.get("demanded")
        acquitted = bool(acquittal) and imposed is None
        ev = dict(evidence)
        for name, st in (("demanded", demanded), ("imposed", imposed)):
            if st is not None:
                ev[name] = (st.start, st.end)
        desc = case.descriptor
        if desc is not None:
            ev["defendant"] = (desc.start, desc.end)
        role = desc.role if desc is not None and desc.role else base.role_of_defendant
        out.append(_with(base, text, demanded, imposed, None, acquitted, ev,
                         defendant=desc.text if desc else None,
                         defendant_age=desc.age if desc else None,
                         role_of_defendant=role))
    return out  # spec: one object per defendant *with a stated demand or sentence*; none -> none


def _place_list_item(cases: list[_Case], lists: list[list[_Case]], st: Statement, size: int,
                     desc: Descriptor | None) -> None:
    """Item i of a list goes to case i of an earlier list of the same length (the demand list and
    the sentence list of the same defendants), else a new case is started for it."""
    assert st.respectively is not None
    for group in lists:
        if len(group) == size and st.frame not in group[st.respectively].statements:
            case = group[st.respectively]
            case.statements[st.frame] = st
            if case.descriptor is None:
                case.descriptor = desc
            return
    if st.respectively == 0 or not lists or len(lists[-1]) >= size:
        lists.append([])
    case = _Case(desc, {st.frame: st})
    lists[-1].append(case)
    cases.append(case)


def _find_case(cases: list[_Case], desc: Descriptor | None, st: Statement) -> _Case | None:
    if desc is not None:
        for case in cases:
            if case.descriptor is not None and _same_person(case.descriptor, desc):
                return case if _fits(case, st) else None
    if cases and (desc is None or cases[-1].descriptor is None) and _fits(cases[-1], st):
        return cases[-1]
    return None


def _fits(case: _Case, st: Statement) -> bool:
    """A case takes a statement if that slot is empty or holds the same sentence (a repetition)."""
    held = case.statements.get(st.frame)
    return held is None or held.sentence == st.sentence


def _same_person(a: Descriptor, b: Descriptor) -> bool:
    if a.age is not None and b.age is not None:
        return a.age == b.age
    last = lambda d: d.text.lower().split("(")[0].split()[-1] if d.text.split() else ""  # noqa: E731
    return last(a) == last(b)

