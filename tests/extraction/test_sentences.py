"""Stage 1, text and sentences (extraction/sentences.py, extraction/text.py): folding,
sentence offsets, page clutter."""

from extraction.text import fold, segment


def test_fold_keeps_length_and_strips_accents():
    text = "José Manuel Albares and Stéphane Séjourné met in Bogotá’s centre"
    folded = fold(text)
    assert len(folded) == len(text)
    assert "Jose Manuel Albares" in folded and "Bogota's" in folded


def test_sentences_have_exact_offsets():
    text = (
        "U.S. Secretary of State Antony J. Blinken arrived in Paris on Tuesday. "
        "He met Mr. Macron at the Elysee. The talks lasted an hour.\n\nA second paragraph."
    )
    sents = segment(text)
    assert [text[s.start : s.end] for s in sents] == [
        "U.S. Secretary of State Antony J. Blinken arrived in Paris on Tuesday.",
        "He met Mr. Macron at the Elysee.",
        "The talks lasted an hour.",
        "A second paragraph.",
    ]
    assert sents[3].paragraph > sents[2].paragraph


def test_us_abbreviation_at_sentence_end_splits_before_a_new_sentence():
    text = "Seoul donated two million masks to the U.S. After the inauguration, Moon tweeted."
    sents = segment(text)
    assert len(sents) == 2
    assert text[sents[1].start :].startswith("After the inauguration")


def test_page_clutter_is_dropped():
    text = "\n".join(
        [
            "Leaders meet in Rome",
            "Giorgia Meloni greets guests at the summit in Rome, Italy, June 1, 2023.",
            "Remo Casilli | Reuters",
            "Italian Prime Minister Giorgia Meloni met Indian Prime Minister Narendra Modi.",
            "Read More",
            "Sign up for our daily newsletter",
            "Advertisement",
            "Related: Pope visits Lisbon",
            "About the author",
            "Jane Roe covers diplomacy from Paris, France.",
        ]
    )
    kept = {text[s.start : s.end]: s.kind for s in segment(text)}
    assert "Remo Casilli | Reuters" not in kept
    assert not any("newsletter" in k or k == "Read More" or "Lisbon" in k for k in kept)
    assert not any("covers diplomacy" in k for k in kept)
    assert kept["Leaders meet in Rome"] == "heading"
    assert (
        kept["Italian Prime Minister Giorgia Meloni met Indian Prime Minister Narendra Modi."]
        == "body"
    )
    caption = "Giorgia Meloni greets guests at the summit in Rome, Italy, June 1, 2023."
    assert kept[caption] == "caption"


def test_video_caption_of_another_story_is_dropped():
    text = (
        "Ministers meet in Cairo\n\nFloods hit northern Italy: officials\n"
        "Source: Video Screenshot\n\n"
        "Egyptian Foreign Minister Sameh Shoukry met his Jordanian counterpart on Sunday."
    )
    kept = [text[s.start : s.end] for s in segment(text)]
    assert not any("Floods" in k for k in kept)
    assert any("Shoukry" in k for k in kept)


def test_clutter_lines_produce_nothing(run):
    text = "\n".join(
        [
            "Read More",
            "Advertisement",
            "Sign up for our daily newsletter",
            "FILE - U.N. Secretary-General Antonio Guterres speaks to reporters at U.N. "
            "headquarters, Sept. 11, 2024.",
            "Kevin Lamarque | Reuters",
            "(Reporting by Shivam Patel in New Delhi; Editing by Raju Gopalakrishnan)",
            "Associated Press writers Matthew Lee in Washington and Samy Magdy in Cairo "
            "contributed to this report.",
            "Share this article",
            "No comments",
        ]
    )
    doc = run(text, "2024-10-14")
    assert doc.engagements == [] and doc.trips == [] and doc.agreements == []
    assert not any(o.name in ("Shivam Patel", "Matthew Lee", "Samy Magdy") for o in doc.officials)


def test_a_hard_wrapped_paragraph_is_read_as_running_sentences():
    text = (
        "President Ana Ruiz wraps up tour\n\n"
        "The two sides signed accords on the construction of a national stadium in\n"
        "the capital and the establishment of a farm centre, among other things.\n"
        "In the capital, the president held talks with her counterpart about\n"
        "trade."
    )
    sentences = [s.text.replace("\n", " ") for s in segment(text) if s.kind == "body"]
    assert sentences == [
        "The two sides signed accords on the construction of a national stadium in the capital "
        "and the establishment of a farm centre, among other things.",
        "In the capital, the president held talks with her counterpart about trade.",
    ]


def test_a_sentence_case_headline_stays_apart_from_the_dateline_paragraph():
    text = (
        "Two ministers hold talks in Jakarta on sidelines of a regional meeting\n"
        "JAKARTA, July 7 (Wire) -- The foreign minister of one country met her counterpart "
        "from another on Thursday on the sidelines of the regional meeting in the capital."
    )
    first = segment(text)[0]
    assert first.text == "Two ministers hold talks in Jakarta on sidelines of a regional meeting"


def test_a_sentence_glued_to_the_next_one_is_split():
    text = "He will hold a summit with President Ana Duarte.He will then head to Lima."
    assert [s.text for s in segment(text)] == [
        "He will hold a summit with President Ana Duarte.",
        "He will then head to Lima.",
    ]


def test_a_text_wrapped_throughout_is_read_as_its_sentences():
    text = (
        "Chinese President Li Wei left the Seychellois capital of\n"
        "Victoria for Beijing on Saturday, winding up his eight-nation\n"
        "African tour.\n"
        "In Victoria, Li met his Seychellois counterpart James Alix\n"
        "Michel for talks on expanding cooperation between the\n"
        "two nations.\n"
        "In Maputo, Li held talks with Mozambican President Armando\n"
        "Emilio Guebuza on the same trip, officials said."
    )
    sents = [" ".join(s.text.split()) for s in segment(text)]
    assert sents[0].startswith("Chinese President Li Wei left") and sents[0].endswith("tour.")
    assert "James Alix Michel for talks" in sents[1]
    assert "Armando Emilio Guebuza" in sents[2]
