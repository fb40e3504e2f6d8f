"""Synthetic identifiers in the notations people type: phones, IBANs, BSNs, plates, dates, ..."""

from __future__ import annotations

import random
import string
from datetime import date, timedelta

import phonenumbers
from stdnum import iban as stdnum_iban

_DIGITS = "0123456789"
# Dutch plates use consonants only (no vowels, no C or Q since the 1970s series)
_PLATE_LETTERS = "BDFGHJKLMNPRSTVXZ"
# Sidecodes 1-14 as letter (X) / digit (9) patterns
_SIDECODES = (
    "XX-99-99", "99-99-XX", "99-XX-99", "XX-99-XX", "XX-XX-99", "99-XX-XX", "99-XXX-9",
    "9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X", "X-99-XXX", "9-XX-999", "999-XX-9",
)
_BE_BANKS = ("001", "063", "068", "310", "363", "735", "737", "751", "000", "050")  # registered bank codes
_NL_BANKS = ("ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "RBRB", "REVO")
_MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december")
# Foreign mobile numbers: country calling code, national prefix choices, digits after the prefix
_FOREIGN_MOBILES = (
    ("40", ("72", "73", "74", "75", "76", "78"), 7),   # Romania
    ("48", ("50", "51", "53", "57", "60", "66", "69", "72", "78", "79", "88"), 7),  # Poland
    ("32", ("470", "471", "472", "475", "476", "477", "478", "479", "484", "486", "490"), 6),  # Belgium
    ("49", ("151", "152", "157", "160", "170", "171", "175", "176"), 8),  # Germany
    ("359", ("87", "88", "89"), 7),  # Bulgaria
    ("90", ("530", "532", "533", "535", "542", "544", "505", "506"), 7),  # Turkey
    ("212", ("61", "66", "67", "70"), 7),  # Morocco
    ("597", ("81", "82", "85", "86", "87", "88"), 5),  # Suriname
)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_DIGITS) for _ in range(n))


def _valid(number: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(number, "NL"))
    except phonenumbers.NumberParseException:
        return False


def phone(rng: random.Random) -> str:
    """A phone number that `phonenumbers` accepts, in one of many notations."""
    roll = rng.random()
    if roll < 0.78:
        rest = rng.choice("123456") + _digits(rng, 7)  # 06 + 8 digits
        return _mobile_notation(rng, rest)
    if roll < 0.86:
        return _landline(rng)
    for _ in range(50):
        cc, prefixes, n = rng.choice(_FOREIGN_MOBILES)
        national = rng.choice(prefixes) + _digits(rng, n)
        if _valid(f"+{cc}{national}"):
            return _foreign_notation(rng, cc, national)
    return _mobile_notation(rng, "6" + _digits(rng, 7))


def _mobile_notation(rng: random.Random, rest: str) -> str:
    a, b, c, d = rest[:2], rest[2:4], rest[4:6], rest[6:]
    forms = (
        f"06{rest}", f"06-{rest}", f"06 {rest}", f"06 {a} {b} {c} {d}", f"06-{a} {b} {c} {d}",
        f"+31 6 {rest[:4]} {rest[4:]}", f"+316{rest}", f"0031 6 {rest}", f"0031 6{rest}",
        f"+31 6 {a} {b} {c} {d}", f"06 {rest[:4]} {rest[4:]}", f"+31 (0)6 {rest}",
        f"06.{rest[:4]}.{rest[4:]}",
    )
    return rng.choice(forms)


def _landline(rng: random.Random) -> str:
    area, n = rng.choice((("20", 7), ("10", 7), ("70", 7), ("30", 7), ("40", 7), ("50", 7), ("24", 7),
                          ("26", 7), ("13", 7), ("15", 7), ("33", 7), ("76", 7)))
    body = rng.choice("2345678") + _digits(rng, n - 1)
    forms = (f"0{area}-{body}", f"0{area} {body[:3]} {body[3:]}", f"0{area}{body}", f"+31 {area} {body}")
    return rng.choice(forms)


