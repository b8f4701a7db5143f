"""Quantity extractor: one test per construction of gold/GUIDELINES.md (Quantities), on sentences
written for these tests, plus the seed article in raw/."""
from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from flows.extract.base import ArticleText
from flows.extract.quantities import QuantityExtractor

SEED = Path(__file__).resolve().parents[2] / "raw" / "000_15f880b2d732555a.txt"
EX = QuantityExtractor()


def rows(text: str) -> list[dict]:
    return EX.extract(ArticleText("t", text))


def one(text: str) -> dict:
    out = rows(text)
    assert len(out) == 1, out
    return out[0]


def triple(r: dict) -> tuple:
    """(value, value_max, unit, bound) with values rounded so 1/3 compares as 0.3333."""
    rnd = (lambda v: None if v is None else round(v, 4))
    return rnd(r["value"]), rnd(r["value_max"]), r["unit"], r["bound"]


@pytest.mark.parametrize("text, mention, expected", [
    # digits, words, multipliers
    ("Police said 37 people were detained at the checkpoint.", "37 people", (37, None, "person", "=")),
    ("The convoy carried 300,000 rounds of ammunition.", "300,000 rounds", (300000, None, "round", "=")),
    ("Twenty-five fighters surrendered on the ridge.", "Twenty-five fighters", (25, None, "fighter", "=")),
    ("The ministry has pledged $1.5 billion for reconstruction.", "$1.5 billion", (1.5e9, None, "dollar", "=")),
    ("Investors lost $2bn in the crash.", "$2bn", (2e9, None, "dollar", "=")),
    ("The budget sets aside 120 billion Iraqi dinars for salaries.", "120 billion Iraqi dinars",
     (1.2e11, None, "iraqi dinar", "=")),
    ("A donor gave 40 million euros to the camp.", "40 million euros", (4e7, None, "euro", "=")),
    ("The patrol found a half dozen rockets.", "a half dozen rockets", (6, None, "rocket", "=")),
    ("Officers counted two dozen vehicles.", "two dozen vehicles", (24, None, "vehicle", "=")),
    # measures
    ("Customs seized 2.5 tonnes of hashish near the border.", "2.5 tonnes", (2.5, None, "ton", "=")),
    ("The pipeline runs 500 kilometres to the port.", "500 kilometres", (500, None, "kilometre", "=")),
    ("The town lies about 80km south of the city.", "about 80km", (80, None, "kilometre", "~")),
    ("The fire burned 40 square kilometers of farmland.", "40 square kilometers", (40, None, "square kilometre", "=")),
    ("The tanker held 12,000 gallons of fuel.", "12,000 gallons", (12000, None, "gallon", "=")),
    ("Turnout reached 44.5 percent in the province.", "44.5 percent", (44.5, None, "percent", "=")),
    ("Prices rose 12% last quarter.", "12%", (12, None, "percent", "=")),
    # durations
    ("He was sentenced to seven years in prison.", "seven years", (7, None, "year", "=")),
    ("The siege lasted 18 months.", "18 months", (18, None, "month", "=")),
    ("They held a three-week course for recruits.", "three-week", (3, None, "week", "=")),
    # ranges
    ("Between 3 and 5 drones were shot down.", "Between 3 and 5 drones", (3, 5, "drone", "=")),
    ("Each unit has 10 to 15 fighters.", "10 to 15 fighters", (10, 15, "fighter", "=")),
    ("The talks could take two to three years.", "two to three years", (2, 3, "year", "=")),
    ("An estimated 30,000-35,000 soldiers deserted.", "An estimated 30,000-35,000 soldiers",
     (30000, 35000, "soldier", "~")),
    # bounds
    ("They seized over one ton of pills.", "over one ton", (1, None, "ton", ">")),
    ("More than 70 people were hurt.", "More than 70 people", (70, None, "person", ">")),
    ("At least 12 soldiers were killed.", "At least 12 soldiers", (12, None, "soldier", ">")),
    ("Nearly 400 families returned home.", "Nearly 400 families", (400, None, "family", "~")),
    ("Some 700 militants remain in the valley.", "Some 700 militants", (700, None, "militant", "~")),
    ("Roughly 4,000 troops are deployed.", "Roughly 4,000 troops", (4000, None, "troop", "~")),
    ("Up to 3,200 Peshmerga guarded the pass.", "Up to 3,200 Peshmerga", (3200, None, "peshmerga", "<")),
    ("Fewer than 1,500 fighters are left.", "Fewer than 1,500 fighters", (1500, None, "fighter", "<")),
    ("The drive takes under two hours.", "under two hours", (2, None, "hour", "<")),
    # counted nouns
    ("Four suicide truck bombers hit the depot.", "Four suicide truck bombers",
     (4, None, "suicide truck bomber", "=")),  # an agent noun keeps its noun modifiers
    ("Nine bus drivers were stranded.", "Nine bus drivers", (9, None, "bus driver", "=")),
    ("Six foreign aid workers left.", "Six foreign aid workers", (6, None, "aid worker", "=")),
    ("Three senior customs officials spoke to reporters.", "Three senior customs officials",
     (3, None, "official", "=")),
    ("Eleven Syrians crossed at dawn.", "Eleven Syrians", (11, None, "syrian", "=")),
    ("The blast killed one soldier in the town.", "one soldier", (1, None, "soldier", "=")),
    ("The army faced one serious obstacle.", "one serious obstacle", (1, None, "obstacle", "=")),
    ("Gunmen shot 12 Dallas policemen.", "12 Dallas policemen", (12, None, "policeman", "=")),
    ("A clan of 19 people shares the farmhouse.", "19 people", (19, None, "person", "=")),
    ("At least 14 militia fighters surrendered.", "At least 14 militia fighters", (14, None, "fighter", ">")),
    ("About 3,000 women and girls fled.", "About 3,000 women and girls", (3000, None, "person", "~")),
    ("Militants seized 14 cities, towns and villages.", "14 cities, towns and villages", (14, None, "city", "=")),
    ("Aid of $1.5 to $2bn was pledged.", "$1.5 to $2bn", (1.5e9, 2e9, "dollar", "=")),
    ("Officials expect 80 to 100,000 people.", "80 to 100,000 people", (80000, 100000, "person", "=")),
    ("Two to three million people fled.", "Two to three million people", (2e6, 3e6, "person", "=")),
    ("The walls stood eight to 10 feet tall.", "eight to 10 feet", (8, 10, "foot", "=")),
    # rates, currencies with a code, money in pounds
    ("Exports reached 3.5 million barrels a day in May.", "3.5 million barrels a day",
     (3.5e6, None, "barrel per day", "=")),
    ("The bid values the firm at $70 a share.", "$70 a share", (70, None, "dollar per share", "=")),
    ("The convoy moved at 60 km/h on the highway.", "60 km/h", (60, None, "kilometre per hour", "=")),
    ("Sales were $1.1 billion a year earlier.", "$1.1 billion", (1.1e9, None, "dollar", "=")),
    ("The fee is USD115 per person.", "USD115 per person", (115, None, "dollar per person", "=")),
    ("A $400 million deal was signed.", "$400 million", (4e8, None, "dollar", "=")),  # "A $" is no A$
    ("The loan is worth C$300 million.", "C$300 million", (3e8, None, "canadian dollar", "=")),
    ("The club paid 361 million pounds for the land.", "361 million pounds", (3.61e8, None, "pound sterling", "=")),
    ("The baby weighed seven pounds.", "seven pounds", (7, None, "pound-mass", "=")),  # not the currency
    ("Temperatures reached 50 degrees Celsius in Basra.", "50 degrees Celsius", (50, None, "celsius", "=")),
    ("Half a million people fled the city.", "Half a million people", (5e5, None, "person", "=")),
    ("Iraq Jails Smuggler For 5 Years", "5 Years", (5, None, "year", "=")),  # a headline, not a name
    ("The war dragged on for three and a half years.", "three and a half years", (3.5, None, "year", "=")),
    ("About 2.5m people fled the region.", "About 2.5m people", (2.5e6, None, "person", "~")),
    ("The wall is 48m high.", "48m", (48, None, "metre", "=")),
    ("Exports fell to 2.1 mln barrels.", "2.1 mln barrels", (2.1e6, None, "barrel", "=")),
    ("She leads a 1,200-strong volunteer brigade.", "1,200-strong", (1200, None, "brigade", "=")),  # the noun counted,
    # fractions
    ("Almost half of the budget went to security.", "Almost half", (0.5, None, "fraction", "~")),
    ("Rebels held a third of the country.", "a third", (0.3333, None, "fraction", "=")),
    ("Two thirds of the voters stayed home.", "Two thirds", (0.6667, None, "fraction", "=")),
])
def test_constructions(text, mention, expected):
    r = one(text)
    assert r["mention_text"] == mention
    assert triple(r) == expected


