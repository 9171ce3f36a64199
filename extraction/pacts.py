"""The phrases that name an agreement, for stage 6 (agreements.py): a named pact ("the Aachen
Treaty"), an acronym's pact ("AUKUS"), one told by its topic ("a memorandum of understanding on
critical minerals"), by what it is ("a defence cooperation agreement"), by count ("four pacts"),
the verbs that sign one, and the two usual forms of a memorandum's name."""

from __future__ import annotations

import re

HEAD = (
    r"(?:Agreement|Agreements|Treaty|Accord|Accords|Pact|Convention|Protocol|Deal|Charter|"
    r"Compact|Memorandum of Understanding|Declaration|Joint Statement|Exchange of Notes|"
    r"Action Plan)"
)
LOWER_HEAD = (
    r"(?:agreement|agreements|treaty|accord|accords|pact|deal|deals|convention|protocol|"
    r"declaration)"
)
CAPW = r"(?:[A-Z][\w.'&]*(?:-[A-Z][\w.'&]*)*|\d{4})"
NAMED = re.compile(
    r"(?P<name>(?:(?!"
    + HEAD
    + r"\b)"
    + CAPW
    + r"\s+(?:(?:of|for|the|de|and)\s+)?){0,7}"
    + HEAD
    + r"(?:\s+(?:of|on|for|[Cc]oncerning)\s+(?:the\s+)?"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    + CAPW
    + r"(?:\s+"
    + CAPW
    + r"){0,5})?)(?![\w-])"
    # "the Bharat Mandapam Convention Centre": a building, not a pact
    r"(?!\s+(?:Cent(?:re|er)|Hall|Complex|Building|Palace|Grounds?)\b)"
)
ACRONYM = re.compile(
    r"\b(?P<name>(?:New\s+)?[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)?)\s+(?:(?:security|trade|defen[cs]e|"
    r"nuclear|peace|free[- ]trade|climate|arms)\s+)?" + LOWER_HEAD + r"\b"
)
DESCRIPTIVE = re.compile(
    r"\b(?:the\s+)?(?P<name>(?:\d{4}\s+)?(?P<first>[A-Z][\w.'-]*(?:-[A-Z][\w.'-]*)*)"
    r"(?:\s+[A-Z][\w.'-]*)?\s+(?:(?!(?:said|says|signed|signs|inked|told|called|the|a|an)\b)"
    r"[a-z-]+\s+){0,2}" + LOWER_HEAD + r")\b"
)
UNNAMED = re.compile(
    r"\b(?:a|an|the)\s+(?:new\s+|landmark\s+|historic\s+|major\s+|trilateral\s+|bilateral\s+)*"
    r"(?P<name>(?:[a-z-]+\s+){0,2}" + LOWER_HEAD + r"\s+(?:with|between|among)\s+"
    r"(?P<parties>(?:(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?(?:,\s*|\s+and\s+)?){1,6}))"
)
SIGN_VERB = re.compile(
    r"\b(?:sign(?:s|ed|ing)?|announc(?:e|es|ed|ing)|reach(?:es|ed)?|struck|strikes?|ink(?:s|ed)?|"
    r"conclud(?:e|es|ed)|finali[sz](?:e|es|ed)|unveil(?:s|ed)?|agree(?:s|d)?\s+(?:on|to)|"
    r"seal(?:s|ed)?|ratif(?:y|ies|ied)|exchang(?:e|es|ed|ing))\b",
    re.I,
)
# "in" ends a topic ("an MoU on trade in Delhi"), except after "cooperation in (the field of) X"
IN_ENDS = r"(?<!cooperation)(?<!collaboration)(?<!partnership)\s+in\b"
# "signed a memorandum of understanding on critical minerals": an unnamed pact named by topic
SIGNED_TOPIC = re.compile(
    r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)?|exchang(?:e|es|ed)|conclud(?:e|es|ed)|seal(?:s|ed)?|"
    r"initial(?:l)?(?:ed|s)?)\s+"
    r"(?:a|an|the)\s+(?:new\s+|bilateral\s+|draft\s+|[a-z]+(?:ed|ive)\s+)?"
    r"(?P<name>(?:memorandum of "
    r"understanding|memorandum|MoU|agreement|accord|deal|pact|treaty)\s+(?:on|for|to(?=\s+[a-z]))\s+"
    r"(?!(?:a|an|the)\b)(?:[\w$'-]+\s+){0,5}?[\w'-]+)(?=\s*[,.;(]|\s+(?:as|and|with|during|"
    r"at|on|that|which|between|while|after|to|by|under|last|this|next|from|worth|was|were|"
    r"will|is|are)\b|" + IN_ENDS + r")"
)
_TOPIC_TAIL = (
    r"(?P<topic>(?:the\s+)?(?!(?:a|an|the)\b)(?:[\w$'-]+\s+){0,8}?[\w'-]+)"
    r"(?=\s*[,.;(]|\s+(?:as|and|with|during|at|that|which|between|while|after|by|under|from)\b|"
    + IN_ENDS
    + r")"
)
# "signed an agreement this Tuesday in Montevideo for the establishment of consultations":
# the topic told after a time and a place
SIGNED_TOPIC_LATER = re.compile(
    r"\bsign(?:s|ed|ing)?\s+(?:a|an)\s+(?P<head>agreement|accord|treaty|memorandum of "
    r"understanding|MoU)\s+(?:(?:(?:this|last|on)\s+)?[A-Z]\w+\s+|in\s+[A-Z][\w-]+\s+){1,2}"
    r"(?P<prep>for|on)\s+(?:their\s+|its\s+)?" + _TOPIC_TAIL
)
# "Another agreement was also signed on security and the fight against crime"
SIGNED_TOPIC_PASSIVE = re.compile(
    r"\b(?i:an?|another)\s+(?P<head>agreement|accord|treaty|protocol|memorandum of "
    r"understanding|MoU)\s+(?:was|has\s+been|had\s+been|will\s+be)\s+(?:also\s+)?signed\s+"
    # "An MoU was signed between the two ministries on cooperation in health"
    r"(?:(?:between|by)\s+the\s+two\s+\w+\s+)?"
    r"(?P<prep>on|for)\s+" + _TOPIC_TAIL
)
# "signed a joint declaration establishing ...", "issued a joint statement"
JOINT_DOCUMENT = re.compile(
    r"\b(?:sign|issu|adopt|releas)\w*\s+(?:of\s+)?(?:a|the|their)\s+"
    r"(?P<name>joint\s+(?:declaration|statement|communiqu[eé]))\b"
    # then named by its topic (SIGNED_ITEM), not its day
    r"(?!\s+(?:on|for|concerning|between|of)\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|\d)))",
    re.I,
)
# "two agreements were signed. The first concerns civil protection, and the second concerns
# health": each of a set told by its place in it
ORDINAL_ITEM = re.compile(
    r"\b(?i:the)\s+(?:first|second|third|fourth|fifth|sixth|last|other)\s+(?:(?:agreement|accord|"
    r"deal|pact|memorandum|MoU|document|one)\s+)?(?:signed\s+)?(?:concerns|involves|covers|"
    r"deals\s+with|relates\s+to|focus(?:s?es)\s+on|provides\s+for|is\s+(?:on|about))\s+"
    r"(?P<topic>(?!(?:a|an)\b)"
    r"(?:[\w$'-]+\s+){0,8}?[\w'-]+)(?=\s*[,.;(]|\s+(?:and|while|which|as)\b)"
)
# "two low-level, yet significant, political agreements will be signed": the set they are of
COUNTED_SET = re.compile(
    r"\b(?i:two|three|four|five|six|seven|eight|nine|ten|\d+)\b[^.;]{0,60}?\b(?P<head>agreements|"
    r"accords|pacts|deals|(?i:MoUs)|documents|treaties|instruments|protocols|(?i:memorand(?:a|ums)\s+of\s+"
    r"understanding))\b"
)
SET_SINGULAR = {
    "agreements": "agreement", "accords": "accord", "pacts": "pact", "deals": "deal",
    "mous": "MoU", "documents": "document", "treaties": "treaty", "instruments": "instrument",
    "protocols": "protocol",
    "understanding": "memorandum of understanding",
}  # fmt: skip
# "witnessed the signing of ... documents, including a memorandum of understanding on X, a
# protocol on Y and a cooperation plan on Z": instruments named by their topic in a sentence
# about signing them (or about issuing a joint statement)
SIGNED_ITEM = re.compile(
    r"(?:\b(?:a|an)|(?<=\bare)|(?<=\binclude)|(?<=\bincluding)|(?<=[:;,])|(?<=\band)|"
    r"(?<=\bare\s-)|(?<=\bare\s–))\s+"  # "the four memorandums ... are - MoU on X, MoU on Y"
    r"(?:new\s+|bilateral\s+)?(?P<mod>(?:comprehensive|strategic|framework|landmark|historic)\s+)?"
    r"(?P<head>memorandum of understanding|memorandum|MoU|MOU|(?i:letter of intent)|"
    r"agreement|accord|protocol|treaty|convention|pact|deal|document|(?:cooperation|action)\s+plan|"
    r"(?:cooperation|exchange)\s+programme|joint\s+(?:statement|declaration))"
    r"(?:\s*\((?:MoU|MOU|LOI|LoI)\))?\s+"
    r"(?P<prep>on|for|concerning|to(?=\s+[a-z])|(?<=MoU\s)between|(?<=MOU\s)between)\s+"
    r"(?P<topic>(?!(?:a|an)\b)(?:[\w$'-]+\s+){0,9}?[\w'-]+)(?=\s*[,.;(]|\s+(?:as|and|with|"
    r"during|at|on|that|which|between|while|after|to|by|under|from|for|was|were|will|is|are|"
    r"has|have|had|would)\b|" + IN_ENDS + r")"
)
# "The MoU on maritime security was signed by the two ministers", "An agreement on trade was
# also concluded": a pact named by its topic, then told signed
TOPIC_THEN_SIGNED = re.compile(
    r"\b(?i:the|an?)\s+(?:new\s+|bilateral\s+)?(?P<head>(?:cooperation\s+|framework\s+)?"
    r"(?:memorandum of understanding|MoU|MOU|agreement|accord|protocol|treaty|pact|deal))\s+"
    r"(?P<prep>on|for|in\s+the\s+fields?\s+of)\s+"
    r"(?P<topic>(?!(?:a|an|the)\b)(?:[\w$'-]+\s+){0,8}?[\w'-]+)\s+(?:was|were|has\s+been|had\s+been|"
    r"will\s+be|would\s+be|is\s+to\s+be)\s+(?:also\s+)?(?:signed|inked|concluded|exchanged|sealed|"
    r"finali[sz]ed|reached)\b"
)
# "... memorandum of understanding on X and on Y": a second instrument of the same kind
AND_ON = re.compile(
    r"\s+and\s+(?P<prep>on|for)\s+(?P<topic>(?!(?:a|an|the)\b)(?:[\w$',-]+\s+){0,9}?[\w'-]+)"
    r"(?=\s*[.;(]|,\s+(?:and\s+)?(?:a|an)\b)"
)
# "signed a military cooperation agreement", "inked four pacts": a pact told by what it is
DESCRIBED = re.compile(
    r"\b(?i:a|an|the|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
    r"\d+)\s+"
    # "a raft of investment deals", "a series of agreements"
    r"(?:(?:raft|series|number|slew|host|package|set|range|batch)\s+of\s+)?"
    r"(?:(?:new|key|major|landmark|historic|bilateral)\s+)*"
    r"(?!(?:more|further|other|additional)\b)"  # "three further MoUs": part of a set told
    r"(?P<name>(?:(?!(?:of|on|with|and|to|for|the|sides|countries|nations|leaders|"
    r"sign\w*|ink\w*|seal\w*|conclud\w*|struck|reach\w*|exchang\w*)\b)[a-z-]+\s+){0,3}"
    r"(?:agreements?|deals?|pacts?|accords?|treaty|treaties|(?i:memorand(?:um|a|ums)\s+of\s+"
    r"understanding)|MoUs?|MOUs?|documents|instruments|protocols))\b"
)
# "a bilateral treaty signed Friday with French President Macron": signed as it is named
SIGNED_PARTICIPLE = re.compile(
    r"\s+(?:signed|inked|sealed|concluded)\s+(?:(?:on|last|this)\s+)?"
    r"(?:[A-Z][a-z]+|today|yesterday)?\s*(?:with|by|between|in)\b"
)
# "witnessed the signing of cooperation documents in various fields": no article before them
SIGNING_OF = re.compile(
    r"\bsigning\s+(?:and\s+exchange\s+)?of\s+(?P<name>(?:(?!(?:the|a|an|some)\b)[a-z-]+\s+){1,3}"
    r"(?:agreements|documents|accords|deals|pacts|memoranda|MoUs))\b"
)
# "India and the UAE signed strategic partnership agreement": a pact signed with no article
SIGNED_BARE = re.compile(
    r"\b(?:signed|signs|inked)\s+(?P<name>(?:(?!(?:a|an|the|two|three|four|five|several|off|on|"
    r"up|into|with|and)\b)[a-z-]+\s+){2,3}(?:agreement|accord|treaty|pact|deal))\b"
)
GENERIC_MODIFIERS = frozenset(
    {"bilateral", "various", "several", "new", "other", "more", "further", "key", "major", "some"}
)
SIGNING_BEFORE = re.compile(
    r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)?|conclud(?:e|es|ed)|struck|seal(?:s|ed)?|"
    r"exchang(?:e|ed)|reach(?:es|ed)?)\b[^.;]{0,60}$",
    re.I,
)
# "Four agreements were signed during the visit": the signing told after the pacts
SIGNED_AFTER = re.compile(
    r"(?:\s+(?:in\s+\w+|on\s+\w+(?:\s+and\s+\w+)?|between\s+the\s+two\s+(?:sides|countries)))?"
    r"\s+(?:were|was|will\s+be|would\s+be|are|is|have\s+been|has\s+been|had\s+been|to\s+be)"
    r"\s+(?:\w+\s+)?(?:signed|inked|concluded|sealed|exchanged)\b",
    re.I,
)
SIGNING_NEARBY = re.compile(
    r"\b(?:signing|signed|exchange of (?:documents|agreements)|witness(?:ed)?)\b", re.I
)
ISSUE_VERB = re.compile(r"\b(?:issu(?:e|es|ed|ing)|adopt(?:s|ed|ing)?)\b")
VERB_BEFORE_HEAD = re.compile(
    r"\b(?:to|will|would|can|could|may|might|must|should|not|cannot)\s+\w+$"
)
ORG_AFTER = re.compile(r"^\s+(?:Organi[sz]ation|Secretariat|Commission|Council)\b")
ALIAS_AFTER = re.compile(
    r"^\s*(?:,\s*(?:or|known\s+as|also\s+known\s+as)\s+(?:the\s+)?|\s*\((?:the\s+)?)(?P<alias>[A-Z][A-Z0-9-]{2,})\b"
)
NOT_FIRST = {
    "The", "A", "An", "This", "That", "Under", "In", "On", "At", "After", "But", "And", "As",
    "Its", "Their", "His", "Her", "Our", "Any", "No", "Such", "Some", "Both", "Last", "New",
    "Trade", "Security", "Nuclear", "Peace", "Defense", "Climate", "Previous", "Earlier", "Each",
    "Signing", "Signature",
}  # fmt: skip
REGIONAL = re.compile(r"\b(?:North|South|Central|Latin|East|West)\s+American?\b|\bTrans-\w+")


COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip


SPELLED_OUT = re.compile(r"\bmemorand(?:um|a|ums)\s+of\s+understanding\b", re.I)
ABBREVIATED = re.compile(r"\bMOU(s?)\b", re.I)


def abbreviated(name: str) -> str | None:
    """The other usual form of a memorandum's name: "MoU" spelled out, or abbreviated."""
    m = SPELLED_OUT.search(name)
    if m:
        plural = not m.group(0).lower().startswith("memorandum ")
        return name[: m.start()] + ("MoUs" if plural else "MoU") + name[m.end() :]
    m = ABBREVIATED.search(name)
    if m:
        spelled = "memoranda of understanding" if m.group(1) else "memorandum of understanding"
        return name[: m.start()] + spelled + name[m.end() :]
    return None


# "signed accords on a partial relief of debts, the construction of a stadium and ...",
# "among which are memorandums of understanding between both countries' space agencies"
PLURAL_ITEMS = re.compile(
    r"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?|conclud(?:ed|es|e)|exchang(?:ed|es|e)|are|"
    r"include[sd]?|including|as\s+well\s+as)\s+(?:of\s+)?(?:the\s+following\s+)?"
    r"(?:(?P<count>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
    r"(?:(?:bilateral|new|various|other)\s+)?"
    r"(?P<head>accords|agreements|deals|pacts|(?i:memorand(?:a|ums)\s+of\s+understanding)|MoUs|"
    r"MOUs|protocols(?:\s+of\s+understanding)?|(?:agreements|accords)\s+and\s+"
    r"(?:memorand(?:a|ums)\s+of\s+understanding|MoUs))"
    r",?\s+(?P<prep>on|for|between|concerning|(?:in|around)\s+(?:the\s+)?(?:fields?|areas?|sectors?)"
    r"\s+of|covering)\s+(?P<topic>[^.;:]{3,220}?)"
    r"(?=\s*[.;:]|\s*$|,\s+(?:as\s+well\s+as|which|while|among|including|along)\b)"
)
_SINGULAR = {"accords": "accord", "agreements": "agreement", "protocols": "protocol"}
_ITEM_SPLIT = re.compile(r",\s*(?:and\s+)?(?=(?:the|a|an)\s)|\s+and\s+(?=(?:the|a|an)\s)")


