"""Word lists the extractor uses: courts by ECLI code, platforms, offence names, person nouns.

Kept as data in one place so a knowledge centre can extend them without touching the rules.
"""

from __future__ import annotations

# ECLI court codes (current and pre-2013 courts) -> court name.
ECLI_COURTS: dict[str, str] = {
    "HR": "Hoge Raad", "PHR": "Parket bij de Hoge Raad",
    "GHAMS": "Gerechtshof Amsterdam", "GHARL": "Gerechtshof Arnhem-Leeuwarden",
    "GHDHA": "Gerechtshof Den Haag", "GHSHE": "Gerechtshof 's-Hertogenbosch",
    "GHARN": "Gerechtshof Arnhem", "GHLEE": "Gerechtshof Leeuwarden",
    "GHSGR": "Gerechtshof 's-Gravenhage",
    "RBAMS": "Rechtbank Amsterdam", "RBDHA": "Rechtbank Den Haag", "RBGEL": "Rechtbank Gelderland",
    "RBLIM": "Rechtbank Limburg", "RBMNE": "Rechtbank Midden-Nederland",
    "RBNHO": "Rechtbank Noord-Holland", "RBNNE": "Rechtbank Noord-Nederland",
    "RBOBR": "Rechtbank Oost-Brabant", "RBOVE": "Rechtbank Overijssel",
    "RBROT": "Rechtbank Rotterdam", "RBZWB": "Rechtbank Zeeland-West-Brabant",
    "RBALK": "Rechtbank Alkmaar", "RBALM": "Rechtbank Almelo", "RBARN": "Rechtbank Arnhem",
    "RBASS": "Rechtbank Assen", "RBBRE": "Rechtbank Breda", "RBDOR": "Rechtbank Dordrecht",
    "RBGRO": "Rechtbank Groningen", "RBHAA": "Rechtbank Haarlem", "RBLEE": "Rechtbank Leeuwarden",
    "RBMAA": "Rechtbank Maastricht", "RBMID": "Rechtbank Middelburg", "RBROE": "Rechtbank Roermond",
    "RBSGR": "Rechtbank 's-Gravenhage", "RBSHE": "Rechtbank 's-Hertogenbosch",
    "RBUTR": "Rechtbank Utrecht", "RBZLY": "Rechtbank Zwolle-Lelystad", "RBZUT": "Rechtbank Zutphen",
    "RBNHO_": "Rechtbank Noord-Holland",
}

# Platform names (lower-case pattern stem -> normalised name, as in the codebook) and their channel.
PLATFORMS: dict[str, tuple[str, str]] = {
    "kinky": ("Kinky.nl", "sex advertisement website"),
    "sexjobs": ("Sexjobs.nl", "sex advertisement website"),
    "hookers.nl": ("Hookers.nl", "sex advertisement website"),
    "redlights": ("Redlights.nl", "sex advertisement website"),
    "sexguide": ("Sexguide.nl", "sex advertisement website"),
    "escort-scout": ("Escort-scout.nl", "sex advertisement website"),
    "onlyfans": ("OnlyFans", "sex advertisement website"),
    "marktplaats": ("Marktplaats", "classified ads website"),
    "speurders": ("Speurders.nl", "classified ads website"),
    "facebook": ("Facebook", "social media"), "instagram": ("Instagram", "social media"),
    "snapchat": ("Snapchat", "social media"), "tiktok": ("TikTok", "social media"),
    "twitter": ("Twitter", "social media"), "hyves": ("Hyves", "social media"),
    "whatsapp": ("WhatsApp", "messaging app"), "telegram": ("Telegram", "messaging app"),
    "kik": ("Kik", "messaging app"), "skype": ("Skype", "messaging app"),
    "tinder": ("Tinder", "dating site or app"), "grindr": ("Grindr", "dating site or app"),
    "badoo": ("Badoo", "dating site or app"), "lovoo": ("Lovoo", "dating site or app"),
    "knuffelchat": ("Knuffelchat", "chat"), "jouwchat": ("Jouwchat", "chat"),
    "omegle": ("Omegle", "chat"), "chatroulette": ("Chatroulette", "chat"),
}