def _foreign_notation(rng: random.Random, cc: str, national: str) -> str:
    spaced = " ".join(national[i:i + 3] for i in range(0, len(national), 3))
    forms = (f"+{cc} {spaced}", f"+{cc}{national}", f"00{cc} {national}", f"+{cc} {national}")
    return rng.choice(forms)


def iban(rng: random.Random) -> str:
    """An IBAN with a valid mod-97 checksum; Dutch mostly, sometimes Belgian or German."""
    roll = rng.random()
    if roll < 0.85:
        body = rng.choice(_NL_BANKS) + _digits(rng, 10)
        country = "NL"
    elif roll < 0.93:
        # Belgian account numbers carry their own mod-97 check in the last two digits
        account = rng.choice(_BE_BANKS) + _digits(rng, 7)
        check_be = int(account) % 97 or 97
        body, country = f"{account}{check_be:02d}", "BE"
    else:
        body, country = _digits(rng, 18), "DE"
    check = stdnum_iban.calc_check_digits(country + "00" + body)
    compact = f"{country}{check}{body}"
    if rng.random() < 0.5:
        return compact if rng.random() < 0.8 else compact.lower()
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def bsn(rng: random.Random) -> str:
    """A nine-digit BSN that passes the eleven-test, written plain, dotted or spaced."""
    while True:
        first = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        total = sum(d * w for d, w in zip(first, range(9, 1, -1), strict=True))
        last = total % 11
        if last < 10:
            break
    number = "".join(map(str, first)) + str(last)
    dotted = f"{number[:4]}.{number[4:6]}.{number[6:]}"
    return rng.choice((number, number, dotted, f"{number[:3]} {number[3:6]} {number[6:]}"))


def document_number(rng: random.Random) -> str:
    """A Dutch passport or ID-card number: letters and digits, never the letter O, last a digit."""
    letters = string.ascii_uppercase.replace("O", "")
    alnum = letters + _DIGITS
    return (rng.choice(letters) + rng.choice(letters) + "".join(rng.choice(alnum) for _ in range(6))
            + rng.choice(_DIGITS))


def plate(rng: random.Random) -> str:
    """A Dutch licence plate in one of the sidecodes, with or without dashes."""
    pattern = rng.choice(_SIDECODES)
    out = "".join(rng.choice(_PLATE_LETTERS) if ch == "X" else rng.choice(_DIGITS) if ch == "9" else ch
                  for ch in pattern)
    roll = rng.random()
    if roll < 0.15:
        return out.replace("-", "")
    if roll < 0.3:
        return out.lower()
    return out


def postcode(rng: random.Random) -> str:
    """A Dutch postcode: 1000-9999 plus two letters (never SA, SD or SS), in three notations."""
    while True:
        letters = rng.choice(string.ascii_uppercase) + rng.choice(string.ascii_uppercase)
        if letters not in ("SA", "SD", "SS"):
            break
    number = str(rng.randint(1000, 9999))
    return rng.choice((f"{number} {letters}", f"{number}{letters}", f"{number}{letters.lower()}",
                       f"{number} {letters.lower()}"))


def birth_date(rng: random.Random, on: date, age: int) -> str:
    """A birth date that makes someone `age` years old on `on`, in one of several notations."""
    latest = date(on.year - age, on.month, min(on.day, 28))
    born = latest - timedelta(days=rng.randint(1, 360))
    d, m, y = born.day, born.month, born.year
    forms = (
        f"{d:02d}-{m:02d}-{y}", f"{d}-{m}-{y}", f"{d:02d}/{m:02d}/{y}", f"{d} {_MONTHS_NL[m - 1]} {y}",
        f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}", f"{d}-{m}-{y % 100:02d}",
        f"{d} {_MONTHS_NL[m - 1][:3]} {y}",
    )
    return rng.choice(forms)


def house_number(rng: random.Random) -> str:
    n = str(rng.randint(1, 240))
    roll = rng.random()
    if roll < 0.12:
        return n + rng.choice("abc")
    if roll < 0.2:
        return f"{n}-{rng.randint(1, 4)}"
    if roll < 0.25:
        return f"{n} {rng.choice(('I', 'II', 'III', 'hs'))}"
    return n
