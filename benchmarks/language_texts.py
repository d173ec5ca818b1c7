"""News texts in many languages, each with the language a reader would give it.

Written as outlets write: a headline and a lede of two or three sentences
(``LEDES``); a headline or one sentence alone (``SHORT``), where detectors
fail most; articles padded with menus, bylines, links, hashtags, scores or
names in another script (``MIXED``); and text with too few letters to say
(``NO_LANGUAGE``). ``benchmarks.languages`` measures detectors on them, and
``tests/test_metadata.py`` checks the archive's detector against them.

Each entry is (language, title, body): an ISO 639-1 code, or None where the
archive stores no language.
"""

from __future__ import annotations

Text = tuple[str | None, str, str]

LEDES: list[Text] = [
    ("en", "Central bank holds rates as inflation cools",
     "The Bank of England kept its main interest rate at 5.25% on Thursday, saying inflation was "
     "falling faster than it had expected in the spring. Seven of the nine members of the "
     "Monetary Policy Committee voted to hold. Economists now expect the first cut in August."),
    ("ru", "В Москве открыли новую станцию метро",
     "Новая станция Большой кольцевой линии приняла первых пассажиров в субботу утром. По словам "
     "мэра, строительство заняло меньше трёх лет. Ежедневно станцией будут пользоваться около "
     "40 тысяч человек."),
    ("uk", "Уряд затвердив програму відновлення житла",
     "Кабінет міністрів у середу ухвалив програму компенсацій за зруйноване житло. Як повідомив "
     "прем'єр-міністр, виплати отримають понад сто тисяч родин уже цього року. Заявки можна буде "
     "подати через застосунок «Дія»."),
    ("de", "Bahnstreik legt Fernverkehr lahm",
     "Die Lokführergewerkschaft GDL hat am Mittwoch erneut zu einem bundesweiten Streik "
     "aufgerufen. Nach Angaben der Deutschen Bahn fallen bis Freitag rund 80 Prozent der "
     "Fernzüge aus. Fahrgäste sollen ihre Reise nach Möglichkeit verschieben."),
    ("fr", "Le gouvernement présente son projet de budget",
     "Le ministre de l'Économie a présenté mercredi en Conseil des ministres un budget marqué par "
     "40 milliards d'euros d'économies. Les collectivités locales devront participer à l'effort, "
     "a-t-il précisé. L'opposition dénonce un texte « injuste »."),
    ("es", "El Gobierno aprueba la subida del salario mínimo",
     "El Consejo de Ministros aprobó este martes una subida del 5% del salario mínimo "
     "interprofesional, que quedará en 1.134 euros al mes. La medida beneficiará a unos 2,5 "
     "millones de trabajadores, según el Ministerio de Trabajo. La patronal ha criticado que no "
     "se haya contado con ella."),
    ("it", "Maltempo, allerta rossa in Emilia-Romagna",
     "La Protezione civile ha diramato l'allerta rossa per le prossime 24 ore in gran parte "
     "dell'Emilia-Romagna. Le scuole resteranno chiuse in quaranta comuni e i treni regionali "
     "potrebbero subire ritardi. Il presidente della Regione ha invitato i cittadini a non "
     "mettersi in viaggio."),
    ("pt", "Governo anuncia novo pacote para a habitação",
     "O Governo anunciou nesta quinta-feira um pacote de medidas para facilitar o acesso à "
     "habitação, incluindo a isenção do imposto do selo para jovens até aos 35 anos. O "
     "primeiro-ministro afirmou que as medidas entram em vigor já em agosto. Os partidos da "
     "oposição consideram o pacote insuficiente."),
    ("pt", "Safra de café deve crescer 5% neste ano, diz Conab",
     "A produção brasileira de café deve chegar a 58 milhões de sacas em 2024, segundo a "
     "estimativa divulgada nesta terça-feira pela Companhia Nacional de Abastecimento. O "
     "aumento se deve principalmente às chuvas regulares em Minas Gerais."),
    ("pl", "Sejm przyjął ustawę o obniżce składki zdrowotnej",
     "Sejm przyjął w piątek nowelizację ustawy, która obniża składkę zdrowotną dla "
     "przedsiębiorców. Za głosowało 240 posłów, przeciw było 190. Teraz ustawą zajmie się Senat."),
    ("tr", "Merkez Bankası faizi sabit tuttu",
     "Türkiye Cumhuriyet Merkez Bankası, politika faizini yüzde 50'de sabit bıraktı. Banka "
     "yaptığı açıklamada enflasyondaki düşüşün beklenenden yavaş olduğunu belirtti. Ekonomistler "
     "ilk indirimin yıl sonundan önce gelmesini beklemiyor."),
    ("ar", "افتتاح أكبر محطة لتحلية المياه في المنطقة",
     "افتتح وزير الطاقة يوم الأحد أكبر محطة لتحلية مياه البحر في المنطقة، بطاقة إنتاجية تبلغ "
     "نصف مليون متر مكعب يومياً. وقال الوزير إن المشروع سيؤمن المياه لأكثر من مليوني نسمة. "
     "وبلغت كلفة المحطة نحو ملياري دولار."),
    ("zh", "国家统计局：一季度国内生产总值同比增长5.3%",
     "国家统计局16日发布数据显示，一季度国内生产总值同比增长5.3%，比上年四季度加快0.1个百分点。"
     "其中，工业生产和服务业均保持较快增长。专家表示，经济回升向好的态势进一步巩固。"),
    ("zh", "台北捷運新路線今日通車",
     "台北捷運環狀線北段今日上午正式通車，市長出席通車典禮並搭乘首班列車。"
     "捷運公司表示，通車首月將提供票價優惠，預計每日運量可達八萬人次。"),
    ("ja", "東京都、新たな子育て支援策を発表",
     "東京都は15日、18歳以下の子どもがいる世帯に対し、月額5000円を給付する新たな支援策を発表した。"
     "対象はおよそ200万人で、来年1月から申請を受け付ける。"
     "知事は記者会見で「少子化対策を加速させたい」と述べた。"),
    ("fa", "افزایش قیمت بنزین از هفته آینده",
     "وزارت نفت روز دوشنبه اعلام کرد که قیمت بنزین از هفته آینده افزایش می‌یابد. به گفته "
     "سخنگوی این وزارتخانه، سهمیه ماهانه هر خودرو تغییری نخواهد کرد. کارشناسان می‌گویند این "
     "تصمیم بر نرخ تورم اثر خواهد گذاشت."),
    ("he", "הממשלה אישרה את תקציב המדינה",
     "הממשלה אישרה הלילה את תקציב המדינה לשנת 2025 לאחר דיון של יותר משתים עשרה שעות. שר האוצר "
     "אמר כי התקציב יאפשר להגדיל את ההוצאה על ביטחון ועל בריאות. התקציב יועבר כעת לאישור הכנסת."),
    ("nl", "Kabinet trekt extra geld uit voor woningbouw",
     "Het kabinet trekt de komende vier jaar 2 miljard euro extra uit voor de bouw van "
     "betaalbare woningen. Dat maakte de minister van Volkshuisvesting dinsdag bekend. Gemeenten "
     "kunnen vanaf januari een aanvraag indienen."),
    ("bg", "Парламентът прие бюджета за следващата година",
     "Народното събрание прие на второ четене държавния бюджет за 2025 година. Депутатите "
     "гласуваха и увеличение на заплатите на учителите с 10 процента от началото на годината. "
     "Финансовият министър заяви, че дефицитът ще остане под три процента."),
    ("cs", "Vláda schválila zvýšení důchodů",
     "Vláda ve středu schválila lednové zvýšení důchodů o 600 korun měsíčně. Podle ministra práce "
     "a sociálních věcí se valorizace dotkne více než dvou milionů lidí. Opozice navrhuje, aby "
     "byly důchody zvýšeny ještě více."),
    ("sk", "Prezident podpísal novelu Trestného zákona",
     "Prezident v piatok podpísal novelu Trestného zákona, ktorú parlament schválil minulý "
     "týždeň. Podľa opozície zmeny oslabia boj proti korupcii. Novela nadobudne účinnosť od "
     "budúceho mesiaca."),
    ("sv", "Regeringen sänker skatten på bensin",
     "Regeringen föreslår att skatten på bensin och diesel sänks med 50 öre per liter från den "
     "första januari. Finansministern sa på tisdagen att förslaget ska minska hushållens "
     "kostnader. Oppositionen kritiserar förslaget och menar att det går emot klimatmålen."),
    ("da", "Folketinget vedtager ny lov om boligskat",
     "Et flertal i Folketinget vedtog torsdag en ny lov om boligskat, som træder i kraft fra "
     "næste år. Ifølge skatteministeren vil de fleste boligejere få en lavere regning. Kritikere "
     "mener dog, at loven er blevet for kompliceret."),
    ("ko", "한국은행, 기준금리 연 3.5% 동결",
     "한국은행 금융통화위원회는 11일 기준금리를 연 3.5%로 동결했다. "
     "한은은 물가 상승률이 여전히 목표 수준을 웃돌고 있다고 설명했다. "
     "시장에서는 하반기 중 금리 인하가 이뤄질 것으로 보고 있다."),
    ("hi", "दिल्ली में बारिश से यातायात प्रभावित",
     "राजधानी दिल्ली में शुक्रवार सुबह हुई भारी बारिश के कारण कई इलाकों में जलभराव हो गया। "
     "यातायात पुलिस ने लोगों से घरों से बाहर न निकलने की अपील की है। मौसम विभाग ने अगले दो दिनों "
     "के लिए चेतावनी जारी की है।"),
    ("el", "Σε ισχύ τα νέα μέτρα για την ακρίβεια",
     "Σε ισχύ τίθενται από τη Δευτέρα τα νέα μέτρα της κυβέρνησης για τη συγκράτηση των τιμών στα "
     "τρόφιμα. Σύμφωνα με το υπουργείο Ανάπτυξης, οι έλεγχοι στα σούπερ μάρκετ θα ενταθούν. Τα "
     "πρόστιμα για τις παραβάσεις φτάνουν έως και τις 50.000 ευρώ."),
    ("ro", "Guvernul a aprobat creșterea salariului minim",
     "Guvernul a aprobat miercuri creșterea salariului minim brut la 3.700 de lei, de la 1 iulie. "
     "Potrivit ministrului Muncii, măsura va afecta aproximativ 1,9 milioane de angajați. "
     "Sindicatele au cerut o creștere mai mare."),
    ("hu", "Elfogadta az Országgyűlés a jövő évi költségvetést",
     "Az Országgyűlés kedden elfogadta a jövő évi költségvetést. A pénzügyminiszter szerint a "
     "hiány a GDP három százaléka alá csökken. Az ellenzék szerint a költségvetés nem számol a "
     "valós gazdasági helyzettel."),
    ("fi", "Hallitus esittää muutoksia työttömyysturvaan",
     "Hallitus esittää, että ansiosidonnaisen työttömyysturvan kesto lyhenee ensi vuoden alusta. "
     "Työministerin mukaan muutoksella halutaan nopeuttaa työllistymistä. Ammattiliitot ovat "
     "vastustaneet esitystä jyrkästi."),
    ("vi", "Quốc hội thông qua Luật Đất đai sửa đổi",
     "Sáng 18/1, Quốc hội đã biểu quyết thông qua Luật Đất đai (sửa đổi) với đa số đại biểu tán "
     "thành. Luật có hiệu lực từ ngày 1/1/2025. Theo Bộ trưởng Bộ Tài nguyên và Môi trường, luật "
     "mới sẽ giải quyết nhiều vướng mắc trong thực tiễn."),
    ("id", "Pemerintah menaikkan harga BBM bersubsidi",
     "Pemerintah resmi menaikkan harga bahan bakar minyak bersubsidi mulai Sabtu siang. Menteri "
     "Energi dan Sumber Daya Mineral mengatakan kenaikan ini diperlukan untuk menjaga anggaran "
     "negara. Sejumlah mahasiswa menggelar unjuk rasa di depan gedung DPR."),
]  # fmt: skip

