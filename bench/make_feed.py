"""Generate a synthetic, realistic and entirely FICTIONAL volunteer-opportunity feed in the
import format of the portal (contract ``opportunity-feed-v1``), of any size.

Text comes from per-cause template banks in natural English and Traditional Chinese (Taiwan
usage); organisations, addresses, e-mail addresses, web sites and phone numbers are invented
(``(fictional)`` / ``（虛構）``, ``example.org``). Every date is relative to ``--base-date``.
With ``--quirks`` about one record in ten carries one raw-export quirk that the portal's
normaliser repairs before validation (district aliases, Minguo dates, local phone numbers,
full-width characters, stray spaces); such records are marked ``"_quirk": "<name>"``.

The site's default sample is made with::

    python bench/make_feed.py --records 160 --seed 2026 --base-date 2026-11-28 --quirks \\
        --out data/opportunities.sample.json

Deterministic for a given seed and base date; standard library only.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

Pair = tuple[str, str]  # (English, Traditional Chinese)


# -- places ---------------------------------------------------------------------------------

class District(NamedTuple):
    code: str
    en: str
    zh: str
    postal: str
    lat: float
    lon: float
    stations: tuple[Pair, ...]  # real MRT stations in the district


DISTRICTS = (
    District("zhongzheng", "Zhongzheng", "中正", "100", 25.0324, 121.5199, (
        ("Chiang Kai-shek Memorial Hall", "中正紀念堂"), ("NTU Hospital", "台大醫院"),
        ("Guting", "古亭"), ("Shandao Temple", "善導寺"), ("Xiaonanmen", "小南門"),
        ("Taipower Building", "台電大樓"))),
    District("datong", "Datong", "大同", "103", 25.0630, 121.5130, (
        ("Daqiaotou", "大橋頭"), ("Shuanglian", "雙連"), ("Yuanshan", "圓山"),
        ("Minquan W. Rd.", "民權西路"), ("Beimen", "北門"))),
    District("zhongshan", "Zhongshan", "中山", "104", 25.0685, 121.5335, (
        ("Zhongshan", "中山"), ("Xingtian Temple", "行天宮"),
        ("Songjiang Nanjing", "松江南京"), ("Zhongshan Junior High School", "中山國中"),
        ("Dazhi", "大直"))),
    District("songshan", "Songshan", "松山", "105", 25.0550, 121.5580, (
        ("Nanjing Sanmin", "南京三民"), ("Songshan", "松山"), ("Taipei Arena", "台北小巨蛋"),
        ("Songshan Airport", "松山機場"))),
    District("daan", "Da'an", "大安", "106", 25.0268, 121.5436, (
        ("Daan", "大安"), ("Daan Park", "大安森林公園"), ("Technology Building", "科技大樓"),
        ("Liuzhangli", "六張犁"), ("Zhongxiao Fuxing", "忠孝復興"))),
    District("wanhua", "Wanhua", "萬華", "108", 25.0340, 121.4970, (
        ("Longshan Temple", "龍山寺"), ("Ximen", "西門"))),
    District("xinyi", "Xinyi", "信義", "110", 25.0330, 121.5680, (
        ("Taipei City Hall", "市政府"), ("Xiangshan", "象山"), ("Yongchun", "永春"),
        ("Taipei 101/World Trade Center", "台北101/世貿"))),
    District("shilin", "Shilin", "士林", "111", 25.0930, 121.5250, (
        ("Shilin", "士林"), ("Jiantan", "劍潭"), ("Zhishan", "芝山"))),
    District("beitou", "Beitou", "北投", "112", 25.1320, 121.5010, (
        ("Beitou", "北投"), ("Xinbeitou", "新北投"), ("Qilian", "唭哩岸"), ("Shipai", "石牌"),
        ("Qiyan", "奇岩"), ("Guandu", "關渡"))),
    District("neihu", "Neihu", "內湖", "114", 25.0690, 121.5890, (
        ("Neihu", "內湖"), ("Wende", "文德"), ("Gangqian", "港墘"), ("Xihu", "西湖"),
        ("Donghu", "東湖"), ("Dahu Park", "大湖公園"))),
    District("nangang", "Nangang", "南港", "115", 25.0550, 121.6070, (
        ("Nangang", "南港"), ("Kunyang", "昆陽"), ("Nangang Software Park", "南港軟體園區"),
        ("Taipei Nangang Exhibition Center", "南港展覽館"))),
    District("wenshan", "Wenshan", "文山", "116", 24.9890, 121.5700, (
        ("Jingmei", "景美"), ("Wanlong", "萬隆"), ("Muzha", "木柵"),
        ("Wanfang Hospital", "萬芳醫院"), ("Taipei Zoo", "動物園"))),
)
BY_CODE = {d.code: d for d in DISTRICTS}
TAIPEI_CODES = tuple(d.code for d in DISTRICTS)
ALL_CODES = (*TAIPEI_CODES, "outside-taipei")


class Coast(NamedTuple):
    """A beach on the New Taipei coast (district code ``outside-taipei``)."""

    key: str
    en: str
    zh: str
    postal: str
    lat: float
    lon: float
    beach: Pair


COAST = (
    Coast("shimen", "Shimen", "石門", "253", 25.2840, 121.5660, ("Baishawan Beach", "白沙灣")),
    Coast("jinshan", "Jinshan", "金山", "208", 25.2280, 121.6400,
          ("Zhongjiao Bay", "中角灣")),
    Coast("wanli", "Wanli", "萬里", "207", 25.1800, 121.6900, ("Feicui Bay", "翡翠灣")),
    Coast("gongliao", "Gongliao", "貢寮", "228", 25.0200, 121.9080, ("Fulong Beach", "福隆海灘")),
    Coast("tamsui", "Tamsui", "淡水", "251", 25.1830, 121.4130, ("Shalun Beach", "沙崙海灘")),
)

STREETS: tuple[Pair, ...] = (
    ("Example Rd.", "範例路"), ("Sample St.", "樣本街"), ("Demo Rd.", "示範路"),
    ("Model St.", "模範街"), ("Mock Rd.", "模擬路"), ("Placeholder St.", "預留街"),
)
ZH_NUM = "〇一二三四五六七八九"
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WEEKDAY_LONG = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ZH = "一二三四五六日"
MONTH_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SLOT_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SLOT_PARTS = ("morning", "afternoon", "evening")
#: Lunar New Year's Day; recurring roles skip the holiday week.
LUNAR_NEW_YEAR = {2024: date(2024, 2, 10), 2025: date(2025, 1, 29), 2026: date(2026, 2, 17),
                  2027: date(2027, 2, 6), 2028: date(2028, 1, 26), 2029: date(2029, 2, 13),
                  2030: date(2030, 2, 3), 2031: date(2031, 1, 23), 2032: date(2032, 2, 11),
                  2033: date(2033, 1, 31), 2034: date(2034, 2, 19), 2035: date(2035, 2, 8)}
FIXED_HOLIDAYS = ((1, 1), (2, 28), (4, 4), (4, 5), (10, 10))

AUTHORITY: dict[str, Pair] = {
    "social-welfare": ("Department of Social Welfare, Taipei City Government", "臺北市政府社會局"),
    "health": ("Department of Health, Taipei City Government", "臺北市政府衛生局"),
    "education": ("Department of Education, Taipei City Government", "臺北市政府教育局"),
    "culture": ("Department of Cultural Affairs, Taipei City Government", "臺北市政府文化局"),
    "environment": ("Department of Environmental Protection, Taipei City Government",
                    "臺北市政府環境保護局"),
    "civil-affairs": ("Department of Civil Affairs, Taipei City Government", "臺北市政府民政局"),
    "sports": ("Department of Sports, Taipei City Government", "臺北市政府體育局"),
    "tourism": ("Department of Information and Tourism, Taipei City Government",
                "臺北市政府觀光傳播局"),
    "labour": ("Department of Labor, Taipei City Government", "臺北市政府勞動局"),
    "animal-protection": ("Department of Economic Development, Taipei City Government",
                          "臺北市政府產業發展局"),
}

SURNAMES: tuple[Pair, ...] = (
    ("Lin", "林"), ("Chen", "陳"), ("Huang", "黃"), ("Chang", "張"), ("Lee", "李"),
    ("Wang", "王"), ("Wu", "吳"), ("Liu", "劉"), ("Tsai", "蔡"), ("Yang", "楊"), ("Hsu", "許"),
    ("Cheng", "鄭"), ("Hsieh", "謝"), ("Kuo", "郭"), ("Hung", "洪"), ("Tseng", "曾"),
    ("Chou", "周"), ("Yeh", "葉"),
)
CONTACT_ROLES: tuple[Pair, ...] = (
    ("Volunteer coordinator", "志工督導"), ("Social worker", "社工"),
    ("Volunteer team leader", "志工隊長"), ("Event coordinator", "活動企劃"),
    ("Programme officer", "專案專員"),
)
OFFICE_HOURS: tuple[Pair, ...] = (
    ("Mon–Fri 09:00–17:00", "週一至週五 09:00–17:00"),
    ("Tue–Sat 10:00–18:00", "週二至週六 10:00–18:00"),
    ("Weekdays 13:30–17:30", "平日 13:30–17:30"),
    ("Mon–Fri 09:00–12:00 and 14:00–17:00", "週一至週五 09:00–12:00、14:00–17:00"),
)
MAILBOXES = ("volunteer", "volunteers", "hello", "join", "events", "info")

STEPS: dict[str, tuple[Pair, ...]] = {
    "platform": (("Create an account on the city volunteer platform", "於臺北市志工平臺註冊帳號"),
                 ("Apply for this role online", "線上報名本服務"),
                 ("Wait for the coordinator to confirm your place", "等候督導確認")),
    "external-form": (("Fill in our online form", "填寫線上報名表"),
                      ("Look out for a confirmation e-mail", "留意確認信")),
    "email": (("E-mail a short introduction", "寄信簡單自我介紹"),
              ("A short phone or video chat", "電話或視訊簡短聊聊")),
    "phone": (("Call us during office hours", "於服務時間來電"),
              ("We book you onto the next briefing", "安排參加下一場說明會")),
    "in-person": (("Visit our front desk with your ID or ARC", "攜帶身分證或居留證至服務台報名"),
                  ("Fill in the volunteer form on the spot", "現場填寫志工資料表")),
}


# -- roles: the template banks ----------------------------------------------------------------

@dataclass(frozen=True)
class Role:
    key: str
    causes: tuple[str, ...]
    sdgs: tuple[int, ...]
    skills: tuple[str, ...]
    category: str
    orgs: tuple[tuple[str, str, str], ...]  # (English, Chinese, organisation type)
    venues: tuple[Pair, ...]
    titles: tuple[Pair, ...]
    summaries: tuple[Pair, ...]
    openings: tuple[Pair, ...]  # first paragraph
    details: tuple[Pair, ...]  # second paragraph
    tasks: tuple[Pair, ...]
    alt: Pair  # image description
    schedules: tuple[str, ...]  # allowed schedule types; repeats weight the choice
    times: tuple[tuple[str, int], ...] = (("09:00", 180),)  # start, minutes
    days: tuple[str, ...] = ("SA",)  # BYDAY values for weekly recurrence
    monthly: tuple[str, ...] = ()  # BYDAY values for monthly recurrence
    slots: tuple[str, ...] = ("sat-morning", "sun-morning")
    weekend: bool = True  # one-off and session dates fall at weekends
    districts: tuple[str, ...] = ()  # () = any Taipei district
    modes: tuple[str, ...] = ("onsite",)
    suit: dict[str, Any] = field(default_factory=dict)
    physical: str = "medium"
    basic: tuple[str, ...] = ("required-within-period",)
    special: tuple[str, ...] = ("provided",)
    training_hours: tuple[float, ...] = (2,)
    record_book: float = 0.3
    crc: bool = False
    interview: float = 0.3
    methods: tuple[str, ...] = ("platform",)
    positions: tuple[int, int] = (4, 12)
    english: float = 0.3
    spoken: tuple[str, ...] = ("zh",)
    precision: str = "street"
    insurance: tuple[str, ...] = ("accident",)
    health: Pair | None = None
    rain_note: bool = False  # outdoor events that move to another day when it rains
    senior: bool = False
    corporate: bool = False


ROLES: tuple[Role, ...] = (
    Role(
        key="lunch-club",
        causes=("seniors", "community", "health"), sdgs=(3, 10, 11),
        skills=("companionship", "event-support", "cooking"), category="social-welfare",
        orgs=(("{d} Silver Table Association", "社團法人臺北市{dz}銀桌關懷協會", "npo"),
              ("{d} Neighbourhood Care Network", "{dz}鄰里關懷網絡", "community"),
              ("Grace Light Church Care Team", "恩光教會關懷小組", "religious")),
        venues=(("{d} community care point", "{dz}社區照顧關懷據點"),
                ("{d} lunch club for older residents", "{dz}長者共餐據點")),
        titles=(("Lunch-club companion for older residents", "長者共餐陪伴志工"),
                ("Community lunch club helper for elderly neighbours", "社區長者共餐服務志工"),
                ("Friendly face at a lunch club for older residents", "長者共餐據點關懷志工")),
        summaries=(
            ("Welcome older residents to a community lunch club: check-in, the blood-pressure "
             "queue, serving and a chat over the meal.",
             "協助社區長者共餐：報到、量血壓、送餐，並陪長輩邊吃邊聊。"),
            ("Help elderly neighbours enjoy a warm lunch together and stay connected with "
             "their community.",
             "陪社區長者一起吃飯、聊天，讓長輩多出門、多交朋友。")),
        openings=(
            ("Our lunch club at {venue} serves about 40 older residents who live alone or "
             "with an elderly partner. Many walk over from the nearby lanes; some come for "
             "the company as much as the food.",
             "{venue_z}每次約有 40 位長者來共餐，多是獨居或兩老同住的長輩。很多人走路就到，"
             "來吃飯，也來找人聊天。"),
            ("Since 2019 the {d} lunch club has brought older residents together twice a "
             "week. Volunteers are the reason it feels like a neighbourhood meal rather than "
             "a canteen.",
             "{dz}共餐據點自 2019 年起每週開伙兩次。因為有志工，長者覺得這是鄰居一起吃飯，"
             "而不只是領便當。")),
        details=(
            ("What you'll do:\n\n- greet elderly guests and help with check-in\n- keep the "
             "blood-pressure queue moving\n- serve meals and clear tables\n- sit down and "
             "chat, which matters most",
             "服務內容：\n\n- 迎接長者、協助報到\n- 引導量血壓排隊\n- 送餐與收拾桌面\n"
             "- 坐下來陪長輩聊天（這最重要）"),
            ("You don't need any special skills. **Patience and a friendly chat** are what "
             "older residents remember; some guests speak mainly Taiwanese, so a few words of "
             "Hokkien are a bonus.",
             "不需要特別技能，**耐心和笑容**最重要。部分長者習慣說台語，會講幾句台語更好。")),
        tasks=(("Check-in and guiding", "報到與引導"), ("Blood-pressure queue", "協助量血壓"),
               ("Serving lunch", "送餐"), ("Conversation and companionship", "陪伴聊天"),
               ("Tidying up after the meal", "餐後整理環境"),
               ("Leading gentle chair exercises", "帶動簡單的椅子操")),
        alt=("Volunteers and older residents sharing lunch at a community table",
             "志工與長者在社區據點一起用餐"),
        schedules=("recurring", "recurring", "recurring", "flexible"),
        times=(("09:30", 150), ("10:30", 150)), days=("TU,TH", "MO,WE,FR", "WE", "TU,FR"),
        slots=("mon-morning", "tue-morning", "wed-morning", "thu-morning", "fri-morning"),
        weekend=False,
        suit={"min_age": 16, "seniors": True, "families": 0.5, "youth": True,
              "students_service_learning": 0.6},
        physical="low", basic=("required-within-period", "required-before"),
        special=("provided",), training_hours=(4, 6), record_book=0.5, interview=0.7,
        methods=("platform", "platform", "phone", "in-person"), positions=(4, 10),
        english=0.1, spoken=("zh", "nan"), senior=True),
    Role(
        key="phone-befriending",
        causes=("seniors", "health", "community"), sdgs=(3, 10),
        skills=("companionship", "counselling"), category="social-welfare",
        orgs=(("Hello Neighbour Befriending Service", "您好鄰居電話關懷服務", "npo"),
              ("Evergreen Care Foundation", "長青關懷基金會", "foundation"),
              ("{d} Senior Citizens Service Centre", "{dz}老人服務中心", "npo")),
        venues=(("{d} befriending office", "{dz}電話問安辦公室"),),
        titles=(("Telephone befriender for older residents living alone", "獨居長者電話問安志工"),
                ("Weekly phone buddy for elderly neighbours", "長者電話關懷志工（每週問安）")),
        summaries=(
            ("Call two or three older residents who live alone each week for a friendly chat "
             "and a quick wellbeing check, from home or at our office.",
             "每週打電話給兩三位獨居長者問安聊天、關心近況；可在家或到辦公室撥打。"),
            ("A regular phone call can be the highlight of an elderly person's week. "
             "Training and a call guide are provided.",
             "一通固定的電話，可能是長者一週最期待的事。提供訓練與通話指引。")),
        openings=(
            ("Many older residents in {d} live alone, and some go days without talking to "
             "anyone. Our befrienders ring the same people every week, so real friendships "
             "grow.",
             "{dz}有不少獨居長者，有時好幾天沒和人說話。問安志工每週固定打給同一批長輩，"
             "慢慢成為真正的朋友。"),
            ("Our befriending service links volunteers with elderly residents referred by "
             "social workers and the district health centre.",
             "電話問安服務由社工及健康服務中心轉介長者，再由志工固定關懷。")),
        details=(
            ("Calls go through our app, so your own number stays private. After each call you "
             "note anything worrying (a fall, missed medicine, a broken fan) and a social "
             "worker follows up.",
             "透過本會 App 撥打，不會顯示個人號碼。通話後記錄需要注意的狀況，例如跌倒、"
             "忘了吃藥、電扇壞了，由社工後續追蹤。"),
            ("**Good listeners** suit this role best. Many older residents prefer Taiwanese "
             "Hokkien; Mandarin is fine for most calls.",
             "這個角色最需要**願意傾聽**的人。許多長者習慣說台語，多數通話用國語即可。")),
        tasks=(("Weekly wellbeing calls", "每週電話問安"),
               ("Logging concerns for the social worker", "記錄需關注事項並回報社工"),
               ("Birthday and festival greetings", "生日及節慶問候"),
               ("Reminders about health check-ups", "提醒健康檢查")),
        alt=("A volunteer with a headset making a call at a desk", "戴著耳機撥打問安電話的志工"),
        schedules=("flexible", "flexible", "recurring"),
        times=(("14:00", 120), ("19:00", 90)), days=("MO", "WE", "TH"),
        slots=("mon-afternoon", "tue-afternoon", "wed-evening", "thu-afternoon",
               "fri-morning", "sat-morning"),
        weekend=False, modes=("remote", "remote", "hybrid"),
        suit={"min_age": 18, "seniors": True},
        physical="low", basic=("required-before", "required-within-period"),
        special=("provided", "required-before"), training_hours=(3, 6), record_book=0.5,
        interview=0.8, methods=("platform", "email", "phone"), positions=(5, 15),
        english=0.15, spoken=("zh", "nan"), precision="district",
        insurance=("accident", "none"), senior=True),
    Role(
        key="senior-smartphone",
        causes=("seniors", "education"), sdgs=(4, 10),
        skills=("teaching-tutoring", "it-digital"), category="education",
        orgs=(("{d} Digital Buddies", "{dz}數位好夥伴", "community"),
              ("Bright Screen Foundation", "亮屏數位關懷基金會", "foundation"),
              ("{d} District Office (example)", "臺北市{dz}區公所（範例）", "government")),
        venues=(("{d} community college classroom", "{dz}社區大學教室"),
                ("{d} library computer room", "{dz}圖書館電腦教室")),
        titles=(("Smartphone helper for older residents", "長者手機學習陪伴志工"),
                ("Digital buddy: teach elderly learners LINE, maps and mobile payment",
                 "數位小老師：教長者用 LINE、地圖與行動支付")),
        summaries=(
            ("Sit beside older residents and help them with LINE video calls, bus apps and "
             "spotting scam messages.",
             "一對一陪長者學手機：LINE 視訊、公車 App，以及辨識詐騙訊息。"),
            ("Patient helpers wanted for a smartphone class for elderly learners; no teaching "
             "experience needed.",
             "長者手機班招募有耐心的小老師，不需要教學經驗。")),
        openings=(
            ("Our weekly smartphone class at {venue} is full of older residents who want to "
             "video-call their grandchildren, book clinic appointments and read the news in "
             "larger text.",
             "{venue_z}每週的手機班，來了很多想和孫子視訊、用手機掛號、把字放大看新聞的長者。"),
            ("Scam messages and QR-code payments worry many elderly people. The class gives "
             "them a safe place to ask the same question twice.",
             "詐騙訊息和掃碼支付讓許多長者很困擾。手機班讓他們可以放心地把同一個問題問兩次。")),
        details=(
            ("Each volunteer sits with two or three learners. A teacher leads from the front; "
             "your job is to **slow down, repeat and encourage**.",
             "每位志工陪兩到三位學員，講師在台前帶課，志工負責**放慢、重複、鼓勵**。"),
            ("Useful to know: Android and iPhone basics, LINE, Google Maps, a bus app and "
             "mobile payment. You get a one-page cheat sheet before your first class.",
             "需要會的：Android 與 iPhone 基本操作、LINE、Google 地圖、公車 App 及行動支付。"
             "第一次上課前會提供一頁重點整理。")),
        tasks=(("One-to-one help during class", "課堂一對一協助"),
               ("Setting up LINE and larger fonts", "協助設定 LINE 與放大字體"),
               ("Explaining how to spot scam messages", "說明如何辨識詐騙訊息"),
               ("Preparing practice handouts", "準備練習講義")),
        alt=("A volunteer showing an older learner how to make a video call",
             "志工教長者用手機視訊"),
        schedules=("recurring", "recurring", "sessions"),
        times=(("14:00", 120), ("09:30", 120)), days=("TU", "TH", "FR"), weekend=False,
        suit={"min_age": 15, "seniors": True, "youth": True, "students_service_learning": True},
        physical="low", basic=("not-required", "required-within-period"),
        special=("provided", "not-required"), training_hours=(2,), record_book=0.2,
        interview=0.2, methods=("platform", "external-form", "email"), positions=(6, 12),
        english=0.15, spoken=("zh", "nan"), senior=True),
    Role(
        key="homework-tutor",
        causes=("children-youth", "education"), sdgs=(4, 1, 10),
        skills=("teaching-tutoring",), category="education",
        orgs=(("{d} After-School Care Association", "臺北市{dz}課後關懷協會", "npo"),
              ("Little Lighthouse Children's Foundation", "小燈塔兒少基金會", "foundation"),
              ("{d} Example Primary School", "臺北市{dz}區範例國民小學", "school")),
        venues=(("{d} after-school study room", "{dz}課輔教室"),
                ("{d} church hall study corner", "{dz}教會課輔班")),
        titles=(("After-school homework tutor for primary pupils", "國小課後課輔志工"),
                ("Maths and English homework helper", "課後數學、英文課輔志工"),
                ("Reading and homework buddy for children from low-income families",
                 "弱勢家庭兒童課業陪伴志工")),
        summaries=(
            ("Help primary-school children with homework, reading and maths in a small "
             "after-school group.",
             "陪伴國小學童寫功課、閱讀與練習數學，小組課輔。"),
            ("Children from low-income and single-parent families need a steady adult to do "
             "homework with. Two hours a week makes a difference.",
             "弱勢及單親家庭的孩子需要穩定的大人陪寫功課，每週兩小時就能帶來改變。")),
        openings=(
            ("Our after-school programme in {d} supports about 30 children whose parents work "
             "late shifts. Many are the first in their family to get help with English "
             "homework.",
             "我們在{dz}的課後班服務約 30 位孩子，家長多半要上晚班。不少孩子是家裡第一個"
             "有人陪寫英文作業的。"),
            ("Teachers at partner schools in {d} have noticed more children falling behind "
             "in reading. Our tutors work in pairs with small groups.",
             "{dz}合作學校的老師發現閱讀落後的孩子變多了。課輔志工兩人一組，帶小組學習。")),
        details=(
            ("You'll sit with three or four pupils, check homework and help them read aloud. "
             "**Consistency matters**: we ask for one school term at least, so children see "
             "the same faces.",
             "每位志工陪三到四位學童，檢查作業、陪讀課文。**穩定最重要**，請至少服務一學期，"
             "讓孩子每次都看到熟悉的大哥哥大姊姊。"),
            ("University students can log service-learning hours. A safeguarding session is "
             "part of the special training, and a police criminal record certificate is "
             "required.",
             "大專學生可登錄服務學習時數。特殊訓練包含兒少保護課程，並須繳交警察刑事紀錄證明"
             "（良民證）。")),
        tasks=(("Homework help", "協助寫作業"), ("Reading aloud together", "陪讀課文"),
               ("Maths practice games", "數學練習遊戲"),
               ("Snack-time supervision", "點心時間照顧"),
               ("Notes for the class teacher", "填寫學習紀錄給老師")),
        alt=("A tutor and two pupils working on homework at a table", "課輔志工陪兩位學童寫功課"),
        schedules=("recurring", "recurring", "flexible"),
        times=(("16:00", 120), ("18:30", 120)), days=("MO,WE", "TU,TH", "WE", "FR"),
        slots=("mon-afternoon", "tue-afternoon", "wed-afternoon", "thu-evening",
               "fri-afternoon"),
        weekend=False, modes=("onsite", "onsite", "onsite", "hybrid", "remote"),
        suit={"min_age": 18, "seniors": 0.6, "youth": True, "students_service_learning": True},
        physical="low", basic=("required-within-period", "required-before"),
        special=("required-within-period", "provided"), training_hours=(6, 8),
        record_book=0.4, crc=True, interview=0.9,
        methods=("platform", "external-form", "email"), positions=(4, 10), english=0.3),
    Role(
        key="library-storytime",
        causes=("libraries-museums", "children-youth", "education"), sdgs=(4,),
        skills=("teaching-tutoring", "event-support"), category="education",
        orgs=(("{d} Library Friends", "{dz}圖書館之友會", "community"),
              ("Picture Book Garden Association", "繪本花園協會", "npo"),
              ("Taipei Example Public Library, {d} Branch", "臺北市範例圖書館{dz}分館",
               "government")),
        venues=(("{d} branch library children's room", "{dz}分館兒童室"),
                ("{d} library storytime corner", "{dz}圖書館說故事角")),
        titles=(("Storytime reader at the children's library", "圖書館說故事志工"),
                ("Weekend picture-book storyteller", "週末繪本說故事志工"),
                ("Bilingual storytime volunteer (Chinese and English)", "中英雙語說故事志工")),
        summaries=(
            ("Read picture books aloud to children aged 3 to 8 and lead a simple craft "
             "afterwards.",
             "為 3 到 8 歲孩子朗讀繪本，並帶一段簡單的手作。"),
            ("Bring stories to life for young readers and their parents at weekend "
             "storytime.",
             "週末說故事時間，陪小讀者和爸媽一起走進故事。")),
        openings=(
            ("Storytime at {venue} draws 20 to 40 children and parents every weekend. Some "
             "families come every week; others have just moved to {d}.",
             "{venue_z}每個週末的說故事時間會有 20 到 40 位親子參加，有固定來的老朋友，"
             "也有剛搬到{dz}的新家庭。"),
            ("Our library friends group has run storytime for more than ten years, in "
             "Mandarin and, once a month, in English.",
             "圖書館之友會辦理說故事活動已超過十年，以華語為主，每月一場英語場。")),
        details=(
            ("Choose two books from our list, practise with a mentor, then read to the group. "
             "A short craft follows, and we prepare the materials.",
             "從書單選兩本繪本，先和資深志工練習，再上場說故事。結束後有簡單手作，"
             "材料由我們準備。"),
            ("Families are welcome to volunteer together: a parent reads, a child helps hand "
             "out crafts. **No acting skills needed**; just enjoy the book.",
             "歡迎親子一起當志工：爸媽說故事，孩子幫忙發材料。**不需要表演經驗**，"
             "享受故事就好。")),
        tasks=(("Reading picture books aloud", "朗讀繪本"),
               ("Leading a simple craft", "帶領簡易手作"),
               ("Setting up the story corner", "布置說故事角"),
               ("Welcoming families", "招呼親子讀者")),
        alt=("Children sitting on a rug listening to a picture-book reading",
             "孩子們坐在地墊上聽繪本故事"),
        schedules=("recurring", "recurring", "sessions"),
        times=(("10:00", 90), ("14:30", 90)), days=("SA", "SU"), monthly=("1SA", "2SU", "-1SA"),
        modes=("onsite", "onsite", "onsite", "hybrid"),
        suit={"min_age": 12, "families": True, "youth": True, "students_service_learning": True,
              "seniors": True},
        physical="low", basic=("required-within-period", "provided"),
        special=("provided", "required-within-period"), training_hours=(3, 4),
        record_book=0.3, crc=True, interview=0.4,
        methods=("platform", "email", "in-person"), positions=(3, 8), english=0.4),
    Role(
        key="hospital-guide",
        causes=("health", "public-service"), sdgs=(3,),
        skills=("guiding", "admin"), category="health",
        orgs=(("Taipei Example General Hospital", "臺北範例綜合醫院", "hospital"),
              ("Riverside Example Hospital", "河岸範例醫院", "hospital"),
              ("{d} Example Medical Centre", "{dz}範例醫學中心", "hospital")),
        venues=(("main lobby, {org}", "{org_z}一樓大廳"),
                ("outpatient building, {org}", "{org_z}門診大樓")),
        titles=(("Hospital lobby guide", "醫院大廳導引志工"),
                ("Outpatient wayfinding and registration helper", "門診導引及掛號協助志工"),
                ("Hospital information desk volunteer", "醫院服務台志工")),
        summaries=(
            ("Greet patients and visitors, help with self-service registration kiosks and "
             "walk people to the right clinic.",
             "在大廳迎接病人及家屬，協助操作自助掛號機，並帶路到正確診間。"),
            ("Be the first friendly face in a busy hospital: guiding, wheelchair help and "
             "answering questions at the information desk.",
             "在忙碌的醫院裡當第一張笑臉：導引、協助推輪椅、在服務台回答問題。")),
        openings=(
            ("Our outpatient building sees more than 5,000 visits a day. Volunteers at the "
             "information desk and by the kiosks save patients a lot of stress.",
             "門診大樓每天超過五千人次看診，服務台和掛號機旁的志工能幫病人省下很多慌張。"),
            ("Volunteers have been part of {org} since it opened. Shifts are half a day, "
             "morning or afternoon, on weekdays.",
             "{org_z}自開院就有志工服務，每班半天，平日上午或下午。")),
        details=(
            ("You'll get a uniform vest, a floor map and a buddy for your first three shifts. "
             "Standing and walking most of the shift is normal, but a seated desk role is "
             "possible.",
             "志工會拿到背心與樓層圖，前三次由資深志工帶班。多半需要站立與走動，"
             "也可安排坐在服務台。"),
            ("**Health first:** as for all hospital volunteers, we ask for a recent chest "
             "X-ray and up-to-date vaccinations before you start.",
             "**健康第一：**依醫院規定，開始服務前須提供近期胸部 X 光檢查及疫苗接種紀錄。")),
        tasks=(("Guiding patients to clinics", "引導病人至診間"),
               ("Helping with registration kiosks", "協助操作自助掛號機"),
               ("Pushing wheelchairs", "協助推輪椅"),
               ("Answering questions at the information desk", "服務台諮詢"),
               ("Returning wheelchairs to the entrance", "歸還輪椅至門口")),
        alt=("A volunteer in a vest guiding a visitor in a hospital lobby",
             "穿背心的志工在醫院大廳為民眾指路"),
        schedules=("recurring", "recurring", "flexible"),
        times=(("08:30", 210), ("13:30", 210)), days=("MO", "TU", "WE", "TH", "FR", "MO,TH"),
        slots=("mon-morning", "tue-morning", "wed-afternoon", "thu-morning", "fri-afternoon"),
        weekend=False,
        suit={"min_age": 18, "max_age": 75, "seniors": True, "youth": 0.5,
              "students_service_learning": True},
        physical="medium", basic=("required-before", "required-within-period"),
        special=("required-before", "provided"), training_hours=(4, 8), record_book=0.8,
        interview=0.8, methods=("platform", "in-person", "phone"), positions=(6, 20),
        english=0.25, spoken=("zh", "nan"),
        health=("Recent chest X-ray and vaccination record required.",
                "須提供近期胸部 X 光檢查及疫苗接種紀錄。")),
    Role(
        key="food-bank-sorting",
        causes=("food", "community"), sdgs=(1, 2, 12),
        skills=("none-required", "manual-outdoor", "admin"), category="social-welfare",
        orgs=(("{d} Food Bank", "{dz}區實物銀行", "npo"),
              ("Full Bowl Food Sharing Association", "飽飽食物分享協會", "npo"),
              ("Taipei Example Food Bank", "臺北範例食物銀行", "foundation")),
        venues=(("{d} food bank warehouse", "{dz}物資倉庫"),
                ("{d} community food pantry", "{dz}愛心食物櫃")),
        titles=(("Food bank sorting volunteer", "食物銀行物資整理志工"),
                ("Weekend food parcel packer", "週末物資打包志工"),
                ("Food pantry helper: sort, pack and hand out groceries",
                 "食物櫃志工：整理、打包與發放物資")),
        summaries=(
            ("Sort donated food, check expiry dates and pack parcels for families in need.",
             "整理捐贈食品、檢查有效期限，為需要的家庭打包物資。"),
            ("Help a neighbourhood food bank get groceries to low-income households; good for "
             "groups and first-timers.",
             "協助社區食物銀行把物資送到弱勢家庭手上，適合團體與第一次當志工的人。")),
        openings=(
            ("Every month our warehouse in {d} receives several tonnes of rice, noodles, "
             "cooking oil and tinned food from shops and households, and sends parcels to "
             "around 300 families.",
             "{dz}倉庫每月收到數噸米、麵、油與罐頭等捐贈，再打包送到約 300 個家庭。"),
            ("Food that would otherwise be wasted, such as short-dated supermarket stock and "
             "surplus bread, ends up on family tables thanks to our sorting volunteers.",
             "超市即期品、麵包店的剩餘麵包，原本可能被丟掉，經過志工分類整理，"
             "送上需要的家庭餐桌。")),
        details=(
            ("You'll check expiry dates, sort items by type and pack boxes to a checklist. "
             "**Closed-toe shoes** please; lifting is shared and never required.",
             "工作內容包括檢查效期、分類與依清單裝箱。請穿**包鞋**；搬運由大家分工，"
             "不會勉強。"),
            ("Groups of up to 15 can book a shift together. Families with children aged 10 "
             "and over are welcome on Saturdays.",
             "可團體預約，每班最多 15 人。週六歡迎 10 歲以上孩子與家長一起參加。")),
        tasks=(("Checking expiry dates", "檢查有效期限"), ("Sorting donations", "物資分類"),
               ("Packing family parcels", "家庭物資打包"), ("Stock-taking", "庫存盤點"),
               ("Handing out parcels", "協助發放物資")),
        alt=("Volunteers packing rice and tinned food into boxes", "志工將米與罐頭裝箱"),
        schedules=("sessions", "recurring", "flexible"),
        times=(("09:00", 180), ("14:00", 180)), days=("SA", "WE", "TU,SA"),
        slots=("tue-morning", "wed-afternoon", "thu-morning", "sat-morning", "sat-afternoon"),
        suit={"min_age": 10, "families": True, "groups": True, "youth": True,
              "students_service_learning": True, "seniors": True, "max_group_size": 15},
        physical="medium", basic=("not-required", "provided"),
        special=("not-required", "provided"), training_hours=(0.5, 1), record_book=0.1,
        interview=0.0, methods=("external-form", "platform", "email", "phone"),
        positions=(8, 30), english=0.45),
    Role(
        key="shelter-dog-walker",
        causes=("animals",), sdgs=(15,),
        skills=("manual-outdoor", "photography"), category="animal-protection",
        orgs=(("Second Chance Paws", "第二次機會毛孩協會", "npo"),
              ("Taipei Example Animal Shelter", "臺北範例動物之家", "government"),
              ("Tail Wag Rescue Network", "搖尾巴救援網絡", "community")),
        venues=(("{d} animal shelter", "{dz}動物收容所"), ("{d} adoption centre", "{dz}認養中心")),
        titles=(("Dog walker at the animal shelter", "收容所狗狗散步志工"),
                ("Shelter dog walking and socialising volunteer", "動物之家遛狗與社會化志工"),
                ("Adoption day helper and dog walker", "認養日協助及遛狗志工")),
        summaries=(
            ("Walk and socialise shelter dogs so they are calmer and easier to adopt.",
             "帶收容所的狗狗散步、互動，讓牠們更穩定、更容易被認養。"),
            ("Give shelter dogs a walk, a brush and some attention. Training provided; love "
             "of dogs essential.",
             "陪狗狗散步、梳毛、互動。提供訓練，只要你喜歡狗。")),
        openings=(
            ("Around 200 dogs wait for new homes at our shelter in {d}. A daily walk makes a "
             "visible difference to how they behave when adopters visit.",
             "{dz}的收容所約有 200 隻狗狗等待新家。每天出門散步，認養人來看的時候，"
             "狗狗的表現會差很多。"),
            ("Many of our dogs were strays picked up around the city. Volunteers help them "
             "learn to walk on a lead and trust people again.",
             "許多狗狗是在市區街頭被救援的。志工帶牠們練習牽繩散步，重新信任人。")),
        details=(
            ("New volunteers start with a two-hour orientation and walk only the 'green' "
             "dogs. After five visits you can help with shyer dogs and adoption days.",
             "新志工須先上兩小時說明課，只能先帶「綠牌」狗狗。服務滿五次後，"
             "可協助較怕人的狗狗及認養活動。"),
            ("Wear clothes you don't mind getting muddy. **Children under 16** can come with "
             "a parent on adoption days but cannot walk dogs.",
             "請穿可以弄髒的衣服。**未滿 16 歲**可在認養日由家長陪同參加，但不能牽狗散步。")),
        tasks=(("Walking dogs on the shelter trail", "帶狗狗在步道散步"),
               ("Brushing and socialising", "梳毛與互動"), ("Cleaning kennels", "清潔犬舍"),
               ("Taking photos for adoption profiles", "為認養資料拍照"),
               ("Helping at adoption days", "協助認養日活動")),
        alt=("A volunteer walking a brown shelter dog on a lead", "志工牽著收容所的狗狗散步"),
        schedules=("flexible", "recurring", "sessions"),
        times=(("08:30", 150), ("15:00", 120)), days=("SA", "SU", "SA,SU"),
        slots=("sat-morning", "sun-morning", "sat-afternoon", "wed-afternoon", "fri-morning"),
        districts=("neihu", "neihu", "nangang", "wenshan", "beitou", "shilin"),
        suit={"min_age": 16, "families": 0.5, "youth": True, "students_service_learning": True,
              "seniors": 0.5},
        physical="high", basic=("not-required", "provided"), special=("required-before",),
        training_hours=(2,), record_book=0.2, interview=0.2,
        methods=("external-form", "platform", "in-person"), positions=(5, 20), english=0.45,
        precision="district"),
    Role(
        key="museum-docent",
        causes=("culture-arts", "libraries-museums", "tourism"), sdgs=(4, 11),
        skills=("guiding", "language-interpreting"), category="culture",
        orgs=(("Taipei Example City Museum", "臺北範例市立博物館", "government"),
              ("{d} Heritage House", "{dz}古蹟文化館", "government"),
              ("Old Town Stories Foundation", "老城故事文化基金會", "foundation")),
        venues=(("{org} galleries", "{org_z}展廳"), ("{d} heritage house", "{dz}古蹟文化館")),
        titles=(("Museum docent (volunteer tour guide)", "博物館導覽志工"),
                ("Heritage house guide: tell the stories of old {d}",
                 "古蹟導覽志工：說{dz}的老故事"),
                ("English-speaking gallery guide", "英語導覽志工")),
        summaries=(
            ("Lead 45-minute tours for visitors and school groups after a structured docent "
             "training course.",
             "完成導覽培訓後，為民眾及學校團體帶 45 分鐘導覽。"),
            ("Share the history of Taipei with local and international visitors as a trained "
             "volunteer docent.",
             "成為導覽志工，與國內外遊客分享臺北的歷史故事。")),
        openings=(
            ("Our galleries tell the story of Taipei from the Qing-dynasty river trade to the "
             "MRT age. Docents bring the objects to life for about 300 visitors a day.",
             "展廳從清代河港貿易講到捷運時代的臺北，導覽志工讓文物說話，每天接待約 300 位觀眾。"),
            ("{org} welcomes school classes on weekdays and families and tourists at "
             "weekends. Tours are in Mandarin, with English and Japanese tours on request.",
             "{org_z}平日接待學校班級，假日以親子及遊客為主。導覽以華語為主，"
             "亦可預約英語、日語場。")),
        details=(
            ("Docent training runs over six Saturdays (about 24 hours), followed by a trial "
             "tour. After that we ask for **at least two shifts a month** for a year.",
             "導覽培訓共六個週六（約 24 小時），結訓後試導覽通過即可上線。"
             "之後請**每月至少服務兩班**，持續一年。"),
            ("If you speak English, Japanese or Korean well, we especially need you for "
             "weekend tours for international visitors.",
             "若您擅長英語、日語或韓語，特別歡迎加入週末外語導覽。")),
        tasks=(("Leading gallery tours", "帶領展廳導覽"),
               ("School group activities", "學校團體活動帶領"),
               ("Information desk", "服務台諮詢"), ("Visitor surveys", "觀眾問卷調查")),
        alt=("A docent talking to a school group in front of an old map of Taipei",
             "導覽志工在臺北老地圖前為學生解說"),
        schedules=("recurring", "flexible"),
        times=(("09:30", 180), ("13:30", 210)), days=("SA", "SU", "WE,SA"),
        slots=("tue-morning", "wed-afternoon", "sat-morning", "sat-afternoon", "sun-afternoon"),
        districts=("zhongzheng", "datong", "shilin", "songshan", "wanhua", "beitou",
                   "zhongshan"),
        suit={"min_age": 18, "seniors": True, "students_service_learning": True, "youth": 0.5,
              "newcomers_welcome": False},
        physical="medium", basic=("required-before",), special=("required-before",),
        training_hours=(24,), record_book=0.8, interview=1.0,
        methods=("platform", "email", "in-person"), positions=(10, 25), english=0.45),
    Role(
        key="disaster-drill",
        causes=("disaster-relief", "public-service", "community"), sdgs=(11, 13, 3),
        skills=("event-support", "first-aid"), category="civil-affairs",
        orgs=(("{d} Disaster Prevention Community Team", "{dz}防災社區推動小組", "community"),
              ("Ready Taipei Preparedness Association", "有備臺北防災協會", "npo"),
              ("{d} District Office (example)", "臺北市{dz}區公所（範例）", "government")),
        venues=(("{d} primary school sports ground", "{dz}國小操場"),
                ("{d} community park", "{dz}社區公園"),
                ("{d} district office plaza", "{dz}區公所前廣場")),
        titles=(("Disaster-preparedness drill helper", "防災演練協助志工"),
                ("Earthquake drill volunteer: role-play and first-aid station",
                 "地震演練志工：情境演出與急救站"),
                ("Community emergency drill marshal", "社區防災演練引導志工")),
        summaries=(
            ("Help run a neighbourhood earthquake and fire drill: guide residents, play "
             "casualties and staff the first-aid station.",
             "協助社區地震及火災演練：引導民眾疏散、擔任傷患角色、支援急救站。"),
            ("Join the annual community disaster drill and learn what to do when the next "
             "big earthquake hits.",
             "參加社區年度防災演練，也學會大地震來時該怎麼做。")),
        openings=(
            ("Every year the {d} community practises what to do after a strong earthquake: "
             "evacuation, a temporary shelter, and checking on neighbours who need help.",
             "{dz}每年舉辦防災演練，演練強震後的疏散、臨時收容所開設，以及關心需要協助的鄰居。"),
            ("The 里長 (neighbourhood chief) will welcome you at the check-in table and "
             "introduce the fire brigade team running the drill.",
             "里長會在報到處歡迎大家，並介紹帶領演練的消防分隊。")),
        details=(
            ("On the day you may guide residents to the assembly point, play an injured "
             "person (make-up provided!) or help at the first-aid and registration tables. "
             "**A short briefing** is held 30 minutes before the drill.",
             "當天可能擔任疏散引導、扮演傷患（提供特殊化妝！），或支援急救站與報到處。"
             "演練前 30 分鐘有**行前說明**。"),
            ("You'll learn how to use a fire extinguisher, the basics of CPR and AED, and "
             "how the city's disaster shelters work.",
             "您將學到滅火器使用、CPR 及 AED 基本操作，以及防災避難收容處所如何運作。")),
        tasks=(("Guiding evacuation routes", "疏散路線引導"), ("Casualty role-play",
                                                         "傷患角色扮演"),
               ("First-aid station support", "急救站支援"), ("Registration desk", "報到處服務"),
               ("Setting up the temporary shelter", "協助開設臨時收容所")),
        alt=("Residents practising an evacuation on a school sports ground",
             "民眾在學校操場進行疏散演練"),
        schedules=("one-off", "one-off", "sessions"),
        times=(("08:30", 210), ("13:30", 180)),
        suit={"min_age": 12, "families": True, "youth": True, "students_service_learning": True,
              "seniors": True, "groups": True, "max_group_size": 10},
        physical="medium", basic=("not-required",), special=("provided",),
        training_hours=(0.5, 1), record_book=0.1, interview=0.0,
        methods=("platform", "phone", "in-person", "external-form"), positions=(15, 40),
        english=0.3, spoken=("zh", "nan"), insurance=("accident", "accident-and-liability"),
        rain_note=True),
    Role(
        key="conversation-partner",
        causes=("new-residents", "education", "community"), sdgs=(4, 10),
        skills=("language-interpreting", "teaching-tutoring", "companionship"),
        category="education",
        orgs=(("New Home Taipei Association", "新家園臺北協會", "npo"),
              ("{d} New Residents Service Point", "{dz}新住民服務據點", "npo"),
              ("Global Neighbours Taipei", "全球鄰居臺北", "community")),
        venues=(("{d} new residents' centre", "{dz}新住民服務據點"),
                ("{d} community centre meeting room", "{dz}社區活動中心會議室")),
        titles=(("Chinese conversation partner for new residents", "新住民中文會話夥伴"),
                ("Language buddy: practise everyday Mandarin with newcomers",
                 "語言夥伴：陪新住民練習生活華語"),
                ("Conversation partner for new immigrants (Mandarin practice)",
                 "新住民華語交流志工")),
        summaries=(
            ("Meet a small group of new residents from Vietnam, Indonesia and beyond to "
             "practise everyday Mandarin: shopping, clinics, school notices.",
             "陪來自越南、印尼等地的新住民練習生活華語：買菜、看病、看懂聯絡簿。"),
            ("Friendly conversation practice for new immigrants building a life in Taipei.",
             "和在臺北生活的新住民聊天練華語。")),
        openings=(
            ("Many new residents in {d} came to Taiwan through marriage or work. Daily life "
             "is fine, but reading a school notice or explaining symptoms to a doctor can "
             "still be stressful.",
             "{dz}有許多因婚姻或工作來臺的新住民。日常生活沒問題，但看懂學校通知、"
             "向醫生說明症狀仍常讓人緊張。"),
            ("Our conversation groups meet weekly. Volunteers are not teachers: you're a "
             "friendly local who keeps the conversation going and explains the odd word.",
             "會話小組每週聚會一次。志工不是老師，而是一位友善的在地朋友，讓對話繼續，"
             "順便解釋不懂的字詞。")),
        details=(
            ("Topics come from real life: the night market, the health insurance card, LINE "
             "groups with other parents. We provide a topic card for each session.",
             "主題來自真實生活：夜市、健保卡、家長 LINE 群組。每次都會提供話題卡。"),
            ("If you speak Vietnamese, Indonesian, Thai or Tagalog, tell us; it helps with "
             "beginners. **English speakers are welcome too**: several participants use "
             "English as a bridge language.",
             "會說越南語、印尼語、泰語或菲律賓語的志工請告訴我們，對初學者很有幫助。"
             "**也歡迎說英語的志工**，不少學員以英語作為溝通橋梁。")),
        tasks=(("Leading small-group conversation", "帶領小組會話"),
               ("Explaining everyday vocabulary", "解釋生活用語"),
               ("Role-playing clinic and shop visits", "模擬看診、購物情境"),
               ("Helping read school notices", "協助看懂學校通知")),
        alt=("A small group chatting around a table with topic cards", "小組圍桌用話題卡聊天"),
        schedules=("recurring", "recurring", "flexible"),
        times=(("19:00", 90), ("10:00", 120)), days=("TU", "TH", "SA", "SU"),
        slots=("tue-evening", "thu-evening", "sat-morning", "sun-afternoon"),
        modes=("onsite", "hybrid", "hybrid", "remote"),
        suit={"min_age": 18, "seniors": True, "students_service_learning": True, "youth": 0.5},
        physical="low", basic=("required-within-period", "not-required"),
        special=("provided",), training_hours=(3,), record_book=0.3, interview=0.6,
        methods=("email", "external-form", "platform"), positions=(4, 12), english=0.7,
        spoken=("zh", "en", "vi", "id")),
    Role(
        key="sign-language-support",
        causes=("disability", "community"), sdgs=(10, 11),
        skills=("sign-language", "event-support"), category="social-welfare",
        orgs=(("Hands Together Deaf Association", "手牽手聾人協會", "npo"),
              ("{d} Inclusive Arts Festival", "{dz}共融藝術節", "community"),
              ("Clear Voices Foundation", "清音基金會", "foundation")),
        venues=(("{d} arts centre", "{dz}藝文中心"), ("{d} community hall", "{dz}社區禮堂")),
        titles=(("Sign-language event support volunteer", "手語活動支援志工"),
                ("Taiwan Sign Language helper at an inclusive festival",
                 "共融活動台灣手語協助志工"),
                ("Deaf-friendly event steward (basic sign language welcome)",
                 "聽障友善活動引導志工（具基礎手語者佳）")),
        summaries=(
            ("Support Deaf visitors at an inclusive community event: welcome desk, guiding "
             "and simple Taiwan Sign Language.",
             "在共融活動中協助聾人朋友：接待、引導，以及簡單的台灣手語溝通。"),
            ("Use your Taiwan Sign Language, or learn the basics with us, to make a community "
             "event accessible.",
             "用您的台灣手語（或跟我們學基礎手語），讓社區活動更無障礙。")),
        openings=(
            ("Our annual inclusive festival in {d} brings Deaf and hearing audiences "
             "together for performances, a market and workshops.",
             "{dz}年度共融藝術節讓聾人和聽人一起看表演、逛市集、參加工作坊。"),
            ("Deaf visitors tell us the small things matter: a steward who can sign 'toilet' "
             "or 'the show starts in ten minutes', and captions that actually work.",
             "聾人朋友說，小事最重要：會比「廁所」或「表演十分鐘後開始」的引導人員，"
             "以及真的能用的字幕。")),
        details=(
            ("Professional interpreters cover the stage. Volunteers work the welcome desk, "
             "queues and workshops. **Basic sign language is a plus, not a must**: a two-hour "
             "crash course is part of the special training.",
             "舞台由專業手語翻譯員負責，志工負責接待、排隊引導及工作坊。"
             "**會基礎台灣手語加分但非必要**，特殊訓練包含兩小時速成課。"),
            ("Please note: Taiwan Sign Language (TSL, 台灣手語) differs from Chinese Sign "
             "Language and from ASL.",
             "請注意：台灣手語與中國手語、美國手語（ASL）都不同。")),
        tasks=(("Welcome desk", "接待服務台"), ("Queue and seat guiding", "排隊及座位引導"),
               ("Checking captions on screens", "確認螢幕字幕"),
               ("Workshop assistance", "工作坊協助")),
        alt=("A volunteer signing with a visitor at a festival welcome desk",
             "志工在活動服務台以手語和來賓溝通"),
        schedules=("one-off", "sessions", "sessions"),
        times=(("09:30", 240), ("13:00", 240)),
        suit={"min_age": 16, "youth": True, "students_service_learning": True, "seniors": True,
              "groups": 0.5, "max_group_size": 6},
        physical="low", basic=("not-required", "provided"),
        special=("required-before", "provided"), training_hours=(2,), record_book=0.2,
        interview=0.3, methods=("external-form", "email", "platform"), positions=(10, 30),
        english=0.3, spoken=("zh", "tsl")),
    Role(
        key="marathon-water-station",
        causes=("sports", "health"), sdgs=(3, 11),
        skills=("event-support", "manual-outdoor"), category="sports",
        orgs=(("Taipei Example Marathon Organising Committee", "臺北範例馬拉松籌備會", "other"),
              ("{d} Running Club", "{dz}路跑俱樂部", "community"),
              ("Riverside Charity Run", "河濱公益路跑協會", "npo")),
        venues=(("{d} riverside park water station", "{dz}河濱公園補給站"),
                ("Kilometre 21 water station, {d}", "{dz} 21 公里處補給站")),
        titles=(("Marathon water station volunteer", "馬拉松補給站志工"),
                ("Charity run course marshal and water station crew", "公益路跑賽道引導及補給志工"),
                ("Race-day volunteer: water, bananas and cheering",
                 "賽事志工：補水、發香蕉、加油打氣")),
        summaries=(
            ("Hand out water and sports drinks to thousands of runners and keep the station "
             "tidy.",
             "為數千名跑者遞水、遞運動飲料，並維持補給站整潔。"),
            ("An early start, a lot of cheering and a great team: staff a water station on "
             "race day.",
             "早起、大聲加油、一群好夥伴：比賽當天的補給站志工。")),
        openings=(
            ("More than 20,000 runners take part, and the course passes through {d}. Our "
             "station serves water, sports drinks and bananas to the half-marathon field.",
             "本賽事超過兩萬名跑者參加，路線經過{dz}。本補給站提供半馬跑者水、"
             "運動飲料及香蕉。"),
            ("Race day starts before dawn. By the time the sun is up, the first runners are "
             "through and the station is at full speed.",
             "比賽日天還沒亮就開始，太陽出來時第一批跑者已經通過，補給站進入全速運轉。")),
        details=(
            ("Meet at 05:30 for a briefing; you'll be done by about 11:00. A volunteer "
             "T-shirt, breakfast and a lunch box are provided.",
             "清晨 5:30 集合說明，約 11:00 結束。提供志工 T 恤、早餐及餐盒。"),
            ("Groups and school clubs are welcome; tell us the group size when you apply. "
             "**Bring a hat and sunscreen**: the station is not covered.",
             "歡迎團體及學校社團報名，請於報名時說明人數。補給站沒有遮蔽，"
             "**請自備帽子與防曬**。")),
        tasks=(("Pouring and handing out water", "倒水、遞水"),
               ("Restocking bananas and drinks", "補充香蕉與飲料"), ("Collecting cups", "回收紙杯"),
               ("Cheering runners on", "為跑者加油"), ("Course marshalling", "賽道引導")),
        alt=("Volunteers holding out cups of water to passing runners", "志工為經過的跑者遞水"),
        schedules=("one-off", "one-off", "sessions"),
        times=(("05:30", 330),),
        districts=("xinyi", "zhongzheng", "shilin", "datong", "wanhua", "neihu", "songshan"),
        suit={"min_age": 15, "youth": True, "students_service_learning": True, "groups": True,
              "families": 0.4, "seniors": 0.6, "max_group_size": 30},
        physical="medium", basic=("not-required",), special=("provided", "not-required"),
        training_hours=(0.5,), record_book=0.0, interview=0.0,
        methods=("external-form", "platform"), positions=(30, 120), english=0.5,
        insurance=("accident", "accident-and-liability")),
    Role(
        key="tree-planting",
        causes=("environment", "community"), sdgs=(13, 15, 17),
        skills=("manual-outdoor", "none-required"), category="environment",
        orgs=(("Green Canopy Taipei", "臺北綠蔭協會", "npo"),
              ("Mountain Roots Foundation", "山林根基金會", "foundation"),
              ("Example Tech Co. Volunteer Club", "範例科技股份有限公司志工社", "corporate")),
        venues=(("{d} hillside restoration site", "{dz}山坡地復育區"),
                ("{d} riverside tree nursery", "{dz}河濱苗圃")),
        titles=(("Corporate volunteering day: native tree planting", "企業志工日：原生樹種植樹"),
                ("Company volunteers wanted: hillside tree planting", "招募企業志工：山坡植樹"),
                ("Team tree-planting day for company volunteers", "企業志工團隊植樹活動")),
        summaries=(
            ("Bring your company team to plant native saplings on a hillside restoration "
             "site. Tools, guides and insurance provided.",
             "歡迎企業志工團隊一起在山坡復育區種下原生樹苗，提供工具、解說與保險。"),
            ("A half-day corporate volunteering activity with real impact: plant, mulch and "
             "tag native trees.",
             "半天的企業志工活動，實際種樹、覆蓋、掛牌，看得見成果。")),
        openings=(
            ("Our restoration site in the {d} hills was stripped bare by a landslide in "
             "2015. With corporate volunteering teams we have planted more than 8,000 native "
             "trees since.",
             "{dz}山區的復育區在 2015 年因土石崩落而裸露，至今已與企業志工團隊種下"
             "超過 8,000 棵原生樹。"),
            ("Company volunteers plant camphor, Formosan sweetgum and other native species, "
             "then come back a year later to see how their trees are doing.",
             "企業志工種植樟樹、楓香等原生樹種，隔年還可以回來看看自己種的樹。")),
        details=(
            ("A typical day:\n\n1. safety briefing and tool handout\n2. planting in pairs "
             "(about 10 trees each)\n3. mulching and watering\n4. group photo and lunch",
             "活動流程：\n\n1. 安全說明、發放工具\n2. 兩人一組植樹（每組約 10 棵）\n"
             "3. 覆蓋與澆水\n4. 團體合照與午餐"),
            ("We can host teams of 10 to 60. **Corporate volunteering** reports with photos "
             "and tree counts are provided for your ESG or CSR records.",
             "可接待 10 至 60 人的團隊，並提供含照片與植樹數量的**企業志工**成果報告，"
             "方便 ESG 或 CSR 紀錄。")),
        tasks=(("Planting saplings", "種植樹苗"), ("Mulching and watering", "覆蓋與澆水"),
               ("Tagging trees", "樹木掛牌"), ("Carrying tools and seedlings", "搬運工具與樹苗")),
        alt=("A company team planting saplings on a green hillside", "企業志工團隊在山坡種樹苗"),
        schedules=("one-off", "sessions", "sessions"),
        times=(("08:30", 240),),
        districts=("beitou", "shilin", "neihu", "nangang", "wenshan"),
        suit={"min_age": 12, "groups": True, "corporate_teams": True, "families": True,
              "youth": True, "students_service_learning": True, "seniors": False,
              "max_group_size": 60},
        physical="high", basic=("not-required",), special=("provided",),
        training_hours=(0.5,), record_book=0.0, interview=0.0,
        methods=("email", "external-form", "phone"), positions=(20, 80), english=0.55,
        precision="exact", insurance=("accident-and-liability", "accident"), corporate=True,
        rain_note=True),
    Role(
        key="beach-cleanup",
        causes=("environment",), sdgs=(14, 12, 17),
        skills=("none-required", "manual-outdoor"), category="environment",
        orgs=(("Blue Coast Taipei", "藍色海岸臺北", "npo"),
              ("North Coast Clean-up Crew", "北海岸淨灘小隊", "community"),
              ("Ocean Friends Foundation", "海洋之友基金會", "foundation")),
        venues=(),
        titles=(("Beach clean-up on the North Coast", "北海岸淨灘志工"),
                ("Weekend beach clean-up and litter survey", "週末淨灘暨海廢調查"),
                ("Family beach clean-up day", "親子淨灘活動")),
        summaries=(
            ("Join a beach clean-up at {venue}: collect litter, sort it and record what you "
             "find for the national marine debris survey.",
             "到{venue_z}淨灘：撿拾、分類垃圾，並記錄海廢種類供全國調查使用。"),
            ("A morning beach clean-up with a shuttle bus from Taipei. Gloves, bags and a "
             "briefing provided.",
             "從臺北搭接駁車出發的半日淨灘活動，提供手套、垃圾袋與行前說明。")),
        openings=(
            ("Winter monsoon waves wash plastic bottles, fishing floats and polystyrene onto "
             "the North Coast. Our monthly beach clean-up keeps {venue} clear and tracks what "
             "arrives.",
             "東北季風把寶特瓶、浮球和保麗龍打上北海岸。每月一次的淨灘活動，"
             "讓{venue_z}保持乾淨，也記錄海廢的來源。"),
            ("Every beach clean-up ends with a brand audit: we count which products we "
             "found and share the data with researchers.",
             "每次淨灘最後都會做品牌調查，統計撿到的產品並提供研究人員參考。")),
        details=(
            ("The shuttle bus leaves Taipei at 07:30 and returns around 13:00. **Wear shoes "
             "that can get wet**, a hat and sunscreen, and bring a refillable bottle.",
             "接駁車 07:30 自臺北出發，約 13:00 返回。請穿**可以弄濕的鞋子**、"
             "戴帽子並做好防曬，自備水壺。"),
            ("Families and school groups are welcome. Children under 12 must stay with a "
             "parent and keep away from the waterline.",
             "歡迎家庭與學校團體參加。12 歲以下兒童須由家長陪同，且不可靠近浪區。")),
        tasks=(("Collecting litter", "撿拾垃圾"), ("Sorting and weighing debris", "垃圾分類與秤重"),
               ("Recording data on the survey sheet", "填寫海廢調查表"),
               ("Carrying bags to the collection point", "搬運垃圾袋至集中點")),
        alt=("Volunteers with gloves and sacks picking up plastic on a sandy beach",
             "志工戴手套在沙灘上撿拾塑膠垃圾"),
        schedules=("one-off", "one-off", "sessions"),
        times=(("08:30", 180),), districts=("outside-taipei",),
        suit={"min_age": 8, "families": True, "youth": True, "students_service_learning": True,
              "groups": True, "seniors": True, "max_group_size": 30},
        physical="medium", basic=("not-required",), special=("provided",),
        training_hours=(0.5,), record_book=0.0, interview=0.0,
        methods=("external-form", "platform", "email"), positions=(30, 100), english=0.55,
        precision="exact", insurance=("accident", "accident-and-liability"), rain_note=True),
    Role(
        key="riverside-cleanup",
        causes=("environment", "community"), sdgs=(6, 11, 15),
        skills=("none-required", "manual-outdoor"), category="environment",
        orgs=(("Taipei Riverbank Friends", "臺北河岸之友協會", "npo"),
              ("{d} Riverside Patrol", "{dz}河濱巡守隊", "community"),
              ("{d} Neighbourhood Office Volunteer Team", "{dz}里辦公處志工隊", "community")),
        venues=(("{d} Riverside Park, Floodgate {gate}", "{dz}河濱公園 {gate} 號水門"),),
        titles=(("Riverside clean-up day", "河濱清潔日"),
                ("Neighbourhood riverside litter pick", "社區河濱撿垃圾活動"),
                ("Riverbank clean-up volunteer", "河岸清潔志工")),
        summaries=(
            ("Pick litter along the riverside park and help keep the waterway clean. Gloves, "
             "tongs and bags provided.",
             "沿著河濱公園撿拾垃圾，守護河川。提供手套、夾子與垃圾袋。"),
            ("A two-hour riverside clean-up with your neighbours; the 里長 will welcome you at "
             "the floodgate.",
             "和鄰居一起河濱淨河兩小時，里長會在水門口歡迎大家。")),
        openings=(
            ("After every typhoon and weekend barbecue season, litter piles up along the "
             "riverbank in {d}. Plastic that stays here ends up in the sea.",
             "每次颱風或假日烤肉過後，{dz}河岸就會堆積垃圾，留在這裡的塑膠最後都會流進大海。"),
            ("This clean-up is organised with the local neighbourhood office. The 里長 "
             "(neighbourhood chief) will welcome you at the floodgate and hand out tools.",
             "本活動與在地里辦公處合辦，里長會在水門口迎接大家並發放工具。")),
        details=(
            ("Stay on the path side of the railing and never go down to the water's edge. "
             "**Rain cancels**: we post an update on the morning of the event.",
             "請在護欄內側活動，不要靠近水邊。**下雨取消**，當天早上會公告。"),
            ("Groups of friends, school clubs and families are all welcome; children need a "
             "parent with them.",
             "歡迎朋友結伴、學校社團與親子參加，兒童須由家長陪同。")),
        tasks=(("Picking litter", "撿拾垃圾"), ("Sorting recyclables", "資源回收分類"),
               ("Handing out tools", "發放工具"), ("Weighing the rubbish collected", "垃圾秤重")),
        alt=("Volunteers with litter pickers on a riverside path", "志工拿著夾子在河濱步道撿垃圾"),
        schedules=("one-off", "sessions", "recurring"),
        times=(("08:00", 120), ("15:30", 120)), days=("SA",), monthly=("2SA", "1SU", "-1SA"),
        districts=("neihu", "shilin", "beitou", "wanhua", "datong", "zhongzheng", "wenshan",
                   "nangang", "songshan", "zhongshan"),
        suit={"min_age": 8, "families": True, "youth": True, "students_service_learning": True,
              "groups": True, "seniors": True, "max_group_size": 20},
        physical="medium", basic=("not-required",), special=("not-required", "provided"),
        training_hours=(0.25,), record_book=0.0, interview=0.0,
        methods=("platform", "phone", "in-person"), positions=(20, 60), english=0.4,
        precision="exact", spoken=("zh", "nan")),
    Role(
        key="repair-cafe",
        causes=("environment", "community", "other"), sdgs=(12, 13, 9),
        skills=("other", "crafts", "it-digital"), category="environment",
        orgs=(("Fix-It Taipei Repair Cafe", "臺北修修咖啡", "community"),
              ("{d} Community College Repair Club", "{dz}社區大學修繕社", "school"),
              ("Second Life Workshop", "再生工坊", "npo")),
        venues=(("{d} community college workshop", "{dz}社區大學工坊"),
                ("{d} community centre", "{dz}社區活動中心")),
        titles=(("Repair cafe fixer (small appliances, bikes, clothes)",
                 "修繕咖啡館志工（小家電、單車、衣物）"),
                ("Volunteer repairer at a monthly repair cafe", "每月修繕市集維修志工"),
                ("Repair cafe host and fixer", "修繕咖啡館接待與維修志工")),
        summaries=(
            ("Fix toasters, fans, bicycles and torn clothes together with their owners, so "
             "fewer things end up in the bin.",
             "和物主一起修理烤麵包機、電扇、腳踏車和破掉的衣服，讓東西少進垃圾桶。"),
            ("Handy with a screwdriver or a sewing machine? Share your skills at our monthly "
             "repair cafe.",
             "會用螺絲起子或縫紉機嗎？來每月一次的修繕咖啡館分享你的手藝。")),
        openings=(
            ("Once a month our repair cafe in {d} turns a community room into a workshop. "
             "Residents bring broken things; volunteers fix them together and show how.",
             "{dz}修繕咖啡館每月一次把社區教室變成工坊。居民帶來壞掉的東西，"
             "志工和他們一起修，也教他們怎麼修。"),
            ("Last year we repaired more than 600 items, from fans and rice cookers to "
             "umbrellas and school bags, and kept about two tonnes out of the incinerator.",
             "去年修好了 600 多件物品：電扇、電鍋、雨傘、書包，讓約兩噸的東西免於焚化。")),
        details=(
            ("We need fixers for small electrical appliances, bicycles and textiles, and "
             "hosts who welcome visitors and keep the queue moving. **Safety rule:** no "
             "microwaves and nothing with a compressor.",
             "需要小家電、單車、衣物修繕志工，以及接待與排隊引導志工。"
             "**安全規定：**不修微波爐及有壓縮機的電器。"),
            ("You don't need to be an expert: pairing with an experienced fixer is how most "
             "of us learned.",
             "不必是專家，我們大多也是跟著資深志工學會的。")),
        tasks=(("Repairing small appliances", "維修小家電"), ("Sewing and mending", "縫補衣物"),
               ("Fixing bicycles", "修理腳踏車"),
               ("Welcoming visitors and logging repairs", "接待與登記維修物品")),
        alt=("A volunteer opening an electric fan on a workbench", "志工在工作台上拆修電扇"),
        schedules=("recurring", "recurring", "sessions"),
        times=(("13:30", 210),), days=("SA",), monthly=("-1SA", "3SU", "2SA"),
        suit={"min_age": 16, "seniors": True, "youth": True, "students_service_learning": True,
              "families": 0.4},
        physical="low", basic=("not-required", "provided"), special=("provided",),
        training_hours=(1, 2), record_book=0.1, interview=0.2,
        methods=("email", "external-form", "in-person"), positions=(6, 15), english=0.45,
        insurance=("accident", "unknown")),
    Role(
        key="girls-coding-club",
        causes=("education", "children-youth"), sdgs=(4, 5, 9),
        skills=("it-digital", "teaching-tutoring"), category="education",
        orgs=(("Code Girls Taipei", "臺北程式女孩", "npo"),
              ("Future Makers Foundation", "未來創客基金會", "foundation"),
              ("{d} Example Junior High School", "臺北市{dz}區範例國民中學", "school")),
        venues=(("{d} junior high computer lab", "{dz}國中電腦教室"),
                ("{d} youth centre maker space", "{dz}青少年中心創客空間")),
        titles=(("Coding club mentor for girls aged 10 to 15", "女孩程式社團導師志工"),
                ("Scratch and Python mentor at a girls' coding club",
                 "女孩程式社 Scratch／Python 小老師"),
                ("Weekend tech mentor: girls' coding club", "週末科技導師：女孩程式社團")),
        summaries=(
            ("Help girls aged 10 to 15 build games and websites in Scratch and Python, and "
             "show them that tech is for them too.",
             "陪 10 到 15 歲女孩用 Scratch、Python 做遊戲和網頁，讓她們知道科技也屬於她們。"),
            ("Working in tech? Mentor a small group at a free coding club for girls.",
             "在科技業工作的你，歡迎到免費的女孩程式社團帶小組。")),
        openings=(
            ("Girls are still a minority in Taiwan's computing classes. Our free club in {d} "
             "gives them a place to try, break and build things with role models who look "
             "like them.",
             "在臺灣，資訊課裡女生仍是少數。我們在{dz}的免費社團，讓女孩有地方嘗試、犯錯、"
             "動手做，也看見跟自己一樣的榜樣。"),
            ("Each term ends with a showcase where the girls present their own games to "
             "parents and teachers.",
             "每學期最後有成果發表，女孩們向家長和老師展示自己做的遊戲。")),
        details=(
            ("Mentors work in pairs with four or five girls. You don't need teaching "
             "experience; **curiosity and patience** matter more than knowing every library.",
             "導師兩人一組帶四到五位學員，不需要教學經驗，**好奇心和耐心**比熟悉每個套件更重要。"),
            ("As the role involves children, we ask for a police criminal record certificate "
             "and a short interview.",
             "因服務對象為兒少，需繳交警察刑事紀錄證明並參加簡短面談。")),
        tasks=(("Mentoring a small group", "帶領小組"), ("Debugging with students", "陪學生除錯"),
               ("Preparing project ideas", "準備專題題目"),
               ("Helping at the term showcase", "協助期末成果發表")),
        alt=("Two girls programming a game on a laptop with a mentor",
             "兩位女孩和導師一起寫遊戲程式"),
        schedules=("recurring", "recurring", "sessions"),
        times=(("09:30", 150), ("14:00", 150)), days=("SA", "SU"),
        modes=("onsite", "onsite", "hybrid"),
        suit={"min_age": 18, "students_service_learning": True, "youth": 0.5},
        physical="low", basic=("required-within-period", "not-required"),
        special=("provided", "required-within-period"), training_hours=(3,), record_book=0.1,
        crc=True, interview=1.0, methods=("external-form", "email"), positions=(4, 10),
        english=0.55),
    Role(
        key="energy-saving-visits",
        causes=("environment", "community"), sdgs=(7, 11, 13),
        skills=("other", "admin"), category="environment",
        orgs=(("Bright Homes Energy Saving Network", "光亮家園節能網絡", "npo"),
              ("{d} Community Energy Team", "{dz}社區節能小組", "community")),
        venues=(("{d} community energy-saving station", "{dz}社區節電服務站"),),
        titles=(("Home energy-saving visit helper", "家戶節電訪視志工"),
                ("Energy buddy: help households cut their electricity bills",
                 "節電小幫手：協助家戶省電費")),
        summaries=(
            ("Visit households with a trained adviser to check lights, fridges and air "
             "conditioners and suggest simple ways to save energy.",
             "與節能顧問一起到家戶檢查燈具、冰箱和冷氣，提供簡單的省電建議。"),
            ("Help families in {d} cut their summer electricity bills, and carbon emissions, "
             "with simple changes.",
             "協助{dz}家庭用簡單方法降低夏季電費與碳排放。")),
        openings=(
            ("Summer electricity bills hit low-income households hardest. Our energy visits "
             "find easy savings: old fluorescent tubes, a fridge door that doesn't seal, an "
             "air-conditioner filter nobody has cleaned for years.",
             "夏季電費對弱勢家庭負擔最重。節電訪視常找到簡單的省電機會：老舊燈管、"
             "關不緊的冰箱門、多年沒洗的冷氣濾網。"),
            ("The {d} community energy team has visited more than 500 homes and replaced "
             "over 3,000 bulbs with donated LEDs.",
             "{dz}社區節能小組已訪視超過 500 戶，並以捐贈的 LED 燈泡換下 3,000 多顆舊燈泡。")),
        details=(
            ("You always visit in pairs with an adviser. We provide ID badges, a checklist "
             "and LED bulbs to fit on the spot.",
             "一律兩人一組，由節能顧問帶隊。提供識別證、檢查表及可現場更換的 LED 燈泡。"),
            ("Useful skills: basic DIY, being comfortable on a small step ladder and "
             "explaining things simply. **Training takes half a day.**",
             "需要的能力：基本 DIY、可以爬小梯子，以及能簡單說明。**訓練半天。**")),
        tasks=(("Household energy checks", "家戶用電檢查"), ("Fitting LED bulbs", "更換 LED 燈泡"),
               ("Explaining the electricity bill", "說明電費單"),
               ("Recording visit results", "記錄訪視結果")),
        alt=("A volunteer replacing a ceiling light with an LED bulb", "志工為住戶更換 LED 燈泡"),
        schedules=("flexible", "flexible", "sessions"),
        times=(("09:30", 180), ("14:00", 180)),
        slots=("tue-morning", "wed-afternoon", "thu-morning", "sat-morning", "sat-afternoon"),
        suit={"min_age": 18, "seniors": True, "students_service_learning": True, "youth": 0.5},
        physical="medium", basic=("required-within-period", "provided"),
        special=("required-before",), training_hours=(4,), record_book=0.3, interview=0.5,
        methods=("platform", "phone", "email"), positions=(4, 12), english=0.2,
        precision="district"),
    Role(
        key="human-rights-film-festival",
        causes=("human-rights", "culture-arts"), sdgs=(16, 10, 5),
        skills=("event-support", "translation"), category="culture",
        orgs=(("Taipei Example Human Rights Film Festival", "臺北範例人權影展", "npo"),
              ("Open Screen Foundation", "開放銀幕基金會", "foundation")),
        venues=(("{d} cinema, screen 2", "{dz}電影院第二廳"),
                ("{d} culture park screening room", "{dz}文化園區放映廳")),
        titles=(("Human rights film festival usher", "人權影展場務志工"),
                ("Film festival volunteer: ushering, Q&A microphones and subtitles",
                 "影展志工：帶位、映後座談遞麥與字幕協助"),
                ("Human rights film festival front-of-house volunteer", "人權影展前台志工")),
        summaries=(
            ("Welcome audiences, check tickets and run microphones at post-screening talks "
             "at a human rights film festival.",
             "在人權影展協助帶位、驗票，並於映後座談遞麥克風。"),
            ("Ten days of documentaries on migrant workers, transitional justice and gender "
             "equality: help every screening run smoothly.",
             "十天的紀錄片放映，主題包括移工、轉型正義與性別平等，協助每一場順利進行。")),
        openings=(
            ("The festival screens around 40 films on migrant workers' rights, transitional "
             "justice, gender equality and press freedom, with directors and activists "
             "joining post-screening talks.",
             "影展放映約 40 部關於移工權益、轉型正義、性別平等與新聞自由的影片，"
             "並邀請導演與倡議者進行映後座談。"),
            ("Screenings are free, and many in our audience are students and migrant workers "
             "on their day off.",
             "所有場次免費入場，許多觀眾是學生及放假的移工朋友。")),
        details=(
            ("Choose at least four shifts across the festival. **Bilingual volunteers** are "
             "especially needed for talks with international guests.",
             "影展期間請至少排四個班。特別需要**雙語志工**協助國際來賓座談。"),
            ("You'll get a festival pass, so you can watch screenings when you're not on "
             "shift.",
             "志工可獲得影展通行證，不值班時可以入場看片。")),
        tasks=(("Ticket checking and ushering", "驗票與帶位"),
               ("Running microphones at Q&A", "映後座談遞麥"),
               ("Counting the audience", "觀眾人數統計"), ("Guest reception", "來賓接待")),
        alt=("An usher checking tickets at a cinema entrance", "志工在影廳入口驗票"),
        schedules=("sessions", "sessions", "one-off"),
        times=(("13:00", 240), ("18:00", 240)),
        districts=("zhongzheng", "xinyi", "daan", "zhongshan", "wanhua", "songshan"),
        suit={"min_age": 16, "youth": True, "students_service_learning": True, "seniors": True},
        physical="low", basic=("not-required", "provided"), special=("provided",),
        training_hours=(1.5,), record_book=0.0, interview=0.2,
        methods=("external-form", "email"), positions=(20, 50), english=0.6,
        insurance=("accident", "unknown")),
    Role(
        key="inclusive-job-fair",
        causes=("disability", "public-service"), sdgs=(8, 10),
        skills=("guiding", "event-support"), category="labour",
        orgs=(("Taipei Example Employment Services Centre", "臺北範例就業服務中心", "government"),
              ("Able Work Association", "能工作協會", "npo")),
        venues=(("{d} sports centre hall", "{dz}運動中心大廳"),
                ("{d} district office auditorium", "{dz}區公所大禮堂")),
        titles=(("Inclusive job fair guide", "身障者就業博覽會引導志工"),
                ("Job fair volunteer: accessible guiding and registration",
                 "就業博覽會志工：無障礙引導與報到")),
        summaries=(
            ("Guide job seekers with disabilities around an inclusive job fair, from "
             "registration to interviews with employers.",
             "在共融就業博覽會引導身心障礙求職者，從報到到與雇主面談。"),
            ("Help make a job fair accessible: guiding, reading out information and keeping "
             "routes clear for wheelchairs.",
             "協助就業博覽會更無障礙：引導、協助報讀資訊，並保持輪椅動線暢通。")),
        openings=(
            ("More than 60 employers take part, all ready to interview job seekers with "
             "disabilities. Decent work starts with getting through the door.",
             "超過 60 家雇主參加，準備面談身心障礙求職者。好的工作，從順利走進會場開始。"),
            ("Last year 400 job seekers attended, including wheelchair users, blind and "
             "partially sighted people and Deaf job seekers.",
             "去年有 400 位求職者參加，包括輪椅使用者、視障者及聽障求職者。")),
        details=(
            ("The special training, an hour before the fair opens, covers sighted guiding, "
             "how to offer help and what not to say. **Sign language** is welcome but not "
             "needed.",
             "開場前一小時的特殊訓練，內容包括視障引導、如何詢問是否需要協助，"
             "以及應避免的用語。會**手語**加分，但非必要。"),
            ("Wear comfortable shoes: you'll walk a lot.",
             "請穿舒適的鞋子，會走很多路。")),
        tasks=(("Registration desk", "報到處服務"),
               ("Guiding visitors between booths", "引導參觀者至各攤位"),
               ("Reading out job information", "協助報讀職缺資訊"),
               ("Keeping wheelchair routes clear", "維持輪椅動線")),
        alt=("A volunteer guiding a wheelchair user between job fair booths",
             "志工引導輪椅使用者參觀就業博覽會攤位"),
        schedules=("one-off",), times=(("09:00", 300),), weekend=False,
        suit={"min_age": 16, "youth": True, "students_service_learning": True, "seniors": True,
              "groups": 0.5, "max_group_size": 8},
        physical="medium", basic=("not-required", "provided"), special=("provided",),
        training_hours=(1,), record_book=0.2, interview=0.0,
        methods=("platform", "phone", "email"), positions=(15, 40), english=0.2),
    Role(
        key="visitor-information",
        causes=("tourism", "public-service"), sdgs=(8, 11, 17),
        skills=("language-interpreting", "guiding"), category="tourism",
        orgs=(("Taipei Example Visitor Information Service", "臺北範例旅遊服務中心", "government"),
              ("Welcome Taipei Volunteers", "歡迎臺北志工團", "community")),
        venues=(("{station} visitor information centre", "{station_z}旅遊服務中心"),),
        titles=(("Visitor information volunteer (English, Japanese or Korean)",
                 "旅遊服務中心外語志工（英、日、韓語）"),
                ("Tourist information desk helper", "旅遊諮詢服務志工"),
                ("Street ambassador for international visitors", "國際旅客街頭服務大使")),
        summaries=(
            ("Help international visitors with directions, transport cards and things to do, "
             "in English, Japanese or Korean.",
             "以英語、日語或韓語協助國際旅客問路、使用交通卡及推薦景點。"),
            ("Be a friendly face for visitors to Taipei at a busy information centre near MRT "
             "{station} Station.",
             "在捷運{station_z}站附近的旅遊服務中心，當國際旅客的友善嚮導。")),
        openings=(
            ("Our visitor information centre by MRT {station} Station answers around 1,000 "
             "questions a day: which exit, how to get to Jiufen, where to eat beef noodles.",
             "捷運{station_z}站旁的旅遊服務中心每天回答約 1,000 個問題：從哪個出口出去、"
             "怎麼去九份、哪裡吃牛肉麵。"),
            ("Volunteers work alongside the centre's staff, mainly helping visitors who are "
             "more comfortable in English, Japanese or Korean.",
             "志工與中心人員一起服務，主要協助習慣使用英語、日語或韓語的旅客。")),
        details=(
            ("Shifts are four hours. You'll get a short course on the MRT, buses, EasyCard and "
             "YouBike, and a list of answers to the most common questions.",
             "每班四小時。會安排捷運、公車、悠遊卡與 YouBike 的簡短課程，並提供常見問題集。"),
            ("**International residents are very welcome**: many of our best volunteers first "
             "came to Taipei as visitors themselves.",
             "**非常歡迎外籍居民加入**，我們有很多優秀志工當初也是來臺北旅遊的旅客。")),
        tasks=(("Answering visitor questions", "回答旅客諮詢"),
               ("Recommending routes and sights", "推薦路線與景點"),
               ("Explaining EasyCard and YouBike", "說明悠遊卡及 YouBike 使用"),
               ("Restocking leaflets", "補充摺頁")),
        alt=("A volunteer pointing out a route on a city map to two visitors",
             "志工在地圖上為兩位旅客說明路線"),
        schedules=("flexible", "recurring"),
        times=(("09:00", 240), ("13:00", 240)), days=("SA", "SU", "FR"),
        slots=("fri-afternoon", "sat-morning", "sat-afternoon", "sun-morning", "sun-afternoon"),
        districts=("zhongzheng", "wanhua", "xinyi", "shilin", "beitou", "datong", "songshan",
                   "zhongshan"),
        suit={"min_age": 18, "seniors": True, "students_service_learning": True, "youth": True},
        physical="low", basic=("required-within-period", "required-before"),
        special=("required-before", "provided"), training_hours=(6,), record_book=0.6,
        interview=0.7, methods=("platform", "email", "in-person"), positions=(6, 20),
        english=0.9, spoken=("zh", "en", "ja", "ko")),
    Role(
        key="blood-drive",
        causes=("health", "community"), sdgs=(3,),
        skills=("event-support", "admin"), category="health",
        orgs=(("Taipei Example Blood Donation Friends", "臺北範例捐血之友會", "npo"),
              ("{d} Lions Service Team", "{dz}獅子會服務隊", "other")),
        venues=(("blood donation bus at MRT {station} Station", "捷運{station_z}站捐血車"),
                ("{d} community centre", "{dz}社區活動中心")),
        titles=(("Blood drive helper", "捐血活動服務志工"),
                ("Blood donation bus volunteer: welcome and refreshments",
                 "捐血車志工：接待與茶點")),
        summaries=(
            ("Welcome donors, help with forms and look after people with drinks and snacks "
             "after they give blood.",
             "接待捐血人、協助填表，並在捐血後提供飲料點心與照顧。"),
            ("Blood stocks run lowest in winter and around the Lunar New Year. Help a blood "
             "drive run smoothly.",
             "冬季及農曆春節前後是血庫最吃緊的時候，一起協助捐血活動順利進行。")),
        openings=(
            ("Our blood drives in {d} collect around 150 bags on a good day. Volunteers keep "
             "the queue calm and make sure every donor rests before leaving.",
             "{dz}的捐血活動順利時一天可募到約 150 袋血。志工維持排隊秩序，"
             "確保每位捐血人休息後才離開。"),
            ("Blood stocks in northern Taiwan drop every winter. Each drive is organised with "
             "the regional blood centre, whose nurses handle all medical tasks.",
             "北部血庫每到冬天就吃緊。每場活動都與捐血中心合辦，醫療相關工作由護理人員負責。")),
        details=(
            ("Volunteers never handle needles: you welcome donors, explain the form, hand out "
             "gifts and watch for anyone who feels faint. **First-aid training** is a plus.",
             "志工不做醫療行為：負責接待、說明表單、發放紀念品，並留意是否有人頭暈不適。"
             "有**急救訓練**者佳。"),
            ("Shifts are three hours and include a light meal.",
             "每班三小時，提供簡餐。")),
        tasks=(("Welcoming donors", "接待捐血人"), ("Helping with donor forms",
                                               "協助填寫捐血登記表"),
               ("Refreshments and rest area", "茶點及休息區照顧"),
               ("Handing out thank-you gifts", "發放紀念品")),
        alt=("A volunteer handing a drink to a donor resting after giving blood",
             "志工為捐血後休息的民眾遞上飲料"),
        schedules=("one-off", "sessions"),
        times=(("10:00", 180), ("14:00", 180)),
        suit={"min_age": 16, "seniors": True, "youth": True, "students_service_learning": True,
              "groups": 0.5, "max_group_size": 6},
        physical="low", basic=("not-required", "required-within-period"),
        special=("provided",), training_hours=(1,), record_book=0.3, interview=0.0,
        methods=("phone", "platform", "in-person"), positions=(6, 16), english=0.2),
    Role(
        key="festive-meal-packing",
        causes=("food", "community"), sdgs=(1, 2, 17),
        skills=("none-required", "cooking"), category="social-welfare",
        orgs=(("Warm Table Taipei", "暖桌臺北協會", "npo"),
              ("Example Bank Volunteer Club", "範例銀行志工社", "corporate")),
        venues=(("{d} central kitchen", "{dz}中央廚房"), ("{d} food bank warehouse",
                                                      "{dz}物資倉庫")),
        titles=(("Company volunteers: Lunar New Year meal-box packing", "企業志工：年菜餐盒打包"),
                ("Corporate volunteering: pack festive food boxes for families in need",
                 "企業志工服務日：為弱勢家庭打包年節物資"),
                ("Company volunteers: central kitchen meal prep for families in need",
                 "企業志工團隊：中央廚房備餐")),
        summaries=(
            ("Bring a team of 10 to 40 company volunteers to pack festive meal boxes and "
             "groceries for low-income families.",
             "歡迎 10 至 40 人的企業志工團隊，為弱勢家庭打包年菜餐盒與物資。"),
            ("A hands-on corporate volunteering morning: prepare and pack meals for families "
             "supported by social workers.",
             "動手做的企業志工半日：為社工服務的家庭備餐、打包。")),
        openings=(
            ("Before the Lunar New Year we deliver reunion-dinner boxes to around 800 families "
             "in {d} and nearby districts. Company volunteers make it possible.",
             "農曆年前，我們為{dz}及鄰近行政區約 800 個家庭送上年菜圍爐餐盒，"
             "全靠企業志工的幫忙。"),
            ("Our central kitchen hosts corporate volunteering teams most weekdays. Each team "
             "packs a full day's deliveries in one session.",
             "中央廚房平日幾乎天天接待企業志工團隊，每一團一個時段就能打包完一天的配送量。")),
        details=(
            ("We provide aprons, gloves, hair nets and a food-safety briefing. **Company "
             "volunteers** should register as a team; we send a certificate and photos for "
             "your CSR report.",
             "提供圍裙、手套、髮帽並進行食品安全說明。**企業志工**請以團隊報名，"
             "會提供感謝狀與照片供 CSR 報告使用。"),
            ("Please tell us about allergies in advance. Closed-toe shoes only in the kitchen.",
             "如有過敏請事先告知。廚房內請穿包鞋。")),
        tasks=(("Packing meal boxes", "打包餐盒"), ("Labelling deliveries", "貼配送標籤"),
               ("Loading delivery vans", "協助裝車"), ("Kitchen prep", "廚房備料")),
        alt=("A company team in aprons packing meal boxes", "穿圍裙的企業志工團隊打包餐盒"),
        schedules=("sessions", "sessions", "one-off"),
        times=(("09:00", 180), ("13:30", 180)), weekend=False,
        suit={"min_age": 15, "groups": True, "corporate_teams": True, "youth": True,
              "students_service_learning": True, "seniors": True, "max_group_size": 40},
        physical="medium", basic=("not-required",), special=("provided",),
        training_hours=(0.5,), record_book=0.0, interview=0.0,
        methods=("email", "external-form", "phone"), positions=(20, 80), english=0.5,
        insurance=("accident-and-liability", "accident"), corporate=True),
    Role(
        key="community-garden",
        causes=("environment", "community"), sdgs=(2, 11, 15),
        skills=("manual-outdoor", "none-required"), category="environment",
        orgs=(("{d} Community Garden Group", "{dz}社區田園小組", "community"),
              ("Taipei Example Green Life Association", "臺北範例綠生活協會", "npo")),
        venues=(("{d} community garden", "{dz}社區田園"), ("{d} rooftop garden", "{dz}屋頂菜園")),
        titles=(("Community garden volunteer", "社區菜園志工"),
                ("Weekend gardener at a neighbourhood vegetable garden", "週末鄰里菜園種菜志工")),
        summaries=(
            ("Grow vegetables with your neighbours on a former vacant lot and share the "
             "harvest with the local food pantry.",
             "和鄰居在空地改造的菜園一起種菜，收成分享給社區食物櫃。"),
            ("Compost, weed and water at a neighbourhood garden; the 里長 will welcome you and "
             "show you around.",
             "在社區菜園堆肥、除草、澆水，里長會帶大家認識環境。")),
        openings=(
            ("What used to be a vacant lot in {d} is now a community garden with 30 beds, a "
             "compost corner and a rain-water tank. The 里長 (neighbourhood chief) helped us "
             "get permission from the city.",
             "{dz}原本的閒置空地，如今是有 30 個菜畦、堆肥區和雨撲滿的社區菜園。"
             "當初里長協助我們向市府申請使用。"),
            ("Part of each harvest goes to the neighbourhood food pantry, and the rest to the "
             "gardeners who grow it.",
             "每次收成部分送到社區食物櫃，其餘由種菜的志工分享。")),
        details=(
            ("No gardening experience needed. **Bring a hat and water**; tools and gloves are "
             "provided.",
             "不需要種菜經驗，**請自備帽子與水**，工具與手套由我們準備。"),
            ("Children love the compost worms, so families are welcome on Saturday mornings.",
             "孩子們最愛堆肥裡的蚯蚓，週六上午歡迎親子參加。")),
        tasks=(("Weeding and watering", "除草澆水"), ("Turning the compost", "翻堆肥"),
               ("Sowing seasonal vegetables", "播種當季蔬菜"), ("Harvest and sharing",
                                                          "收成與分享")),
        alt=("Neighbours watering raised vegetable beds", "鄰居們在菜畦澆水"),
        schedules=("recurring", "flexible"),
        times=(("08:00", 120), ("16:00", 120)), days=("SA", "WE,SA"),
        slots=("wed-afternoon", "sat-morning", "sun-morning", "thu-evening"),
        suit={"min_age": 8, "families": True, "youth": True, "students_service_learning": True,
              "seniors": True, "groups": True, "max_group_size": 12},
        physical="medium", basic=("not-required", "provided"), special=("not-required",),
        training_hours=(0.5,), record_book=0.1, interview=0.0,
        methods=("in-person", "phone", "platform"), positions=(6, 20), english=0.4,
        spoken=("zh", "nan")),
)

#: Words that make a role findable; checked against every generated record.
SENIOR_WORDS_EN = ("elderly", "older residents")
SENIOR_WORD_ZH = "長者"
BEACH_WORDS = ("beach clean-up", "淨灘")
CORPORATE_WORDS_EN = ("company volunteers", "corporate volunteering")
CORPORATE_WORD_ZH = "企業志工"

BASIC_TRAINING_TEXT: dict[str, Pair] = {
    "required-before": ("Basic volunteer training (基礎訓練, 12 hours, also available online) "
                        "must be completed before you start.",
                        "開始服務前須完成志願服務基礎訓練（12 小時，可線上修課）。"),
    "required-within-period": ("You can complete basic volunteer training (基礎訓練) within "
                               "your first three months.",
                               "可於加入後三個月內完成志願服務基礎訓練。"),
    "provided": ("We run the basic training ourselves in your first weeks.",
                 "基礎訓練由本單位於服務初期安排。"),
    "not-required": ("No prior training is needed; you'll get a short briefing on the day.",
                     "不需事先受訓，當天會有簡短說明。"),
}
SPECIAL_TRAINING_TEXT: dict[str, Pair] = {
    "required-before": ("Role-specific training ({h} hours) must be completed before your "
                        "first shift.", "正式服務前須完成特殊訓練（{h} 小時）。"),
    "required-within-period": ("Role-specific training ({h} hours) takes place during your "
                               "first month.", "特殊訓練（{h} 小時）於服務第一個月內完成。"),
    "provided": ("Role-specific training is provided.", "提供特殊訓練。"),
    "not-required": ("", ""),
}
INSURANCE_TEXT: dict[str, Pair] = {
    "accident": ("Volunteers are covered by accident insurance.", "本單位為志工投保意外險。"),
    "accident-and-liability": ("Accident and public liability insurance are provided.",
                               "提供意外險及公共意外責任險。"),
    "none": ("This role is not covered by insurance.", "本服務未提供保險。"),
    "unknown": ("", ""),
}
ACCESS_NOTES: dict[str, Pair] = {
    "low": ("Step-free entrance and a lift; seated tasks are available.",
            "入口無階梯並設有電梯，可安排坐著進行的工作。"),
    "medium": ("Mostly standing and walking; tell us if you need a seated task.",
               "多需站立與走動，如需坐著服務請事先告知。"),
    "high": ("Uneven ground and slopes; not suitable for wheelchair users, sorry.",
             "地面不平且有坡度，較不適合輪椅使用者。"),
}
REMOTE_NEEDS: tuple[Pair, ...] = (
    ("A phone or computer with a headset and a quiet place to talk",
     "手機或電腦加耳機，以及安靜的通話環境"),
    ("Laptop with camera and a stable internet connection", "有鏡頭的筆電及穩定網路"),
)
CANCEL_REASONS: tuple[Pair, ...] = (
    ("Cancelled: the venue is closed for repairs.", "因場地整修，本活動取消。"),
    ("Cancelled because of the typhoon warning.", "因颱風警報，本活動取消。"),
    ("Cancelled: not enough coordinators this season.", "因本季人力不足，本活動取消。"),
)


# -- helpers --------------------------------------------------------------------------------

class Deck:
    """Draws items in shuffled rounds, so every item shows up in proportion (and for sure)."""

    def __init__(self, rng: random.Random, items: list | tuple) -> None:
        self.rng = rng
        self.items = list(items)
        self.pile: list = []

    def draw(self) -> Any:
        if not self.pile:
            self.pile = self.items[:]
            self.rng.shuffle(self.pile)
        return self.pile.pop()


def slug(text: str, limit: int = 48) -> str:
    """URL-safe, cut at a word boundary: ``Taipei Example Food Bank`` -> ``taipei-example-…``."""
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    value = words[0][:limit]
    for word in words[1:]:
        if len(value) + 1 + len(word) > limit:
            break
        value += "-" + word
    return value


def stamp(day: date, hhmm: str, seconds: int = 0) -> str:
    return f"{day.isoformat()}T{hhmm}:{seconds:02d}+08:00"


def hours_of(minutes: int) -> float | int:
    hours = round(minutes / 60 * 2) / 2
    return int(hours) if hours == int(hours) else hours


def add_minutes(hhmm: str, minutes: int) -> str:
    total = int(hhmm[:2]) * 60 + int(hhmm[3:]) + minutes
    return f"{total // 60:02d}:{total % 60:02d}"


def day_part(hhmm: str) -> int:
    hour = int(hhmm[:2])
    return 0 if hour < 12 else 1 if hour < 17 else 2


def en_day(day: date) -> str:
    return f"{WEEKDAY_EN[day.weekday()]} {day.day} {MONTH_EN[day.month - 1]}"


def zh_day(day: date) -> str:
    return f"{day.month}/{day.day}（{WEEKDAY_ZH[day.weekday()]}）"


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> date:
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    following = date(year + month // 12, month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def parse_byday(token: str) -> tuple[int, int]:
    """``-1SA`` -> (-1, 5); ``SA`` -> (0, 5)."""
    return int(token[:-2] or 0), WEEKDAY_CODES.index(token[-2:])


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c
                   for c in text)


def local_phone(e164: str) -> tuple[str, str, str]:
    """``+886223456789`` -> ("02", "2345", "6789")."""
    national = "0" + e164[4:]
    return national[:2], national[2:6], national[6:]


# -- the generator ----------------------------------------------------------------------------

class FeedGenerator:
    def __init__(self, records: int, seed: int, base: date, withdrawn: int) -> None:
        self.n = records
        self.seed = seed
        self.base = base
        self.withdrawn = withdrawn
        rng = self.rng = random.Random(seed)
        self.roles = Deck(rng, ROLES)
        self.districts = Deck(rng, TAIPEI_CODES)
        self.coast = Deck(rng, COAST)
        self.statuses = Deck(rng, ["open"] * 13 + ["waitlist"] * 2 + ["full"] * 2
                             + ["closed"] * 2 + ["cancelled"])
        # (text languages, translation provenance), original first
        self.language_plans = Deck(rng, [("zh", "en", "human")] * 10
                                   + [("zh", "en", "machine")] * 3
                                   + [("en", "zh", "human")] * 3
                                   + [("zh", None, None)] * 2 + [("en", None, None)] * 2)
        self.deadline_modes = Deck(rng, ["until_filled"] * 7 + ["deadline"] * 11 + ["both"] * 2)
        self.past_deadline = Deck(rng, [True] + [False] * 8)
        self.expired = Deck(rng, [True] + [False] * 14)
        self.stale = Deck(rng, [True] + [False] * 11)
        self.unknown_insurance = Deck(rng, [True] + [False] * 13)
        self.org_numbers: dict[str, int] = {}
        self.record_serial = 1_000_000 + rng.randrange(0, 8_000_000)

    # -- small draws --------------------------------------------------------------------------

    def chance(self, p: float | bool) -> bool:
        if isinstance(p, bool):
            return p
        return self.rng.random() < p

    def day(self, offset: int) -> date:
        return self.base + timedelta(days=offset)

    def office_time(self) -> str:
        return f"{self.rng.randint(8, 19):02d}:{self.rng.randrange(0, 60, 1):02d}"

    def weekend_day(self, low: int, high: int, weekend: bool) -> date:
        day = self.day(self.rng.randint(low, high))
        if weekend:
            while day.weekday() < 5:
                day += timedelta(days=1)
        else:
            while day.weekday() > 4:
                day += timedelta(days=1)
        return day

    def phone(self) -> str:
        return "+8862" + self.rng.choice("2378") + "".join(
            self.rng.choice("0123456789") for _ in range(7))

    # -- one record ---------------------------------------------------------------------------

    def record(self, index: int) -> dict:
        rng = self.rng
        role: Role = self.roles.draw()
        status: str = self.statuses.draw()
        first, second, provenance = self.language_plans.draw()
        text_langs = (first,) if second is None else (first, second)

        def lt(pair: Pair, ctx: dict | None = None, bilingual: bool = False) -> dict:
            en, zh = pair
            if ctx is not None:
                en, zh = en.format_map(ctx), zh.format_map(ctx)
            langs = ("zh", "en") if bilingual and first == "zh" else (
                ("en", "zh") if bilingual else text_langs)
            return {("en" if lang == "en" else "zh-TW"): (en if lang == "en" else zh)
                    for lang in langs}

        # place
        if role.districts == ("outside-taipei",):
            coast: Coast = self.coast.draw()
            code, place_en, place_zh = "outside-taipei", coast.en, coast.zh
            home = BY_CODE[rng.choice(("xinyi", "zhongzheng", "daan", "zhongshan"))]
            station = ("Taipei City Hall", "市政府")
        else:
            coast = None
            code = rng.choice(role.districts) if role.districts else self.districts.draw()
            home = BY_CODE[code]
            place_en, place_zh = home.en, home.zh
            station = rng.choice(home.stations)
        ctx = {"d": place_en, "dz": place_zh, "station": station[0], "station_z": station[1],
               "gate": rng.randint(1, 12)}
        if coast:
            ctx["d"], ctx["dz"] = home.en, home.zh

        # organisation
        org_en, org_zh, org_type = rng.choice(role.orgs)
        org_en, org_zh = org_en.format_map(ctx), org_zh.format_map(ctx)
        ctx.update(org=org_en, org_z=org_zh)
        if coast:
            venue = coast.beach
            ctx["d"], ctx["dz"] = place_en, place_zh
        else:
            venue = tuple(v.format_map(ctx) for v in rng.choice(role.venues))
        ctx.update(venue=venue[0], venue_z=venue[1])
        org_slug = slug(org_en)
        host = slug(org_en, 36)
        if org_slug not in self.org_numbers:
            self.org_numbers[org_slug] = len(self.org_numbers) + 1
        org_number = self.org_numbers[org_slug]

        serial = self.record_serial + index * 7
        record_id = f"{slug(coast.key if coast else code)}-{role.key}-{index + 1:04d}"
        minguo = self.base.year - 1911

        # schedule and dates
        schedule_type = rng.choice(role.schedules)
        schedule, first_day, last_day, suffix = self.schedule(role, schedule_type, status, lt)

        # language set
        english_friendly = (first == "en") or (second is not None and self.chance(role.english))
        if first == "zh" and second is None:
            english_friendly = False
        suit = self.suitability(role, english_friendly)

        # text
        title = rng.choice(role.titles)
        title = (title[0].format_map(ctx), title[1].format_map(ctx))
        style = rng.random()
        bracketed = "(" in title[0] or "（" in title[1]
        if suffix and style < 0.45 and not bracketed:
            title = (f"{title[0]} ({suffix[0]})", f"{title[1]}（{suffix[1]}）")
        elif not coast and style < 0.7 and "{d}" not in "".join(t[0] for t in role.titles):
            title = (f"{title[0]} — {place_en}", f"{place_zh}區｜{title[1]}")
        summary = rng.choice(role.summaries)
        locations = self.locations(role, code, home, coast, venue, station, ctx, lt)
        remote = all(location["mode"] == "remote" for location in locations)
        requirements = self.requirements(role, schedule_type)
        benefits = self.benefits(role, requirements, remote)
        paragraphs = [rng.choice(role.openings), rng.choice(role.details)]
        practical = self.practical(requirements, benefits, status)
        if practical[0] and status != "cancelled" and (
                rng.random() < 0.75 or status == "waitlist"):
            paragraphs.append(practical)
        if status == "cancelled":
            paragraphs.insert(0, ("**Cancelled:** this activity will not go ahead. We're "
                                  "sorry; please have a look at our other roles.",
                                  "**活動取消：**本活動不再舉行，造成不便敬請見諒，"
                                  "歡迎參考其他服務機會。"))
        description = ("\n\n".join(p[0] for p in paragraphs).format_map(ctx),
                       "\n\n".join(p[1] for p in paragraphs).format_map(ctx))
        picks = sorted(rng.sample(range(len(role.tasks)), rng.randint(2, min(4, len(role.tasks)))))

        record: dict[str, Any] = {"id": record_id}
        roll = rng.random()
        if roll < 0.7:
            record["source"] = {"system": "taipei-cv", "record_id": f"R{minguo}{serial:07d}",
                                "url": f"https://platform.example.org/recruit/R{minguo}{serial:07d}"}
        elif roll < 0.9:
            record["source"] = {"system": "partner-csv", "record_id": f"{host}-{index + 1}"}
        record["status"] = status
        record["title"] = lt(title)
        record["summary"] = lt(summary, ctx)
        record["description"] = lt(description)
        record["tasks"] = [lt(role.tasks[i]) for i in picks]
        record["organisation"] = self.organisation(role, org_en, org_zh, org_type, org_slug,
                                                   host, org_number, lt)
        record["service_category"] = role.category
        record["causes"] = list(role.causes)
        record["sdgs"] = sorted(role.sdgs)
        record["skills"] = list(role.skills)
        record["locations"] = locations
        record["schedule"] = schedule
        record["commitment"] = self.commitment(schedule_type, schedule, role, lt)
        record["suitability"] = suit
        record["languages"] = self.languages(role, english_friendly, first, second)
        record["accessibility"] = self.accessibility(role, record["locations"], lt)
        record["requirements"] = requirements
        record["benefits"] = benefits
        self.localise_requirements(record, role, english_friendly, lt)

        published, updated, verified = self.history()
        record["application"] = self.application(role, status, schedule_type, first_day,
                                                 last_day, host, record, serial, minguo,
                                                 published, english_friendly, lt)
        if rng.random() < 0.25:
            record["image"] = {"url": f"https://images.example.org/opportunities/{record_id}.jpg",
                               "alt": lt(role.alt)}
        tags = self.tags(role, record)
        if tags and rng.random() < 0.6:
            record["tags"] = tags
        record["translation"] = self.translation(first, second, provenance)
        record["published_at"] = published
        record["updated_at"] = updated
        record["verified_at"] = verified
        expires = self.expiry(last_day)
        if expires:
            record["expires_at"] = expires
        return record

    # -- parts --------------------------------------------------------------------------------

    def organisation(self, role, org_en, org_zh, org_type, org_slug, host, number, lt) -> dict:
        rng = self.rng
        org: dict[str, Any] = {"id": org_slug,
                               "name": {"en": f"{org_en} (fictional)",
                                        "zh-TW": f"{org_zh}（虛構）"},
                               "type": org_type}
        if rng.random() < 0.8:
            org["website"] = f"https://{host}.example.org/"
        if rng.random() < 0.4:
            authority = AUTHORITY[role.category]
            registration: dict[str, Any] = {"unit_code": f"EXAMPLE-VY-{number:04d}",
                                            "team_code": f"EXAMPLE-VG-{number:04d}"}
            if rng.random() < 0.6:
                registration["team_name"] = {"zh-TW": f"{org_zh}志工隊"}
            registration["competent_authority"] = {"en": authority[0], "zh-TW": authority[1]}
            org["registration"] = registration
        if rng.random() < 0.15:
            org["logo"] = f"https://{host}.example.org/logo.png"
        return org

    def address(self, district: District) -> Pair:
        rng = self.rng
        street_en, street_zh = rng.choice(STREETS)
        number = rng.randint(1, 320)
        section = rng.choice((0, 0, 1, 2, 3))
        lane = rng.choice((0, 0, 0, rng.randint(2, 180)))
        floor = rng.choice(("", "", "1", "2", "3", "5", "B1"))
        en = []
        if floor:
            en.append(f"{floor}F." if floor != "B1" else "B1")
        en.append(f"No. {number}")
        if lane:
            en.append(f"Ln. {lane}")
        if section:
            en.append(f"Sec. {section}")
        en += [street_en, f"{district.en} Dist.", f"Taipei City {district.postal} (fictional)"]
        zh = f"{district.postal}臺北市{district.zh}區{street_zh}"
        zh += f"{ZH_NUM[section]}段" if section else ""
        zh += f"{lane}巷" if lane else ""
        zh += f"{number}號"
        zh += ("地下1樓" if floor == "B1" else f"{floor}樓") if floor else ""
        return ", ".join(en), zh + "（虛構）"

    def locations(self, role, code, home, coast, venue, station, ctx, lt) -> list[dict]:
        rng = self.rng
        mode = rng.choice(role.modes)
        if mode == "remote":
            return [{"mode": "remote", "remote_requirements": lt(rng.choice(REMOTE_NEEDS))}]
        location: dict[str, Any] = {"mode": mode, "district": code}
        location["venue_name"] = lt(venue, bilingual=True)
        if coast:
            location["address"] = {
                "en": f"Car park, {coast.beach[0]}, {coast.en} Dist., New Taipei City "
                      f"{coast.postal} (fictional meeting point)",
                "zh-TW": f"{coast.postal}新北市{coast.zh}區{coast.beach[1]}停車場（虛構集合點）"}
            location["postal_code"] = coast.postal
            centre = (coast.lat, coast.lon)
        else:
            location["address"] = lt(self.address(home), bilingual=True)
            location["postal_code"] = home.postal
            centre = (home.lat, home.lon)
        if rng.random() < 0.9:
            precision = role.precision if rng.random() < 0.85 else "street"
            spread = 0.004 if precision == "exact" else 0.012
            location["geo"] = {"lat": round(centre[0] + rng.uniform(-spread, spread), 4),
                               "lon": round(centre[1] + rng.uniform(-spread, spread), 4),
                               "precision": precision}
        if coast:
            location["meeting_point"] = lt((
                "Shuttle bus from MRT Taipei City Hall Station, Exit 2, at 07:30",
                "07:30 於捷運市政府站 2 號出口搭乘接駁車"))
            location["transit"] = lt((
                f"Free shuttle bus from Taipei; by bus, get off at the {coast.beach[0]} stop",
                f"臺北出發免費接駁車；自行搭公車者請於{coast.beach[1]}站下車"), bilingual=True)
        else:
            minutes, exit_no = rng.randint(2, 12), rng.randint(1, 6)
            transit = (f"About {minutes} minutes' walk from MRT {station[0]} Station "
                       f"(Exit {exit_no})",
                       f"捷運{station[1]}站 {exit_no} 號出口步行約 {minutes} 分鐘")
            if rng.random() < 0.25:
                transit = (transit[0] + "; YouBike station at the entrance",
                           transit[1] + "；門口設有 YouBike 站")
            location["transit"] = lt(transit, bilingual=True)
            if role.key == "riverside-cleanup" and rng.random() < 0.6:
                location["meeting_point"] = lt((
                    f"Check-in tent just inside Floodgate {ctx['gate']}",
                    f"{ctx['gate']} 號水門內側報到帳篷"))
        if mode == "hybrid":
            location["remote_requirements"] = lt(rng.choice(REMOTE_NEEDS))
        return [location]

    def schedule(self, role: Role, kind: str, status: str, lt) -> tuple[dict, date, date, Pair]:
        rng = self.rng
        schedule: dict[str, Any] = {"type": kind, "timezone": "Asia/Taipei"}
        notes: list[Pair] = []
        start, minutes = rng.choice(role.times)
        end = add_minutes(start, minutes)
        past = status == "closed" and rng.random() < 0.5
        if kind in ("one-off", "sessions"):
            low, high = (-25, -2) if past else (3, 80)
            day = self.weekend_day(low, high, role.weekend)
            sessions = []
            if kind == "one-off":
                sessions.append(self.session("main", None, day, start, end))
                suffix = (en_day(day), zh_day(day))
            elif rng.random() < 0.45:
                for sid, label, s_start, s_minutes in (
                        ("shift-am", ("Morning shift", "上午梯"), "08:30", 180),
                        ("shift-pm", ("Afternoon shift", "下午梯"), "13:30", 180)):
                    sessions.append(self.session(sid, lt(label), day, s_start,
                                                 add_minutes(s_start, s_minutes)))
                suffix = ("two shifts", "兩梯次")
            else:
                count = rng.randint(2, 6)
                step = rng.choice((7, 7, 14))
                if not past and rng.random() < 0.2:  # a series already under way
                    day = self.weekend_day(-step, -1, role.weekend)
                for k in range(count):
                    when = day + timedelta(days=k * step)
                    sessions.append(self.session(f"s{k + 1}-{when:%m%d}",
                                                 lt((en_day(when), zh_day(when))),
                                                 when, start, end))
                suffix = (f"{count} dates", f"共 {count} 場")
            self.share_places(sessions, role, status)
            schedule["sessions"] = sessions
            if role.rain_note and status != "cancelled" and rng.random() < 0.6:
                notes.append(("Postponed by one week if it rains; registrants will be told the "
                              "evening before.", "遇雨順延一週，前一晚會通知報名者。"))
            first_day = date.fromisoformat(sessions[0]["start"][:10])
            last_day = date.fromisoformat(sessions[-1]["start"][:10])
        elif kind == "recurring":
            first_day, last_day, suffix, exdates, reason = self.recurrence(
                role, schedule, start, minutes, past)
            if exdates:
                notes.append(reason)
        else:
            slots = sorted(rng.sample(role.slots, rng.randint(2, min(5, len(role.slots)))),
                           key=lambda s: (SLOT_DAYS.index(s.split("-")[0]),
                                          SLOT_PARTS.index(s.split("-")[1])))
            first_day = self.day(rng.randint(-120, 20))
            last_day = self.day(rng.randint(90, 300))
            if rng.random() < 0.7:
                period = {"start_date": first_day.isoformat()}
                if rng.random() < 0.5:
                    period["end_date"] = last_day.isoformat()
                schedule["period"] = period
            schedule["time_slots"] = slots
            notes.append(("Choose the slots that suit you; we agree the exact times with you.",
                          "可選擇方便的時段，確切時間再與您約定。"))
            suffix = ("flexible hours", "時間彈性")
        if status == "cancelled":
            notes.insert(0, rng.choice(CANCEL_REASONS))
        if notes:
            schedule["notes"] = lt((" ".join(n[0] for n in notes), "".join(n[1] for n in notes)))
        return schedule, first_day, last_day, suffix

    def session(self, sid: str, label: dict | None, day: date, start: str, end: str) -> dict:
        session: dict[str, Any] = {"id": sid}
        if label:
            session["label"] = label
        session["start"] = stamp(day, start)
        session["end"] = stamp(day, end)
        return session

    def share_places(self, sessions: list[dict], role: Role, status: str) -> None:
        rng = self.rng
        for number, session in enumerate(sessions):
            capacity = rng.randint(*role.positions) // max(1, len(sessions) // 2)
            capacity = max(capacity, 2)
            if status == "cancelled":
                remaining, state = capacity, "cancelled"
            elif status in ("full", "waitlist"):
                remaining, state = 0, ("waitlist" if status == "waitlist" else "full")
            elif status == "open" and (number == len(sessions) - 1 or rng.random() < 0.75):
                remaining = rng.randint(1, capacity)
                state = "open"
            else:
                remaining = 0
                state = "full"
            session.update(capacity=capacity, remaining=remaining, status=state)

    def recurrence(self, role: Role, schedule: dict, start: str, minutes: int, past: bool):
        rng = self.rng
        monthly = bool(role.monthly) and rng.random() < 0.5
        candidate = self.day(rng.randint(-150, -60) if past else rng.randint(-90, 35))
        # long enough to run at least a month past the base date
        weeks = max(rng.randint(12, 40), (self.base - candidate).days // 7 + 5)
        parts = ("mornings", "afternoons", "evenings")
        part_zh = ("上午", "下午", "晚上")[day_part(start)]
        if monthly:
            token = rng.choice(role.monthly)
            nth, weekday = parse_byday(token)
            year, month = candidate.year, candidate.month
            dtstart = nth_weekday(year, month, nth, weekday)
            if dtstart < candidate:
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
                dtstart = nth_weekday(year, month, nth, weekday)
            occurrences = []
            y, m = dtstart.year, dtstart.month
            for _ in range(weeks // 4 + 1):
                occurrences.append(nth_weekday(y, m, nth, weekday))
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
            rule = f"FREQ=MONTHLY;BYDAY={token}"
            ordinal = {1: ("first", "第一個"), 2: ("second", "第二個"), 3: ("third", "第三個"),
                       -1: ("last", "最後一個")}[nth]
            suffix = (f"{ordinal[0]} {WEEKDAY_LONG[weekday]} of the month",
                      f"每月{ordinal[1]}週{WEEKDAY_ZH[weekday]}")
        else:
            token = rng.choice(role.days)
            weekdays = [WEEKDAY_CODES.index(t) for t in token.split(",")]
            interval = 2 if len(weekdays) == 1 and rng.random() < 0.2 else 1
            dtstart = candidate
            while dtstart.weekday() not in weekdays:
                dtstart += timedelta(days=1)
            monday = dtstart - timedelta(days=dtstart.weekday())
            occurrences = [when for week in range(0, weeks, interval) for weekday in weekdays
                           if (when := monday + timedelta(days=7 * week + weekday)) >= dtstart]
            rule = "FREQ=WEEKLY" + (f";INTERVAL={interval}" if interval > 1 else "")
            rule += f";BYDAY={token}"
            names = [WEEKDAY_EN[d] for d in weekdays]
            names_en = names[0] if len(names) == 1 else (
                ", ".join(names[:-1]) + " & " + names[-1])
            names_zh = "週" + "、".join(WEEKDAY_ZH[d] for d in weekdays)
            if interval > 1:
                suffix = (f"every other {WEEKDAY_LONG[weekdays[0]]} {parts[day_part(start)][:-1]}",
                          f"隔{names_zh}{part_zh}")
            else:
                suffix = (f"{names_en} {parts[day_part(start)]}", f"{names_zh}{part_zh}")
        last = occurrences[-1]
        if rng.random() < 0.25:
            rule += f";COUNT={len(occurrences)}"
        else:
            rule += f";UNTIL={last:%Y%m%d}T155959Z"
        holidays = set()
        for year in {dtstart.year, last.year}:
            holidays.update(date(year, m, d) for m, d in FIXED_HOLIDAYS)
            lunar = LUNAR_NEW_YEAR.get(year)
            if lunar:
                holidays.update(lunar + timedelta(days=k) for k in range(-2, 5))
        exdates = [o for o in occurrences if o in holidays][:4]
        reason: Pair = ("No sessions on national holidays or over the Lunar New Year break.",
                        "國定假日及農曆春節期間暫停。")
        if not exdates and len(occurrences) > 3 and rng.random() < 0.6:
            skipped = rng.choice(occurrences[1:-1])
            exdates = [skipped]
            reason = (f"No session on {en_day(skipped)} (staff training day).",
                      f"{zh_day(skipped)}因內部訓練暫停一次。")
        recurrence: dict[str, Any] = {"dtstart": f"{dtstart.isoformat()}T{start}:00",
                                      "duration": "PT" + (f"{minutes // 60}H" if minutes >= 60
                                                          else "")
                                      + (f"{minutes % 60}M" if minutes % 60 else ""),
                                      "rrule": rule}
        if exdates:
            recurrence["exdates"] = [d.isoformat() for d in exdates]
        schedule["period"] = {"start_date": dtstart.isoformat(), "end_date": last.isoformat()}
        schedule["recurrence"] = recurrence
        return dtstart, last, suffix, exdates, reason

    def commitment(self, kind: str, schedule: dict, role: Role, lt) -> dict:
        rng = self.rng
        if kind in ("one-off", "sessions"):
            first = schedule["sessions"][0]
            span = (int(first["end"][11:13]) * 60 + int(first["end"][14:16])
                    - int(first["start"][11:13]) * 60 - int(first["start"][14:16]))
            level = "one-time" if kind == "one-off" else rng.choice(("one-time", "short-term"))
            return {"level": level, "hours_per_session": hours_of(span)}
        if kind == "recurring":
            duration = schedule["recurrence"]["duration"]
            span = int(re.search(r"(\d+)H", duration)[1]) * 60 if "H" in duration else 0
            span += int(re.search(r"(\d+)M", duration)[1]) if "M" in duration else 0
            per_session = hours_of(span)
            months = rng.choice((1, 3, 3, 6, 12))
            commitment = {"level": "long-term" if months >= 6 else "regular",
                          "hours_per_session": per_session}
            rule = schedule["recurrence"]["rrule"]
            if rule.startswith("FREQ=WEEKLY") and "INTERVAL" not in rule:
                days = len(re.search(r"BYDAY=([A-Z,]+)", rule)[1].split(","))
                commitment["hours_per_week_min"] = per_session
                commitment["hours_per_week_max"] = per_session * days
                label = (f"At least one session a week for {months}+ months",
                         f"每週至少一次，服務 {months} 個月以上")
            else:
                label = (f"One session a month or fortnight, for {months}+ months",
                         f"每月或隔週一次，服務 {months} 個月以上")
            commitment["minimum_months"] = months
            if rng.random() < 0.5:
                commitment["label"] = lt(label)
            return commitment
        low = rng.choice((1, 2, 2, 3))
        months = rng.choice((3, 6))
        commitment = {"level": rng.choice(("regular", "long-term")),
                      "hours_per_week_min": low, "hours_per_week_max": low + rng.randint(1, 4),
                      "minimum_months": months}
        if rng.random() < 0.5:
            commitment["label"] = lt((f"About {low} hours a week, for {months}+ months",
                                      f"每週約 {low} 小時，服務 {months} 個月以上"))
        return commitment

    def suitability(self, role: Role, english_friendly: bool) -> dict:
        spec = role.suit
        suit: dict[str, Any] = {"min_age": spec.get("min_age", 18)}
        if "max_age" in spec:
            suit["max_age"] = spec["max_age"]
        if suit["min_age"] < 18:
            suit["guardian_consent_under"] = 18
        for flag in ("seniors", "families", "youth", "students_service_learning", "groups"):
            suit[flag] = self.chance(spec.get(flag, False))
        # not every unit can certify service-learning hours or takes teenagers
        suit["students_service_learning"] &= self.rng.random() < 0.7
        suit["youth"] &= suit["min_age"] < 18 or self.rng.random() < 0.6
        suit["corporate_teams"] = role.corporate
        if suit["groups"] and "max_group_size" in spec:
            suit["max_group_size"] = spec["max_group_size"]
        suit["english_friendly"] = english_friendly
        suit["newcomers_welcome"] = self.chance(spec.get("newcomers_welcome", 0.9))
        return suit

    def languages(self, role: Role, english_friendly: bool, first: str, second) -> dict:
        spoken = list(role.spoken)
        if english_friendly and "en" not in spoken:
            spoken.append("en")
        if english_friendly and (first == "en" or self.rng.random() < 0.3):
            required = ["en"] if first == "en" and second is None else []
        else:
            required = ["zh"] if role.physical != "high" and self.rng.random() < 0.7 else []
        training = ["en"] if first == "en" and second is None else (
            ["zh", "en"] if english_friendly and self.rng.random() < 0.4 else ["zh"])
        return {"spoken_on_site": spoken, "required": required, "training_languages": training}

    def accessibility(self, role: Role, locations: list[dict], lt) -> dict:
        rng = self.rng
        physical = role.physical if rng.random() < 0.92 else "unknown"
        remote = locations[0]["mode"] == "remote"
        if remote or role.physical == "low":
            wheelchair = "yes"
        elif role.physical == "high":
            wheelchair = "no"
        else:
            wheelchair = rng.choice(("partial", "yes", "unknown"))
        access: dict[str, Any] = {
            "wheelchair_access": wheelchair,
            "accessible_toilet": rng.choice(("yes", "yes", "unknown", "no")) if not remote
            else "unknown",
            "seated_role_available": "yes" if role.physical == "low" else rng.choice(
                ("yes", "no", "partial")),
            "physical_demand": physical,
            "sign_language_support": "yes" if "sign-language" in role.skills else rng.choice(
                ("no", "no", "unknown")),
        }
        if rng.random() < 0.4:
            access["notes"] = lt(ACCESS_NOTES[role.physical] if not remote else (
                "Fully remote; screen-reader friendly call app.",
"全程線上；通話 App 支援螢幕報讀。"))
        return access

    def requirements(self, role: Role, kind: str) -> dict:
        rng = self.rng
        vsa = rng.random() < (0.85 if kind in ("recurring", "flexible") else 0.4)
        basic = rng.choice(role.basic) if vsa else "not-required"
        special = rng.choice(role.special)
        hours = rng.choice(role.training_hours)
        return {"vsa_service_plan": vsa, "basic_training": basic, "special_training": special,
                "training_hours": hours,
                "record_book_required": vsa and rng.random() < role.record_book,
                "criminal_record_certificate": role.crc,
                "interview": rng.random() < role.interview}

    def localise_requirements(self, record: dict, role: Role, english_friendly: bool,
                              lt) -> None:
        rng = self.rng
        requirements = record["requirements"]
        if requirements["special_training"] != "not-required" and rng.random() < 0.3:
            hours = requirements["training_hours"]
            text = SPECIAL_TRAINING_TEXT[requirements["special_training"]]
            requirements["training_notes"] = lt((text[0].format(h=hours),
                                                 text[1].format(h=hours)))
        if role.health:
            requirements["health_notes"] = lt(role.health)
        if english_friendly and rng.random() < 0.6:
            requirements["eligibility_notes"] = lt((
                "Foreign residents holding an ARC are welcome.",
                "歡迎持居留證的外籍人士參加。"))
        elif record["suitability"]["students_service_learning"] and rng.random() < 0.4:
            requirements["eligibility_notes"] = lt((
                "Students can have their hours certified for service learning.",
                "學生可申請服務學習時數證明。"))

    def benefits(self, role: Role, requirements: dict, remote: bool) -> dict:
        rng = self.rng
        insurance = "unknown" if self.unknown_insurance.draw() else rng.choice(role.insurance)
        if (remote and rng.random() < 0.5) or (
                not requirements["vsa_service_plan"] and rng.random() < 0.04):
            insurance = "none"  # online roles, and small groups outside the Act
        benefits: dict[str, Any] = {"insurance": insurance,
                                    "service_hours_recorded": requirements["vsa_service_plan"],
                                    "meal_allowance": rng.random() < 0.35,
                                    "transport_allowance": rng.random() < 0.2,
                                    "certificate": rng.random() < 0.7}
        if insurance == "accident" and rng.random() < 0.3:
            benefits["insurance_notes"] = {
                "en": "We need your ID or ARC number to enrol you in the insurance.",
                "zh-TW": "投保需提供身分證或居留證號碼。"}
        return benefits

    def practical(self, requirements: dict, benefits: dict, status: str) -> Pair:
        parts = [BASIC_TRAINING_TEXT[requirements["basic_training"]],
                 INSURANCE_TEXT[benefits["insurance"]]]
        if requirements["record_book_required"]:
            parts.append(("Please bring your volunteer record book (志願服務紀錄冊).",
                          "請攜帶志願服務紀錄冊。"))
        if benefits["meal_allowance"]:
            parts.append(("A meal allowance is provided for shifts of four hours or more.",
                          "服務滿四小時提供誤餐費。"))
        if status == "waitlist":
            parts.insert(0, ("We currently have a waiting list: you can still apply and we "
                             "will contact you when a place opens.",
                             "目前額滿候補中，仍可報名，有名額時會通知您。"))
        en = " ".join(p[0] for p in parts if p[0])
        zh = "".join(p[1] for p in parts if p[1])
        return ("**Good to know:** " + en, "**注意事項：**" + zh) if en else ("", "")

    def history(self) -> tuple[str, str, str]:
        rng = self.rng
        verified = rng.randint(121, 330) if self.stale.draw() else rng.randint(1, 45)
        updated = verified + rng.choice((0, 0, rng.randint(1, 30)))
        published = updated + rng.randint(0, 90)
        times = sorted((self.office_time() for _ in range(3)), reverse=True)
        # the same day keeps the order published <= updated <= verified
        return (stamp(self.day(-published), times[2]), stamp(self.day(-updated), times[1]),
                stamp(self.day(-verified), times[0]))

    def deadline_time(self) -> tuple[str, int]:
        roll = self.rng.random()
        return ("23:59", 59) if roll < 0.7 else ("17:00", 0) if roll < 0.9 else ("12:00", 0)

    def application(self, role, status, kind, first_day, last_day, host, record, serial,
                    minguo, published, english_friendly, lt) -> dict:
        rng = self.rng
        method = rng.choice(role.methods)
        app: dict[str, Any] = {"method": method}
        if method == "platform":
            app["url"] = f"https://platform.example.org/recruit/R{minguo}{serial:07d}/apply"
            app["requires_account"] = True
        elif method == "external-form":
            app["url"] = rng.choice((f"https://forms.example.org/{host}",
                                     f"https://{host}.example.org/volunteer/apply"))
            app["requires_account"] = False
        if rng.random() < 0.4:
            app["opens_at"] = published
        mode = self.deadline_modes.draw()
        if status == "open" and self.past_deadline.draw():
            mode = "past"
        deadline = None
        hhmm, seconds = self.deadline_time()
        if mode == "past":
            deadline = self.day(-rng.randint(1, 14))
        elif status == "closed":
            deadline = self.day(-rng.randint(1, 30)) if mode != "until_filled" else None
        elif mode != "until_filled":
            if kind in ("one-off", "sessions") and first_day > self.base + timedelta(days=1):
                gap = (first_day - self.base).days - 1
                deadline = first_day - timedelta(days=rng.randint(1, min(7, gap)))
            else:
                deadline = self.day(rng.randint(7, 60))
                if last_day and deadline > last_day > self.base:
                    deadline = last_day
        if deadline is not None:
            app["deadline"] = stamp(deadline, hhmm, seconds)
        if deadline is None or mode == "both":
            app["until_filled"] = True
        total = rng.randint(*role.positions)
        sessions = record["schedule"].get("sessions")
        if sessions:
            total = sum(s["capacity"] for s in sessions)
            remaining = sum(s["remaining"] for s in sessions if s["status"] != "cancelled")
        elif status in ("full", "waitlist"):
            remaining = 0
        elif status == "open":
            remaining = rng.randint(1, total)
        else:
            remaining = rng.randint(0, total)
        app["positions_total"] = total
        app["positions_remaining"] = remaining if status != "cancelled" else 0
        if rng.random() < 0.6:
            app["expected_response_days"] = rng.choice((3, 5, 7, 10, 14))
        if rng.random() < (0.7 if method in ("email", "phone", "in-person") else 0.3):
            steps = list(STEPS[method])
            if record["requirements"]["interview"]:
                steps.append(("Short interview", "簡短面談"))
            app["steps"] = [lt(s) for s in steps]
        if method in ("email", "phone", "in-person") or rng.random() < 0.8:
            app["contact"] = self.contact(host, method, english_friendly, lt)
        return app

    def contact(self, host: str, method: str, english_friendly: bool, lt) -> dict:
        rng = self.rng
        contact: dict[str, Any] = {}
        if rng.random() < 0.7:
            surname = rng.choice(SURNAMES)
            female = rng.random() < 0.65
            contact["name"] = lt((f"{'Ms.' if female else 'Mr.'} {surname[0]}",
                                  f"{surname[1]}{'小姐' if female else '先生'}"))
            if rng.random() < 0.5:
                contact["role"] = lt(rng.choice(CONTACT_ROLES))
        else:
            contact["name"] = lt(rng.choice(CONTACT_ROLES))
        if method != "phone" or rng.random() < 0.6:
            contact["email"] = f"{rng.choice(MAILBOXES)}@{host}.example.org"
        if method in ("phone", "in-person") or rng.random() < 0.7:
            contact["phone"] = self.phone()
            if rng.random() < 0.4:
                contact["phone_ext"] = str(rng.randint(10, 399))
        if rng.random() < 0.4:
            contact["hours"] = lt(rng.choice(OFFICE_HOURS))
        contact["languages"] = ["zh", "en"] if english_friendly else ["zh"]
        return contact

    def tags(self, role: Role, record: dict) -> list[str]:
        tags = []
        schedule = record["schedule"]
        starts = [date.fromisoformat(s["start"][:10]) for s in schedule.get("sessions", [])]
        if starts and all(d.weekday() >= 5 for d in starts):
            tags.append("weekend")
        if "SA" in schedule.get("recurrence", {}).get("rrule", "") or any(
                s.startswith(("sat", "sun")) for s in schedule.get("time_slots", [])):
            tags.append("weekend")
        suit = record["suitability"]
        for flag, tag in (("families", "family-friendly"), ("english_friendly", "english-ok"),
                          ("students_service_learning", "service-learning"),
                          ("corporate_teams", "corporate"), ("groups", "groups")):
            if suit.get(flag):
                tags.append(tag)
        if role.physical == "high" or "manual-outdoor" in role.skills:
            tags.append("outdoor")
        return list(dict.fromkeys(tags))

    def translation(self, first: str, second, provenance) -> dict:
        key = {"en": "en", "zh": "zh-TW"}
        result = {key[first]: "original"}
        other = "zh" if first == "en" else "en"
        result[key[other]] = provenance if second else "missing"
        return result

    def expiry(self, last_day: date | None) -> str | None:
        rng = self.rng
        if self.expired.draw():
            return stamp(self.day(-rng.randint(1, 30)), "23:59", 59)
        if rng.random() < 0.65:
            end = last_day + timedelta(days=rng.randint(0, 7)) if last_day else self.day(
                rng.randint(30, 200))
            end = max(end, self.day(rng.randint(3, 30)))
            return stamp(end, "23:59", 59)
        return None

    # -- the feed -----------------------------------------------------------------------------

    def feed(self) -> dict:
        rng = self.rng
        opportunities = [self.record(i) for i in range(self.n)]
        used = {o["id"] for o in opportunities}
        reasons = ("filled", "cancelled", "expired", "duplicate", "removed_by_org", "other")
        withdrawn = []
        for k in range(self.withdrawn):
            role = rng.choice(ROLES)
            code = rng.choice(TAIPEI_CODES)
            item_id = f"{code}-{role.key}-{self.n + k + 1:04d}"
            assert item_id not in used
            withdrawn.append({"id": item_id,
                              "withdrawn_at": stamp(self.day(-rng.randint(1, 60)),
                                                    self.office_time()),
                              "reason": reasons[k % len(reasons)]})
        return {
            "schema_version": "1.0",
            "generated_at": f"{self.base.isoformat()}T09:00:00+08:00",
            "publisher": {
                "name": {"en": "Taipei volunteer opportunities export (sample, fictional)",
                         "zh-TW": "臺北市志願服務機會匯出資料（範例，虛構）"},
                "url": "https://platform.example.org/",
                "source_system": "taipei-cv",
            },
            "license": "OGDL-Taiwan-1.0",
            "opportunities": opportunities,
            "withdrawn": withdrawn,
        }


# -- quirks -----------------------------------------------------------------------------------

QUIRKS = ("district_alias", "minguo_deadline", "minguo_expires_at", "local_phone",
          "fullwidth_district", "fullwidth_postal_code", "fullwidth_phone", "stray_spaces")


def _first_location(record: dict, key: str) -> dict | None:
    return next((loc for loc in record["locations"] if key in loc), None)


def _phone_contact(record: dict) -> dict | None:
    contact = record["application"].get("contact")
    return contact if contact and "phone" in contact else None


def _eligible(name: str, record: dict) -> bool:
    if name == "district_alias":
        location = _first_location(record, "district")
        return bool(location) and location["district"] in BY_CODE
    if name == "minguo_deadline":
        return "deadline" in record["application"]
    if name == "minguo_expires_at":
        return "expires_at" in record
    if name in ("local_phone", "fullwidth_phone"):
        return _phone_contact(record) is not None
    if name == "fullwidth_district":
        return _first_location(record, "district") is not None
    if name == "fullwidth_postal_code":
        return _first_location(record, "postal_code") is not None
    return True


def _district_alias(code: str, style: int) -> str:
    district = BY_CODE[code]
    en, zh = district.en, district.zh
    styles = (f"臺北市{zh}區", en, f"{zh}區", f"台北市{zh}區", f"{en} District", zh,
              "Da-an" if code == "daan" else f"{en} Dist.",
              "Daan" if code == "daan" else f"Taipei City, {en} District")
    return styles[style % len(styles)]


def _minguo(value: str, style: int) -> str:
    when = datetime.fromisoformat(value)
    year = when.year - 1911
    if when.strftime("%H:%M:%S") == "23:59:59":  # a date alone means the end of that day
        forms = (f"{year}/{when:%m/%d}", f"民國{year}年{when.month}月{when.day}日",
                 f"{year}.{when:%m.%d}")
    else:
        forms = (f"{year}-{when:%m-%d %H:%M}",
                 f"民國{year}年{when.month}月{when.day}日 {when:%H:%M}")
    return forms[style % len(forms)]


def apply_quirk(name: str, record: dict, style: int, rng: random.Random) -> None:
    if name == "district_alias":
        location = _first_location(record, "district")
        location["district"] = _district_alias(location["district"], style)
    elif name == "minguo_deadline":
        record["application"]["deadline"] = _minguo(record["application"]["deadline"], style)
    elif name == "minguo_expires_at":
        record["expires_at"] = _minguo(record["expires_at"], style)
    elif name == "local_phone":
        contact = _phone_contact(record)
        area, head, tail = local_phone(contact["phone"])
        ext = contact.pop("phone_ext", None) or str(rng.randint(10, 399))
        forms = (f"({area}) {head}-{tail} #{ext}",
                 f"09{rng.randint(10, 89)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}",
                 f"{area}-{head}-{tail} ext. {ext}",
                 f"{area} {head} {tail} 分機 {ext}",
                 f"{area}-{head}-{tail}")
        contact["phone"] = forms[style % len(forms)]
    elif name == "fullwidth_district":
        location = _first_location(record, "district")
        location["district"] = fullwidth(location["district"])
    elif name == "fullwidth_postal_code":
        location = _first_location(record, "postal_code")
        location["postal_code"] = fullwidth(location["postal_code"])
    elif name == "fullwidth_phone":
        contact = _phone_contact(record)
        area, head, tail = local_phone(contact["phone"])
        contact["phone"] = fullwidth(f"({area}){head}-{tail}")
    elif name == "stray_spaces":
        target = ("status", "id", "schedule.type", "application.method", "mode")[style % 5]
        if target == "status":
            record["status"] = f" {record['status']} "
        elif target == "id":
            record["id"] = f" {record['id']} "
        elif target == "schedule.type":
            record["schedule"]["type"] = f" {record['schedule']['type']} "
        elif target == "application.method":
            record["application"]["method"] = f"{record['application']['method']} "
        else:
            record["locations"][0]["mode"] = f" {record['locations'][0]['mode']}"
    record["_quirk"] = name


def _daan_record(opportunities: list[dict], order: list[int], taken: set[int]) -> int | None:
    """Da'an has the most alias spellings (Da'an, Da-an, Daan …): show one in every sample."""
    for index in order:
        location = _first_location(opportunities[index], "district")
        if index not in taken and location and location["district"] == "daan":
            return index
    return None


def add_quirks(opportunities: list[dict], seed: int) -> None:
    """About one record in ten gets one quirk; with 150+ records every quirk at least twice."""
    rng = random.Random(f"{seed}/quirks")
    count = round(len(opportunities) / 10)
    if len(opportunities) >= 150:
        count = max(count, 2 * len(QUIRKS))
    order = list(range(len(opportunities)))
    rng.shuffle(order)
    taken: set[int] = set()
    cursor = dict.fromkeys(QUIRKS, 0)
    uses = dict.fromkeys(QUIRKS, 0)
    for k in range(count):
        name = QUIRKS[k % len(QUIRKS)]
        index = _daan_record(opportunities, order, taken) if (
            name == "district_alias" and uses[name] % 8 == 1) else None
        if index is None:  # the next eligible record in this quirk's shuffled walk
            position = cursor[name]
            while position < len(order) and (order[position] in taken or not _eligible(
                    name, opportunities[order[position]])):
                position += 1
            cursor[name] = position + 1
            if position >= len(order):
                continue
            index = order[position]
        taken.add(index)
        apply_quirk(name, opportunities[index], uses[name], rng)
        uses[name] += 1


# -- coverage ---------------------------------------------------------------------------------

def _texts(record: dict, lang: str) -> str:
    return " ".join(record.get(key, {}).get(lang, "") for key in ("title", "summary",
                                                                   "description")).strip()


def language_situation(record: dict) -> str:
    translation = record["translation"]
    if translation.get("zh-TW") == "missing":
        return "en-only"
    if translation.get("en") == "missing":
        return "zh-only"
    if translation.get("zh-TW") == "original":
        return f"zh-original+en-{translation['en']}"
    return f"en-original+zh-{translation['zh-TW']}"


def coverage(feed: dict) -> dict[str, Any]:
    """Counts of what the feed covers (quirk records included, values as generated)."""
    opportunities = feed["opportunities"]
    base = datetime.fromisoformat(feed["generated_at"])
    day = base.date().isoformat()
    stats: dict[str, Counter] = {name: Counter() for name in (
        "districts", "modes", "schedule_types", "statuses", "flags", "languages", "causes",
        "sdgs", "methods", "basic_training", "special_training", "insurance", "quirks",
        "special")}
    for record in opportunities:
        for location in record["locations"]:
            stats["modes"][location["mode"].strip()] += 1
            if location.get("district") in ALL_CODES:  # quirked values are counted as quirks
                stats["districts"][location["district"]] += 1
        schedule = record["schedule"]
        kind = schedule["type"].strip()
        stats["schedule_types"][kind] += 1
        if "exdates" in schedule.get("recurrence", {}):
            stats["special"]["recurring_with_exdates"] += 1
        status = record["status"].strip()
        stats["statuses"][status] += 1
        suit = record["suitability"]
        for flag in ("seniors", "families", "youth", "students_service_learning", "groups",
                     "corporate_teams", "english_friendly", "newcomers_welcome"):
            stats["flags"][flag] += bool(suit.get(flag))
        stats["flags"]["min_age"] += "min_age" in suit
        stats["flags"]["max_age"] += "max_age" in suit
        stats["languages"][language_situation(record)] += 1
        stats["causes"].update(record["causes"])
        stats["sdgs"].update(record["sdgs"])
        app = record["application"]
        stats["methods"][app["method"].strip()] += 1
        stats["basic_training"][record["requirements"]["basic_training"]] += 1
        stats["special_training"][record["requirements"]["special_training"]] += 1
        stats["insurance"][record["benefits"]["insurance"]] += 1
        stats["special"]["record_book_required"] += record["requirements"]["record_book_required"]
        stats["special"]["accessibility_info"] += "accessibility" in record
        if "_quirk" in record:
            stats["quirks"][record["_quirk"]] += 1
            continue  # the rest compares dates, which quirks may have rewritten
        deadline = app.get("deadline")
        if status == "open" and deadline and deadline[:10] < day and not app.get("until_filled"):
            stats["special"]["open_past_deadline"] += 1
        if record.get("expires_at", "9999")[:10] < day:
            stats["special"]["expired"] += 1
        verified = datetime.fromisoformat(record["verified_at"])
        if (base - verified).days > 120:
            stats["special"]["stale_over_120_days"] += 1
        if app.get("until_filled") and not deadline:
            stats["special"]["until_filled_no_deadline"] += 1
        key = "positions_remaining_0" if app["positions_remaining"] == 0 else \
            "positions_remaining_gt0"
        stats["special"][key] += 1
        if "里長" in _texts(record, "en") + _texts(record, "zh-TW"):
            stats["special"]["mentions_li_chief"] += 1
    return {name: dict(sorted(counter.items(), key=lambda kv: (str(type(kv[0])), kv[0])))
            for name, counter in stats.items()}


def check_feed(feed: dict, quirks: bool) -> list[str]:
    """What the default sample must cover and the invariants of every feed; [] when fine."""
    problems = []
    stats = coverage(feed)
    opportunities = feed["opportunities"]
    ids = [o["id"].strip() for o in opportunities]
    if len(set(ids)) != len(ids):
        problems.append("duplicate opportunity ids")
    if {w["id"] for w in feed["withdrawn"]} & set(ids):
        problems.append("a withdrawn id is also an opportunity")
    for record in opportunities:
        en, zh = _texts(record, "en").lower(), _texts(record, "zh-TW")
        senior = "seniors" in record["causes"]
        has_senior_words = any(w in en for w in SENIOR_WORDS_EN) or SENIOR_WORD_ZH in zh
        if senior and ((en and not any(w in en for w in SENIOR_WORDS_EN))
                       or (zh and SENIOR_WORD_ZH not in zh)):
            problems.append(f"{record['id']}: senior role without 'elderly'/'older residents'/長者")
        if not senior and has_senior_words:
            problems.append(f"{record['id']}: senior words in a role that is not for seniors")
        if "beach-cleanup" in record["id"] and (
                (en and BEACH_WORDS[0] not in en) or (zh and BEACH_WORDS[1] not in zh)):
            problems.append(f"{record['id']}: beach clean-up without 'beach clean-up'/淨灘")
        if record["suitability"]["corporate_teams"] and (
                (en and not any(w in en for w in CORPORATE_WORDS_EN))
                or (zh and CORPORATE_WORD_ZH not in zh)):
            problems.append(f"{record['id']}: corporate role without company-volunteer words")
        for lang, text in record["summary"].items():
            if len(text) > 200:
                problems.append(f"{record['id']}: summary in {lang} over 200 characters")
    if len(opportunities) < 150:
        return problems

    def need(group: str, keys, minimum: int = 1) -> None:
        for key in keys:
            if stats[group].get(key, 0) < minimum:
                problems.append(f"coverage: {group} {key!r} seen {stats[group].get(key, 0)} "
                                f"times, need {minimum}")

    need("districts", TAIPEI_CODES)
    need("districts", ["outside-taipei"], 2)
    need("modes", ["remote", "hybrid"], 2)
    need("schedule_types", ["one-off", "sessions", "recurring", "flexible"])
    need("statuses", ["open", "waitlist", "full", "closed", "cancelled"])
    need("flags", ["seniors", "families", "youth", "students_service_learning", "groups",
                   "corporate_teams", "english_friendly", "newcomers_welcome", "min_age",
                   "max_age"])
    need("languages", ["en-only", "zh-only", "zh-original+en-human", "zh-original+en-machine"],
         2)
    need("causes", ["seniors", "children-youth", "disability", "health", "education",
                    "culture-arts", "libraries-museums", "environment", "animals", "community",
                    "new-residents", "food", "disaster-relief", "sports", "tourism",
                    "public-service", "human-rights", "other"])
    need("sdgs", range(1, 18))
    need("methods", ["platform", "external-form", "email", "phone", "in-person"])
    need("basic_training", ["required-before", "required-within-period", "provided",
                            "not-required"])
    need("special_training", ["required-before", "required-within-period", "provided",
                              "not-required"])
    need("insurance", ["accident", "accident-and-liability", "none", "unknown"])
    need("special", ["recurring_with_exdates", "open_past_deadline", "expired",
                     "stale_over_120_days", "until_filled_no_deadline", "positions_remaining_0",
                     "positions_remaining_gt0", "record_book_required", "accessibility_info",
                     "mentions_li_chief"], 2)
    if quirks:
        need("quirks", QUIRKS, 2)
    return problems


# -- command line -----------------------------------------------------------------------------

def make_feed(records: int = 160, seed: int = 2026, base_date: date | None = None,
              quirks: bool = False, withdrawn: int = 5) -> dict:
    base = base_date or date(2026, 11, 28)
    feed = FeedGenerator(records, seed, base, withdrawn).feed()
    if quirks:
        add_quirks(feed["opportunities"], seed)
    return feed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=160, help="number of opportunities")
    parser.add_argument("--seed", type=int, default=2026, help="random seed")
    parser.add_argument("--base-date", type=date.fromisoformat, default=date(2026, 11, 28),
                        help="the day the feed is generated (YYYY-MM-DD)")
    parser.add_argument("--quirks", action="store_true",
                        help="include raw-export quirks in about 10%% of records")
    parser.add_argument("--withdrawn", type=int, default=5, help="number of tombstones")
    parser.add_argument("--out", help="output file (default: standard output)")
    parser.add_argument("--stats", action="store_true", help="print coverage counts to stderr")
    args = parser.parse_args(argv)
    if args.records < 0 or args.withdrawn < 0:
        parser.error("--records and --withdrawn must not be negative")

    feed = make_feed(args.records, args.seed, args.base_date, args.quirks, args.withdrawn)
    problems = check_feed(feed, args.quirks)
    if problems:
        raise SystemExit("make_feed: the generated feed is incomplete:\n  "
                         + "\n  ".join(problems[:40]))
    text = json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
    if args.out:
        with open(args.out, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    if args.stats:
        print(json.dumps(coverage(feed), ensure_ascii=False, indent=1), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