@pytest.mark.parametrize("text", [
    "The city fell to the militants in 2017.",
    "Elections were held on March 5, 2019.",
    "The offensive began two months ago.",
    "The curfew starts at 10:30 p.m. every night.",
    "It was the second attack this week.",
    "The council passed Resolution 2379 unanimously.",
    "A 23-year-old man was arrested.",
    "The victim, Faraj, 54, was a farmer.",
    "Hundreds of families fled and dozens of homes burned.",
    "Several soldiers and thousands of civilians were evacuated.",
    "The ceasefire held for a year and a day.",
    "No one claimed the attack, one official said.",
    "An F-16 flew over and an AK-47 was found.",
    "One day the war will end, and at one time he was an aide.",
    "Growth slowed in the second half of the year.",
    "It was a $ sign, as $ signs go.",
])
def test_not_quantities(text):
    assert rows(text) == []


def test_f16_jets_counts_the_jets_not_the_model_number():
    assert [(r["value"], r["unit"]) for r in rows("Two F-16 jets flew over.")] == [(2, "jet")]


def test_elliptical_count_takes_the_noun_of_the_earlier_count():
    got = {(r["value"], r["unit"]) for r in rows("The storm destroyed eight houses and damaged 30.")}
    assert got == {(8, "house"), (30, "house")}


