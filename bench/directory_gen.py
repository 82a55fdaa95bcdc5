"""A synthetic directory of services for benchmarks and tests: N organizations with varied
text, services, languages and areas, every one marked `synthetic: true` and named
"SYNTHETIC …", with numbers in the 555-01xx range reserved for fiction and addresses under
the reserved .example domain. Written under a temporary folder, never under webapp/content:
the app refuses synthetic entries unless DIRECTORY_ALLOW_SYNTHETIC is set.

    python -m bench.directory_gen 10000 /tmp/synthetic-content
"""

from __future__ import annotations

import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

from webapp import content
from webapp.content import vocabulary
from webapp.directory import store

ADJECTIVES = ("Northern", "Southern", "Eastern", "Western", "Central", "Coastal", "Valley", "Mountain",
              "River", "Prairie", "Harbor", "Lakeside", "Desert", "Pine", "Cedar", "Oak", "Summit",
              "Bay", "Delta", "Canyon", "Meadow", "Bridge", "Lantern", "Compass", "Anchor", "Beacon")
NOUNS = ("Workers", "Families", "Survivors", "Neighbors", "Communities", "Farmworkers", "Immigrants",
         "Youth", "Women", "Justice", "Freedom", "Hope", "Unity", "Dignity", "Safety", "Rights")
KINDS = ("Center", "Coalition", "Legal Aid", "Alliance", "Project", "Network", "Services",
         "Clinic", "Shelter", "Outreach", "Collective", "Foundation", "Partnership", "Law Center")
OFFERS = ("free legal advice", "emergency shelter", "help with unpaid wages", "case management",
          "counseling", "medical referrals", "help with T visa applications", "job training",
          "interpreters at appointments", "food and clothing", "transportation to appointments",
          "know-your-rights workshops", "support groups", "safety planning", "housing search help",
          "help getting identity documents back", "court accompaniment", "crisis counseling",
          "English classes", "help reporting workplace abuse")
FOR = ("farmworkers", "domestic workers", "restaurant workers", "construction workers",
       "hotel and cleaning staff", "young people", "families", "survivors of labor trafficking",
       "people without papers", "workers on temporary visas", "women", "anyone who asks")
WHERE = ("in rural counties", "across the region", "in the city and nearby towns", "along the coast",
         "in farm country", "near the border", "in the metro area", "statewide")
EXTRA = ("Walk-ins are welcome.", "Call first to make an appointment.", "Services are confidential.",
         "No one is asked about immigration status.", "Staff can meet you somewhere safe.",
         "Some help is available on weekends.", "", "", "")
HOURS = ("Monday to Friday, 9:00 to 5:00.", "Open 24 hours a day.", "Weekdays and Saturday mornings.",
         "By appointment.", None, None)
SPANISH = ("Ayuda legal gratuita y refugio de emergencia.", "Ayuda con salarios no pagados.",
           "Manejo de casos y consejería confidencial.", "Apoyo para trabajadores del campo.")
AREA_CODES = ("201", "210", "213", "305", "312", "404", "415", "503", "512", "602", "713", "808",
              "907", "916", "919", "956", "971", "787")
LANGUAGES = (("en", 0.9), ("es", 0.6), ("zh-Hans", 0.08), ("vi", 0.08), ("ko", 0.05), ("tl", 0.06),
             ("ht", 0.05), ("pt", 0.05), ("ar", 0.05), ("ru", 0.04), ("fr", 0.04), ("zap", 0.02),
             ("nv", 0.01), ("so", 0.02), ("am", 0.02), ("hmn", 0.02))


def tag(i: int) -> str:
    """A unique tag in letters (A, B, ... Z, BA, BB, ...): a name holding a number such as 211
    or 988 would be refused as a short code, as a deployer's would."""
    letters = ""
    while True:
        i, r = divmod(i, 26)
        letters = chr(ord("A") + r) + letters
        if not i:
            return letters


