"""The glossary (translations/glossary.yaml, TRANSLATING.md "Terms that must stay distinct") as
`flask translate check` applies it. Reviews found translations that promised more than the
English: "the line" next to "not the police", the hotline's own word for every helpline,
"everything is kept secret" for "confidential", the word for a criminal complaint to the
police for a complaint to the Wage and Hour Division. Each of those slips is put back here, on
a copy of the catalog, and the check must name the locale, the message and the rule."""

from __future__ import annotations

import shutil

import pytest
from babel.messages.catalog import Catalog

from tests.conftest import ROOT
from webapp import glossary, locales, translate
from webapp.content.yamlfile import ContentError

TRANSLATIONS = ROOT / "translations"
HOTLINE_FIRST = ("You have the right to report abuse without being punished for it. You can talk to the hotline "
                 "first. It is not the police and not immigration, and it does not act without your permission "
                 "except when it suspects a child is being abused or someone is in danger right now.")
CARDS = "Small cards with the hotline's numbers, to print and hand out."
NAMED = "Cards that name the hotline"
EACH = "Each helpline shows the date its details were last checked, and the source they were checked against."
CHILDHELP = ("The Childhelp hotline is a national hotline about child abuse. You can call, text or chat, and "
             "interpreters are available. Childhelp is not a place to make an official report.")
UNPAID = "Not being paid what you are owed is wrong. You can report it, whatever your immigration status."
PUNISHED = "If you were punished for complaining, report it within 30 days."