def test_casualty_word_makes_a_count_of_people():
    got = {(r["value"], r["unit"]) for r in rows("Two blasts left at least nine dead and 31 wounded.")}
    assert got == {(2, "blast"), (9, "person"), (31, "person")}


def test_a_bare_number_before_a_passive_casualty_verb_counts_people():
    assert [(r["value"], r["unit"], r["bound"]) for r in rows("At least 30 were killed on the bridge.")] == \
        [(30, "person", ">")]


def test_numbered_units_are_names():
    assert rows("Fighters of Brigade 30 and UNSCR 2379 were cited.") == []


def test_death_toll_counts_people():
    got = {(r["value"], r["unit"]) for r in rows("Two car bombs hit the market, raising the death toll to 56.")}
    assert got == {(2, "car bomb"), (56, "person")}


@pytest.mark.parametrize("text", [
    "Two men aged 23 and 26 were held.",  # the second age follows a dropped first one
    "The plan has three goals: 1) jobs, 2) roads.",  # list markers
    "Five bills passed the House, one by 227-205.",  # a tally
    "Five analysts spoke on Anderson Cooper 360 last night.",  # a name
    "Five clips aired on 60 Minutes and the tip line is +964 750 123 4567.",  # a show, a phone number
    "Two parties split, according to one official.",  # "one official" is a source
    "Two aides said Air Force One flew back.",  # a name
    "Two firms sell 5G phones and 3D printers.",  # letters glued to digits
    "Two aides said it was one that’s seen better days.",  # a pronoun
])
def test_bare_numbers_that_are_no_counts(text):
    assert [r["mention_text"] for r in rows(text) if r["value"] not in (2, 3, 5)] == []


def test_a_casualty_verb_before_a_bare_number_counts_people():
    got = {(r["value"], r["unit"], r["bound"]) for r in rows("Gunmen seized two trucks and killed nearly 300.")}
    assert got == {(2, "truck", "="), (300, "person", "~")}


def test_partitive_count_takes_the_noun_after_of():
    got = {(r["mention_text"], r["unit"]) for r in rows("Only 12 of the city's 40 schools reopened.")}
    assert got == {("12", "school"), ("40 schools", "school")}  # mentions do not overlap


def test_a_comma_alone_does_not_coordinate_nouns():
    r = one("After two harrowing days, members of his family returned.")
    assert (r["mention_text"], r["unit"], r["item"]) == ("two harrowing days", "day", None)


def test_coordination_stops_at_another_number():
    got = [(r["mention_text"], r["value"], r["unit"]) for r in rows("It listed 10 individuals and two groups.")]
    assert got == [("10 individuals", 10, "individual"), ("two groups", 2, "group")]


def test_item_is_what_is_measured():
    assert one("Customs found over two tons of counterfeit cigarettes.")["item"] == "counterfeit cigarettes"
    assert one("Congress approved a $700 million arms package.")["item"] == "arms package"


def test_converted_figure_in_brackets_shares_the_bound():
    got = rows("The border is about 60 kilometers (37 miles) away.")
    assert [(r["value"], r["unit"], r["bound"]) for r in got] == [(60, "kilometre", "~"), (37, "mile", "~")]