def records(n: int = 10_000, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    services = list(vocabulary.SERVICES)
    populations = [p for p in vocabulary.POPULATIONS if p != vocabulary.EVERYONE]
    states = list(vocabulary.STATES)
    first_day = date(2024, 1, 1)
    out = []
    for i in range(n):
        name = f"SYNTHETIC {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(KINDS)} {tag(i)}"
        description = (f"{rng.choice(('Offers', 'Provides', 'Gives'))} {rng.choice(OFFERS)} and "
                       f"{rng.choice(OFFERS)} for {rng.choice(FOR)} {rng.choice(WHERE)}. "
                       f"{rng.choice(EXTRA)}").strip()
        area, nn = rng.choice(AREA_CODES), rng.randrange(100)
        display = f"{area}-555-01{nn:02d}"
        record = {
            "id": f"synthetic-{i:05d}", "synthetic": True, "name": name, "description": description,
            "services": rng.sample(services, rng.randint(1, 4)),
            "populations": [vocabulary.EVERYONE] if rng.random() < 0.1 else rng.sample(populations, rng.randint(1, 2)),
            "languages": [c for c, share in LANGUAGES if rng.random() < share] or ["en"],
            "area": vocabulary.NATIONAL if rng.random() < 0.05 else sorted(rng.sample(states, rng.randint(1, 2))),
            "phones": [{"number": f"+1{area}55501{nn:02d}", "display": display, "kind": "voice"}],
            "law_enforcement": rng.random() < 0.05,
            "source": "https://synthetic.example/source",
            "verified_on": (first_day + timedelta(days=rng.randrange(700))).isoformat(),
        }
        if rng.random() < 0.2:
            record["descriptions"] = {"es": rng.choice(SPANISH)}
        if rng.random() < 0.3:
            record["text"] = {"number": f"+1{area}55501{nn:02d}"}
        if rng.random() < 0.7:
            record["web_url"] = f"https://org-{i}.synthetic.example"
        if rng.random() < 0.4:
            record["email"] = f"help@org-{i}.synthetic.example"
        if (hours := rng.choice(HOURS)) is not None:
            record["hours"] = hours
        out.append(record)
    return out


def write(n: int, folder: Path, seed: int = 1) -> Path:
    """A full content folder (the shipped files) whose directory.yaml holds n synthetic
    organizations. Serve it with create_app({"CONTENT_DIR": folder, "DIRECTORY_ALLOW_SYNTHETIC": True})."""
    folder = Path(folder)
    if folder.resolve() == content.DEFAULT_DIR.resolve():
        raise SystemExit("refusing to write synthetic data into webapp/content")
    folder.mkdir(parents=True, exist_ok=True)
    for name in content.FILES:
        shutil.copy(content.DEFAULT_DIR / name, folder / name)
    store.path_in(folder).write_text(store.dump(records(n, seed)), encoding="utf-8")
    return folder


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("/tmp/synthetic-directory")
    print(write(count, target))


def write_import_csv(path: Path, rows: int) -> None:
    """A deployer's CSV for `flask directory import` of `rows` organizations, every column
    filled, descriptions in several languages, names and ids all different: at the import's row
    limit it fills the file nearly to its size limit (csvrows.MAX_ROWS, MAX_BYTES)."""
    import csv

    from webapp.directory import csvrows

    texts = {"es": "Ayuda legal gratuita para trabajadores del campo y sus familias, en varios idiomas.",
             "vi": "Trợ giúp pháp lý miễn phí cho công nhân nông trại và gia đình họ, bằng nhiều ngôn ngữ.",
             "ar": "مساعدة قانونية مجانية لعمال المزارع وعائلاتهم، بعدة لغات.",
             "ru": "Бесплатная юридическая помощь сельхозработникам и их семьям на нескольких языках."}
    letters = "abcdefghijklmnopqrstuvwxyz"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=csvrows.columns(), lineterminator="\r\n")
        writer.writeheader()
        for i in range(rows):
            word = "".join(letters[(i // 26 ** k) % 26] for k in range(4))
            row = {"id": f"org-{word}", "name": f"Workers Center {word.title()}",
                   "description": "Free legal help for farmworkers and their families, in several languages.",
                   "services": "legal; immigration-legal; labor-rights", "populations": "workers, farmworkers",
                   "languages": "en; es; vi", "area": "TX; NM; OK", "phone": "(512) 555-0100", "tty": "711",
                   "text": "512-555-0100", "text_keyword": "HELP", "web_url": f"https://{word}.example.org",
                   "email": f"help@{word}.example.org", "hours": "Monday to Friday, morning and afternoon.",
                   "law_enforcement": "no", "source": f"https://{word}.example.org/about",
                   "verified_on": "2026-01-15"}
            row |= {f"description_{code}": text for code, text in texts.items()}
            writer.writerow(row)
