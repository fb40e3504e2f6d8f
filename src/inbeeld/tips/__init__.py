"""Tips from the public: receipt codes, per-tip encryption, identifier linking, statuses.

Plain Python (no Django): the web app in inbeeld.web.tips stores what these functions make.
"""

from inbeeld.tips.crypto import TipKeys, destroyed, load_keys
from inbeeld.tips.identifiers import KINDS, Identifier, find_identifiers, normalise
from inbeeld.tips.receipt import new_receipt_code, normalise_code, receipt_hash
from inbeeld.tips.status import HANDOVER_TO, Status, TipsError, check_transition

__all__ = [
    "HANDOVER_TO",
    "KINDS",
    "Identifier",
    "Status",
    "TipKeys",
    "TipsError",
    "check_transition",
    "destroyed",
    "find_identifiers",
    "load_keys",
    "new_receipt_code",
    "normalise",
    "normalise_code",
    "receipt_hash",
]