def test_normalised_values_for_summing():
    r = one("They seized 2 tons of explosives.")
    assert (r["normalized_value"], r["normalized_unit"]) == (2000, "kilogram")
    r = one("The road is 10 miles long.")
    assert r["normalized_unit"] == "kilometre" and r["normalized_value"] == pytest.approx(16.09344)
    r = one("The siege lasted three weeks.")
    assert (r["normalized_value"], r["normalized_unit"]) == (21, "day")
    assert one("It cost $3 million.")["normalized_unit"] == "USD"
    assert one("It cost 3 million dinars.")["normalized_unit"] == "iraqi dinar"
    r = one("Police detained 14 people.")
    assert (r["normalized_value"], r["normalized_unit"]) == (14, "person")


def test_seed_article_is_all_correct():
    text = SEED.read_text(encoding="utf-8")
    got = {(r["mention_text"], r["value"], r["value_max"], r["unit"], r["bound"], r["item"]) for r in rows(text)}
    assert got == {("three years", 3, None, "year", "=", None), ("Seven years", 7, None, "year", "=", None),
                   ("over one ton", 1, None, "ton", ">", "Captagon pills")}


def test_offsets_point_at_the_mention():
    text = ("MOSUL – Over 2.5 million people fled; some 800 fighters and 3 tanks were lost within two weeks, "
            "while $4bn (€3.6 billion) and 15% of the 2,000-strong force went missing.")
    out = rows(text)
    assert len(out) >= 6
    for r in out:
        assert text[r["start_char"]:r["end_char"]] == r["mention_text"]


@pytest.mark.parametrize("text", ["", " ", "\x00\ufffd\ufffd 1/0 ½½ $ € 9999999999999999999999 bn",
                                  "Ã¢â‚¬â„¢ 12 Ã¢â‚¬Å“peopleÃ¢â‚¬\x9d", "Faraj, " + "9" * 400 + ", and 1e999 people", "one " * 5000, "1,000,000,000,000,000 " * 200])
def test_odd_input_never_raises(text):
    for r in rows(text):
        assert text[r["start_char"]:r["end_char"]] == r["mention_text"]


def test_random_text_never_raises():
    rng = random.Random(7)
    alphabet = "0123456789 ,.-–/$€£%½abcdeonthrwlkmgsAIU\n()'\"of"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        for r in rows(text):
            assert text[r["start_char"]:r["end_char"]] == r["mention_text"]


@pytest.mark.parametrize("text", ["5 km" + " " * 100_000, "5 km" + "\n" * 100_000, "5 km -" + " " * 100_000 + "x"])
def test_a_long_whitespace_run_after_a_unit_is_read_in_linear_time(text):
    start = time.perf_counter()
    rows(text)
    assert time.perf_counter() - start < 1.0  # a backtracking pattern takes minutes here


def test_dense_numbers_cost_the_same_per_number_at_any_length():
    def seconds(n: int) -> float:
        text = "They counted 5 people, 6, 7 and 8. " * n
        start = time.perf_counter()
        rows(text)
        return time.perf_counter() - start
    small, large = seconds(500), seconds(4000)
    assert large < 8 * small * 3 + 0.5  # linear with slack for a busy machine; quadratic is ~64x


def test_fractions_keep_their_exact_value():
    assert one("Voters gave a third of the seats to the new party.")["value"] == 1 / 3
    assert one("Two thirds of the wells ran dry.")["value"] == 2 / 3


@pytest.mark.parametrize("text, mention, unit", [
    ("The bank swapped 40 Mexican pesos at the border.", "40 Mexican pesos", "mexican peso"),  # a CLDR name
    ("The flat sold for HK $300,000 last week.", "HK $300,000", "hong kong dollar"),  # spaced letters and sign
    ("A fee of MXN$ 120 applies.", "MXN$ 120", "mexican peso"),  # an ISO code before the sign
    ("Tickets cost ₡2,500 at the gate.", "₡2,500", "costa rican colón"),  # a sign before digits
    ("Tickets cost 2,500 ₡ at the gate.", "2,500 ₡", "costa rican colón"),  # and after
    ("She paid 300₾ for the bicycle.", "300₾", "georgian lari"),
    ("Rent is CHF 800 in the old town.", "CHF 800", "swiss franc"),  # an ISO code before digits
    ("Rent is 800 CHF in the old town.", "800 CHF", "swiss franc"),  # and after
    ("Wages rose by 10 usd.", "10 usd", "dollar"),  # a code in lower case after the number
    ("The loan is worth C$300 million.", "C$300 million", "canadian dollar"),
])
def test_currencies_from_the_iso_table(text, mention, unit):
    r = one(text)
    assert (r["mention_text"], r["unit"]) == (mention, unit)


