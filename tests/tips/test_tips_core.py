"""The plain-Python core of the tips: codes, keys, identifiers, statuses."""

import pytest
from cryptography.fernet import Fernet

from inbeeld.errors import ConfigError
from inbeeld.tips import (
    Status,
    TipsError,
    check_transition,
    find_identifiers,
    load_keys,
    new_receipt_code,
    normalise,
    normalise_code,
    receipt_hash,
)
from inbeeld.tips.crypto import DESTROYED


@pytest.fixture(scope="module")
def keys():
    return load_keys({"INBEELD_TIPS_MASTER_KEY": Fernet.generate_key().decode()})


def test_receipt_codes_are_sixteen_random_digits():
    codes = {new_receipt_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(normalise_code(c) is not None and len(normalise_code(c)) == 16 for c in codes)


def test_receipt_code_typing_is_forgiving_but_not_lax():
    assert normalise_code("1234-5678 9012 3456") == "1234567890123456"
    assert normalise_code("1234 5678 9012 345") is None
    assert normalise_code("1234 5678 9012 345x") is None


def test_receipt_hash_is_keyed_and_stable():
    code = new_receipt_code()
    assert receipt_hash(code, b"pepper-a") == receipt_hash(code.replace(" ", ""), b"pepper-a")
    assert receipt_hash(code, b"pepper-a") != receipt_hash(code, b"pepper-b")
    assert code.replace(" ", "") not in receipt_hash(code, b"pepper-a")


def test_receipt_hash_is_hmac_sha256_of_the_digits_and_needs_a_pepper():
    # RFC 4231 test case 2 ("what do ya want for nothing?" under key "Jefe") checks the HMAC
    # construction independently of the code under test; the digits are what is keyed
    import hashlib
    import hmac

    assert (
        hmac.new(b"Jefe", b"what do ya want for nothing?", hashlib.sha256).hexdigest()
        == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    )
    assert (
        receipt_hash("1234 5678 9012 3456", b"Jefe")
        == hmac.new(b"Jefe", b"1234567890123456", hashlib.sha256).hexdigest()
    )
    with pytest.raises(ValueError, match="pepper"):
        receipt_hash("1234 5678 9012 3456", b"")
    with pytest.raises(ValueError, match="receipt code"):
        receipt_hash("1234", b"Jefe")


def test_each_tip_has_its_own_key(keys):
    a, b = keys.new_wrapped_key(), keys.new_wrapped_key()
    token = keys.encrypt(a, "de buurman heeft steeds andere meisjes over de vloer")
    assert keys.decrypt(a, token) == "de buurman heeft steeds andere meisjes over de vloer"
    with pytest.raises(TipsError):
        keys.decrypt(b, token)


def test_a_destroyed_key_cannot_be_read_even_with_the_master_key(keys):
    wrapped = keys.new_wrapped_key()
    token = keys.encrypt(wrapped, "een melding")
    with pytest.raises(TipsError, match="destroyed"):
        keys.decrypt(DESTROYED, token)


def test_another_master_key_cannot_unwrap(keys):
    other = load_keys({"INBEELD_TIPS_MASTER_KEY": Fernet.generate_key().decode()})
    wrapped = keys.new_wrapped_key()
    with pytest.raises(TipsError):
        other.cipher(wrapped)


def test_master_key_from_a_file(tmp_path):
    key = Fernet.generate_key()
    path = tmp_path / "tips.key"
    path.write_bytes(key)
    from_file = load_keys({"INBEELD_TIPS_MASTER_KEY_FILE": str(path)})
    from_env = load_keys({"INBEELD_TIPS_MASTER_KEY": key.decode()})
    assert from_file.link_hash("phone", "+31612345678") == from_env.link_hash("phone", "+31612345678")


def test_missing_or_bad_master_key_is_a_clear_error():
    with pytest.raises(ConfigError, match="INBEELD_TIPS_MASTER_KEY"):
        load_keys({})
    with pytest.raises(ConfigError, match="not a Fernet key"):
        load_keys({"INBEELD_TIPS_MASTER_KEY": "geheim"})


def test_link_hashes_link_equal_identifiers_only(keys):
    assert keys.link_hash("phone", normalise("phone", "06-12345678")) == keys.link_hash(
        "phone", normalise("phone", "+31 6 1234 5678")
    )
    assert keys.link_hash("phone", "+31612345678") != keys.link_hash("handle", "+31612345678")
    assert "12345678" not in keys.link_hash("phone", "+31612345678")


def test_identifiers_are_found_with_the_deid_recognisers():
    text = (
        "Hij belt vanaf 06-12345678, snap: kim_x22, advertentie op https://www.voorbeeld.nl/adv/123/, "
        "auto met kenteken 12-ABC-3, ze gaat vaak naar utrecht."
    )
    found = {(i.kind, i.value) for i in find_identifiers(text)}
    assert {
        ("phone", "+31612345678"),
        ("handle", "kim_x22"),
        ("link", "voorbeeld.nl/adv/123"),
        ("plate", "12ABC3"),
        ("place", "utrecht"),
    } <= found


def test_status_steps_need_a_reason_and_follow_the_order():
    assert check_transition("new", "investigating", "eerste contact") == Status.INVESTIGATING
    with pytest.raises(TipsError, match="reason"):
        check_transition("new", "investigating", "  ")
    with pytest.raises(TipsError, match="cannot go"):
        check_transition("new", "handed_over", "direct")
    with pytest.raises(TipsError):
        check_transition("new", "deleted", "weg")