# (locale, English message, the translation a review found, the glossary rule it breaks). The
# first block is issue 27's list, word for word; the second, slips an earlier review fixed.
SLIPS = [
    # The label every law-enforcement line carries starts with a capital: "Law enforcement".
    ("fr", "Law enforcement: immigration enforcement (ICE).", "Forces de l'ordre : police de l'immigration (ICE).",
     "law-enforcement"),
    ("es", HOTLINE_FIRST, "Tienes derecho a quejarte de los abusos sin que te castiguen por hacerlo. Puedes hablar "
     "primero con la línea. No es la policía ni inmigración, y no hace nada sin tu permiso, salvo cuando sospecha "
     "que están abusando de un niño o una niña, o cuando alguien está en peligro en este momento.", "hotline"),
    ("pt", HOTLINE_FIRST, "Você tem o direito de fazer uma queixa de abusos sem ser punido por isso. Você pode falar "
     "com a linha primeiro. Ela não é a polícia nem a imigração, e não age sem a sua permissão, a não ser quando "
     "suspeita que uma criança está sofrendo abuso ou quando alguém está em perigo agora.", "hotline"),
    ("ht", HOTLINE_FIRST, "Ou gen dwa rapòte abi san yo pa pini ou pou sa. Ou ka pale ak liy lan anvan. Li pa "
     "lapolis e li pa imigrasyon, epi li pa aji san pèmisyon ou, sof si li sispèk y ap fè yon timoun abi oswa si "
     "yon moun an danje kounye a.", "hotline"),
    ("vi", "It is confidential. It does not act without your permission, unless it suspects a child is being "
     "abused or someone is in immediate danger.", "Mọi điều đều được giữ bí mật. Đường dây nóng không làm gì nếu "
     "bạn không đồng ý, trừ khi nghi ngờ một trẻ em đang bị xâm hại hoặc có người đang gặp nguy hiểm ngay lập "
     "tức.", "confidential"),
    ("vi", "If someone keeps your papers, you can talk to the hotline. It is confidential, and it is not the police "
     "or immigration.", "Nếu có người giữ giấy tờ của bạn, bạn có thể nói chuyện với đường dây nóng. Mọi điều đều "
     "được giữ bí mật, và đường dây nóng không phải là cảnh sát hay cơ quan di trú.", "confidential"),
    ("vi", "The National Human Trafficking Hotline can help. It is confidential, and it is not the police or "
     "immigration.", "Đường dây nóng Quốc gia Chống Buôn người (National Human Trafficking Hotline) có thể giúp "
     "bạn. Mọi điều đều được giữ bí mật, và đường dây nóng không phải là cảnh sát hay cơ quan di trú.",
     "confidential"),
    ("vi", "It is free. Your employer is not told your name.", "Miễn phí. Chủ của bạn không được cho biết tên bạn.",
     "not-told"),
    ("es", CARDS, "Tarjetas pequeñas con los números de la línea de ayuda, para imprimir y repartir.", "hotline"),
    ("pt", CARDS, "Cartões pequenos com os números da linha de ajuda, para imprimir e distribuir.", "hotline"),
    ("ht", CARDS, "Ti kat ak nimewo liy èd la, pou enprime epi bay moun.", "hotline"),
    ("es", NAMED, "Tarjetas con el nombre de la línea de ayuda", "hotline"),
    ("pt", NAMED, "Cartões com o nome da linha de ajuda", "hotline"),
    ("ht", NAMED, "Kat ki bay non liy èd la", "hotline"),
    ("zh-Hans", EACH, "每条热线都会显示它的信息最后一次核对的日期，以及核对时用的来源。", "helplines"),
    ("ko", EACH, "각 핫라인에는 정보를 마지막으로 확인한 날짜와 확인할 때 사용한 출처가 나와 있어요.", "helplines"),
    ("ko", "Childhelp National Child Abuse Hotline",
     "Childhelp 전국 아동 학대 핫라인 (Childhelp National Child Abuse Hotline)", "other-line"),
    ("ko", "National Domestic Violence Hotline", "전국 가정 폭력 핫라인 (National Domestic Violence Hotline)",
     "other-line"),
    ("ko", CHILDHELP, "Childhelp 핫라인은 아동 학대에 관한 전국 핫라인이에요. 전화, 문자, 채팅을 할 수 있고 "
     "통역사도 있어요. Childhelp는 공식 신고를 하는 곳은 아니에요.", "other-line"),
    ("vi", "Childhelp National Child Abuse Hotline", "Đường dây nóng Quốc gia về Xâm hại Trẻ em Childhelp "
     "(Childhelp National Child Abuse Hotline)", "other-line"),
    ("vi", "National Domestic Violence Hotline",
     "Đường dây nóng Quốc gia về Bạo lực Gia đình (National Domestic Violence Hotline)", "other-line"),
    ("vi", CHILDHELP, "Đường dây nóng Childhelp là đường dây nóng toàn quốc về xâm hại trẻ em. Bạn có thể gọi, "
     "nhắn tin hoặc chat, và có thông dịch viên. Childhelp không phải là nơi để làm báo cáo chính thức.",
     "other-line"),
    ("ko", "Some of your answers are signs of other labor abuse, such as wage theft or unsafe work:",
     "당신의 답 중 일부는 임금 체불이나 위험한 작업 같은 다른 노동 착취의 징후입니다:", "labor-abuse"),
    ("tl", "This guide does not keep your searches, and they do not appear in the address of this page or in your "
     "browser's history. The history shows that you opened this page.", "Hindi iniingatan ng gabay na ito ang mga "
     "hinahanap mo, at hindi ito lumalabas sa address ng page na ito o sa history ng browser mo. Ipinapakita ng "
     "history na binuksan mo ang page na ito.", "not-kept"),
    ("es", UNPAID, "No recibir el pago que te deben está mal. Puedes denunciarlo, sin importar tu estatus "
     "migratorio.", "complaint"),
    ("pt", UNPAID, "Não receber o que devem a você é errado. Você pode denunciar isso, qualquer que seja a sua "
     "situação imigratória.", "complaint"),
    ("ht", UNPAID, "Lè yo pa peye w sa yo dwe w, sa pa jis. Ou ka denonse sa, kèlkeswa sitiyasyon imigrasyon ou.",
     "complaint"),
    ("es", PUNISHED, "Si te castigaron por quejarte, denúncialo en un plazo de 30 días.", "complaint"),
    ("pt", PUNISHED, "Se você foi punido por reclamar, denuncie em até 30 dias.", "complaint"),
    ("ht", PUNISHED, "Si yo te pini w paske ou te pote plent, denonse sa nan 30 jou.", "complaint"),
    # An earlier review's findings.
    ("fr", "Complain about unpaid wages, overtime or child labor. Your immigration status does not matter.",
     "Portez plainte pour un salaire non payé, des heures supplémentaires ou le travail des enfants. Votre statut "
     "d'immigration ne compte pas.", "complaint"),
    ("pt", "Is it trafficking if I came here legally, with a visa?",
     "É tráfico se eu vim para cá legalmente, com um visto?", "trafficking"),
    ("ru", "You can talk to the hotline about your situation. You do not have to give your name.",
     "Вы можете рассказать горячей линии о своей ситуации. Вам не нужно называть своё имя.", "hotline"),
    ("tl", "You can talk to the hotline about your situation. You do not have to give your name.",
     "Puwede mong kausapin ang hotline tungkol sa sitwasyon mo. Hindi mo kailangang ibigay ang pangalan mo.",
     "hotline"),
    ("zh-Hans", "You can talk to the hotline about your situation. You do not have to give your name.",
     "你可以打热线，说说你的情况。你不用说出自己的名字。", "hotline"),
    ("fr", "You can talk to the hotline about your situation. You do not have to give your name.",
     "Vous pouvez parler de votre situation à la ligne d'aide. Vous n'avez pas à donner votre nom.", "hotline"),
    # A translation that promises more than the English: "confidential" where it says only
    # that you need not give your name.
    ("es", "You do not have to give your name.", "Es confidencial y no tienes que dar tu nombre.", "confidential"),
    # Hindi: the rules its first glossary (TRANSLATING.md's Hindi table) set, each slip put back.
    ("hi", HOTLINE_FIRST, "आपको ज़्यादती की शिकायत करने का अधिकार है, और इसके लिए आपको सज़ा नहीं मिलनी चाहिए। आप "
     "पहले हॉटलाइन से बात कर सकते हैं। यह न पुलिस है, न इमिग्रेशन विभाग, और यह आपकी अनुमति के बिना कुछ नहीं "
     "करती, सिवाय तब जब उसे शक हो कि किसी बच्चे के साथ दुर्व्यवहार हो रहा है या कोई अभी खतरे में है।", "hotline"),
    ("hi", "You can talk to the hotline about your situation. You do not have to give your name.",
     "आप अपने हालात के बारे में हेल्पलाइन से बात कर सकते हैं। आपको अपना नाम बताने की ज़रूरत नहीं है।", "hotline"),
    ("hi", CARDS, "हेल्पलाइन के नंबरों वाले छोटे कार्ड, प्रिंट करके बाँटने के लिए।", "hotline"),
    ("hi", EACH, "हर हॉटलाइन पर वह तारीख दिखती है जब उसकी जानकारी पिछली बार जाँची गई थी, और वह स्रोत भी जिससे "
     "उसे मिलाया गया।", "helplines"),
    ("hi", "National Domestic Violence Hotline", "राष्ट्रीय घरेलू हिंसा हॉटलाइन", "other-line"),
    # Bare "तस्करी" reads as smuggling goods (gold, drugs); trafficking is "मानव तस्करी", and
    # smuggling has its own word, so the guide can say the two differ.
    ("hi", "Is it trafficking if I came here legally, with a visa?",
     "अगर मैं वीज़ा लेकर कानूनी तरीके से यहाँ आया हूँ, तो क्या यह तस्करी हो सकती है?", "trafficking"),
    ("hi", "How is trafficking different from smuggling?", "मानव तस्करी और तस्करी में क्या फ़र्क है?", "smuggling"),
    ("hi", "What is Continued Presence?", "लगातार मौजूदगी क्या है?", "continued-presence"),
    ("hi", "Reports to its CyberTipline are made available to law enforcement.",
     "इसकी CyberTipline पर की गई रिपोर्टें पुलिस को उपलब्ध कराई जाती हैं।", "law-enforcement"),
    ("hi", UNPAID, "जितने पैसे आपके बनते हैं, उतने न मिलना गलत है। आप इसकी एफ़आईआर करा सकते हैं, चाहे आपका "
     "इमिग्रेशन स्टेटस कुछ भी हो।", "complaint"),
    ("hi", PUNISHED, "अगर शिकायत करने पर आपको सज़ा दी गई, तो 30 दिनों के अंदर पुलिस में रिपोर्ट करें।", "complaint"),
    ("hi", "You do not have to give your name.", "यह गोपनीय है, और आपको अपना नाम बताने की ज़रूरत नहीं है।",
     "confidential"),
    ("hi", "Confidential.", "गोपनीय। आपको अपना नाम बताने की ज़रूरत नहीं है।", "anonymous"),
    ("hi", "It is free and confidential. Your employer is not told your name. It protects your pay whatever your "
     "immigration status.", "यह मुफ़्त और गोपनीय है। आपके मालिक को आपका नाम नहीं बताना चाहिए। यह आपकी तनख़्वाह "
     "की रक्षा करता है, चाहे आपका इमिग्रेशन स्टेटस कुछ भी हो।", "not-told"),
    ("hi", "This guide does not keep your searches, and they do not appear in the address of this page or in your "
     "browser's history. The history shows that you opened this page.", "यह गाइड आपकी खोज सुरक्षित नहीं रखती, और "
     "आपकी खोज न इस पेज के पते में दिखती है, न आपके ब्राउज़र की हिस्ट्री में। हिस्ट्री में सिर्फ़ यह दिखता है कि "
     "आपने यह पेज खोला था।", "not-kept"),
    # शोषण is what the guide says of people in labor trafficking ("exploited"): other labor
    # abuse is ज़्यादती.
    ("hi", "Some of your answers are signs of other labor abuse, such as wage theft or unsafe work:",
     "आपके कुछ जवाब काम में दूसरे शोषण के संकेत हैं, जैसे तनख़्वाह की चोरी या असुरक्षित काम:", "labor-abuse"),
    # Thai: the rules of its first glossary and old tests (HOTLINE_NAME, HELPLINE_NOT,
    # REQUIRED_TERMS, ONLY_WHEN), each slip put back. สายด่วน is the hotline's word alone; "สายนี้"
    # ("this line") beside "not the police" is what Thai shipped until this review.
    ("th", HOTLINE_FIRST, "คุณมีสิทธิแจ้งเรื่องการถูกละเมิดโดยไม่ถูกลงโทษ คุณคุยกับสายด่วนต่อต้านการค้ามนุษย์ก่อนได้ สายนี้"
     "ไม่ใช่ตำรวจและไม่ใช่เจ้าหน้าที่ตรวจคนเข้าเมือง และจะไม่ทำอะไรโดยไม่ได้รับอนุญาตจากคุณ ยกเว้นเมื่อสงสัยว่ามีเด็กถูก"
     "ทารุณกรรม หรือมีคนตกอยู่ในอันตรายตอนนี้", "hotline"),
    ("th", "You can talk to the hotline about your situation. You do not have to give your name.",
     "คุณคุยเรื่องของคุณกับสายช่วยเหลือได้ คุณไม่ต้องบอกชื่อของคุณ", "hotline"),
    ("th", CARDS, "บัตรเล็ก ๆ ที่มีหมายเลขของสายด่วน สำหรับพิมพ์และแจก", "hotline"),
    ("th", EACH, "สายด่วนแต่ละสายจะแสดงวันที่ตรวจข้อมูลครั้งล่าสุด และแหล่งข้อมูลที่ใช้ตรวจ", "helplines"),
    ("th", "National Domestic Violence Hotline", "สายด่วนแห่งชาติเรื่องความรุนแรงในครอบครัว", "other-line"),
    # การค้าแรงงาน ("the labor trade") is what Thai says of workers sent abroad lawfully.
    ("th", "What labor trafficking is", "การค้าแรงงานคืออะไร", "trafficking"),
    ("th", "Signs of labor trafficking", "สัญญาณของการบังคับทำงาน", "labor-trafficking"),
    ("th", "Forced labor", "แรงงานทาส", "forced-labor"),
    ("th", "Debt bondage", "พันธนาการหนี้", "debt-bondage"),
    ("th", "How is trafficking different from smuggling?", "การค้ามนุษย์ต่างจากการค้ามนุษย์ข้ามชาติอย่างไร",
     "smuggling"),
    ("th", "What is a T visa?", "วีซ่าประเภททีคืออะไร", "t-visa"),
    ("th", "What is Continued Presence?", "การอยู่อย่างต่อเนื่องคืออะไร", "continued-presence"),
    ("th", "Reports to its CyberTipline are made available to law enforcement.",
     "เรื่องที่แจ้งผ่าน CyberTipline จะส่งให้ตำรวจดูได้", "law-enforcement"),
    ("th", "Law enforcement: immigration enforcement (ICE).", "หน่วยงานบังคับใช้กฎหมาย: ตรวจคนเข้าเมือง (ICE)",
     "immigration-enforcement"),
    # แจ้งความ is a criminal complaint at a police station; a complaint to an office is ร้องเรียน.
    ("th", UNPAID, "การไม่ได้เงินที่ควรได้เป็นเรื่องผิด คุณไปแจ้งความได้ ไม่ว่าสถานะการเข้าเมืองจะเป็นอย่างไร",
     "complaint"),
    ("th", PUNISHED, "ถ้าคุณถูกลงโทษเพราะร้องเรียน ให้แจ้งความภายใน 30 วัน", "complaint"),
    ("th", "You do not have to give your name.", "เรื่องของคุณเป็นความลับ และคุณไม่ต้องบอกชื่อของคุณ", "confidential"),
    ("th", "Confidential.", "เป็นความลับ ไม่ต้องบอกชื่อ", "anonymous"),
    # ห้ามบอก ("it is forbidden to tell") reads as an order to the reader, or a rule for the employer.
    ("th", "It is free and confidential. Your employer is not told your name. It protects your pay whatever your "
     "immigration status.", "ไม่เสียเงินและเป็นความลับ ห้ามบอกชื่อของคุณให้นายจ้างรู้ และคุ้มครองค่าจ้างของคุณไม่ว่า"
     "สถานะการเข้าเมืองจะเป็นอย่างไร", "not-told"),
    ("th", "This guide does not keep your searches, and they do not appear in the address of this page or in your "
     "browser's history. The history shows that you opened this page.", "คู่มือนี้ไม่รักษาคำที่คุณค้นหา และคำเหล่านั้นจะ"
     "ไม่แสดงในที่อยู่เว็บของหน้านี้หรือในประวัติของเบราว์เซอร์ ประวัติจะแสดงแค่ว่าคุณเปิดหน้านี้", "not-kept"),
    # เอาเปรียบ is what the guide says of people in labor trafficking ("exploited").
    ("th", "Some of your answers are signs of other labor abuse, such as wage theft or unsafe work:",
     "คำตอบบางข้อของคุณเป็นสัญญาณของการถูกเอาเปรียบในงานแบบอื่น เช่น การโกงค่าจ้าง หรืองานที่ไม่ปลอดภัย:",
     "labor-abuse"),
    ("th", "Calculator", "โปรแกรมคำนวณ", "calculator"),
]