# "four Memoranda of Understanding were signed on consular cooperation (which ...), gender
# equality (...) and cultural collaboration": the plural before a passive signing
PLURAL_ITEMS_PASSIVE = re.compile(
    r"\b(?P<head>(?i:accords|agreements|deals|memorand(?:a|ums)\s+of\s+understanding)|MoUs|MOUs|"
    r"protocols)\s+(?:were|have\s+been|had\s+been|will\s+be)\s+(?:also\s+)?signed\s+"
    # "Agreements were signed between the two governments on co-operation in energy, ..."
    r"(?:between\s+the\s+two\s+\w+\s+)?"
    r"(?P<prep>on|for|in\s+the\s+(?:fields?|areas?|sectors?)\s+of)\s+"
    r"(?P<topic>[^.;:]{3,900}?)(?=\s*[.;:]|\s*$|,\s+the\s+\w+(?:\s+\w+)?\s+said\b)"
)
# "Agreements on trade, health and education were signed after the talks"
PLURAL_TOPIC_THEN_SIGNED = re.compile(
    r"\b(?P<head>(?i:accords|agreements|deals|memorand(?:a|ums)\s+of\s+understanding)|MoUs|MOUs|"
    r"protocols)\s+(?P<prep>on|for)\s+(?P<topic>[^.;:]{3,200}?)\s+(?:were|have\s+been|had\s+been|"
    r"will\s+be)\s+(?:also\s+)?(?:signed|inked|concluded|exchanged)\b"
)