# Generic channel words (regex) -> channel, when no platform is named.
CHANNEL_WORDS: dict[str, str] = {
    r"seks(?:advertentie|site|website|contactsite)\w*|sex(?:site|advertentie)\w*|escortsite\w*"
    r"|erotische\s+advertentie\w*|advertentie\w*\s+op\s+(?:een\s+)?(?:seks|sex|escort)\w*"
    r"|(?:seks|sex)\s?advertentiesite\w*": "sex advertisement website",
    r"datingsite\w*|datingapp\w*": "dating site or app",
    r"sociale\s+media|social\s+media": "social media",
    r"chatsite\w*|chat-\s+en|chatbericht\w*|chatgesprek\w*|gechat": "chat",
    r"app-?bericht\w*|ge-?appt": "messaging app",
}

# When a text names several channels, the one that says most about how contact arose comes first.
CHANNEL_PRIORITY = ("sex advertisement website", "classified ads website", "dating site or app",
                    "social media", "chat", "messaging app")

# Offence names that imply an article when the text names no number for it.
OFFENCE_ARTICLES: dict[str, str] = {
    r"mensenhandel": "273f Sr",
    r"diefstal\s+door\s+twee\s+of\s+meer\s+verenigde\s+personen": "311 Sr",
    r"oplichting": "326 Sr",
    r"jeugdprostitutie": "248b Sr",
    r"grooming": "248e Sr",
    r"kinderporno\w*": "240b Sr",
    r"verkrachting": "242 Sr",
}

# Articles about sexual exploitation that are Sr articles even when "Sr" is not written.
KNOWN_SR_ARTICLES = frozenset({"240b", "242", "243", "244", "245", "247", "248a", "248b", "248c",
                               "248d", "248e", "248f", "250", "273f", "273g"})

VICTIM_NOUNS = (r"meisjes?|tienermeisjes?|jongens?|slachtoffers?|aangeefsters?|dochters?|kleindochters?"
                r"|stiefdochters?|nichtjes?|kind|kinderen|minderjarigen?|tieners?|scholieres?|prostitu[eé]es?"
                r"|zoons?|stiefzoons?|\[slachtoffer[^\]]*\]|\[aangeefster[^\]]*\]|\[minderjarige[^\]]*\]")
FEMALE_VICTIMS = (r"meisjes?|tienermeisjes?|aangeefsters?|dochters?|kleindochters?|stiefdochters?"
                  r"|nichtjes?|scholieres?|prostitu[eé]es?|(?:jonge|minderjarige|kwetsbare|beperkte)\s+vrouw(?:en)?"
                  r"|vrouwen|vrouw|\(klein\)kind")
MALE_VICTIMS = r"jongens?|zoons?|stiefzoons?"

# Nouns a news text uses for a defendant, with the role they imply (None: no role implied).
DEFENDANT_NOUNS: dict[str, str | None] = {
    "man": None, "vrouw": None, "verdachte": None, "beklaagde": None, "vriend": None,
    "ex-vriend": None, "vriendin": None, "jongeman": None, "echtpaar": None, "broer": None,
    "vader": "parent", "moeder": "parent", "stiefvader": "parent", "stiefmoeder": "parent",
    "ouders": "parent", "pooier": "trafficker", "pooiers": "trafficker", "loverboy": "trafficker",
    "mensenhandelaar": "trafficker", "mensenhandelaars": "trafficker", "uitbuiter": "trafficker",
    "eigenaar": "trafficker", "eigenares": "trafficker", "klant": "client", "klanten": "client",
    "hoerenloper": "client", "jongen": None, "zoon": None, "dochter": None, "hoofdverdachte": None,
    "medeverdachte": None, "handlanger": None, "partner": None, "zus": None, "neef": None,
    "oom": None, "tante": None, "chauffeur": None, "bordeelhouder": "trafficker",
    "exploitant": "trafficker", "souteneur": "trafficker", "bendeleider": "trafficker",
}