@pytest.fixture(scope="module")
def rules():
    return glossary.read(TRANSLATIONS / glossary.FILENAME)


@pytest.fixture(scope="module")
def shipped():
    """Each shipped catalog, read once."""
    catalogs: dict[str, Catalog] = {}

    def get(code: str) -> Catalog:
        if code not in catalogs:
            loc = locales.BY_CODE[code]
            catalogs[code] = translate._read(translate.po_path(TRANSLATIONS, loc), loc.babel)
        return catalogs[code]
    return get


def one_message(code: str, shipped_message, string: str) -> Catalog:
    """A catalog of one shipped message (its English, its places in the code) with `string`."""
    catalog = Catalog(locale=locales.BY_CODE[code].babel)
    catalog.add(shipped_message.id, string, locations=shipped_message.locations,
                flags=shipped_message.flags - {"fuzzy"})
    return catalog


@pytest.mark.parametrize("code, english, slip, rule", SLIPS, ids=lambda v: v[:24] if isinstance(v, str) else v)
def test_each_slip_put_back_fails_the_check_by_its_rule(rules, shipped, code, english, slip, rule):
    message = shipped(code).get(english)
    assert message is not None and message.string and message.string != slip
    # The shipped translation passes; the slip in its place fails, naming locale, message, rule.
    assert translate.check_catalog(code, one_message(code, message, message.string), rules) == []
    problems = translate.check_catalog(code, one_message(code, message, slip), rules)
    assert problems, slip
    assert all(p.locale == code and p.message == english for p in problems)
    assert any(f"glossary rule {rule!r}" in p.problem for p in problems), [p.problem for p in problems]


