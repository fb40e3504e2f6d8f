"""Rule cases per variable, with near-misses: negation, a counsellor's question, someone else."""

from __future__ import annotations

import pytest

C = "counsellor"


@pytest.mark.parametrize("lines, expected", [
    (["ik ben docent op een mbo en ik heb een vraag over een leerling"], "professional"),
    (["Goedenavond, ik ben moeder van een meisje van 15."], "parent_or_carer"),
    (["het gaat niet over mij maar over mijn vriendin"], "friend"),
    (["hoi, ik ben de grote zus van een jongen van 12"], "other"),
    (["ik ben trainer bij de voetbalclub en het gaat om mijn zusje"], "other"),  # relation beats profession
    (["mijn begeleider zei dat ik hier ook kon chatten"], "victim"),  # someone else's job
    (["ik heb het aan mijn docent verteld"], "victim"),
    (["hoi", "ik word gepest"], "victim"),
])
def test_chatter_role(code, lines, expected):
    assert code(*lines)["chatter_role"] == expected


@pytest.mark.parametrize("lines, expected", [
    (["ik moet met mannen mee en die geven hem geld"], ["sexual"]),
    (["ik moet drugs wegbrengen voor die jongens"], ["criminal"]),
    (["ik werk 12 uur per dag en de baas houdt mijn paspoort"], ["labour"]),
    (["hij laat me drugs verkopen", "en soms moet ik met zijn vrienden mee, die geven hem geld"],
     ["sexual", "criminal"]),
    (["ik heb nooit drugs verkocht"], []),  # negation
    (["mn neef vroeg of ik een tas met spullen kon bewaren", "ik zei nee"], []),  # refused request
    ([(C, "Moet je drugs wegbrengen?"), "nee joh, ik word gepest"], []),  # a counsellor's question
])
def test_exploitation_type(code, lines, expected):
    assert sorted(code(*lines)["exploitation_type"]) == sorted(expected)


@pytest.mark.parametrize("lines, expected", [
    (["mijn oom neemt me mee naar mannen en die geven hem geld"], ["other_family"]),
    (["ik moet met mannen mee en ze betalen mijn oom", "nee mn vader heeft er niks mee te maken"],
     ["other_family"]),  # the father is negated
    (["mijn vriend zegt dat ik met mannen mee moet, die betalen hem", "nu woon ik bij mijn tante"],
     ["partner_loverboy"]),  # the aunt only gives shelter
    (["een jongen uit mijn klas bracht me naar een groep mannen", "ik moet drugs wegbrengen"],
     ["peer_acquaintance", "network"]),
    (["mijn vader is heel streng"], []),  # no exploitation, no perpetrator
])
def test_perpetrator(code, lines, expected):
    assert sorted(code(*lines)["perpetrator"]) == sorted(expected)


@pytest.mark.parametrize("lines, expected", [
    (["ik heb vorige week aangifte gedaan"], "yes"),
    (["we hebben een melding gedaan maar nog geen aangifte"], "no"),
    (["politie liever niet"], "no"),
    ([(C, "Heb je al aangifte gedaan?"), "ja, met mijn moeder"], "yes"),
    ([(C, "Wil je aangifte doen? Dat kan altijd."), "ik weet het niet"], "unknown"),  # a question is no fact
])
def test_police_report(code, lines, expected):
    assert code(*lines)["police_report"] == expected


@pytest.mark.parametrize("lines, expected", [
    (["ik heb het aan mijn moeder verteld maar ze geloofde me niet"], "disbelief"),
    (["mijn mentor geloofde me meteen en heeft hulp gezocht"], "supportive"),
    (["niemand weet het"], "not_told"),
    (["ik heb het eerst aan mijn vader verteld, die zei dat ik het zelf had gezocht",
      "later aan mijn mentor, die geloofde me wel"], "blame"),  # the first person told
    ([(C, "Weet iemand anders ervan?"), "nee"], "not_told"),
])
def test_disclosure_reaction(code, lines, expected):
    assert code(*lines)["disclosure_reaction"] == expected