SHORT: list[Text] = [
    ("en", "Storm closes schools across the county", ""),
    ("en", "", "Police said the man was arrested on Monday."),
    ("en", "Minister quits over expenses row", "She denied any wrongdoing."),
    ("ru", "Путин провёл переговоры с Си Цзиньпином", ""),
    ("ru", "", "В Петербурге выпал первый снег."),
    ("ru", "Сборная России проиграла Сербии", "Матч прошёл в Белграде."),
    ("uk", "У Львові відкрили новий міст через залізницю", ""),
    ("uk", "", "Зеленський підписав закон про мобілізацію."),
    ("uk", "Курс гривні знову впав", "Нацбанк пояснив це сезонним попитом."),
    ("bg", "Цените на горивата падат за трета поредна седмица", ""),
    ("bg", "", "Кметът на София обеща нови автобуси до края на годината."),
    ("de", "Bundestag beschließt Heizungsgesetz", ""),
    ("de", "", "Die Polizei sucht weiter nach dem Täter."),
    ("de", "Schnee legt Verkehr in Bayern lahm", "Hunderte Flüge fielen aus."),
    ("nl", "Kabinet valt over asielbeleid", ""),
    ("nl", "", "De politie heeft de verdachte dinsdag aangehouden."),
    ("fr", "Grève à la SNCF : le trafic perturbé lundi", ""),
    ("fr", "", "Le président a reçu les syndicats à l'Élysée."),
    ("fr", "Incendie dans un immeuble à Lyon", "Deux personnes ont été blessées."),
    ("es", "El Real Madrid gana la Liga por tercera vez", ""),
    ("es", "", "La policía detuvo a dos personas en Sevilla."),
    ("es", "Sube el precio de la luz", "Los expertos prevén más subidas en invierno."),
    ("pt", "Presidente sanciona reforma tributária", ""),
    ("pt", "", "O presidente vetou o projeto de lei nesta segunda-feira."),
    ("pt", "Incêndio atinge prédio no centro do Porto", "Não há feridos."),
    ("it", "Incidente sull'autostrada A1, due feriti", ""),
    ("it", "", "Il sindaco ha firmato l'ordinanza ieri sera."),
    ("it", "Sciopero dei treni venerdì", "Garantite le fasce protette."),
    ("pl", "Wybory samorządowe: wysoka frekwencja", ""),
    ("pl", "", "Policja zatrzymała kierowcę autobusu."),
    ("cs", "Prezident jmenoval novou vládu", ""),
    ("cs", "", "Hasiči zasahovali u požáru skladu v Brně."),
    ("sk", "", "Polícia obvinila starostu z korupcie."),
    ("tr", "İstanbul'da deprem korkusu", ""),
    ("tr", "", "Bakan açıklamayı bugün öğleden sonra yaptı."),
    ("sv", "Regeringen sänker skatten på el", ""),
    ("sv", "", "Polisen har gripit en man i Malmö."),
    ("ro", "Ploi torențiale în Moldova", "Mai multe drumuri au fost închise."),
    ("hu", "Esik az infláció Magyarországon", ""),
    ("fi", "Hallitus kaatui luottamusäänestyksessä", ""),
    ("ar", "ارتفاع أسعار النفط بعد قرار أوبك", ""),
    ("ar", "", "أعلنت الحكومة عن خطة جديدة لدعم الشباب."),
    ("fa", "انتخابات ریاست جمهوری برگزار شد", ""),
    ("fa", "", "رئیس جمهور امروز به مشهد سفر کرد."),
    ("he", "הכנסת אישרה את החוק בקריאה שלישית", ""),
    ("he", "", "המשטרה עצרה חשוד ברצח בתל אביב."),
    ("zh", "北京今日迎来大风降温天气，最低气温降至零下五度", ""),
    ("zh", "", "外交部发言人在例行记者会上回答了记者提问。"),
    ("ja", "東京都心で桜が満開に、平年より五日早く見頃を迎える", ""),
    ("ja", "", "首相は記者団に対し、解散は考えていないと述べた。"),
    ("ko", "서울 아파트값 3주 연속 상승세, 강남 지역이 상승 주도", ""),
    ("ko", "", "정부는 내년 예산안을 국회에 제출했다고 밝혔다."),
    ("el", "Σεισμός 5,2 Ρίχτερ στην Κρήτη", ""),
    ("el", "", "Η κυβέρνηση ανακοίνωσε νέα μέτρα στήριξης."),
    ("hi", "मुंबई में भारी बारिश, सभी स्कूल बंद किए गए", ""),
    ("vi", "Giá xăng tăng mạnh từ chiều nay", ""),
    ("id", "Presiden meresmikan jalan tol baru di Jawa Tengah", ""),
    ("en", "Jobless rate falls to lowest level since 1974", ""),
    ("en", "Ukraine war: drones hit oil depot in Bryansk", ""),
    ("ru", "Госдума приняла закон о налогах во втором чтении", ""),
    ("ru", "", "Задержан подозреваемый в нападении на таксиста."),
    ("uk", "Верховна Рада ухвалила бюджет на наступний рік", ""),
    ("uk", "", "Рятувальники ліквідували пожежу на складі в Одесі."),
    ("de", "Kanzler reist nach Washington", ""),
    ("de", "", "Der Prozess wird am Montag fortgesetzt."),
    ("nl", "Treinverkeer rond Utrecht ligt stil door storing", ""),
    ("fr", "Le Sénat adopte la réforme des retraites", ""),
    ("fr", "", "Trois suspects ont été interpellés mardi matin."),
    ("es", "Detenido el alcalde de Marbella por corrupción", ""),
    ("es", "", "El incendio obligó a desalojar a 300 vecinos."),
    ("pt", "Câmara aprova projeto que muda regras do Pix", ""),
    ("pt", "", "A Polícia Federal deflagrou nesta terça uma nova operação."),
    ("it", "Governo, via libera alla manovra", ""),
    ("it", "", "I carabinieri hanno arrestato un uomo di 45 anni."),
    ("pl", "Prezydent zawetował ustawę o mediach", ""),
    ("cs", "", "Poslanci schválili státní rozpočet na příští rok."),
    ("tr", "Asgari ücrete yüzde 49 zam yapıldı", ""),
    ("ro", "", "Poliția a reținut doi suspecți în urma jafului."),
    ("hu", "", "A rendőrség elfogta a rablás gyanúsítottját."),
    ("da", "Regeringen vil hæve pensionsalderen", ""),
    ("fi", "", "Poliisi tutkii tapausta murhana."),
    ("ar", "الرئيس يستقبل وزير الخارجية الأمريكي", ""),
    ("fa", "", "قیمت دلار در بازار آزاد کاهش یافت."),
    ("he", "", "ראש הממשלה נפגש עם נשיא ארצות הברית בבית הלבן."),
    ("zh", "国务院常务会议部署稳就业工作，强调加大对企业的支持力度", ""),
    ("ja", "", "台風10号は午後にも九州に上陸する見込みです。"),
    ("ko", "", "검찰은 전 장관을 뇌물 혐의로 구속 기소했다."),
]  # fmt: skip