def test_translate_check_fails_on_the_slips_in_a_copy_of_the_catalogs(tmp_path):
    """Every slip written back into a copy of the shipped catalogs: what `flask translate check`
    runs (check_all; tests/test_translate.py runs the command itself) names each one."""
    target = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS, target, ignore=shutil.ignore_patterns("*.mo"))
    by_locale: dict[str, list[tuple[str, str]]] = {}
    for code, english, slip, _rule in SLIPS:
        by_locale.setdefault(code, []).append((english, slip))
    for code, slips in by_locale.items():
        loc = locales.BY_CODE[code]
        path = translate.po_path(target, loc)
        catalog = translate._read(path, loc.babel)
        for english, slip in slips:
            catalog.get(english).string = slip
        translate._write(catalog, path)
    lines = [str(p) for p in translate.check_all(target)]
    for code, english, _slip, rule in SLIPS:
        start = str(translate.Problem(code, english, ""))
        assert any(line.startswith(start) and f"glossary rule {rule!r}" in line for line in lines), (code, english)


def test_search_word_lists_are_not_held_to_the_glossary(rules, shipped):
    """The lists of words a reader may type name every kind of line on purpose."""
    words = next(m for m in shipped("ko") if m.id and translate.search_words(m) and "helpline" in m.id)
    catalog = one_message("ko", words, "핫라인, 상담 전화")
    assert translate.check_catalog("ko", catalog, rules) == []