def _without_asides(text: str) -> str:
    """The text with what stands in brackets blanked out (offsets kept)."""
    return re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), text)


def listed_items(text: str) -> list[tuple[str, int, int]]:
    """Instruments a plural names by topic, one per topic of a list of noun phrases ("accord on
    a partial relief of debts", "accord on the construction of a stadium"), or the plural as
    told when it names one topic; each with its span in ``text``."""
    out = []
    plain = _without_asides(text)
    matches = [
        *PLURAL_ITEMS.finditer(text),
        *PLURAL_ITEMS_PASSIVE.finditer(plain),
        *PLURAL_TOPIC_THEN_SIGNED.finditer(text),
    ]
    for m in matches:
        head, prep, topic = m.group("head"), m.group("prep"), m.group("topic").strip()
        counted = "count" in m.re.groupindex and m.group("count")
        comma = text[m.end("head") : m.start("prep")].startswith(",")
        if counted and (not comma or prep.endswith(" of") or prep == "covering"):
            continue  # "four agreements covering ...": the set told by its count
        if prep.endswith(" of") or prep == "covering":
            # "agreements in the fields of water, energy and electricity": one set
            out.append((f"{head} {prep} {topic}", m.start("head"), m.end("topic")))
            continue
        # a list cut short ("..., cultural collaboration, a") ends at its last whole item
        items = [i.strip() for i in _ITEM_SPLIT.split(topic) if re.search(r"\w{3}", i)]
        twice = _SAME_PREP_TWICE.match(topic.split(", ")[0])
        if twice:
            # "two accords, on cooperation in defence matters and in science and culture"
            items = [twice.group("x"), twice.group("y")]
        if len(items) < 2:
            # "agreements on defense, mining and oil, and investment promotion": short topics
            bare = [
                b.strip() for b in re.split(r"\s*,\s*(?:and\s+)?", topic) if re.search(r"\w{3}", b)
            ]
            if len(bare) >= 2 and all(0 < len(b.split()) <= 4 for b in bare):
                items = bare
        if len(items) < 2 or not all(
            re.match(r"(?:the|a|an)\s", i) or len(i.split()) <= 4 for i in items
        ):
            out.append((f"{head} {prep} {topic}", m.start("head"), m.end("topic")))
            continue
        one = _SINGULAR.get(head.lower()) or (
            "MoU" if head.lower() == "mous" else "memorandum of understanding"
        )
        at = m.start("topic")
        source = plain if m.re is PLURAL_ITEMS_PASSIVE else text
        for k, item in enumerate(items):
            start = source.find(item, at)
            if start < 0:
                start = at
            named = item if not (twice and k) else f"{twice.group('lead')} {item}"
            out.append((f"{one} {prep} {named}", start, start + len(item)))
            at = start + len(item)
    return out


# "cooperation in defence matters and in science and culture": two topics sharing their head
_SAME_PREP_TWICE = re.compile(
    r"^(?P<x>(?P<lead>[\w-]+(?:\s+[\w-]+)?\s+(?P<p>in|on|for))\s+[^,]+?)\s+and\s+(?P=p)\s+"
    r"(?P<y>[^,]+)$"
)