MIXED: list[Text] = [
    ("ru", "Курс рубля укрепился",
     "Subscribe to our newsletter | Cookie policy | Share: Facebook Twitter Telegram\n"
     "Курс рубля к доллару укрепился на торгах Московской биржи в понедельник. Аналитики "
     "связывают это с ростом цен на нефть."),
    ("en", "Floods hit northern England",
     "By Jane Smith, BBC News | Updated 14:32 GMT | Photo: PA Media / Getty Images\n"
     "Hundreds of homes were evacuated after the river burst its banks overnight."),
    ("de", "Apple stellt neues iPhone vor",
     "Der US-Konzern Apple hat am Dienstag in Cupertino das iPhone 16 Pro Max vorgestellt. Das "
     "Smartphone kommt mit einem neuen Chip und einer besseren Kamera auf den Markt."),
    ("uk", "Зеленський: «Ми не поступимося територіями»",
     "«Мы будем продолжать», — заявив російський посол. Президент України відповів, що Київ не "
     "погодиться на жодні переговори під тиском і продовжить оборону."),
    ("zh", "苹果公司发布iPhone 16系列",
     "苹果公司周一在美国加州库比蒂诺举行发布会，推出iPhone 16和iPhone 16 Pro，售价799美元起。"
     "分析师认为，AI功能将成为销量关键。"),
    ("ja", "政府、総合経済対策を閣議決定",
     "政府は2日の臨時閣議で、物価高対策を柱とする総合経済対策を決定した。財政支出は約21兆円規模となる。"),
    ("ar", "شركة Microsoft تعلن عن استثمار جديد",
     "أعلنت شركة Microsoft الأمريكية عن استثمار بقيمة 1.5 مليار دولار في شركة G42 الإماراتية "
     "المتخصصة في الذكاء الاصطناعي، وفق بيان صدر يوم الثلاثاء."),
    ("fa", "نشست شورای حکام آژانس (IAEA) در وین آغاز شد",
     "نشست فصلی شورای حکام آژانس بین‌المللی انرژی اتمی روز دوشنبه در وین آغاز شد. مدیرکل "
     "آژانس در سخنان خود به برنامه هسته‌ای ایران اشاره کرد."),
    ("en", "Premier League results",
     "Arsenal 2-1 Chelsea; Liverpool 3-0 Everton; Man Utd 1-1 Spurs; Newcastle 0-2 Aston Villa. "
     "Arsenal stay top on 45 points, two ahead of Liverpool."),
    ("fr", "Biden salue le « courage » de la France",
     "« We stand with France », a écrit le président américain sur X, au lendemain de l'attaque. "
     "Le gouvernement a annoncé un renforcement de la sécurité dans les gares."),
    ("ru", "#новости #Москва",
     "Подробнее: https://ria.ru/20240624/moskva-1955123456.html Читайте также: В центре Москвы "
     "ограничат движение транспорта в выходные из-за праздника."),
    ("it", "Home | Cronaca | Politica | Sport | Contatti",
     "Il Consiglio comunale di Torino ha approvato ieri sera il nuovo piano per il traffico, che "
     "prevede una zona a basse emissioni nel centro storico."),
    ("he", "Google תשקיע 2 מיליארד דולר בישראל",
     "חברת Google הודיעה היום כי תשקיע בישראל כ-2 מיליארד דולר בחמש השנים הקרובות, בעיקר "
     "במרכזי מחקר ופיתוח בתל אביב ובחיפה."),
    ("tr", "Samsung Galaxy S24 Türkiye'de satışa çıktı",
     "Samsung'un yeni amiral gemisi Galaxy S24, bugünden itibaren Türkiye'de satışa sunuldu. "
     "Telefonun fiyatı 45 bin liradan başlıyor."),
    ("es", "EN DIRECTO | Última hora de la DANA en Valencia",
     "Actualizado 12:40 CET. La Aemet mantiene el aviso rojo en el litoral de Valencia, donde se "
     "esperan más de 180 litros por metro cuadrado."),
    ("pl", "Tusk: „Nie ma zgody na szantaż”",
     "Premier Donald Tusk powiedział w czwartek w Brukseli, że Polska nie zgodzi się na nowy "
     "mechanizm relokacji migrantów. Zobacz też: https://www.tvn24.pl/polska"),
]  # fmt: skip

NO_LANGUAGE: list[Text] = [
    (None, "", ""),
    (None, "Hi", "ok"),
    (None, "12:45", "2024-06-24 13:00 +3.5% 1,234,567 €"),
    (None, "***", "---- ==== //// 0 1 2"),
    (None, "Tokyo 2020", "3-1"),
    (None, "東京", "大阪"),
    (None, "BREAKING", "https://t.co/x1y2"),
]