def test_a_code_that_is_an_english_word_is_no_currency():
    assert [(r["value"], r["unit"]) for r in rows("They sold ALL 40 tickets.")] == [(40, "ticket")]


@pytest.mark.parametrize("text, mention, unit", [
    ("It was 104 °F in the shade.", "104 °F", "fahrenheit"),
    ("It was 104 degrees Fahrenheit in the shade.", "104 degrees Fahrenheit", "fahrenheit"),
    ("The dial moved one degree.", "one degree", "degree"),
    ("Police found a 9-mm pistol.", "9-mm", "millimetre"),
])
def test_temperatures_angles_and_hyphenated_symbols(text, mention, unit):
    r = one(text)
    assert (r["mention_text"], r["unit"]) == (mention, unit)


@pytest.mark.parametrize("text, expected", [
    ("The ferry ride takes half an hour.", [("half an hour", 0.5, "hour", "=")]),
    ("The feud lasted over half a century.", [("over half a century", 0.5, "century", ">")]),
    ("The shelter sits a third of a mile away.", [("a third of a mile", 1 / 3, "mile", "=")]),
    ("A quarter of a million voters stayed home.", [("A quarter of a million voters", 250000, "voter", "=")]),
    ("The motion failed by one vote short of a majority.", [("one vote", 1, "vote", "=")]),
    ("Only one building survived the flood.", [("one building", 1, "building", "=")]),
])
def test_fractions_of_a_unit_and_one(text, expected):
    assert [(r["mention_text"], r["value"], r["unit"], r["bound"]) for r in rows(text)] == expected


@pytest.mark.parametrize("text", [
    "He was the only one holding the keys.",  # a participle with its object
    "The twins helped one another.",
    "We asked for one more.",  # a comparative
    "one one one one",  # a number word is never the counted noun
    "Swings: 0.4 Nevada, 0.2 Kansas.",  # a capitalised word is a name unless listed
    "Voters ages 18 to 29 backed Warren.",  # both ends of an age range
    "The six-party talks resumed on a two-state solution.",  # a compound adjective that names a kind
])
def test_no_quantity_here(text):
    assert rows(text) == []


def test_mentions_never_overlap():
    out = rows("one one one one two three 4 5 people and a half dozen ten-man crews")
    assert all(a["end_char"] <= b["start_char"] for a, b in zip(out, out[1:]))


def test_a_hyphenated_person_noun_is_a_count():
    assert [(r["mention_text"], r["unit"]) for r in rows("Two 9-man squads left.")][-1] == ("9-man", "man")


@pytest.mark.parametrize("text, expected", [
    ("The court issued a 15-page ruling.", [("15-page", 15, "page")]),  # an N-noun compound counts
    ("Support fell from 40 percent in May 2015 to 22 percent by spring.",
     [("40 percent", 40, "percent"), ("22 percent", 22, "percent")]),  # a date is no age range
    ("The plan costs one and a half billion dollars.", [("one and a half billion dollars", 1.5e9, "dollar")]),
    ("He found 12 serious errors in the draft.", [("12 serious errors", 12, "error")]),  # no agent compound
])
def test_compounds_ranges_and_halves(text, expected):
    assert [(r["mention_text"], r["value"], r["unit"]) for r in rows(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The depot held 5 thou\u017fand rifles.", (5000, None, "rifle", "=")),  # long s: folds to s
    ("Carts brought 12 ton\u017f of grain.", (12, None, "ton", "=")),
    ("The shares paid $3 a \u017fhare.", (3, None, "dollar per share", "=")),
    ("Troops marched almo\u017ft 40 kilometres.", (40, None, "kilometre", "~")),
])
def test_letters_that_fold_to_ascii_are_read_without_error(text, expected):
    assert triple(one(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("The firm paid 3,25,000 rupees in fines.", (325000, None, "rupee", "=")),  # Indian grouping
    ("A grant of 1,00,00,000 rupees was approved.", (10000000, None, "rupee", "=")),
    ("The hall seats about 15, 000 guests.", (15000, None, "guest", "~")),  # a stray space, group 000
])
def test_digit_groupings(text, expected):
    assert triple(one(text)) == expected