# -- the glossary as data --------------------------------------------------------------------
# Rows every language needs: the three pairs that must stay distinct, and the two promises.
CORE_ROWS = ("hotline", "helplines", "law-enforcement", "police", "complaint", "criminal-complaint",
             "confidential", "anonymous")


def test_glossary_covers_every_language(rules):
    """Reviewers and the check work from the glossary: a new language gets its terms there too."""
    expected = {loc.code for loc in locales.LOCALES if loc.code not in (locales.DEFAULT, locales.PSEUDO)}
    for ident in CORE_ROWS:
        assert set(rules.row(ident).locales) == expected, ident
    for ident in ("hotline", "confidential", "anonymous"):
        assert all(entry.term is not None for entry in rules.row(ident).locales.values()), ident


def test_confidential_and_anonymous_are_distinct_in_every_language(rules):
    confidential, anonymous = rules.row("confidential"), rules.row("anonymous")
    for code, entry in confidential.locales.items():
        other = anonymous.locales[code]
        assert entry.write != other.write
        assert not entry.term.search(other.write) and not other.term.search(entry.write), code


def test_translating_md_tables_are_written_from_the_glossary(rules):
    document = (ROOT / "TRANSLATING.md").read_text(encoding="utf-8")
    assert glossary.replace_tables(document, rules) == document, \
        "run `.venv/bin/flask --app webapp translate glossary`"
    # Every language has its table, and every "never" form shown is one the check applies.
    for loc in locales.LOCALES:
        if loc.code not in (locales.DEFAULT, locales.PSEUDO):
            assert f"### {loc.autonym} (`{loc.code}`)" in document
    assert "| la línea (alone); línea de ayuda (that is every other line) |" in document


