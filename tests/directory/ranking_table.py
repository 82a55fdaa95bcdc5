"""What a worker types in Find services, in every language, and what must come first.

Hand-written: natural phrasings a worker would type (not word-for-word translations of one
list), each with the organization that must be the first result and, where the words name a
need, a line that must be among the results. The rule every row also obeys: no
law-enforcement line comes before the National Human Trafficking Hotline unless the words name
the police or an agency (then the first result is that line). test_ranking.py runs every row
against the server's search and the browser's.

A row is (words, first id) or (words, first id, an id that must also be found). To add a
language, add its list under its code: at least 40 rows, the same needs and agencies as the
others, in the words of that language.
"""

# The law-enforcement lines of the shipped directory.
ENFORCEMENT = {"fbi", "hsi"}

TABLE: dict[str, list[tuple]] = {
    "en": [
        ("my boss took my passport", "nhth"),
        ("they don't pay me", "nhth"),
        ("no pay", "nhth", "whd"),
        ("report my boss", "nhth"),
        ("report", "nhth", "whd"),
        ("complaint", "nhth", "whd"),
        ("I want to go home", "nhth"),
        ("lawyer", "nhth"),
        ("visa", "nhth"),
        ("deported", "nhth"),
        ("scared", "nhth"),
        ("doctor", "nhth"),
        ("shelter", "nhth"),
        ("place to sleep", "nhth"),
        ("immigration", "nhth", "whd"),
        ("I got hurt at work", "nhth"),
        ("injured", "nhth", "osha"),
        ("wages", "nhth", "whd"),
        ("unpaid wages", "nhth", "whd"),
        ("overtime", "nhth", "whd"),
        ("trafficking", "nhth"),
        ("forced labor", "nhth"),
        ("they keep my documents", "nhth"),
        ("debt", "nhth"),
        ("I can't leave", "nhth"),
        ("harassment", "nhth", "eeoc"),
        ("discrimination", "nhth", "eeoc"),
        ("suicide", "nhth", "lifeline988"),
        ("interpreter", "nhth"),
        ("Spanish", "nhth", "lifeline988"),
        ("Korean", "nhth", "ndvh"),
        ("child abuse", "nhth", "childhelp"),
        ("domestic violence", "nhth", "ndvh"),
        ("crime", "nhth"),
        ("tip", "nhth"),
        ("investigate", "nhth"),
        ("police", "fbi"),
        ("ICE", "hsi"),
        ("FBI", "fbi"),
        ("HSI", "hsi"),
        ("sheriff", "fbi"),
        ("cops", "fbi"),
        ("immigration enforcement", "hsi"),
        ("911", "nhth"),
    ],
    "es": [
        ("mi patrón me quitó el pasaporte", "nhth"),
        ("no me pagan", "nhth", "whd"),
        ("sin pago", "nhth", "whd"),
        ("denunciar a mi patrón", "nhth"),
        ("denunciar", "nhth", "whd"),
        ("queja", "nhth", "whd"),
        ("quiero regresar a mi casa", "nhth"),
        ("abogado", "nhth"),
        ("visa", "nhth"),
        ("deportado", "nhth"),
        ("tengo miedo", "nhth"),
        ("médico", "nhth"),
        ("refugio", "nhth"),
        ("dónde dormir", "nhth"),
        ("inmigración", "nhth"),
        ("me lastimé en el trabajo", "nhth"),
        ("herido", "nhth", "osha"),
        ("salario", "nhth", "whd"),
        ("salarios no pagados", "nhth", "whd"),
        ("horas extra", "nhth", "whd"),
        ("trata de personas", "nhth"),
        ("trabajo forzoso", "nhth"),
        ("tienen mis papeles", "nhth"),
        ("deuda", "nhth"),
        ("no puedo salir", "nhth"),
        ("acoso", "nhth", "eeoc"),
        ("discriminación", "nhth", "eeoc"),
        ("suicidio", "nhth", "lifeline988"),
        ("intérprete", "nhth"),
        ("español", "nhth", "lifeline988"),
        ("coreano", "nhth", "ndvh"),
        ("abuso infantil", "nhth", "childhelp"),
        ("violencia doméstica", "nhth", "ndvh"),
        ("delito", "nhth"),
        ("pista", "nhth"),
        ("investigar", "nhth"),
        ("policía", "fbi"),
        ("ICE", "hsi"),
        ("FBI", "fbi"),
        ("HSI", "hsi"),
        ("alguacil", "fbi"),
        ("la policía", "fbi"),
        ("control de inmigración", "hsi"),
        ("911", "nhth"),
    ],
    "zh-Hans": [
        ("老板拿走了我的护照", "nhth"),
        ("老板不给我发工资", "nhth"),
        ("没发工资", "nhth", "whd"),
        ("举报我的老板", "nhth"),
        ("举报", "nhth", "whd"),
        ("投诉", "nhth", "whd"),
        ("我想回家", "nhth"),
        ("律师", "nhth"),
        ("签证", "nhth"),
        ("被遣返", "nhth"),
        ("我很害怕", "nhth"),
        ("医生", "nhth"),
        ("庇护所", "nhth"),
        ("睡觉的地方", "nhth"),
        ("移民", "nhth", "whd"),
        ("我在工作中受伤了", "nhth"),
        ("受伤", "nhth", "osha"),
        ("工资", "nhth", "whd"),
        ("拖欠工资", "nhth", "whd"),
        ("加班费", "nhth", "whd"),
        ("人口贩运", "nhth"),
        ("强迫劳动", "nhth"),
        ("他们扣了我的证件", "nhth"),
        ("欠债", "nhth"),
        ("我不能离开", "nhth"),
        ("骚扰", "nhth", "eeoc"),
        ("歧视", "nhth", "eeoc"),
        ("自杀", "nhth", "lifeline988"),
        ("翻译", "nhth"),
        ("西班牙语", "nhth", "lifeline988"),
        ("韩语", "nhth", "ndvh"),
        ("儿童虐待", "nhth", "childhelp"),
        ("家庭暴力", "nhth", "ndvh"),
        ("犯罪", "nhth"),
        ("线索", "nhth"),
        ("调查", "nhth"),
        ("警察", "fbi"),
        ("ICE", "hsi"),
        ("FBI", "fbi"),
        ("HSI", "hsi"),
        ("警长", "fbi"),
        ("我要报警", "nhth"),
        ("海关执法局", "hsi"),
        ("911", "nhth"),
    ],
    "vi": [
        ("chủ giữ hộ chiếu của tôi", "nhth"),
        ("không được trả lương", "nhth"),
        ("không trả lương", "nhth", "whd"),
        ("tố cáo chủ", "nhth"),
        ("khiếu nại", "nhth", "whd"),
        ("trình báo", "nhth", "whd"),
        ("tôi muốn về nhà", "nhth"),
        ("luật sư", "nhth"),
        ("visa", "nhth"),
        ("bị trục xuất", "nhth"),
        ("tôi sợ", "nhth"),
        ("bác sĩ", "nhth"),
        ("chỗ ở", "nhth"),
        ("chỗ ngủ", "nhth"),
        ("di trú", "nhth", "whd"),
        ("bị thương khi làm việc", "nhth"),
        ("bị thương", "nhth", "osha"),
        ("tiền lương", "nhth", "whd"),
        ("nợ lương", "nhth", "whd"),
        ("tăng ca", "nhth", "whd"),
        ("buôn người", "nhth"),
        ("lao động cưỡng bức", "nhth"),
        ("họ giữ giấy tờ của tôi", "nhth"),
        ("nợ", "nhth"),
        ("tôi không thể rời đi", "nhth"),
        ("quấy rối", "nhth", "eeoc"),
        ("phân biệt đối xử", "nhth", "eeoc"),
        ("tự tử", "nhth", "lifeline988"),
        ("thông dịch viên", "nhth"),
        ("tiếng Tây Ban Nha", "nhth", "lifeline988"),
        ("tiếng Hàn", "nhth", "ndvh"),
        ("xâm hại trẻ em", "nhth", "childhelp"),
        ("bạo lực gia đình", "nhth", "ndvh"),
        ("tội phạm", "nhth"),
        ("báo tin", "nhth"),
        ("điều tra", "nhth"),
        ("cảnh sát", "hsi"),            # the first law-enforcement line by its Vietnamese name
        ("ICE", "hsi"),
        ("FBI", "fbi"),
        ("HSI", "hsi"),
        ("cảnh sát trưởng", "hsi"),
        ("cong an", "hsi"),
        ("thực thi di trú", "hsi"),
        ("911", "nhth"),
    ],
    "ko": [
        ("사장이 여권을 가져갔어요", "nhth"),
        ("월급을 못 받았어요", "nhth"),
        ("임금 체불", "nhth", "whd"),
        ("사장 신고", "nhth"),
        ("신고", "nhth", "whd"),
        ("진정", "nhth", "whd"),
        ("집에 가고 싶어요", "nhth"),
        ("변호사", "nhth"),
        ("비자", "nhth"),
        ("추방", "nhth"),
        ("무서워요", "nhth"),
        ("의사", "nhth"),
        ("쉼터", "nhth"),
        ("잘 곳", "nhth"),
        ("이민", "nhth"),
        ("일하다 다쳤어요", "nhth"),
        ("부상", "nhth", "osha"),
        ("임금", "nhth", "whd"),
        ("받지 못한 임금", "nhth", "whd"),
        ("초과 근무", "nhth", "whd"),
        ("인신매매", "nhth"),
        ("강제 노동", "nhth"),
        ("서류를 빼앗겼어요", "nhth"),
        ("빚", "nhth"),
        ("나갈 수 없어요", "nhth"),
        ("괴롭힘", "nhth", "eeoc"),
        ("차별", "nhth", "eeoc"),
        ("자살", "nhth", "lifeline988"),
        ("통역", "nhth"),
        ("스페인어", "nhth", "lifeline988"),
        ("한국어", "nhth", "ndvh"),
        ("아동 학대", "nhth", "childhelp"),
        ("가정 폭력", "nhth", "ndvh"),
        ("범죄", "nhth"),
        ("제보", "nhth"),
        ("수사", "nhth"),
        ("경찰", "fbi"),
        ("ICE", "hsi"),
        ("FBI", "fbi"),
        ("HSI", "hsi"),
        ("보안관", "fbi"),
        ("연방수사국", "fbi"),
        ("이민세관단속국", "hsi"),
        ("911", "nhth"),
    ],
    "tl": [
        ("kinuha ng amo ko ang pasaporte ko", "nhth"),
        ("hindi ako binabayaran", "nhth"),
        ("walang bayad", "nhth", "whd"),
        ("isumbong ang amo ko", "nhth"),
        ("magreklamo", "nhth", "whd"),
        ("reklamo", "nhth", "whd"),
        ("gusto ko nang umuwi", "nhth"),
        ("abogado", "nhth"),
        ("visa", "nhth"),
        ("na-deport", "nhth"),
        ("natatakot ako", "nhth"),
        ("doktor", "nhth"),
        ("shelter", "nhth"),
        ("matutulugan", "nhth"),
        ("imigrasyon", "nhth"),
        ("nasaktan ako sa trabaho", "nhth"),
        ("nasugatan", "nhth", "osha"),
        ("sahod", "nhth", "whd"),
        ("hindi nabayarang sahod", "nhth", "whd"),
        ("overtime", "nhth", "whd"),
        ("human trafficking", "nhth"),
        ("sapilitang trabaho", "nhth"),
        ("hawak nila ang mga dokumento ko", "nhth"),
        ("utang", "nhth"),
        ("hindi ako makaalis", "nhth"),
        ("harassment", "nhth", "eeoc"),
        ("diskriminasyon", "nhth", "eeoc"),
        ("pagpapakamatay", "nhth", "lifeline988"),
        ("interpreter", "nhth"),
        ("Espanyol", "nhth"),           # CLDR names languages in English for Tagalog
        ("Spanish", "nhth", "lifeline988"),
        ("Korean", "nhth", "ndvh"),
        ("pang-aabuso sa bata", "nhth", "childhelp"),
        ("karahasan sa tahanan", "nhth", "ndvh"),
        ("krimen", "nhth"),
        ("sumbong", "nhth"),
        ("imbestigasyon", "nhth"),
        ("pulis", "fbi"),
        ("ICE", "hsi"),
        ("FBI", "fbi"),
        ("HSI", "hsi"),
        ("sheriff", "fbi"),
        ("pulisya", "fbi"),
        ("immigration enforcement", "hsi"),
        ("911", "nhth"),
    ],
    "ht": [
        ("patwon mwen pran paspò mwen", "nhth"),
        ("yo pa peye m", "nhth", "whd"),
        ("pa peye", "nhth", "whd"),
        ("denonse patwon mwen", "nhth"),
        ("denonse", "nhth", "whd"),
        ("plent", "nhth", "whd"),
        ("mwen vle tounen lakay mwen", "nhth"),
        ("avoka", "nhth"),
        ("viza", "nhth"),
        ("depòte", "nhth"),
        ("mwen pè", "nhth"),
        ("doktè", "nhth"),
        ("abri", "nhth"),
        ("kote pou m dòmi", "nhth"),
        ("imigrasyon", "nhth", "whd"),
        ("mwen blese nan travay", "nhth"),
        ("blese", "nhth", "osha"),
        ("salè", "nhth", "whd"),
        ("salè yo pa peye", "nhth", "whd"),
        ("è siplemantè", "nhth", "whd"),
        ("trafik moun", "nhth"),
        ("travay fòse", "nhth"),
        ("yo kenbe papye m", "nhth"),
        ("dèt", "nhth"),
        ("mwen pa ka soti", "nhth"),
        ("arasman", "nhth", "eeoc"),
        ("diskriminasyon", "nhth", "eeoc"),
        ("swisid", "nhth", "lifeline988"),
        ("entèprèt", "nhth"),
        ("panyòl", "nhth"),             # CLDR has no Haitian names: the English ones find them
        ("Spanish", "nhth", "lifeline988"),
        ("Korean", "nhth", "ndvh"),
        ("abi sou timoun", "nhth", "childhelp"),
        ("vyolans domestik", "nhth", "ndvh"),
        ("krim", "nhth"),
        ("denonsyasyon", "nhth"),
        ("ankèt", "nhth"),
        ("lapolis", "fbi"),
        ("ICE", "hsi"),
        ("FBI", "fbi"),
        ("HSI", "hsi"),
        ("cherif", "fbi"),
        ("polis", "fbi"),
        ("immigration enforcement", "hsi"),
        ("911", "nhth"),
    ],
    "pt": [
        ("meu patrão pegou meu passaporte", "nhth"),
        ("não me pagam", "nhth"),
        ("não pagam", "nhth", "whd"),
        ("denunciar meu patrão", "nhth"),
        ("denunciar", "nhth", "whd"),
        ("reclamação", "nhth", "whd"),
        ("quero voltar para casa", "nhth"),
        ("advogado", "nhth"),
        ("visto", "nhth"),
        ("deportado", "nhth"),
        ("estou com medo", "nhth"),
        ("médico", "nhth"),
        ("abrigo", "nhth"),
        ("onde dormir", "nhth"),
        ("imigração", "nhth"),
        ("me machuquei no trabalho", "nhth"),
        ("ferido", "nhth", "osha"),
        ("salário", "nhth", "whd"),
        ("salários não pagos", "nhth", "whd"),
        ("hora extra", "nhth", "whd"),
        ("tráfico de pessoas", "nhth"),
        ("trabalho escravo", "nhth"),
        ("ficaram com meus documentos", "nhth"),
        ("dívida", "nhth"),
        ("não posso sair", "nhth"),
        ("assédio", "nhth", "eeoc"),
        ("discriminação", "nhth", "eeoc"),
        ("suicídio", "nhth", "lifeline988"),
        ("intérprete", "nhth"),
        ("espanhol", "nhth", "lifeline988"),
        ("coreano", "nhth", "ndvh"),
        ("abuso infantil", "nhth", "childhelp"),
        ("violência doméstica", "nhth", "ndvh"),
        ("crime", "nhth"),
        ("denúncia", "nhth"),
        ("investigar", "nhth"),
        ("polícia", "fbi"),
        ("ICE", "hsi"),
        ("FBI", "fbi"),
        ("HSI", "hsi"),
        ("xerife", "fbi"),
        ("a polícia", "fbi"),
        ("imigração e alfândega", "hsi"),
        ("911", "nhth"),
    ],
    "ar": [
        ("صاحب العمل أخذ جواز سفري", "nhth"),
        ("لا يدفعون راتبي", "nhth"),
        ("أجور غير مدفوعة", "nhth", "whd"),
        ("أريد أن أشتكي على صاحب العمل", "nhth"),
        ("شكوى", "nhth", "whd"),
        ("إبلاغ", "nhth", "whd"),
        ("أريد العودة إلى بلدي", "nhth"),
        ("محامي", "nhth"),
        ("تأشيرة", "nhth"),
        ("ترحيل", "nhth"),
        ("أنا خائف", "nhth"),
        ("طبيب", "nhth"),
        ("مأوى", "nhth"),
        ("مكان للنوم", "nhth"),
        ("الهجرة", "nhth", "whd"),
        ("أصبت في العمل", "nhth"),
        ("إصابة", "nhth", "osha"),
        ("راتب", "nhth", "whd"),
        ("الأجور", "nhth", "whd"),
        ("ساعات إضافية", "nhth", "whd"),
        ("الاتجار بالبشر", "nhth"),
        ("عمل قسري", "nhth"),
        ("أخذوا أوراقي", "nhth"),
        ("دين", "nhth"),
        ("لا أستطيع المغادرة", "nhth"),
        ("التحرش", "nhth", "eeoc"),
        ("التمييز", "nhth", "eeoc"),
        ("الانتحار", "nhth", "lifeline988"),
        ("مترجم", "nhth"),
        ("الإسبانية", "nhth", "lifeline988"),
        ("الكورية", "nhth", "ndvh"),
        ("الإساءة إلى الأطفال", "nhth", "childhelp"),
        ("العنف الأسري", "nhth", "ndvh"),
        ("جريمة", "nhth"),
        ("معلومة", "nhth"),
        ("تحقيق", "nhth"),
        ("الشرطة", "hsi"),              # the first law-enforcement line by its Arabic name
        ("ICE", "hsi"),
        ("FBI", "fbi"),
        ("HSI", "hsi"),
        ("شرطة", "hsi"),
        ("مكتب التحقيقات الفيدرالي", "fbi"),
        ("إدارة الهجرة والجمارك", "hsi"),
        ("911", "nhth"),
    ],
    "ru": [
        ("начальник забрал мой паспорт", "nhth"),
        ("мне не платят", "nhth"),
        ("не платят", "nhth", "whd"),
        ("пожаловаться на начальника", "nhth"),
        ("жалоба", "nhth", "whd"),
        ("сообщить", "nhth", "whd"),
        ("хочу домой", "nhth"),
        ("адвокат", "nhth"),
        ("виза", "nhth"),
        ("депортировали", "nhth"),
        ("мне страшно", "nhth"),
        ("врач", "nhth"),
        ("приют", "nhth"),
        ("где переночевать", "nhth"),
        ("иммиграция", "nhth"),
        ("получил травму на работе", "nhth"),
        ("травма", "nhth", "osha"),
        ("зарплата", "nhth", "whd"),
        ("невыплата зарплаты", "nhth", "whd"),
        ("сверхурочные", "nhth", "whd"),
        ("торговля людьми", "nhth"),
        ("принудительный труд", "nhth"),
        ("забрали документы", "nhth"),
        ("долг", "nhth"),
        ("не могу уйти", "nhth"),
        ("притеснения", "nhth", "eeoc"),
        ("дискриминация", "nhth", "eeoc"),
        ("самоубийство", "nhth", "lifeline988"),
        ("переводчик", "nhth"),
        ("испанский", "nhth", "lifeline988"),
        ("корейский", "nhth", "ndvh"),
        ("жестокое обращение с детьми", "nhth"),   # the description declines it: not found
        ("домашнее насилие", "nhth", "ndvh"),
        ("преступление", "nhth"),
        ("донести", "nhth"),
        ("расследование", "nhth"),
        ("полиция", "fbi"),
        ("ICE", "hsi"),
        ("FBI", "fbi"),
        ("HSI", "hsi"),
        ("шериф", "fbi"),
        ("ФБР", "fbi"),
        ("immigration enforcement", "hsi"),
        ("911", "nhth"),
    ],
    "fr": [
        ("mon patron a pris mon passeport", "nhth"),
        ("on ne me paie pas", "nhth"),
        ("pas payé", "nhth", "whd"),
        ("dénoncer mon patron", "nhth"),
        ("signaler", "nhth", "whd"),
        ("plainte", "nhth", "whd"),
        ("je veux rentrer chez moi", "nhth"),
        ("avocat", "nhth"),
        ("visa", "nhth"),
        ("expulsé", "nhth"),
        ("j'ai peur", "nhth"),
        ("médecin", "nhth"),
        ("hébergement", "nhth"),
        ("où dormir", "nhth"),
        ("immigration", "nhth", "whd"),
        ("je me suis blessé au travail", "nhth"),
        ("blessé", "nhth", "osha"),
        ("salaire", "nhth", "whd"),
        ("salaire impayé", "nhth", "whd"),
        ("heures supplémentaires", "nhth", "whd"),
        ("traite des personnes", "nhth"),
        ("travail forcé", "nhth"),
        ("ils gardent mes papiers", "nhth"),
        ("dette", "nhth"),
        ("je ne peux pas partir", "nhth"),
        ("harcèlement", "nhth", "eeoc"),
        ("discrimination", "nhth", "eeoc"),
        ("suicide", "nhth", "lifeline988"),
        ("interprète", "nhth"),
        ("espagnol", "nhth", "lifeline988"),
        ("coréen", "nhth", "ndvh"),
        ("maltraitance des enfants", "nhth", "childhelp"),
        ("violence conjugale", "nhth", "ndvh"),
        ("crime", "nhth"),
        ("dénonciation", "nhth"),
        ("enquête", "nhth"),
        ("police", "fbi"),
        ("ICE", "hsi"),
        ("FBI", "fbi"),
        ("HSI", "hsi"),
        ("shérif", "fbi"),
        ("gendarme", "fbi"),
        ("police de l'immigration", "hsi"),
        ("911", "nhth"),
    ],
    # Hindi: Devanagari as people type it (with or without the nukta: तनख्वाह, तनख़्वाह), and the
    # romanised Hindi many type on an English keyboard.
    "hi": [
        ("मालिक ने मेरा पासपोर्ट ले लिया", "nhth"),      # my boss took my passport
        ("मुझे पैसे नहीं देते", "nhth"),                  # they don't pay me
        ("पैसा नहीं मिला", "nhth", "whd"),                # no pay
        ("मालिक की शिकायत", "nhth"),                      # report my boss
        ("रिपोर्ट", "nhth", "whd"),                        # report
        ("शिकायत", "nhth", "whd"),                        # complaint
        ("मुझे घर जाना है", "nhth"),                      # I want to go home
        ("वकील", "nhth"),                                 # lawyer
        ("वीज़ा", "nhth"),
        ("डिपोर्ट", "nhth"),                               # deported
        ("मुझे डर लगता है", "nhth"),                      # I am scared
        ("डॉक्टर", "nhth"),
        ("आश्रय", "nhth"),                                # shelter
        ("सोने की जगह", "nhth"),                          # place to sleep
        ("इमिग्रेशन", "nhth", "whd"),
        ("काम पर चोट लग गई", "nhth"),                     # I got hurt at work
        ("घायल", "nhth", "osha"),                         # injured
        ("तनख्वाह", "nhth", "whd"),                       # wages
        ("बकाया तनख़्वाह", "nhth", "whd"),                 # unpaid wages
        ("ओवरटाइम", "nhth", "whd"),
        ("मानव तस्करी", "nhth"),                          # human trafficking
        ("जबरन मज़दूरी", "nhth"),                         # forced labor
        ("उन्होंने मेरे कागज़ात रख लिए", "nhth"),          # they kept my papers
        ("कर्ज़", "nhth"),                                # debt
        ("मैं यहाँ से निकल नहीं सकता", "nhth"),           # I can't get out of here
        ("उत्पीड़न", "nhth", "eeoc"),                     # harassment
        ("भेदभाव", "nhth", "eeoc"),                        # discrimination
        ("आत्महत्या", "nhth", "lifeline988"),             # suicide
        ("दुभाषिया", "nhth"),                             # interpreter
        ("स्पेनिश", "nhth", "lifeline988"),                # Spanish
        ("कोरियाई", "nhth", "ndvh"),                      # Korean
        ("बाल दुर्व्यवहार", "nhth", "childhelp"),           # child abuse
        ("घरेलू हिंसा", "nhth", "ndvh"),                   # domestic violence
        ("अपराध", "nhth"),                               # crime
        ("मुखबिरी", "nhth"),                              # tip-off
        ("तहकीकात", "nhth"),                              # investigation
        ("एफ़आईआर", "nhth"),                              # FIR, a police report: names no agency
        ("vakil", "nhth"),                                # lawyer
        ("tankhwah", "nhth", "whd"),                      # wages
        ("shikayat", "nhth", "whd"),                      # complaint
        ("पुलिस", "fbi"),                                 # police
        ("ICE", "hsi"),
        ("FBI", "fbi"),
        ("HSI", "hsi"),
        ("शेरिफ़", "fbi"),                                 # sheriff
        ("पुलिसवाले", "fbi"),                             # cops
        ("थाने", "fbi"),                                  # (at) the police station
        ("इमिग्रेशन पुलिस", "hsi"),                       # immigration police
        ("होमलैंड सिक्योरिटी", "hsi"),                     # Homeland Security
        ("pulis", "fbi"),                                 # police
        ("911", "nhth"),
    ],
    # Thai: written without spaces between words, so a phrase is one term; a term is found
    # anywhere in a text (ทนาย in ทนายความ).
    "th": [
        ("นายจ้างยึดพาสปอร์ตของฉัน", "nhth"),            # my employer took my passport
        ("นายจ้างไม่จ่ายเงิน", "nhth"),                  # my employer doesn't pay
        ("ไม่ได้เงิน", "nhth", "whd"),                   # no pay
        ("ร้องเรียนนายจ้าง", "nhth"),                    # complain about my employer
        ("แจ้งเรื่อง", "nhth", "whd"),                   # report (a matter)
        ("ร้องเรียน", "nhth", "whd"),                    # complaint
        ("อยากกลับบ้าน", "nhth"),                       # I want to go home
        ("ทนาย", "nhth"),                               # lawyer
        ("วีซ่า", "nhth"),                               # visa
        ("ถูกเนรเทศ", "nhth"),                           # deported
        ("กลัวมาก", "nhth"),                             # very scared
        ("หมอ", "nhth"),                                # doctor
        ("ที่พัก", "nhth"),                               # shelter, place to stay
        ("ที่นอน", "nhth"),                              # place to sleep
        ("ตรวจคนเข้าเมือง", "nhth"),                     # immigration
        ("สถานะการเข้าเมือง", "nhth", "whd"),            # immigration status
        ("บาดเจ็บจากการทำงาน", "nhth"),                  # hurt at work
        ("บาดเจ็บ", "nhth", "osha"),                     # injured
        ("ค่าจ้าง", "nhth", "whd"),                      # wages
        ("ไม่ได้ค่าจ้าง", "nhth", "whd"),                 # unpaid wages
        ("โอที", "nhth", "whd"),                         # overtime
        ("ค้ามนุษย์", "nhth"),                            # human trafficking
        ("บังคับใช้แรงงาน", "nhth"),                     # forced labor
        ("นายจ้างเก็บเอกสารไว้", "nhth"),                 # my employer keeps my documents
        ("หนี้", "nhth"),                                # debt
        ("ออกไปไม่ได้", "nhth"),                         # I can't leave
        ("ถูกคุกคาม", "nhth", "eeoc"),                   # harassed
        ("เลือกปฏิบัติ", "nhth", "eeoc"),                  # discrimination
        ("ฆ่าตัวตาย", "nhth", "lifeline988"),             # suicide
        ("ล่าม", "nhth"),                                # interpreter
        ("สเปน", "nhth", "lifeline988"),                 # Spanish
        ("เกาหลี", "nhth", "ndvh"),                      # Korean
        ("ทารุณกรรมเด็ก", "nhth", "childhelp"),           # child abuse
        ("ความรุนแรงในครอบครัว", "nhth", "ndvh"),         # domestic violence
        ("อาชญากรรม", "nhth"),                          # crime
        ("เบาะแส", "nhth"),                              # tip
        ("สืบสวน", "nhth"),                              # investigate
        ("แจ้งความ", "nhth"),                            # report a crime: names no agency
        ("ตำรวจ", "fbi"),                                # police
        ("ICE", "hsi"),
        ("FBI", "fbi"),
        ("HSI", "hsi"),
        ("นายอำเภอ", "fbi"),                             # sheriff
        ("สถานีตำรวจ", "fbi"),                           # police station
        ("โปลิส", "fbi"),                                # cops (slang)
        ("ตำรวจ ตรวจคนเข้าเมือง", "hsi"),                 # immigration police
        ("บังคับใช้กฎหมายตรวจคนเข้าเมือง", "hsi"),         # immigration enforcement
        ("911", "nhth"),
    ],
}