@pytest.mark.parametrize("text, mention, unit", [
    ("Stir in 2 cups of flour.", "2 cups", "cup"),
    ("Add 1/2 teaspoon of salt.", "1/2 teaspoon", "teaspoon"),
    ("Add 3 tablespoons of oil.", "3 tablespoons", "tablespoon"),
    ("The phone ships with 128GB of storage.", "128GB", "gigabyte"),
    ("The link runs at 300 Mbps in the city.", "300 Mbps", "megabit per second"),
    ("Gold settled at $1,950 an ounce on Friday.", "$1,950 an ounce", "dollar per ounce"),
    ("Taxis charge 40 cents a mile at night.", "40 cents a mile", "cent per mile"),
    ("The lake warmed by 2 degree Celsius in a decade.", "2 degree Celsius", "celsius"),
    ("The kettle reads 90° Celsius now.", "90° Celsius", "celsius"),
    ("The bank froze 300 million francs.", "300 million francs", "franc"),
    ("Aid worth 5 billion CFA francs arrived.", "5 billion CFA francs", "cfa franc"),
    ("A wallet held 2.5 BTC when it was seized.", "2.5 BTC", "bitcoin"),
    ("Samples held 12 microgrammes per gramme of lead.", "12 microgrammes per gramme", "microgram per gram"),
    ("The signal took 40 milliseconds to arrive.", "40 milliseconds", "millisecond"),
    ("The wall is 8 dm thick.", "8 dm", "decimetre"),
])
def test_more_units(text, mention, unit):
    r = one(text)
    assert (r["mention_text"], r["unit"]) == (mention, unit)


@pytest.mark.parametrize("text, mention, expected", [
    ("The ticket cost 4 dollars 75 cents at the gate.", "4 dollars 75 cents", (4.75, None, "dollar", "=")),
    ("She paid nine dollars and twenty cents.", "nine dollars and twenty cents", (9.2, None, "dollar", "=")),
    ("A pint was 3 pounds 40 pence in the pub.", "3 pounds 40 pence", (3.4, None, "pound sterling", "=")),
    ("The fee rises to 12 USD 99.", "12 USD 99", (12.99, None, "dollar", "=")),
    ("The unit booked a loss of 40 MEUR last year.", "40 MEUR", (4e7, None, "euro", "=")),
    ("Sales reached MSEK 250 in the quarter.", "MSEK 250", (2.5e8, None, "swedish krona", "=")),
    ("The deal is worth 60 USD million to the group.", "60 USD million", (6e7, None, "dollar", "=")),
])
def test_amounts_with_a_minor_part_or_a_scaled_code(text, mention, expected):
    r = one(text)
    assert (r["mention_text"], triple(r)) == (mention, expected)


def test_a_word_after_digits_that_spells_m_and_a_code_is_no_scaled_amount():
    assert all(r["unit"] != "argentine peso" for r in rows("The probe sent back 2 MARS images."))


@pytest.mark.parametrize("text, n", [
    ("They paid 20 dollars and 30 people came.", 2),  # a count, not cents
    ("The bag weighs 15 pounds 50 grams.", 2),  # no minor part of a mass
    ("He paid 300 dollars, 20 of them in coins.", 1),
])
def test_a_number_after_an_amount_is_no_minor_part_without_its_cue(text, n):
    out = rows(text)
    assert len(out) == n and out[0]["value"] == int(out[0]["value"]), out


def test_a_rate_after_the_item_makes_the_unit_a_rate():
    r = one("The field pumps 40,000 barrels of crude a day.")
    assert (triple(r), r["item"], r["mention_text"]) == (
        (40000, None, "barrel per day", "="), "crude", "40,000 barrels of crude a day")
    assert one("They shipped 30 tons of flour a day later.")["unit"] == "ton"  # a point in time


@pytest.mark.parametrize("text, values", [
    ("The council voted 31-9 to close the plant.", [31, 9]),
    ("The bill passed on a 220-201 vote late on Friday.", [220, 201]),
    ("In the end the vote was 48 -47, a narrow win.", [48, 47]),
])
def test_each_side_of_a_vote_tally_counts_votes(text, values):
    out = rows(text)
    assert [(r["value"], r["unit"]) for r in out] == [(v, "vote") for v in values]


@pytest.mark.parametrize("text", [
    "The home side won 3-1 in the final.",
    "Residents chose the new mayor by a 60-40 percent margin.",
    "The voting age is 18-21 in the draft.",
    "After the vote, 30-40 protesters gathered outside.",
    "The votes of 3-4 members were lost.",
])
def test_a_score_a_range_or_a_percentage_split_is_no_vote_tally(text):
    assert all(r["unit"] != "vote" for r in rows(text))