def write_glossary(tmp_path, text: str):
    path = tmp_path / glossary.FILENAME
    path.write_text(text, encoding="utf-8")
    return path


ROW = """rows:
  - id: confidential
    english: confidential
    rule: said only where the English says it
    about: ['confidential']
    exclusive: true
    locales:
      es: {{write: confidencial, term: '{confidential}'}}
  - id: anonymous
    english: anonymous
    rule: said only where the English says it
    about: ['give your name']
    exclusive: true
    locales:
      es: {{write: {anonymous}, term: 'nombre'}}
"""


def test_a_glossary_that_blurs_confidential_and_anonymous_is_refused(tmp_path):
    glossary.read(write_glossary(tmp_path, ROW.format(confidential="confidencial", anonymous="no das tu nombre")))
    with pytest.raises(ContentError, match=r"glossary.yaml:8: rows\[0\]\.locales\.es: es: 'confidential' "
                                           r".* and 'anonymous' .* must be distinct"):
        glossary.read(write_glossary(tmp_path, ROW.format(confidential="confidencial|nombre",
                                                          anonymous="no das tu nombre")))


@pytest.mark.parametrize("text, problem", [
    ("rows:\n  - id: x\n    english: x\n    rule: r\n    about: ['x']\n    locales:\n"
     "      es:\n        write: y\n        never:\n          - say: z\n",
     r"glossary.yaml:10: rows\[0\]\.locales\.es\.never\[0\]\.match: must be a regular expression"),
    ("rows:\n  - id: x\n    english: x\n    rule: r\n    about: ['(x']\n    locales:\n      es: {write: y}\n",
     r"glossary.yaml:5: rows\[0\]\.about\[0\]: is not a regular expression"),
    ("rows:\n  - id: x\n    english: x\n    rule: r\n    about: ['x']\n    locales:\n      xx: {write: y}\n",
     r"glossary.yaml:7: rows\[0\]\.locales\.xx: 'xx' is not a locale of the guide"),
])
def test_a_broken_glossary_names_file_line_and_field(tmp_path, text, problem):
    with pytest.raises(ContentError, match=problem):
        glossary.read(write_glossary(tmp_path, text))