@pytest.mark.parametrize("lines, expected", [
    (["hij zegt dat hij mijn foto's online zet als ik niet betaal"], "yes"),
    ([(C, "Vraagt hij iets van je, of dreigt hij ergens mee?"), "nee hij vraagt niks"], "no"),
    (["ik word gepest op school"], "unknown"),
])
def test_sextortion(code, lines, expected):
    assert code(*lines)["sextortion"] == expected


@pytest.mark.parametrize("lines, expected", [
    (["ik ken hem van snap"], ["Snapchat"]),
    (["hij stuurde me een bericht op insta en later op telegram"], ["Instagram", "Telegram"]),
    (["ik snap het niet goed"], []),  # the verb, not the app
    (["ik vond deze chat via tiktok"], []),  # where the helpline was found
    ([(C, "Blokkeer hem op Instagram."), "ok"], []),  # the counsellor's words
])
def test_platforms(code, lines, expected):
    assert sorted(code(*lines)["platforms"]) == sorted(expected)


@pytest.mark.parametrize("lines, expected", [
    (["ik moet met mannen mee naar een hotel"], ["hotel"]),
    (["ik moet met mannen mee in een stacaravan op de camping"], ["holiday_park"]),
    (["ik moet met mannen mee naar een garagebox"], ["storage_box"]),
    (["ik moet met mannen mee naar een hotel", "mijn moeder denkt dat ik in een restaurant werk"], ["hotel"]),
    (["ik zit vaak in het hotel van mijn tante"], []),  # no exploitation
])
def test_locations(code, lines, expected):
    assert sorted(code(*lines)["locations"]) == sorted(expected)


@pytest.mark.parametrize("lines, expected", [
    (["ik moet met mannen mee, mijn vriend regelt het en hij houdt het geld",
      "ik zei nee maar dat maakte niks uit"], ["third_party_control", "victim_refused"]),
    (["mijn vader neemt me mee en dan moet ik met mannen mee", "die mannen gaven hem geld"],
     ["paid_parent"]),  # a payment to the exploiting parent
    (["ik moet met mannen mee", "die mannen weten hoe oud ik ben"], ["age_visible_or_told"]),
    (["ik word gepest en ik zei nee"], []),  # no clients: not coded
])
def test_client_signals(code, lines, expected):
    assert sorted(code(*lines)["client_signals"]) == sorted(expected)


@pytest.mark.parametrize("lines, expected", [
    (["ik ben een meisje van 15"], "female"),
    (["is dit ook voor jongens?"], "male"),
    (["ik ben 16 en non-binair"], "other"),
    (["Goedemiddag, ik ben mentor en het gaat om een jongen van 14."], "male"),
    (["mijn vriend is een jongen van 17"], "unknown"),  # about someone else, the victim writes
])
def test_victim_gender(code, lines, expected):
    assert code(*lines)["victim_gender"] == expected


def test_clients_mentioned_is_always_coded(code):
    assert code("ik word gepest")["clients_mentioned"] == "no"
    assert code("ik moet met klanten mee")["clients_mentioned"] == "yes"


def test_every_code_carries_evidence_inside_its_message(rule_coder):
    from factories import make_conversation

    conversation = make_conversation(
        "hoi", "Hoi, vertel maar.", "ik ben 15 en ik moet met mannen mee naar een hotel"
    )
    coded = rule_coder.code(conversation)
    for variable in ("victim_age", "exploitation_type", "locations"):
        refs = coded.evidence[variable]
        assert refs
        for ref in refs:
            text = conversation.messages[ref.message].text
            assert conversation.messages[ref.message].role == "chatter"
            assert 0 <= ref.start < ref.end <= len(text)


def test_pseudonym_tags_code_like_names(code):
    raw = code("mijn vriend Ramon laat me met mannen mee gaan", "die vrienden geven Ramon geld",
               "ik ben 16 en het gebeurt bij Ramon thuis")
    tagged = code("mijn vriend [PERSON-1] laat me met mannen mee gaan", "die vrienden geven [PERSON-1] geld",
                  "ik ben 16 en het gebeurt bij [PERSON-1] thuis")
    assert raw == tagged
    assert tagged["locations"] == ["perpetrator_home"]
