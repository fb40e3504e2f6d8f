"""The one place that lists what recognisers and stages exist, by their registered names."""

from __future__ import annotations

from inbeeld.deid.recognisers.base import Recogniser
from inbeeld.deid.recognisers.dates import BirthDateRecogniser
from inbeeld.deid.recognisers.deduce_names import DeduceRecogniser
from inbeeld.deid.recognisers.handle import HandleRecogniser
from inbeeld.deid.recognisers.institutions import LowercaseInstitutionRecogniser
from inbeeld.deid.recognisers.names import ChatNameRecogniser
from inbeeld.deid.recognisers.phone import PhoneRecogniser
from inbeeld.deid.recognisers.places import ChatPlaceRecogniser
from inbeeld.deid.recognisers.propernouns import ProperNounRecogniser
from inbeeld.deid.recognisers.street import StreetRecogniser
from inbeeld.deid.recognisers.structured import (
    BsnRecogniser,
    EmailRecogniser,
    IbanRecogniser,
    IdNumberRecogniser,
    PlateRecogniser,
    PostcodeRecogniser,
    UrlRecogniser,
)
from inbeeld.deid.stages import (
    HouseNumbers,
    KeepWords,
    LeadingWords,
    Propagate,
    ResolveOverlaps,
    Stage,
    TrimTitles,
)

RECOGNISERS: dict[str, type[Recogniser]] = {
    cls.name: cls
    for cls in (
        DeduceRecogniser, EmailRecogniser, UrlRecogniser, HandleRecogniser, PhoneRecogniser,
        IbanRecogniser, PlateRecogniser, PostcodeRecogniser, BsnRecogniser, IdNumberRecogniser,
        BirthDateRecogniser, StreetRecogniser, ChatNameRecogniser, ChatPlaceRecogniser, ProperNounRecogniser,
        LowercaseInstitutionRecogniser,
    )
}

STAGES: dict[str, type[Stage]] = {
    cls.name: cls for cls in (KeepWords, TrimTitles, HouseNumbers, ResolveOverlaps, Propagate, LeadingWords)
}
